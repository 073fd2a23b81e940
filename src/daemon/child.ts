import { EventEmitter } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import type { ServerDef } from '../config/config.ts';
import { launchPlan } from './launch.ts';
import { errorMessage } from '../util/errors.ts';
import { VERSION } from '../util/version.ts';
import { isMessage, isResponse, type Message, type Response } from '../gateway/jsonrpc.ts';
import type { Logger } from './log.ts';
import { redact } from '../util/redact.ts';
import { listenerOf, listenerOwnedBy } from '../ensure/peer.ts';
import type { ServerState } from './server-state.ts';

export type ChildState = ServerState;

/** The protocol version the gateway asks its children for. */
export const CHILD_PROTOCOL_VERSION = '2025-11-25';

const STDERR_TAIL = 20;
/** Consecutive failed starts before a server is marked failed. */
const MAX_FAILURES = 6;
const FIRST_BACKOFF_MS = 200;
const MAX_BACKOFF_MS = 30_000;
/** A child that stayed up this long has its failure count reset. */
const STABLE_MS = 30_000;
const STOP_GRACE_MS = 3_000;

export interface ChildContext {
  root: string;
  stateDir: string;
  log: Logger;
  /** The user marked the root as theirs: a user server may then use the project to launch. */
  usersRoot?: boolean;
  /** Called with each spawned pid (the daemon records them to reap orphans after a crash). */
  onSpawn?: (pid: number, command: string) => void;
}

/**
 * One configured server's process, supervised: started, restarted with
 * exponential backoff when it exits, marked failed after a crash loop. For a
 * stdio child it also owns the upstream connection: line-delimited JSON-RPC on
 * stdin/stdout and the one `initialize` handshake, whose result is cached and
 * replayed to every client session.
 *
 * Events: 'message' (a JSON-RPC message from a stdio child), 'ready', 'down' (reason).
 */
export class SupervisedChild extends EventEmitter {
  state: ChildState = 'not-started';
  pid: number | undefined;
  restarts = 0;
  lastError: string | undefined;
  readonly stderrTail: string[] = [];
  /** The child's InitializeResult (stdio) — instructions included. */
  initResult: Record<string, unknown> | undefined;
  /** The internal port of an http child. */
  internalPort: number | undefined;
  private listenerInode: number | undefined;
  private listenerCheckedAt = 0;

  private process: ChildProcess | undefined;
  /** Settles when the current process has exited (or failed to start). */
  private processDone: Promise<void> | undefined;
  private failures = 0;
  private readyAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  private waiters: Array<() => void> = [];
  private initId = 0;
  /** Starting again after a crash (not a first start): open sessions keep the cached InitializeResult. */
  private afterCrash = false;

  constructor(public def: ServerDef, private readonly ctx: ChildContext) {
    super();
  }

  /**
   * Starts the server if it has not started yet; a no-op in any other state.
   * Synchronous up to the spawn, so two first sessions at once start one child.
   */
  start(): void {
    if (this.state !== 'not-started') return;
    this.setState('starting');
    void this.spawnChild();
  }

  /** Starting again after a crash with a handshake to replay: an open session need not wait. */
  get replaysInit(): boolean {
    return this.state === 'starting' && this.afterCrash && this.initResult !== undefined;
  }

