import { mkdirSync, realpathSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig, projectConfigPath, type EffectiveConfig } from '../config/config.ts';
import { stateDirFor } from '../config/paths.ts';
import { isUsersRoot } from '../config/roots.ts';
import { readProjectFile } from '../config/trust.ts';
import { parse } from '../util/args.ts';
import { UserError, errorMessage } from '../util/errors.ts';
import { SupervisedChild, type ChildContext } from './child.ts';
import { LogTail, makeLogger, RotatingLog, type Logger } from './log.ts';
import { startMode } from './server-state.ts';

// A first client waits for the eager children's start-up, not for the
// daemon's own code: they are spawned here, with only the config, the trust
// check and the child supervisor loaded (issue 17, "cold start by phase"),
// and the daemon adopts them once its port is bound — or stops them when the
// port is not its to take. The CommonJS bin starts them before the full CLI
// (ESM) even loads, and leaves them to the daemon command (takeEarlyStart).

export interface DaemonArgs { root: string; port: number; host?: string; idleMinutes?: number }

/** `mcp-auto daemon`'s arguments, checked: a one-line error (exit 2) for anything wrong. */
export function parseDaemonArgs(argv: string[]): DaemonArgs {
  const { values } = parse('daemon', argv, {
    root: { type: 'string' },
    port: { type: 'string' },
    'unsafe-expose': { type: 'string' },
    'idle-timeout': { type: 'string' },
  }, false);
  const idle = values['idle-timeout'] === undefined ? undefined : Number(values['idle-timeout']);
  if (idle !== undefined && !(idle >= 0)) throw new UserError(`daemon: --idle-timeout must be minutes (0 = never), not '${values['idle-timeout']}'`, 2);
  if (!values.root || !values.port) throw new UserError('daemon: --root and --port are required; see `mcp-auto daemon --help`', 2);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`daemon: --port must be a port number, not '${values.port}'`, 2);
  let root: string;
  try {
    root = realpathSync(values.root);
  } catch {
    throw new UserError(`daemon: --root ${values.root} does not exist`, 2);
  }
  return { root, port, ...(values['unsafe-expose'] ? { host: values['unsafe-expose'] } : {}), ...(idle !== undefined ? { idleMinutes: idle } : {}) };
}

/** Where the bin leaves its early start for the command (the two are separate bundles: a registered symbol, not a module variable). */
const HANDOFF = Symbol.for('mcp-auto.early-start');
type Handoff = Record<symbol, EarlyStart | undefined>;

/**
 * The bin's call, before the full CLI loads: for `daemon --root DIR ...` on
 * loopback, the eager children start now. Anything odd starts nothing: the
 * command itself then reports it.
 */
export function startEarlyFor(argv: string[]): void {
  let args: DaemonArgs;
  try { args = parseDaemonArgs(argv); } catch { return; }
  if (args.host) return; // --unsafe-expose: the command checks the config first
  (globalThis as unknown as Handoff)[HANDOFF] = new EarlyStart(args.root);
}

/** What the bin started for this root, taken once. */
export function takeEarlyStart(root: string): EarlyStart | undefined {
  const handoff = globalThis as unknown as Handoff;
  const early = handoff[HANDOFF];
  handoff[HANDOFF] = undefined;
  return early?.root === root ? early : undefined;
}

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
