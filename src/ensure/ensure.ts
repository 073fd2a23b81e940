import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, appendFileSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { adapters, syncClients, type SyncResult } from '../clients/index.ts';
import { managedEntries } from '../clients/entries.ts';
import { loadConfig, projectConfigPath, readConfigFile, userConfigPath, defaultSettings, type EffectiveConfig, type Settings } from '../config/config.ts';
import { daemonStatus, fetchHealth, pidAlive, type Health } from './daemon-state.ts';
import { UserError } from '../util/errors.ts';
import { VERSION } from '../util/version.ts';
import { killGroupOf } from '../util/process.ts';
import { withLock } from './lock.ts';
import { IDLE_STOPPED, stateDirFor } from '../config/paths.ts';
import { choosePort } from './port.ts';
import { STDERR_FILE } from '../daemon/log.ts';
import { findRoot, type ProjectRoot } from './root.ts';
import { readProjectFile, type TrustState } from '../config/trust.ts';

export interface EnsureResult {
  root: string;
  marker: string;
  port: number;
  url: string;
  pid: number;
  /** True when this call started the daemon. */
  started: boolean;
  trust: TrustState;
  servers: string[];
  clients: SyncResult[];
  /** Lines the user should see. */
  notices: string[];
  /** With "auth": "token": the bearer token, for MCP_AUTO_TOKEN (exec, use mcp). */
  token?: string;
}

/** The user's settings (markers, port range, clients), without the project's servers. */
export function userSettings(): Settings {
  const user = readConfigFile(userConfigPath());
  return { ...defaultSettings, ...Object.fromEntries(Object.entries(user ?? {}).filter(([k]) => k in defaultSettings)) } as Settings;
}

export function locateRoot(dir: string, settings = userSettings()): ProjectRoot | undefined {
  return findRoot(dir, settings.markers);
}

/** The config the daemon runs for this root: the project file only when trusted. */
export function projectConfig(root: string): { config: EffectiveConfig; trust: TrustState; problem?: string } {
  const file = projectConfigPath(root);
  const read = readProjectFile(file);
  // The bytes the trust check hashed are the bytes parsed.
  const config = loadConfig(read.state === 'trusted' ? { projectFile: file, projectText: read.text! } : {});
  return { config, trust: read.state, ...(read.problem ? { problem: read.problem } : {}) };
}

const START_WAIT_MS = 10_000;

/**
 * Makes sure the root's daemon runs and the client configs point at it
 * (unless writeClients is false).
 * Fast path: the daemon record names a live daemon for this root → one GET.
 * Otherwise, under the root's lock: pick the port (hash, then probe), start the
 * daemon detached, wait only until its port answers — never for its servers.
 */
export async function ensureRoot(project: ProjectRoot, opts: { writeClients?: boolean; preferPort?: number } = {}): Promise<EnsureResult> {
  const { root, marker } = project;
  const stateDir = stateDirFor(root);
  const { config, trust, problem } = projectConfig(root);
  let started = false;
  const impostors: string[] = [];
  let status = await daemonStatus(root, { ensure: true });
  let health: Health;
  if (status.kind === 'running' && !olderThan(status.health.version, VERSION)) {
    health = status.health;
  } else {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    health = await withLock(stateDir, async () => {
      status = await daemonStatus(root, { ensure: true });
      if (status.kind === 'running' && !olderThan(status.health.version, VERSION)) return status.health;
      if (status.kind === 'running') {
        // A daemon from before an upgrade lacks its fixes: replaced on the same
        // port; client sessions survive (sessions.json), as after a crash.
        await stopOld(status.record.pid, status.record.port);
      }
      started = true;
      return startDaemon(root, stateDir, config.settings.portRange, opts.preferPort ?? (status.kind === 'none' ? undefined : status.record.port), impostors);
    });
  }
  const entries = managedEntries(config, health.port);
  // mcp-config wants the daemon but no project file written.
  const chosen = opts.writeClients === false ? [] : config.settings.clients.map((name) => {
    const adapter = adapters[name];
    if (!adapter) throw new UserError(`unknown client '${name}' in "clients" (known: ${Object.keys(adapters).join(', ')})`, 2);
    return adapter;
  });
  const clients = await syncClients(root, stateDir, chosen, entries);
  const notices = [...impostors.map((why) => `mcp-auto: ${why}; not ours, so the daemon moved to port ${health.port}`), ...noticesFor(root, trust, clients, problem)];
  const token = config.settings.auth === 'token' ? readToken(stateDir) : undefined;
  return {
    root, marker, port: health.port, url: `http://127.0.0.1:${health.port}`, pid: health.pid, started, trust,
    servers: entries.map((e) => e.name), clients, notices, ...(token ? { token } : {}),
  };
}

