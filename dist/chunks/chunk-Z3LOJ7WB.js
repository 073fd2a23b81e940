#!/usr/bin/env node
import {
  startMode
} from "./chunk-L6AESDOP.js";
import {
  isMessage,
  isResponse
} from "./chunk-IO6PQGEU.js";
import {
  isUsersRoot
} from "./chunk-RU7FJPFX.js";
import {
  LogTail,
  RotatingLog,
  makeLogger,
  readProjectFile
} from "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import {
  VERSION
} from "./chunk-VPR7O2NL.js";
import {
  within
} from "./chunk-NKQXVY3M.js";
import {
  expand,
  loadConfig,
  projectConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";
import {
  listenerOf,
  listenerOwnedBy
} from "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";

// src/daemon/child.ts
import { EventEmitter } from "node:events";
import { createConnection, createServer } from "node:net";
import { spawn } from "node:child_process";

// src/daemon/launch.ts
import { mkdirSync, realpathSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
function neutralDir(stateDir) {
  const dir = join(stateDir, "cwd");
  mkdirSync(dir, { recursive: true, mode: 448 });
  return dir;
}
function real(path) {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
function launchPlan(def, vars, ctx, baseEnv) {
  const projectMayHelp = def.fromProject || ctx.usersRoot;
  const inProject = (path) => within(ctx.root, real(path));
  let command = expand(def.command, vars);
  const args = def.args.map((a) => expand(a, vars));
  const env = { ...baseEnv, ...Object.fromEntries(Object.entries(def.env).map(([k, v]) => [k, expand(v, vars)])) };
  let cwd = neutralDir(ctx.stateDir);
  if (def.cwd !== "") {
    const wanted = resolve(def.fromProject ? ctx.root : cwd, expand(def.cwd, vars));
    if (!inProject(wanted) || projectMayHelp) cwd = wanted;
    else return { refused: `"cwd" ${wanted} is inside a project not marked as yours; only its trusted .mcp-auto.json may run a server there (or \`mcp-auto trust --root\`)` };
  }
  if (!isAbsolute(command) && command.includes("/")) {
    if (!def.fromProject) return { refused: `relative command ${command}: a server from the user config needs a command name or an absolute path` };
    command = resolve(ctx.root, command);
  }
  if (isAbsolute(command) && inProject(command) && !projectMayHelp) {
    return { refused: `command ${command} is inside a project not marked as yours; only its trusted .mcp-auto.json may run it (or \`mcp-auto trust --root\`)` };
  }
  if (!projectMayHelp) {
    env.PATH = (env.PATH ?? "").split(delimiter).filter((dir) => isAbsolute(dir) && !inProject(dir)).join(delimiter);
  }
  return { command, args, cwd, env };
}

// src/util/redact.ts
var MASK = "[redacted]";
var RULES = [
  // Authorization: Bearer xyz / Basic xyz / token xyz
  [/\b(authorization\s*[:=]\s*["']?)(?:(bearer|basic|token)\s+)?[^\s"',;]+/gi, `$1$2 ${MASK}`],
  [/\b(bearer|token)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${MASK}`],
  // NAME_KEY=value, "apiKey": "value", password: value, --client-secret value
  [/(\b[\w.-]*(?:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)\b["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi, `$1${MASK}`],
  [/(--[\w-]*(?:key|token|secret|password)[\s=]+)(\S+)/gi, `$1${MASK}`],
  // user:password@ in a URL
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, `$1${MASK}@`],
  // Well-known token shapes (GitHub, OpenAI/Anthropic, Slack, AWS, JWT)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+)/g, MASK]
];
function redact(line) {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

// src/daemon/child.ts
var CHILD_PROTOCOL_VERSION = "2025-11-25";
var STDERR_TAIL = 20;
var MAX_FAILURES = 6;
var FIRST_BACKOFF_MS = 200;
var MAX_BACKOFF_MS = 3e4;
var STABLE_MS = 3e4;
var STOP_GRACE_MS = 3e3;
var SupervisedChild = class extends EventEmitter {
  constructor(def, ctx) {
    super();
    this.def = def;
    this.ctx = ctx;
  }
  def;
  ctx;
  state = "not-started";
  pid;
  restarts = 0;
  lastError;
  stderrTail = [];
  /** The child's InitializeResult (stdio) — instructions included. */
  initResult;
  /** The internal port of an http child. */
  internalPort;
  listenerInode;
  listenerCheckedAt = 0;
  process;
  /** Settles when the current process has exited (or failed to start). */
  processDone;
  failures = 0;
  readyAt = 0;
  restartTimer;
  generation = 0;
  waiters = [];
  initId = 0;
  /** Starting again after a crash (not a first start): open sessions keep the cached InitializeResult. */
  afterCrash = false;
  /**
   * Starts the server if it has not started yet; a no-op in any other state.
   * Synchronous up to the spawn, so two first sessions at once start one child.
   */
  start() {
    if (this.state !== "not-started") return;
    this.setState("starting");
    void this.spawnChild();
  }
  /** Starting again after a crash with a handshake to replay: an open session need not wait. */
  get replaysInit() {
    return this.state === "starting" && this.afterCrash && this.initResult !== void 0;
  }
  /**
   * Resolves true once ready, false when failed, stopped or out of time.
   * A server not started yet is started: whoever waits for it needs it.
   */
  whenReady(timeoutMs) {
    this.start();
    if (this.state === "ready") return Promise.resolve(true);
    if (this.state === "failed" || this.state === "stopped") return Promise.resolve(false);
    return new Promise((resolve2) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve2(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve2(this.state === "ready");
      };
      this.waiters.push(done);
    });
  }
  /**
   * An http child's port is still held by the socket it listened on (checked
   * at most once a second: cheap on the proxied path). False: someone else's.
   */
  listenerStillOurs() {
    if (this.listenerInode === void 0 || this.internalPort === void 0) return true;
    if (Date.now() - this.listenerCheckedAt < 1e3) return true;
    this.listenerCheckedAt = Date.now();
    return listenerOf(this.internalPort)?.inode === this.listenerInode;
  }
  /** Writes one message to a stdio child; false when it is not running. */
  send(message) {
    const stdin = this.process?.stdin;
    if (!stdin || stdin.destroyed || !stdin.writable) return false;
    stdin.write(`${JSON.stringify(message)}
`);
    return true;
  }
  /** Stops the child (its whole process group) and does not restart it. */
  async stop() {
    this.setState("stopped");
    clearTimeout(this.restartTimer);
    await this.killProcess();
  }
  /** Kills and starts again at once, resetting the crash-loop count (config change, `restart`). */
  async restart() {
    clearTimeout(this.restartTimer);
    this.failures = 0;
    this.afterCrash = false;
    this.generation++;
    await this.killProcess();
    this.emit("down", "restarted by mcp-auto");
    this.setState("starting");
    void this.spawnChild();
  }
  /** A new definition from a config change: restart with it, sessions stay. */
  async redefine(def) {
    this.def = def;
    if (this.state === "not-started") return;
    await this.restart();
  }
  setState(state) {
    this.state = state;
    if (state === "ready" || state === "failed" || state === "stopped") {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }
  vars(port) {
    return { root: this.ctx.root, name: this.def.name, state: this.ctx.stateDir, port };
  }
  async spawnChild() {
    const generation = ++this.generation;
    const def = this.def;
    let port;
    if (def.transport === "http") port = this.internalPort = await freeLoopbackPort();
    const vars = this.vars(port);
    const baseEnv = { ...process.env };
    delete baseEnv.MCP_AUTO_TOKEN;
    const plan = launchPlan(def, vars, { root: this.ctx.root, stateDir: this.ctx.stateDir, usersRoot: this.ctx.usersRoot ?? false }, baseEnv);
    if ("refused" in plan) return this.cannotStart(plan.refused);
    const { command, args, cwd, env: childEnv } = plan;
    this.ctx.log(redact(`server ${def.name}: starting ${command} ${args.join(" ")} (in ${cwd})`));
    let child;
    try {
      child = spawn(command, args, {
        cwd,
        env: childEnv,
        // Own process group, so stopping it also stops what it spawned (npx → node, uvx → python).
        detached: true,
        stdio: [def.transport === "stdio" ? "pipe" : "ignore", def.transport === "stdio" ? "pipe" : "ignore", "pipe"],
        windowsHide: true
      });
    } catch (error) {
      return this.cannotStart(`cannot start ${command}: ${errorMessage(error)}`);
    }
    this.process = child;
    this.pid = child.pid;
    if (child.pid) this.ctx.onSpawn?.(child.pid, command);
    child.stderr?.setEncoding("utf8");
    let partial = "";
    child.stderr?.on("data", (chunk) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) this.stderrLine(line);
    });
    if (def.transport === "stdio") this.readStdout(child, generation);
    child.stdin?.on("error", () => {
    });
    this.processDone = new Promise((resolve2) => {
      let ended = false;
      const end = (reason) => {
        if (ended) return;
        ended = true;
        resolve2();
        if (generation === this.generation) this.onExit(reason);
      };
      child.once("error", (error) => {
        if (child.pid !== void 0 || ended) return;
        ended = true;
        resolve2();
        if (generation !== this.generation) return;
        const missing = error.code === "ENOENT";
        this.cannotStart(missing ? `command not found: ${command} (not on the daemon's PATH, or cwd ${cwd} is missing)` : `cannot start ${command}: ${errorMessage(error)}`);
      });
      child.once("exit", (code, signal) => {
        const timer = setTimeout(() => end(`exited (${signal ?? `code ${code}`})`), 100);
        child.once("close", () => {
          clearTimeout(timer);
          end(`exited (${signal ?? `code ${code}`})`);
        });
      });
    });
    const ready = def.transport === "stdio" ? await this.initialize(generation) : await this.waitForPort(port, generation);
    if (generation !== this.generation) return;
    if (ready === true) {
      this.readyAt = Date.now();
      this.lastError = void 0;
      this.afterCrash = false;
      this.ctx.log(`server ${def.name}: ready (pid ${this.pid})`);
      this.setState("ready");
      this.emit("ready");
    } else if (ready !== "exited") {
      this.lastError = ready;
      this.ctx.log(`server ${def.name}: failed: ${ready}`);
      this.generation++;
      await this.killProcess();
      this.setState("failed");
      this.emit("down", ready);
    }
  }
  /** The command could not be run at all: failed now, no restart loop. */
  cannotStart(reason) {
    this.generation++;
    this.process = void 0;
    this.pid = void 0;
    this.lastError = reason;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.setState("failed");
    this.emit("down", reason);
  }
  stderrLine(raw) {
    if (!raw) return;
    const line = redact(raw);
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift();
    this.ctx.log(`server ${this.def.name} stderr: ${line}`);
  }
  readStdout(child, generation) {
    let pending = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) this.stdoutLine(line, generation);
      }
    });
  }
  stdoutLine(line, generation) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      message = void 0;
    }
    if (!isMessage(message)) {
      this.ctx.log(`server ${this.def.name}: ignored ${line.length} characters of non-JSON-RPC output on stdout`);
      return;
    }
    if (generation !== this.generation) return;
    if (isResponse(message) && typeof message.id === "string" && message.id.startsWith("mcp-auto-init-")) {
      this.emit(message.id, message);
      return;
    }
    this.emit("message", message);
  }
  /** The one handshake with the child; its result is replayed to every session. */
  initialize(generation) {
    const id = `mcp-auto-init-${++this.initId}`;
    return new Promise((resolve2) => {
      const timer = setTimeout(() => finish(`did not answer initialize within ${Math.round(this.def.startTimeoutMs / 1e3)} s`), this.def.startTimeoutMs);
      const onDown = () => finish("exited");
      const finish = (outcome) => {
        clearTimeout(timer);
        this.off(id, onResponse);
        this.off("exit", onDown);
        resolve2(outcome);
      };
      const onResponse = (response) => {
        if (response.error || typeof response.result !== "object" || response.result === null) {
          finish(`initialize failed: ${response.error?.message ?? "no result"}`);
          return;
        }
        this.initResult = response.result;
        this.send({ jsonrpc: "2.0", method: "notifications/initialized" });
        finish(true);
      };
      this.on(id, onResponse);
      this.once("exit", onDown);
      if (generation !== this.generation) return finish("exited");
      this.send({
        jsonrpc: "2.0",
        id,
        method: "initialize",
        params: {
          protocolVersion: CHILD_PROTOCOL_VERSION,
          // roots: answered by the gateway with the project root. sampling and
          // elicitation: routed to the client session whose request is in flight.
          capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
          clientInfo: { name: "mcp-auto", version: VERSION }
        }
      });
    });
  }
  async waitForPort(port, generation) {
    const deadline = Date.now() + this.def.startTimeoutMs;
    while (Date.now() < deadline) {
      if (generation !== this.generation || !this.process || this.process.exitCode !== null || this.process.signalCode !== null) return "exited";
      if (await canConnect(port)) {
        const owner = listenerOwnedBy(port, this.process.pid);
        if (owner && "foreign" in owner) return owner.foreign;
        this.listenerInode = owner?.inode;
        this.listenerCheckedAt = Date.now();
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return `did not listen on port ${port} within ${Math.round(this.def.startTimeoutMs / 1e3)} s`;
  }
  onExit(reason) {
    this.emit("exit");
    this.process = void 0;
    this.pid = void 0;
    if (this.state === "stopped" || this.state === "failed") return;
    const stable = this.state === "ready" && Date.now() - this.readyAt >= STABLE_MS;
    this.failures = stable ? 1 : this.failures + 1;
    const tail = this.stderrTail.at(-1);
    this.lastError = `${reason}${tail ? `: ${tail}` : ""}`;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.emit("down", reason);
    if (this.failures >= MAX_FAILURES) {
      this.ctx.log(`server ${this.def.name}: failed ${this.failures} times in a row; giving up (mcp-auto restart to try again)`);
      this.setState("failed");
      return;
    }
    this.afterCrash = true;
    this.setState("starting");
    const delay = Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    this.restartTimer = setTimeout(() => {
      this.restarts++;
      void this.spawnChild();
    }, delay);
  }
  async killProcess() {
    const pid = this.process?.pid;
    const exited = this.processDone;
    if (!pid || !exited) return;
    killGroup(pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(pid, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    killGroup(pid, "SIGKILL");
  }
};
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
function canConnect(port) {
  return new Promise((resolve2) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve2(true);
    });
    socket.once("error", () => resolve2(false));
  });
}
function freeLoopbackPort() {
  return new Promise((resolve2, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve2(port));
    });
  });
}

