import { mkdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig, projectConfigPath, type EffectiveConfig } from '../config/config.ts';
import { stateDirFor } from '../config/paths.ts';
import { isUsersRoot } from '../config/roots.ts';
import { readProjectFile } from '../config/trust.ts';
import { errorMessage } from '../util/errors.ts';
import { SupervisedChild, type ChildContext } from './child.ts';
import { LogTail, makeLogger, RotatingLog, type Logger } from './log.ts';
import { startMode } from './server-state.ts';

// A first client waits for the eager children's start-up, not for the
// daemon's own code: they are spawned here, with only the config, the trust
// check and the child supervisor loaded (issue 17, "cold start by phase"),
// and the daemon adopts them once its port is bound — or stops them when the
// port is not its to take.

/** The config the daemon runs: the project file only once the user trusted it (its problems logged). */
export function readDaemonConfig(root: string, log: Logger): EffectiveConfig | undefined {
  const projectFile = projectConfigPath(root);
  const read = readProjectFile(projectFile);
  if (read.problem) log(`config: ${read.problem}`);
  try {
    // The bytes the trust check hashed are the bytes parsed.
    return loadConfig(read.state === 'trusted' ? { projectFile, projectText: read.text! } : {});
  } catch (error) {
    log(`config: ${errorMessage(error)}; keeping the last good config`);
    return undefined;
  }
}

/** What the daemon takes over from its first milliseconds. */
export interface Adopter {
  /** Records a spawned child (for the reaping of orphans after a crash). */
  onSpawn(pid: number, command: string): void;
  /** Read at each start of a child: marks and trustedRoots may change while the daemon runs. */
  usersRoot(): boolean;
}

export class EarlyStart {
  readonly stateDir: string;
  readonly logTail = new LogTail();
  readonly log: Logger;
  readonly config: EffectiveConfig | undefined;
  /** performance.now() once the eager children were spawned (undefined: none spawned here). */
  readonly spawnedAt: number | undefined;
  private readonly children = new Map<string, SupervisedChild>();
  private readonly spawned: Array<{ pid: number; command: string }> = [];
  private adopter: Adopter | undefined;

  /** `spawn: false`: the config and log only (a daemon made without an early start). */
  constructor(readonly root: string, opts: { spawn?: boolean } = {}) {
    this.stateDir = stateDirFor(root);
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
    this.log = makeLogger(new RotatingLog(this.stateDir), undefined, (line) => this.logTail.push(line));
    this.config = readDaemonConfig(root, this.log);
    const config = this.config ?? loadConfig();
    const early = this;
    const ctx: ChildContext = {
      root,
      stateDir: this.stateDir,
      log: this.log,
      get usersRoot() { return early.adopter ? early.adopter.usersRoot() : isUsersRoot(root, config.settings.trustedRoots); },
      onSpawn: (pid, command) => (this.adopter ? this.adopter.onSpawn(pid, command) : this.spawned.push({ pid, command })),
    };
    for (const def of opts.spawn === false ? [] : config.servers.values()) {
      if (startMode(def, () => isUsersRoot(root, config.settings.trustedRoots)) !== 'eager') continue;
      const child = new SupervisedChild(def, ctx);
      child.start();
      this.children.set(def.name, child);
    }
    this.spawnedAt = opts.spawn === false ? undefined : performance.now();
  }

  /** The pids spawned before the daemon held its port (never to be reaped as an earlier daemon's). */
  get pids(): number[] {
    return this.spawned.map((c) => c.pid);
  }

  /** Hands the children over: what they spawned so far is recorded now, later spawns as they come. */
  adopt(adopter: Adopter): void {
    this.adopter = adopter;
    for (const { pid, command } of this.spawned.splice(0)) adopter.onSpawn(pid, command);
  }

  /** The child started for this server, if it was started here (once). */
  take(name: string): SupervisedChild | undefined {
    const child = this.children.get(name);
    this.children.delete(name);
    return child;
  }

  /** The port was not ours: what started here stops. */
  async stop(): Promise<void> {
    await Promise.all([...this.children.values()].map((c) => c.stop()));
  }
}