  /**
   * Resolves true once ready, false when failed, stopped or out of time.
   * A server not started yet is started: whoever waits for it needs it.
   */
  whenReady(timeoutMs: number): Promise<boolean> {
    this.start();
    if (this.state === 'ready') return Promise.resolve(true);
    if (this.state === 'failed' || this.state === 'stopped') return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.waiters = this.waiters.filter((w) => w !== done); resolve(false); }, timeoutMs);
      const done = () => { clearTimeout(timer); resolve(this.state === 'ready'); };
      this.waiters.push(done);
    });
  }

  /**
   * An http child's port is still held by the socket it listened on (checked
   * at most once a second: cheap on the proxied path). False: someone else's.
   */
  listenerStillOurs(): boolean {
    if (this.listenerInode === undefined || this.internalPort === undefined) return true;
    if (Date.now() - this.listenerCheckedAt < 1000) return true;
    this.listenerCheckedAt = Date.now();
    return listenerOf(this.internalPort)?.inode === this.listenerInode;
  }

  /** Writes one message to a stdio child; false when it is not running. */
  send(message: Message): boolean {
    const stdin = this.process?.stdin;
    if (!stdin || stdin.destroyed || !stdin.writable) return false;
    stdin.write(`${JSON.stringify(message)}\n`);
    return true;
  }

  /** Stops the child (its whole process group) and does not restart it. */
  async stop(): Promise<void> {
    this.setState('stopped');
    clearTimeout(this.restartTimer);
    await this.killProcess();
  }

  /** Kills and starts again at once, resetting the crash-loop count (config change, `restart`). */
  async restart(): Promise<void> {
    clearTimeout(this.restartTimer);
    this.failures = 0;
    this.afterCrash = false;
    this.generation++;
    await this.killProcess();
    this.emit('down', 'restarted by mcp-auto');
    this.setState('starting');
    void this.spawnChild();
  }

  /** A new definition from a config change: restart with it, sessions stay. */
  async redefine(def: ServerDef): Promise<void> {
    this.def = def;
    // Not started yet: it starts with the new definition when needed.
    if (this.state === 'not-started') return;
    await this.restart();
  }

  private setState(state: ChildState): void {
    this.state = state;
    if (state === 'ready' || state === 'failed' || state === 'stopped') {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  private vars(port?: number) {
    return { root: this.ctx.root, name: this.def.name, state: this.ctx.stateDir, port };
  }

  private async spawnChild(): Promise<void> {
    const generation = ++this.generation;
    const def = this.def;
    let port: number | undefined;
    if (def.transport === 'http') port = this.internalPort = await freeLoopbackPort();
    const vars = this.vars(port);
    // The user's environment plus what the config says; never the daemon's own secrets.
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    delete baseEnv.MCP_AUTO_TOKEN;
    const plan = launchPlan(def, vars, { root: this.ctx.root, stateDir: this.ctx.stateDir, usersRoot: this.ctx.usersRoot ?? false }, baseEnv);
    if ('refused' in plan) return this.cannotStart(plan.refused);
    const { command, args, cwd, env: childEnv } = plan;
    this.ctx.log(redact(`server ${def.name}: starting ${command} ${args.join(' ')} (in ${cwd})`));
    // node:child_process rather than execa: execa's import alone (~20 ms bundled)
    // sat on the path to the first initialize (see "start → first initialize"
    // in `npm run bench`); what we need of it is this one spawn.
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        cwd,
        env: childEnv,
        // Own process group, so stopping it also stops what it spawned (npx → node, uvx → python).
        detached: true,
        stdio: [def.transport === 'stdio' ? 'pipe' : 'ignore', def.transport === 'stdio' ? 'pipe' : 'ignore', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      // e.g. a NUL byte in an argument or env value
      return this.cannotStart(`cannot start ${command}: ${errorMessage(error)}`);
    }
    this.process = child;
    this.pid = child.pid;
    if (child.pid) this.ctx.onSpawn?.(child.pid, command);
    child.stderr?.setEncoding('utf8');
    let partial = '';
    child.stderr?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.stderrLine(line);
    });
    if (def.transport === 'stdio') this.readStdout(child, generation);
    child.stdin?.on('error', () => { /* EPIPE when it dies: handled by the exit path */ });
    this.processDone = new Promise<void>((resolve) => {
      let ended = false;
      const end = (reason: string) => {
        if (ended) return;
        ended = true;
        resolve();
        if (generation === this.generation) this.onExit(reason);
      };
      // 'error' and no pid: it never started. Restarting cannot help (the
      // daemon's PATH does not change): failed at once, with the reason.
      child.once('error', (error) => {
        if (child.pid !== undefined || ended) return;
        ended = true;
        resolve();
        if (generation !== this.generation) return;
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        this.cannotStart(missing ? `command not found: ${command} (not on the daemon's PATH, or cwd ${cwd} is missing)` : `cannot start ${command}: ${errorMessage(error)}`);
      });
      child.once('exit', (code, signal) => {
        // Its last stderr lines may still be in the pipe: wait for them (briefly:
        // a grandchild left in its group may hold the pipe open).
        const timer = setTimeout(() => end(`exited (${signal ?? `code ${code}`})`), 100);
        child.once('close', () => { clearTimeout(timer); end(`exited (${signal ?? `code ${code}`})`); });
      });
    });

    const ready = def.transport === 'stdio'
      ? await this.initialize(generation)
      : await this.waitForPort(port!, generation);
    if (generation !== this.generation) return;
    if (ready === true) {
      this.readyAt = Date.now();
      this.lastError = undefined;
      this.afterCrash = false;
      this.ctx.log(`server ${def.name}: ready (pid ${this.pid})`);
      this.setState('ready');
      this.emit('ready');
    } else if (ready !== 'exited') {
      // It runs but never became ready: restarting would not help.
      this.lastError = ready;
      this.ctx.log(`server ${def.name}: failed: ${ready}`);
      this.generation++;
      await this.killProcess();
      this.setState('failed');
      this.emit('down', ready);
    }
  }

  /** The command could not be run at all: failed now, no restart loop. */
  private cannotStart(reason: string): void {
    this.generation++;
    this.process = undefined;
    this.pid = undefined;
    this.lastError = reason;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.setState('failed');
    this.emit('down', reason);
  }

  private stderrLine(raw: string): void {
    if (!raw) return;
    const line = redact(raw);
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift();
    this.ctx.log(`server ${this.def.name} stderr: ${line}`);
  }

  private readStdout(child: ChildProcess, generation: number): void {
    let pending = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) this.stdoutLine(line, generation);
      }
    });
  }

  private stdoutLine(line: string, generation: number): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      message = undefined;
    }
    if (!isMessage(message)) {
      // A child that prints to stdout breaks only itself: log it and go on.
      // Its length only: what a server prints may be a result's body.
      this.ctx.log(`server ${this.def.name}: ignored ${line.length} characters of non-JSON-RPC output on stdout`);
      return;
    }
    if (generation !== this.generation) return;
    if (isResponse(message) && typeof message.id === 'string' && message.id.startsWith('mcp-auto-init-')) {
      this.emit(message.id, message);
      return;
    }
    this.emit('message', message);
  }

  /** The one handshake with the child; its result is replayed to every session. */
  private initialize(generation: number): Promise<true | 'exited' | string> {
    const id = `mcp-auto-init-${++this.initId}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(`did not answer initialize within ${Math.round(this.def.startTimeoutMs / 1000)} s`), this.def.startTimeoutMs);
      const onDown = () => finish('exited');
      const finish = (outcome: true | 'exited' | string) => {
        clearTimeout(timer);
        this.off(id, onResponse);
        this.off('exit', onDown);
        resolve(outcome);
      };
      const onResponse = (response: Response) => {
        if (response.error || typeof response.result !== 'object' || response.result === null) {
          finish(`initialize failed: ${response.error?.message ?? 'no result'}`);
          return;
        }
        this.initResult = response.result as Record<string, unknown>;
        this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
        finish(true);
      };
      this.on(id, onResponse);
      this.once('exit', onDown);
      if (generation !== this.generation) return finish('exited');
      this.send({
        jsonrpc: '2.0', id, method: 'initialize',
        params: {
          protocolVersion: CHILD_PROTOCOL_VERSION,
          // roots: answered by the gateway with the project root. sampling and
          // elicitation: routed to the client session whose request is in flight.
          capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
          clientInfo: { name: 'mcp-auto', version: VERSION },
        },
      });
    });
  }

  private async waitForPort(port: number, generation: number): Promise<true | 'exited' | string> {
    const deadline = Date.now() + this.def.startTimeoutMs;
    while (Date.now() < deadline) {
      if (generation !== this.generation || !this.process || this.process.exitCode !== null || this.process.signalCode !== null) return 'exited';
      if (await canConnect(port)) {
        // The port was free a moment ago; whoever listens now must be this child (not another account that took it).
        const owner = listenerOwnedBy(port, this.process.pid!);
        if (owner && 'foreign' in owner) return owner.foreign;
        this.listenerInode = owner?.inode;
        this.listenerCheckedAt = Date.now();
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return `did not listen on port ${port} within ${Math.round(this.def.startTimeoutMs / 1000)} s`;
  }

  private onExit(reason: string): void {
    this.emit('exit');
    this.process = undefined;
    this.pid = undefined;
    if (this.state === 'stopped' || this.state === 'failed') return;
    const stable = this.state === 'ready' && Date.now() - this.readyAt >= STABLE_MS;
    this.failures = stable ? 1 : this.failures + 1;
    const tail = this.stderrTail.at(-1);
    this.lastError = `${reason}${tail ? `: ${tail}` : ''}`;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.emit('down', reason);
    if (this.failures >= MAX_FAILURES) {
      this.ctx.log(`server ${this.def.name}: failed ${this.failures} times in a row; giving up (mcp-auto restart to try again)`);
      this.setState('failed');
      return;
    }
    // Restarting is starting again: clients wait as at a first start (server-state.ts).
    this.afterCrash = true;
    this.setState('starting');
    const delay = Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    this.restartTimer = setTimeout(() => {
      this.restarts++;
      void this.spawnChild();
    }, delay);
  }

  private async killProcess(): Promise<void> {
    const pid = this.process?.pid;
    const exited = this.processDone;
    if (!pid || !exited) return;
    killGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    // Whatever the leader left behind in its group goes too.
    killGroup(pid, 'SIGKILL');
  }
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try { process.kill(pid, signal); } catch { /* already gone */ }
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