/** True when version a (x.y.z[-pre]) is older than b. */
export function olderThan(a: string, b: string): boolean {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  // 1.0.0-rc.1 is older than 1.0.0.
  if (x.pre !== undefined && y.pre === undefined) return true;
  if (x.pre === undefined || y.pre === undefined) return false;
  return x.pre < y.pre;
}

/**
 * SIGTERM (it saves its sessions and stops its children), then SIGKILL its
 * group if it lingers; then waits (briefly) until its port can be bound again,
 * so that the new daemon gets the port clients know.
 */
async function stopOld(pid: number, port: number): Promise<void> {
  const sleep = () => new Promise((r) => setTimeout(r, 25));
  try { process.kill(pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 5000;
  while (pidAlive(pid) && Date.now() < deadline) await sleep();
  if (pidAlive(pid)) killGroupOf(pid);
  const { canBind } = await import('./port.ts');
  const bound = Date.now() + 3000;
  while (!(await canBind(port)) && Date.now() < bound) await sleep();
}

async function startDaemon(root: string, stateDir: string, range: [number, number], previousPort: number | undefined, impostors: string[]): Promise<Health> {
  const tried = new Set<number>();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { port, holder, impostors: seen } = await choosePortAvoiding(root, range, tried, previousPort);
    for (const why of seen) if (!impostors.includes(why)) impostors.push(why);
    if (holder === 'ours') {
      const health = await fetchHealth(port, { ensure: true });
      if (health) return health;
    }
    tried.add(port);
    const child = spawnDaemon(root, port, stateDir);
    const outcome = await waitForDaemon(child, port, root);
    if (outcome === 'port-taken') continue;
    if (outcome === 'timeout' || outcome === 'exited') {
      throw new UserError(`the daemon for ${root} did not start (${outcome}); see \`mcp-auto logs ${root}\``);
    }
    return outcome;
  }
  throw new UserError(`could not find a port for ${root}; see \`mcp-auto doctor\``);
}

async function choosePortAvoiding(root: string, range: [number, number], tried: Set<number>, previous: number | undefined) {
  // A daemon killed -9 comes back on the port clients already know, if it is free.
  if (previous !== undefined && !tried.has(previous)) {
    const { portHolder } = await import('./port.ts');
    const { holder, why } = await portHolder(previous, root);
    if (holder === 'free' || holder === 'ours') return { port: previous, holder, impostors: [] };
    if (why) {
      const choice = await choosePort(root, range);
      return { ...choice, impostors: [why, ...choice.impostors] };
    }
  }
  const choice = await choosePort(root, range);
  if (!tried.has(choice.port)) return choice;
  throw new UserError(`port ${choice.port} keeps being taken; see \`mcp-auto doctor\``);
}

/**
 * Fully detached: own session, no stdin — it never holds a shell's or direnv's pipes.
 * The daemon writes its own rotating log; its stderr (truncated per start) only
 * catches what Node prints if it dies before it can log.
 */
function spawnDaemon(root: string, port: number, stateDir: string) {
  const log = openSync(join(stateDir, STDERR_FILE), 'w', 0o600);
  const cli = process.argv[1]!;
  const child = spawn(process.execPath, [cli, 'daemon', '--root', root, '--port', String(port)], {
    detached: true,
    stdio: ['ignore', log, log],
    // Not the project: nothing there may take part in what the daemon runs.
    cwd: stateDir,
    env: process.env,
  });
  closeSync(log);
  return child;
}

function waitForDaemon(child: ReturnType<typeof spawn>, port: number, root: string): Promise<Health | 'port-taken' | 'exited' | 'timeout'> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: Health | 'port-taken' | 'exited' | 'timeout') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.unref();
      resolve(value);
    };
    child.once('exit', (code) => finish(code === 3 ? 'port-taken' : 'exited'));
    const timer = setTimeout(() => finish('timeout'), START_WAIT_MS);
    const poll = async () => {
      while (!done) {
        const health = await fetchHealth(port, { timeoutMs: 500, ensure: true });
        if (health?.root === root) return finish(health);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void poll();
  });
}