// src/daemon/early-start.ts
import { mkdirSync as mkdirSync2, realpathSync as realpathSync2 } from "node:fs";
import { performance } from "node:perf_hooks";
function parseDaemonArgs(argv) {
  const { values } = parse("daemon", argv, {
    root: { type: "string" },
    port: { type: "string" },
    "unsafe-expose": { type: "string" },
    "idle-timeout": { type: "string" }
  }, false);
  const idle = values["idle-timeout"] === void 0 ? void 0 : Number(values["idle-timeout"]);
  if (idle !== void 0 && !(idle >= 0)) throw new UserError(`daemon: --idle-timeout must be minutes (0 = never), not '${values["idle-timeout"]}'`, 2);
  if (!values.root || !values.port) throw new UserError("daemon: --root and --port are required; see `mcp-auto daemon --help`", 2);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`daemon: --port must be a port number, not '${values.port}'`, 2);
  let root;
  try {
    root = realpathSync2(values.root);
  } catch {
    throw new UserError(`daemon: --root ${values.root} does not exist`, 2);
  }
  return { root, port, ...values["unsafe-expose"] ? { host: values["unsafe-expose"] } : {}, ...idle !== void 0 ? { idleMinutes: idle } : {} };
}
var HANDOFF = /* @__PURE__ */ Symbol.for("mcp-auto.early-start");
function takeEarlyStart(root) {
  const handoff = globalThis;
  const early = handoff[HANDOFF];
  handoff[HANDOFF] = void 0;
  return early?.root === root ? early : void 0;
}
function readDaemonConfig(root, log) {
  const projectFile = projectConfigPath(root);
  const read = readProjectFile(projectFile);
  if (read.problem) log(`config: ${read.problem}`);
  try {
    return loadConfig(read.state === "trusted" ? { projectFile, projectText: read.text } : {});
  } catch (error) {
    log(`config: ${errorMessage(error)}; keeping the last good config`);
    return void 0;
  }
}
var EarlyStart = class {
  /** `spawn: false`: the config and log only (a daemon made without an early start). */
  constructor(root, opts = {}) {
    this.root = root;
    this.stateDir = stateDirFor(root);
    mkdirSync2(this.stateDir, { recursive: true, mode: 448 });
    this.log = makeLogger(new RotatingLog(this.stateDir), void 0, (line) => this.logTail.push(line));
    this.config = readDaemonConfig(root, this.log);
    const config = this.config ?? loadConfig();
    const early = this;
    const ctx = {
      root,
      stateDir: this.stateDir,
      log: this.log,
      get usersRoot() {
        return early.adopter ? early.adopter.usersRoot() : isUsersRoot(root, config.settings.trustedRoots);
      },
      onSpawn: (pid, command) => this.adopter ? this.adopter.onSpawn(pid, command) : this.spawned.push({ pid, command })
    };
    for (const def of opts.spawn === false ? [] : config.servers.values()) {
      if (startMode(def, () => isUsersRoot(root, config.settings.trustedRoots)) !== "eager") continue;
      const child = new SupervisedChild(def, ctx);
      child.start();
      this.children.set(def.name, child);
    }
    this.spawnedAt = opts.spawn === false ? void 0 : performance.now();
  }
  root;
  stateDir;
  logTail = new LogTail();
  log;
  config;
  /** performance.now() once the eager children were spawned (undefined: none spawned here). */
  spawnedAt;
  children = /* @__PURE__ */ new Map();
  spawned = [];
  adopter;
  /** The pids spawned before the daemon held its port (never to be reaped as an earlier daemon's). */
  get pids() {
    return this.spawned.map((c) => c.pid);
  }
  /** Hands the children over: what they spawned so far is recorded now, later spawns as they come. */
  adopt(adopter) {
    this.adopter = adopter;
    for (const { pid, command } of this.spawned.splice(0)) adopter.onSpawn(pid, command);
  }
  /** The child started for this server, if it was started here (once). */
  take(name) {
    const child = this.children.get(name);
    this.children.delete(name);
    return child;
  }
  /** The port was not ours: what started here stops. */
  async stop() {
    await Promise.all([...this.children.values()].map((c) => c.stop()));
  }
};

export {
  CHILD_PROTOCOL_VERSION,
  SupervisedChild,
  killGroup,
  parseDaemonArgs,
  takeEarlyStart,
  readDaemonConfig,
  EarlyStart
};
//# sourceMappingURL=chunk-Z3LOJ7WB.js.map
