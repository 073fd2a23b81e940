// Shared test plumbing: a private HOME/XDG tree per test, a port range per test
// file, the built CLI, and a registry of every pid a test starts so that
// nothing is left running.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, realpathSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { descendants } from '../bench/proc.mjs';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(repo, 'dist', 'mcp-auto.cjs'); // the Node entry, which the installed command runs
/** The installed command (package.json's bin): bash, answering `exec` and `mcp-config` itself when it can (shell/bin.bash). */
export const command = join(repo, 'dist', 'mcp-auto');

/**
 * A new folder under `home` holding only a link to bash: on a PATH of just
 * this, the installed command answers alone or fails (127) where it would
 * hand over to Node.
 */
export function bashOnlyPath(home: string): string {
  const dir = mkdtempSync(join(home, 'only-bash-'));
  symlinkSync(spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim(), join(dir, 'bash'));
  return dir;
}

/** A program on PATH (the tests that drive one skip without it; .ci/run installs them all). */
export const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
export const everythingBin = join(repo, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export interface TestEnv {
  home: string;
  env: NodeJS.ProcessEnv;
  /** Makes a project folder (with a .git marker) under the temp HOME. */
  project(name: string, files?: Record<string, string>): string;
  writeUserConfig(config: unknown): void;
  cleanup(): Promise<void>;
}

const started = new Set<number>();

/** Remembers a pid so that cleanup kills it (and its process group) if the test did not. */
export function track(pid: number | undefined): void {
  if (pid) started.add(pid);
}

export function killTracked(): void {
  for (const pid of started) {
    for (const target of [-pid, pid]) {
      try { process.kill(target, 'SIGKILL'); } catch { /* gone */ }
    }
  }
  started.clear();
}

/**
 * A private world: HOME, XDG dirs, a user config with the given port range.
 * Every daemon started inside it is stopped by pid on cleanup.
 */
export function makeEnv(opts: { portRange: [number, number]; config?: Record<string, unknown> }): TestEnv {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-auto-test-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local/state'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    NO_COLOR: '1',
  };
  delete env.MCP_AUTO_PORT;
  delete env.MCP_AUTO_URL;
  const writeUserConfig = (config: unknown) => {
    const dir = join(env.XDG_CONFIG_HOME!, 'mcp-auto');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2));
  };
  writeUserConfig({ portRange: opts.portRange, ...(opts.config ?? {}) });
  return {
    home,
    env,
    writeUserConfig,
    project(name, files = {}) {
      const dir = join(home, name);
      mkdirSync(join(dir, '.git'), { recursive: true });
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), content);
      }
      return dir;
    },
    async cleanup() {
      await stopDaemonsIn(env);
      killTracked();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Stops every daemon whose state lives in this env and its children, by the pid in its state file. */
async function stopDaemonsIn(env: NodeJS.ProcessEnv): Promise<void> {
  const stateHome = join(env.XDG_STATE_HOME!, 'mcp-auto');
  let dirs: string[] = [];
  try { dirs = readdirSync(stateHome); } catch { return; }
  for (const dir of dirs) {
    try {
      const { pid } = JSON.parse(readFileSync(join(stateHome, dir, 'daemon.json'), 'utf8')) as { pid: number };
      // Its children run in process groups of their own: found before the daemon goes.
      for (const target of [pid, ...descendants(pid)]) {
        for (const id of [-target, target]) {
          try { process.kill(id, 'SIGKILL'); } catch { /* gone */ }
        }
      }
    } catch { /* no daemon there */ }
  }
}

export interface RunResult { code: number; stdout: string; stderr: string }

/** Runs the built CLI and collects its output. */
export function run(args: string[], env: NodeJS.ProcessEnv, opts: { cwd?: string; input?: string; timeoutMs?: number; installed?: boolean } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const [file, argv] = opts.installed ? [command, args] : [process.execPath, [cli, ...args]];
    const child = execFile(file, argv, { env, cwd: opts.cwd, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    track(child.pid);
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

const logs = new WeakMap<ChildProcess, string>();

/** What a daemon started by startDaemon() wrote to stderr (its log) so far. */
export function daemonLog(child: ChildProcess): string {
  return logs.get(child) ?? '';
}

/** Starts `mcp-auto daemon` in the foreground (own process group) and waits for /health. */
export async function startDaemon(root: string, port: number, env: NodeJS.ProcessEnv, extra: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'daemon', '--root', root, '--port', String(port), ...extra], {
    env, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  });
  track(child.pid);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); logs.set(child, stderr); });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`daemon exited ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      // Another daemon on that port (another test's, another checkout's) is not ours: say so, not test it.
      if (res.ok) {
        const { pid } = (await res.json()) as { pid: number };
        if (pid === child.pid) return child;
        throw new Error(`port ${port} answers for pid ${pid}, not the daemon just started (${child.pid}): the port is taken`);
      }
    } catch (error) {
      if (error instanceof Error && /the port is taken/.test(error.message)) throw error;
    }
    await sleep(50);
  }
  throw new Error(`daemon did not answer /health on ${port}: ${stderr}`);
}

/** Sends SIGTERM to a process group and waits (bounded) for the leader to exit. */
export async function stopProcess(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* gone */ }
  const timer = sleep(timeoutMs).then(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } });
  await Promise.race([exited, timer]);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until fn returns a truthy value or the time runs out. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (error) { last = error; }
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A port bound by this process, so nothing else can take it between being chosen and being used. */
export interface HeldPort { port: number; release(): Promise<void> }

/** Binds a port on 127.0.0.1 and keeps it; null when something else holds it. */
export function holdPort(port: number): Promise<HeldPort | null> {
  return new Promise((resolve) => {
    // Whoever connects (a probe) is dropped on release: close() waits for every connection.
    const sockets = new Set<Socket>();
    const server = createServer((socket) => { sockets.add(socket); socket.on('error', () => {}); });
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => resolve({
      port,
      release: () => new Promise<void>((r) => {
        server.close(() => r());
        for (const socket of sockets) socket.destroy();
      }),
    }));
  });
}

/**
 * The first port of [low, high] nothing holds, held until release() — call it
 * just before handing the port to the process that binds it.
 */
export async function freePort(low: number, high: number): Promise<HeldPort> {
  for (let port = low; port <= high; port++) {
    const held = await holdPort(port);
    if (held) return held;
  }
  throw new Error(`no free port in ${low}-${high}`);
}