/** What the user must hear about this root. */
function noticesFor(root: string, trust: TrustState, clients: SyncResult[], problem?: string): string[] {
  const lines: string[] = [];
  if (problem) lines.push(`mcp-auto: ${problem}`);
  if (trust === 'untrusted') lines.push(`mcp-auto: ${projectConfigPath(root)} is not trusted; run \`mcp-auto trust ${root}\` to use it`);
  for (const c of clients) {
    if (c.error) lines.push(`mcp-auto: ${c.error}`);
    if (c.notice) lines.push(`mcp-auto: ${c.notice}`);
    for (const name of c.conflicts) lines.push(`mcp-auto: ${c.file} already has a '${name}' entry mcp-auto did not write; left as is (rename or remove it)`);
  }
  return lines;
}

/**
 * The notices not shown before for this root and this version of its project
 * config, remembered as shown: the hook must warn once, not on every cd.
 */
export function unseenNotices(root: string, lines: string[]): string[] {
  const shownFile = join(stateDirFor(root), 'notices-shown.json');
  let shown: string[] = [];
  try { shown = JSON.parse(readFileSync(shownFile, 'utf8')) as string[]; } catch { /* none yet */ }
  const config = fileDigest(projectConfigPath(root));
  const key = (line: string) => createHash('sha256').update(line).update(config).digest('hex').slice(0, 16);
  const fresh = lines.filter((l) => !shown.includes(key(l)));
  if (fresh.length > 0) {
    try {
      writeFileAtomic(shownFile, JSON.stringify([...shown, ...fresh.map(key)].slice(-200)), 0o600);
    } catch { /* a notice shown twice is no harm */ }
  }
  return fresh;
}

export function readToken(stateDir: string): string | undefined {
  try { return readFileSync(join(stateDir, 'token'), 'utf8').trim() || undefined; } catch { return undefined; }
}

function fileDigest(file: string): string {
  const read = readProjectFile(file);
  return read.bytes ? createHash('sha256').update(read.bytes).digest('hex') : read.state;
}

/** Appends notices in one write (the hook prints and removes the file at its next prompt). */
export function writeNotices(file: string, lines: string[]): void {
  if (lines.length === 0) return;
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
}

/**
 * Points the hook's `<notice file>.daemon` link at the root's idle-stop marker:
 * once the daemon stops for idleness the link resolves, and the hook's next
 * prompt (a builtin `-e` test) runs ensure again. Links of shells that are
 * gone are removed here, off the prompt's path.
 */
export function linkIdleMarker(noticeFile: string, root: string): void {
  const link = `${noticeFile}.daemon`;
  const temp = `${link}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(link), { recursive: true, mode: 0o700 });
    rmSync(temp, { force: true });
    symlinkSync(join(stateDirFor(root), IDLE_STOPPED), temp);
    renameSync(temp, link);
    for (const name of readdirSync(dirname(link))) {
      const shell = /^(\d+)\.daemon$/.exec(name);
      if (shell && !pidAlive(Number(shell[1]))) rmSync(join(dirname(link), name), { force: true });
    }
  } catch {
    // Without the link the hook only misses bringing back an idle daemon before the next cd.
  }
}
