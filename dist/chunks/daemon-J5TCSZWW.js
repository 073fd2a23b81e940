#!/usr/bin/env node
import {
  KEEP_ALIVE_MS,
  LeanFront,
  MAX_BODY_BYTES,
  acceptsEventStream,
  isJsonContentType,
  keepAlive,
  readJsonBody,
  sendError,
  sendJson,
  startEventStream,
  writeEvent
} from "./chunk-JU3CVJ6X.js";
import {
  CHILD_PROTOCOL_VERSION,
  EarlyStart,
  SupervisedChild,
  killGroup,
  readDaemonConfig
} from "./chunk-Z3LOJ7WB.js";
import {
  ToolCatalog,
  filterToolsResult,
  onlyToolsDiffer,
  toolCallRefusal,
  withToolsListChanged
} from "./chunk-4ZKHLDAT.js";
import {
  startMode
} from "./chunk-L6AESDOP.js";
import {
  INTERNAL_ERROR,
  INVALID_REQUEST,
  METHOD_NOT_FOUND,
  REQUEST_TIMEOUT,
  SERVER_UNAVAILABLE,
  asMessages,
  errorResponse,
  isMessage,
  isNotification,
  isRequest,
  isRequestId,
  isResponse,
  resultResponse
} from "./chunk-IO6PQGEU.js";
import {
  isUsersRoot
} from "./chunk-RU7FJPFX.js";
import "./chunk-MT5LDDFF.js";
import "./chunk-3QUSHYHU.js";
import {
  VERSION
} from "./chunk-VPR7O2NL.js";
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  entriesFor,
  managedEntries,
  mcpConfigText
} from "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  loadConfig,
  projectConfigPath,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  errorMessage
} from "./chunk-AIQ3PVV7.js";
import {
  IDENTITY_FILE,
  identityProof
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import {
  canSeeSockets,
  ownUid,
  peerOf
} from "./chunk-IFT3ZBIK.js";
import {
  IDLE_STOPPED
} from "./chunk-W4LNQTZQ.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/daemon/daemon.ts
import { createServer } from "node:http";
import { createServer as createNetServer } from "node:net";
import { readFileSync as readFileSync2, rmSync, unlinkSync as unlinkSync2, chmodSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4 } from "node:path";
import { randomBytes } from "node:crypto";

// src/daemon/client-refresh.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var ClientRefresh = class {
  /**
   * `reread` loads the config again: a reload's config may be older than the
   * files by the time the lock is ours (an `adopt` may have run meanwhile, and
   * syncing its entries away with a stale config would lose them).
   */
  constructor(root, stateDir, port, log, config, reread) {
    this.root = root;
    this.stateDir = stateDir;
    this.port = port;
    this.log = log;
    this.reread = reread;
    this.served = this.key(config);
  }
  root;
  stateDir;
  port;
  log;
  reread;
  served;
  queue = Promise.resolve();
  key(config) {
    return JSON.stringify([managedEntries(config, this.port), config.settings.clients]);
  }
  /** Called after every reload; one sync at a time, in order. */
  refresh(config) {
    this.queue = this.queue.then(() => this.sync(config), () => this.sync(config));
    return this.queue;
  }
  async sync(reloaded) {
    if (this.key(reloaded) === this.served) return;
    if (!existsSync(join(this.stateDir, "clients.json"))) {
      this.served = this.key(reloaded);
      return;
    }
    try {
      const { adapters, syncClientsLocked, withClientFiles } = await import("./clients-SMWC746L.js");
      await withClientFiles(this.stateDir, async () => {
        const config = this.reread() ?? reloaded;
        this.served = this.key(config);
        const chosen = config.settings.clients.flatMap((name) => {
          const adapter = adapters[name];
          if (!adapter) this.log(`clients: unknown client '${name}' in "clients"; skipped`);
          return adapter ? [adapter] : [];
        });
        for (const r of await syncClientsLocked(this.root, this.stateDir, chosen, managedEntries(config, this.port))) {
          if (r.status === "written") this.log(`clients: updated ${r.file}`);
          if (r.error) this.log(`clients: ${r.error}`);
        }
      });
    } catch (error) {
      this.log(`clients: ${errorMessage(error)}`);
    }
  }
};

// src/daemon/config-watch.ts
import { existsSync as existsSync2, mkdirSync, watch as watchFolder } from "node:fs";
import { dirname, join as join2 } from "node:path";
async function watchConfig(root, log, on) {
  const trustDir = join2(stateHome(), "trust");
  for (const dir of [trustDir, dirname(userConfigPath())]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 448 });
    } catch (error) {
      log(`config watch: cannot create ${dir}: ${errorMessage(error)}; changes there are seen at the next reload`);
    }
  }
  const { watch } = await import("./esm-LRXS4EX4.js");
  const watcher = watch([userConfigPath(), projectConfigPath(root), trustDir], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
    depth: 0
  });
  let timer;
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(() => on.change(), 150);
  });
  watcher.on("error", (error) => log(`config watch: ${errorMessage(error)}`));
  let gone = false;
  const checkRoot = () => {
    if (gone || existsSync2(root)) return gone;
    gone = true;
    folder?.close();
    on.rootGone();
    return true;
  };
  let folder;
  try {
    folder = watchFolder(root, { persistent: false }, () => void checkRoot());
    folder.on("error", () => void checkRoot());
  } catch (error) {
    log(`config watch: cannot watch ${root}: ${errorMessage(error)}; a deleted project is seen within 30 s`);
  }
  return {
    checkRoot,
    async close() {
      clearTimeout(timer);
      folder?.close();
      await watcher.close();
    }
  };
}

// src/daemon/security.ts
import { timingSafeEqual, createHash } from "node:crypto";
var LOOPBACK_NAMES = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
function allowedHosts(port, exposedHost) {
  const hosts = [...LOOPBACK_NAMES].map((name) => `${name}:${port}`);
  if (exposedHost) hosts.push(`${exposedHost.includes(":") ? `[${exposedHost}]` : exposedHost}:${port}`);
  return new Set(hosts);
}
function checkHostAndOrigin(req, hosts) {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) return `Host '${host}' is not this daemon's loopback address`;
  const origin = req.headers.origin;
  if (origin !== void 0 && origin !== "null") {
    let hostname;
    try {
      const url = new URL(origin);
      if (url.protocol !== "http:" && url.protocol !== "https:") return `Origin '${origin}' is not allowed`;
      hostname = url.hostname;
    } catch {
      return `Origin '${origin}' is not a URL`;
    }
    if (!LOOPBACK_NAMES.has(hostname)) return `Origin '${origin}' is not a loopback page`;
  } else if (origin === "null") {
    return "Origin null (a sandboxed or file page) is not allowed";
  }
  return void 0;
}
function bearerMatches(req, token) {
  const header = req.headers.authorization ?? "";
  const presented = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const a = createHash("sha256").update(presented).digest();
  const b = createHash("sha256").update(token).digest();
  return presented.length > 0 && timingSafeEqual(a, b);
}

// src/daemon/access.ts
var BODY_TIMEOUT_MS = 1e4;
var MAX_STREAMS_PER_PEER = 64;
var LOG_EVERY_MS = 1e4;
var Access = class {
  constructor(log) {
    this.log = log;
  }
  log;
  /** Each accepted connection's account, looked up once (keep-alive requests reuse it). */
  peers = /* @__PURE__ */ new WeakMap();
  streams = /* @__PURE__ */ new Map();
  me = ownUid();
  /** Linux: the kernel's socket tables say who connects. Elsewhere token auth is the default. */
  ownerOnly = canSeeSockets() && this.me !== void 0;
  lastLogged = 0;
  unlogged = 0;
  /**
   * At accept: the one lookup of this connection's account, synchronous (a
   * few ms, once per connection). Not in the thread pool: queued behind a
   * slow fsync there, a verdict could take seconds.
   */
  accept(socket) {
    if (!this.ownerOnly) return;
    const remote = socket.remoteAddress ?? "";
    if (!isLoopback(remote)) return;
    const remotePort = socket.remotePort ?? 0;
    const entry = peerOf(remote, remotePort, socket.localAddress ?? "", socket.localPort ?? 0);
    let peer;
    if (!entry) peer = { uid: void 0, refused: "cannot tell which account this connection comes from (its socket is gone); refused" };
    else if (entry.uid !== this.me) peer = { uid: entry.uid, refused: `this daemon serves only its owner (uid ${this.me}); connections from uid ${entry.uid} are refused` };
    else peer = { uid: entry.uid };
    this.peers.set(socket, peer);
    if (peer.refused) this.note(`refused a connection from ${remote}:${remotePort}: ${peer.refused}`);
  }
  /** Answers 403 (and closes) when the connection's account, looked up at accept, may not get in: true when refused. */
  refuse(req, res) {
    const refused = this.peers.get(req.socket)?.refused;
    if (!refused) return false;
    res.shouldKeepAlive = false;
    sendError(res, 403, refused, { connection: "close" });
    req.resume();
    return true;
  }
  /** 408 when a request's body is not in within BODY_TIMEOUT_MS. */
  bodyDeadline(req, res) {
    if (req.method === "GET" || req.method === "HEAD" || req.complete) return;
    const timer = setTimeout(() => {
      if (req.complete) return;
      this.note(`${req.method} ${req.url}: the body did not arrive within ${BODY_TIMEOUT_MS / 1e3} s; answered 408`);
      if (!res.headersSent) {
        res.shouldKeepAlive = false;
        sendError(res, 408, `the request body did not arrive within ${BODY_TIMEOUT_MS / 1e3} s`, { connection: "close" });
        res.once("finish", () => req.socket.destroy());
      } else {
        req.socket.destroy();
      }
    }, BODY_TIMEOUT_MS);
    const clear = () => clearTimeout(timer);
    req.once("end", clear);
    res.once("close", clear);
  }
  /**
   * Counts an event stream (GET on an endpoint) against its account while it
   * is open; 429 and true when the account already holds the maximum.
   */
  limitStreams(req, res) {
    if (req.method !== "GET") return false;
    const key = String(this.peers.get(req.socket)?.uid ?? req.socket.remoteAddress ?? "unknown");
    const open2 = this.streams.get(key) ?? 0;
    if (open2 >= MAX_STREAMS_PER_PEER) {
      this.note(`refused a stream: ${open2} already open for ${key}`);
      sendError(res, 429, `too many open event streams from this account (at most ${MAX_STREAMS_PER_PEER}); close some clients`);
      return true;
    }
    this.streams.set(key, open2 + 1);
    res.once("close", () => {
      const left = (this.streams.get(key) ?? 1) - 1;
      if (left > 0) this.streams.set(key, left);
      else this.streams.delete(key);
    });
    return false;
  }
  /** Logs refusals, at most one line per LOG_EVERY_MS (a flood must not fill the log). */
  note(line) {
    const now = Date.now();
    if (now - this.lastLogged < LOG_EVERY_MS) {
      this.unlogged++;
      return;
    }
    this.log(this.unlogged ? `${line} (and ${this.unlogged} more since the last such line)` : line);
    this.lastLogged = now;
    this.unlogged = 0;
  }
};
function isLoopback(address) {
  return address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127.");
}

// src/gateway/session-store.ts
import { readFileSync, renameSync, unlinkSync, writeFileSync, openSync, fsyncSync, closeSync } from "node:fs";
import { open, rename, unlink } from "node:fs/promises";
import { basename, dirname as dirname2, join as join3 } from "node:path";
var MAX_SESSIONS = 1e3;
var MAX_SESSION_BYTES = 8 * 1024;
var MAX_CAPABILITY_BYTES = 512;
var MAX_CAPABILITIES = 16;
function trimHello(hello) {
  const capabilities = {};
  for (const [key, value] of Object.entries(hello.capabilities ?? {}).slice(0, MAX_CAPABILITIES)) {
    const name = key.slice(0, 64);
    const size = JSON.stringify(value ?? {}).length;
    capabilities[name] = size <= MAX_CAPABILITY_BYTES ? value : {};
  }
  const info = hello.clientInfo;
  const trimmed = {
    protocolVersion: String(hello.protocolVersion).slice(0, 32),
    capabilities,
    ...info ? { clientInfo: { ...typeof info.name === "string" ? { name: info.name.slice(0, 128) } : {}, ...typeof info.version === "string" ? { version: info.version.slice(0, 64) } : {} } } : {}
  };
  if (JSON.stringify(trimmed).length > MAX_SESSION_BYTES) trimmed.capabilities = Object.fromEntries(Object.keys(capabilities).map((k) => [k, {}]));
  return trimmed;
}
var SessionStore = class {
  constructor(file, log) {
    this.file = file;
    this.log = log;
    try {
      const data = JSON.parse(readFileSync(file, "utf8"));
      const valid = Object.entries(data).filter(([, stored]) => stored && typeof stored.server === "string" && stored.hello && typeof stored.hello.protocolVersion === "string").sort(([, a], [, b]) => (a.savedAt ?? 0) - (b.savedAt ?? 0)).slice(-MAX_SESSIONS);
      for (const [id, stored] of valid) this.sessions.set(id, { ...stored, hello: trimHello(stored.hello) });
    } catch {
    }
  }
  file;
  log;
  /** In order of last use: the first is the one idle longest. */
  sessions = /* @__PURE__ */ new Map();
  writing = false;
  dirty = false;
  failing = false;
  /** Bumped by each synchronous flush: an asynchronous write begun before it must not land after it. */
  flushes = 0;
  get size() {
    return this.sessions.size;
  }
  load(server, id) {
    const stored = this.sessions.get(id);
    if (stored?.server !== server) return void 0;
    this.sessions.delete(id);
    this.sessions.set(id, stored);
    return stored.hello;
  }
  save(server, id, hello) {
    this.sessions.delete(id);
    this.sessions.set(id, { server, hello: trimHello(hello), savedAt: Date.now() });
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === void 0) break;
      this.sessions.delete(oldest);
    }
    this.schedule();
  }
  remove(id) {
    if (this.sessions.delete(id)) this.schedule();
  }
  /** Drops every session of a server that no longer exists. */
  removeServer(server) {
    for (const [id, stored] of this.sessions) if (stored.server === server) this.sessions.delete(id);
    this.schedule();
  }
  /** Synchronous write, for the daemon's last act before it exits. */
  flush() {
    this.dirty = false;
    this.flushes++;
    const tmp = this.tempName();
    try {
      writeFileSync(tmp, this.serialize(), { mode: 384 });
      const fd = openSync(tmp, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.file);
      this.saved();
    } catch (error) {
      try {
        unlinkSync(tmp);
      } catch {
      }
      this.failed(error);
    }
  }
  /** A write soon, off the request path (the next turn of the event loop). */
  schedule() {
    this.dirty = true;
    if (!this.writing) setImmediate(() => void this.writeAsync());
  }
  async writeAsync() {
    if (this.writing || !this.dirty) return;
    this.writing = true;
    this.dirty = false;
    const flushes = this.flushes;
    const tmp = this.tempName();
    try {
      const handle = await open(tmp, "wx", 384);
      try {
        await handle.writeFile(this.serialize());
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (flushes === this.flushes) {
        await rename(tmp, this.file);
        this.saved();
      } else {
        await unlink(tmp);
      }
    } catch (error) {
      await unlink(tmp).catch(() => {
      });
      this.failed(error);
    } finally {
      this.writing = false;
      if (this.dirty) setImmediate(() => void this.writeAsync());
    }
  }
  serialize() {
    return JSON.stringify(Object.fromEntries(this.sessions));
  }
  tempName() {
    return join3(dirname2(this.file), `.${basename(this.file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  }
  saved() {
    if (this.failing) this.log("sessions: saving works again");
    this.failing = false;
  }
  failed(error) {
    if (!this.failing) this.log(`sessions: cannot save ${this.file}: ${errorMessage(error)}; sessions will not survive a restart`);
    this.failing = true;
  }
};

// src/gateway/proxy.ts
import { Agent, request } from "node:http";
var HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host"];
var agent = new Agent({ keepAlive: true, maxSockets: 256 });
async function proxyToChild(req, res, child, path, hooks) {
  if (child.state !== "ready" && !await child.whenReady(child.def.startTimeoutMs)) {
    return sendError(res, 503, `server '${child.def.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ""}; see \`mcp-auto logs\``);
  }
  const port = child.internalPort;
  if (!child.listenerStillOurs()) {
    return sendError(res, 502, `server '${child.def.name}': its port ${port} is no longer held by it; not forwarding (mcp-auto restart)`);
  }
  const headers = { ...req.headers, host: `127.0.0.1:${port}` };
  for (const name of HOP_BY_HOP.slice(0, -1)) delete headers[name];
  delete headers.origin;
  delete headers.authorization;
  delete headers["proxy-authorization"];
  delete headers.cookie;
  const upstream = request({ host: "127.0.0.1", port, method: req.method, path, headers, agent }, (reply) => {
    const out = { ...reply.headers };
    for (const name of HOP_BY_HOP) delete out[name];
    if (hooks?.reply) return hooks.reply(reply, res, out);
    res.writeHead(reply.statusCode ?? 502, out);
    res.flushHeaders();
    reply.pipe(res);
    reply.on("error", () => res.destroy());
  });
  upstream.on("error", (error) => {
    if (!res.headersSent) sendError(res, 502, `server '${child.def.name}' did not answer: ${error.message}`);
    else res.destroy();
  });
  res.once("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  if (hooks?.body) upstream.end(hooks.body);
  else req.pipe(upstream);
}

// src/gateway/sse-bridge.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/gateway/sse.ts
import { randomUUID } from "node:crypto";
function isStreamRequest(req, res) {
  if (req.method !== "GET") {
    sendError(res, 405, "use GET to open the event stream", { allow: "GET" });
    return false;
  }
  if (!acceptsEventStream(req)) {
    sendError(res, 406, "Accept must list text/event-stream");
    return false;
  }
  return true;
}
function startLegacyStream(res, messagesUrl) {
  startEventStream(res);
  keepAlive(res);
  res.write(`event: endpoint
data: ${messagesUrl}

`);
}
async function acceptLegacyPost(req, res, sessions, sessionId) {
  const refuse = (status, message, headers) => {
    sendError(res, status, message, headers);
    return void 0;
  };
  if (req.method !== "POST") return refuse(405, "use POST", { allow: "POST" });
  if (!sessionId) return refuse(400, "the sessionId query parameter is required");
  const session = sessions.get(sessionId);
  if (!session) return refuse(404, "Session not found: open a new event stream");
  if (!isJsonContentType(req)) return refuse(415, "Content-Type must be application/json");
  const body = await readJsonBody(req, res);
  if (!body) return void 0;
  const shaped = asMessages(body.value);
  if (!shaped) {
    sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message or batch"));
    return void 0;
  }
  res.writeHead(202, { "content-type": "text/plain" }).end("Accepted");
  return { session, messages: shaped.messages };
}
var SseSession = class {
  constructor(res) {
    this.res = res;
  }
  res;
  transport = "sse";
  hello;
  id = randomUUID();
  send(message) {
    writeEvent(this.res, message);
  }
};
var SseEndpoint = class {
  constructor(base, router) {
    this.base = base;
    this.router = router;
  }
  base;
  router;
  sessions = /* @__PURE__ */ new Map();
  get sessionCount() {
    return this.sessions.size;
  }
  /** GET <base>/sse */
  open(req, res) {
    if (!isStreamRequest(req, res)) return;
    const session = new SseSession(res);
    this.sessions.set(session.id, session);
    this.router.open(session);
    startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
    res.once("close", () => {
      this.sessions.delete(session.id);
      this.router.close(session);
    });
  }
  /** POST <base>/messages?sessionId=… */
  async post(req, res, sessionId) {
    const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
    if (!accepted) return;
    for (const message of accepted.messages) this.router.receive(accepted.session, message);
  }
  closeAll() {
    for (const session of this.sessions.values()) session.res.end();
  }
};

// src/gateway/unavailable.ts
function unavailable(child, id) {
  const detail = child.lastError ? `: ${child.lastError}` : "";
  return errorResponse(
    id,
    SERVER_UNAVAILABLE,
    `mcp-auto: server '${child.def.name}' is ${child.state}${detail}; see \`mcp-auto logs\``,
    { stderr: child.stderrTail.slice(-5) }
  );
}

// src/gateway/sse-bridge.ts
var BridgedSession = class {
  constructor(res, child, path, log, tools) {
    this.res = res;
    this.child = child;
    this.path = path;
    this.log = log;
    this.tools = tools;
  }
  res;
  child;
  path;
  log;
  tools;
  id = randomUUID2();
  upstream;
  closed = false;
  /** tools/list requests in flight → their cursor (the reply is filtered and recorded). */
  lists = /* @__PURE__ */ new Map();
  async forward(message) {
    if (isRequest(message)) {
      const refusal = toolCallRefusal(this.child.def, message);
      if (refusal) return void writeEvent(this.res, refusal);
      if (message.method === "tools/list") this.lists.set(message.id, message.params?.cursor);
    }
    const upstream = await (this.upstream ??= this.connect());
    if (!upstream) {
      if (isRequest(message)) writeEvent(this.res, unavailable(this.child, message.id));
      this.upstream = void 0;
      return;
    }
    try {
      await upstream.send(message);
    } catch (error) {
      if (isRequest(message)) writeEvent(this.res, errorResponse(message.id, -32e3, `mcp-auto: server '${this.child.def.name}' did not take the request: ${errorMessage(error)}`));
    }
  }
  async connect() {
    const child = this.child;
    if (child.state !== "ready" && !await child.whenReady(child.def.startTimeoutMs)) return void 0;
    const { StreamableHTTPClientTransport } = await import("./streamableHttp-Z67H7DRO.js");
    const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${child.internalPort}${this.path}`));
    transport.onmessage = (received) => {
      let message = received;
      if (isResponse(message) && "result" in message) {
        const version = message.result?.protocolVersion;
        if (typeof version === "string") transport.setProtocolVersion(version);
        if (this.lists.has(message.id)) {
          message = { ...message, result: this.tools.seen(this.lists.get(message.id), message.result, child.def.tools) };
        }
      }
      if (isResponse(message)) this.lists.delete(message.id);
      writeEvent(this.res, message);
    };
    transport.onerror = (error) => this.log(`server ${child.def.name}: sse bridge: ${errorMessage(error)}`);
    transport.onclose = () => {
      if (!this.closed) this.res.end();
    };
    await transport.start();
    return transport;
  }
  async close() {
    this.closed = true;
    const upstream = await this.upstream?.catch(() => void 0);
    if (!upstream) return;
    await upstream.terminateSession().catch(() => {
    });
    await upstream.close().catch(() => {
    });
  }
};
var SseBridge = class {
  constructor(base, child, path, log, tools, streams) {
    this.base = base;
    this.child = child;
    this.path = path;
    this.log = log;
    this.tools = tools;
    this.streams = streams;
  }
  base;
  child;
  path;
  log;
  tools;
  streams;
  sessions = /* @__PURE__ */ new Map();
  get sessionCount() {
    return this.sessions.size;
  }
  /** GET <base>/sse: the stream opens at once; the child is reached on the first message. */
  open(req, res) {
    if (!isStreamRequest(req, res)) return;
    const session = new BridgedSession(res, this.child, this.path(), this.log, this.tools);
    this.sessions.set(session.id, session);
    const add = (message) => {
      writeEvent(res, message);
    };
    this.streams.add(add);
    startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
    res.once("close", () => {
      this.sessions.delete(session.id);
      this.streams.delete(add);
      void session.close();
    });
  }
  /** POST <base>/messages?sessionId=… */
  async post(req, res, sessionId) {
    const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
    if (!accepted) return;
    for (const message of accepted.messages) await accepted.session.forward(message);
  }
  closeAll() {
    for (const session of this.sessions.values()) session.res.end();
  }
};

// src/gateway/router.ts
import { basename as basename2 } from "node:path";
import { pathToFileURL } from "node:url";

// src/gateway/call-log.ts
var KEEP = 20;
var BUCKET_MS = 1e4;
var BUCKETS = 60;
var CallLog = class {
  total = 0;
  failed = 0;
  recent = [];
  ambiguous = 0;
  lastAmbiguous;
  slots = [];
  add(record) {
    this.total++;
    if (record.outcome !== "ok") this.failed++;
    this.recent.push(record);
    if (this.recent.length > KEEP) this.recent.shift();
    const at = record.at - record.at % BUCKET_MS;
    let slot = this.slots.at(-1);
    if (slot?.at !== at) {
      slot = { at, count: 0, failed: 0, totalMs: 0, maxMs: 0 };
      this.slots.push(slot);
      if (this.slots.length > BUCKETS) this.slots.shift();
    }
    slot.count++;
    if (record.outcome !== "ok") slot.failed++;
    slot.totalMs += record.ms;
    slot.maxMs = Math.max(slot.maxMs, record.ms);
  }
  /** The slots of the last ten minutes that saw calls, oldest first. */
  buckets(now = Date.now()) {
    return this.slots.filter((b) => b.at > now - BUCKETS * BUCKET_MS).map((b) => ({ ...b }));
  }
  refusedAsAmbiguous(refusal) {
    this.ambiguous++;
    this.lastAmbiguous = refusal;
  }
  stats() {
    return { total: this.total, failed: this.failed, recent: [...this.recent], ambiguous: this.ambiguous, ...this.lastAmbiguous ? { lastAmbiguous: this.lastAmbiguous } : {} };
  }
};
function targetOf(method, params) {
  const named = method === "resources/read" ? params?.uri : method === "tools/call" || method === "prompts/get" ? params?.name : void 0;
  return typeof named === "string" ? named.slice(0, 80) : void 0;
}

// src/gateway/router.ts
var SESSION_PROTOCOL_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
var LIST_CHANGED = [
  ["tools", "notifications/tools/list_changed"],
  ["resources", "notifications/resources/list_changed"],
  ["prompts", "notifications/prompts/list_changed"]
];
var CAPABILITY_OF = {
  "sampling/createMessage": "sampling",
  "elicitation/create": "elicitation"
};
var CAN_ASK_CLIENT = /* @__PURE__ */ new Set(["tools/call", "prompts/get", "resources/read"]);
var Router = class {
  constructor(child, root, waitMs, tools = new ToolCatalog()) {
    this.child = child;
    this.root = root;
    this.waitMs = waitMs;
    this.tools = tools;
    child.on("message", (m) => this.fromChild(m));
    child.on("ready", () => this.onChildReady());
    child.on("down", (reason) => this.onChildDown(reason));
  }
  child;
  root;
  waitMs;
  tools;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  sessions = /* @__PURE__ */ new Map();
  /** Requests waiting for the child to become ready, in arrival order. */
  queue = [];
  queueTimer;
  logLevel;
  everReady = false;
  calls = new CallLog();
  /** The gateway's own requests to the child (tools/list for status), by upstream id. */
  own = /* @__PURE__ */ new Map();
  get sessionCount() {
    return this.sessions.size;
  }
  open(session) {
    if (!this.sessions.has(session)) {
      this.sessions.set(session, { inflight: /* @__PURE__ */ new Map(), subscriptions: /* @__PURE__ */ new Set(), serverRequests: /* @__PURE__ */ new Set(), lastSeen: Date.now() });
    }
  }
  /** Who is connected, for the page. */
  describeSessions(now = Date.now()) {
    return [...this.sessions].map(([session, state]) => {
      const info = session.hello?.clientInfo;
      return {
        client: info?.name ? `${info.name}${info.version ? ` ${info.version}` : ""}` : "unknown client",
        transport: session.transport,
        inflight: state.inflight.size,
        idleMs: now - state.lastSeen
      };
    });
  }
  /** A session ended: its in-flight requests are cancelled upstream, its subscriptions dropped. */
  close(session) {
    const state = this.sessions.get(session);
    if (!state) return;
    this.sessions.delete(session);
    for (const upstreamId of state.inflight.values()) {
      this.logCall(upstreamId, "cancelled");
      this.pending.delete(upstreamId);
      this.child.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: upstreamId, reason: "client session closed" } });
    }
    for (const uri of state.subscriptions) this.unsubscribeIfUnused(uri);
    this.queue = this.queue.filter((q) => q.session !== session);
  }
  /** A message from a client session. */
  receive(session, message) {
    this.open(session);
    this.sessions.get(session).lastSeen = Date.now();
    if (isRequest(message)) this.fromClientRequest(session, message);
    else if (isNotification(message)) this.fromClientNotification(session, message);
    else if (isResponse(message)) this.fromClientResponse(session, message);
  }
  fromClientRequest(session, request2) {
    switch (request2.method) {
      case "initialize":
        this.initialize(session, request2);
        return;
      case "ping":
        session.send(resultResponse(request2.id, {}), request2.id);
        return;
      case "tools/call": {
        const refusal = toolCallRefusal(this.child.def, request2);
        if (refusal) return void session.send(refusal, request2.id);
        break;
      }
      case "resources/subscribe":
      case "resources/unsubscribe": {
        const uri = request2.params?.uri;
        if (typeof uri === "string") {
          const subs = this.sessions.get(session).subscriptions;
          if (request2.method === "resources/subscribe") subs.add(uri);
          else {
            subs.delete(uri);
            if (this.subscribers(uri).length > 0) {
              session.send(resultResponse(request2.id, {}), request2.id);
              return;
            }
          }
        }
        break;
      }
      case "logging/setLevel":
        if (typeof request2.params?.level === "string") this.logLevel = request2.params.level;
        break;
    }
    this.forward(session, request2);
  }
  /** Answers from the child's cached InitializeResult: the child is initialized once. */
  initialize(session, request2) {
    const params = request2.params ?? {};
    const requested = typeof params.protocolVersion === "string" ? params.protocolVersion : SESSION_PROTOCOL_VERSIONS[0];
    const protocolVersion = SESSION_PROTOCOL_VERSIONS.includes(requested) ? requested : SESSION_PROTOCOL_VERSIONS[0];
    session.hello = {
      protocolVersion,
      capabilities: params.capabilities ?? {},
      clientInfo: params.clientInfo
    };
    const answer = () => {
      const result = this.child.state === "ready" || this.child.replaysInit ? this.child.initResult : void 0;
      if (!result) {
        session.send(this.unavailable(request2.id), request2.id);
        return;
      }
      session.send(resultResponse(request2.id, { ...withToolsListChanged(result), protocolVersion }), request2.id);
    };
    if (this.child.state === "ready" || this.child.replaysInit) answer();
    else void this.child.whenReady(this.waitMs()).then(answer);
  }
  forward(session, request2) {
    if (this.child.state !== "ready") {
      if (this.child.state === "failed" || this.child.state === "stopped") {
        session.send(this.unavailable(request2.id), request2.id);
        return;
      }
      this.child.start();
      this.queue.push({ session, request: request2, deadline: Date.now() + this.waitMs() });
      this.armQueueTimer();
      return;
    }
    const upstreamId = this.nextId++;
    const entry = { session, clientId: request2.id, method: request2.method, started: Date.now(), target: targetOf(request2.method, request2.params) };
    if (request2.method === "tools/list") entry.cursor = request2.params?.cursor;
    let params = request2.params;
    const token = params?._meta?.progressToken;
    if (isRequestId(token)) {
      entry.progressToken = token;
      params = { ...params, _meta: { ...params._meta, progressToken: upstreamId } };
    }
    this.pending.set(upstreamId, entry);
    this.sessions.get(session)?.inflight.set(request2.id, upstreamId);
    if (!this.child.send({ jsonrpc: "2.0", id: upstreamId, method: request2.method, ...params ? { params } : {} })) {
      this.settle(upstreamId);
      session.send(this.unavailable(request2.id), request2.id);
    }
  }
  fromClientNotification(session, notification) {
    switch (notification.method) {
      case "notifications/initialized":
      case "notifications/roots/list_changed":
        return;
      case "notifications/cancelled": {
        const requestId = notification.params?.requestId;
        if (!isRequestId(requestId)) return;
        const state = this.sessions.get(session);
        const upstreamId = state?.inflight.get(requestId);
        if (upstreamId === void 0) return;
        this.logCall(upstreamId, "cancelled");
        this.settle(upstreamId);
        this.child.send({ ...notification, params: { ...notification.params, requestId: upstreamId } });
        return;
      }
      default:
        this.child.send(notification);
    }
  }
  fromClientResponse(session, response) {
    const state = this.sessions.get(session);
    if (response.id === null || !state?.serverRequests.delete(response.id)) return;
    this.child.send(response);
  }
  fromChild(message) {
    if (isResponse(message)) {
      if (typeof message.id !== "number") return;
      const own = this.own.get(message.id);
      if (own) {
        this.own.delete(message.id);
        own(message);
        return;
      }
      const entry = this.pending.get(message.id);
      if (!entry) return;
      this.logCall(message.id, "error" in message ? "error" : "ok");
      this.settle(message.id);
      const reply = entry.method === "tools/list" && "result" in message ? { ...message, result: this.tools.seen(entry.cursor, message.result, this.child.def.tools) } : message;
      entry.session.send({ ...reply, id: entry.clientId }, entry.clientId);
    } else if (isRequest(message)) {
      this.serverRequest(message);
    } else if (isNotification(message)) {
      this.serverNotification(message);
    }
  }
  serverRequest(request2) {
    if (request2.method === "roots/list") {
      this.child.send(resultResponse(request2.id, { roots: [{ uri: pathToFileURL(this.root).href, name: basename2(this.root) }] }));
      return;
    }
    if (request2.method === "ping") {
      this.child.send(resultResponse(request2.id, {}));
      return;
    }
    const capability = CAPABILITY_OF[request2.method];
    const candidates = [];
    for (const [session2, state2] of this.sessions) {
      if (capability && session2.hello?.capabilities?.[capability] === void 0) continue;
      const asking = [...state2.inflight].filter(([, upstreamId]) => !capability || CAN_ASK_CLIENT.has(this.pending.get(upstreamId)?.method ?? ""));
      if (asking.length > 0) candidates.push({ session: session2, state: state2, related: asking.at(-1)[0] });
    }
    if (candidates.length !== 1) {
      if (candidates.length > 1) this.calls.refusedAsAmbiguous({ at: Date.now(), method: request2.method, candidates: candidates.length });
      const why = candidates.length === 0 ? `no client session${capability ? ` that supports ${capability}` : ""} has a request in flight that could have asked for it` : `${candidates.length} client sessions have requests in flight that could have asked for it; mcp-auto cannot tell which (run this server with "transport": "http" to give every session its own)`;
      this.child.send(errorResponse(request2.id, INTERNAL_ERROR, `mcp-auto: cannot route ${request2.method}: ${why}`));
      return;
    }
    const { session, state, related } = candidates[0];
    state.serverRequests.add(request2.id);
    session.send(request2, related);
  }
  serverNotification(notification) {
    const params = notification.params ?? {};
    switch (notification.method) {
      case "notifications/progress": {
        const token = params.progressToken;
        const entry = typeof token === "number" ? this.pending.get(token) : void 0;
        if (!entry || entry.progressToken === void 0) return;
        entry.session.send({ ...notification, params: { ...params, progressToken: entry.progressToken } }, entry.clientId);
        return;
      }
      case "notifications/cancelled": {
        const requestId = params.requestId;
        for (const [session, state] of this.sessions) {
          if (isRequestId(requestId) && state.serverRequests.delete(requestId)) session.send(notification);
        }
        return;
      }
      case "notifications/resources/updated": {
        if (typeof params.uri === "string") for (const session of this.subscribers(params.uri)) session.send(notification);
        return;
      }
      case "notifications/tools/list_changed":
        this.tools.invalidate();
        for (const session of this.sessions.keys()) session.send(notification);
        return;
      default:
        for (const session of this.sessions.keys()) session.send(notification);
    }
  }
  subscribers(uri) {
    return [...this.sessions].filter(([, state]) => state.subscriptions.has(uri)).map(([session]) => session);
  }
  unsubscribeIfUnused(uri) {
    if (this.subscribers(uri).length > 0 || this.child.state !== "ready") return;
    this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "resources/unsubscribe", params: { uri } });
  }
  logCall(upstreamId, outcome) {
    const entry = this.pending.get(upstreamId);
    if (!entry) return;
    const at = Date.now();
    this.calls.add({ at, method: entry.method, ...entry.target ? { target: entry.target } : {}, ms: at - entry.started, outcome });
  }
  settle(upstreamId) {
    const entry = this.pending.get(upstreamId);
    if (!entry) return;
    this.pending.delete(upstreamId);
    this.sessions.get(entry.session)?.inflight.delete(entry.clientId);
  }
  /** The child went away: nothing in flight may hang. */
  onChildDown(reason) {
    for (const [id, done] of this.own) done(errorResponse(id, SERVER_UNAVAILABLE, reason));
    this.own.clear();
    for (const upstreamId of this.pending.keys()) this.logCall(upstreamId, "lost");
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const state of this.sessions.values()) {
      state.inflight.clear();
      state.serverRequests.clear();
    }
    for (const entry of pending) {
      entry.session.send(errorResponse(
        entry.clientId,
        SERVER_UNAVAILABLE,
        `mcp-auto: server '${this.child.def.name}' ${reason} while handling ${entry.method}; it is being restarted, try again`
      ), entry.clientId);
    }
    if (this.child.state === "failed" || this.child.state === "stopped") this.drainQueue();
  }
  onChildReady() {
    this.tools.invalidate();
    if (this.everReady) {
      for (const uri of new Set([...this.sessions.values()].flatMap((s) => [...s.subscriptions]))) {
        this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "resources/subscribe", params: { uri } });
      }
      if (this.logLevel) this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "logging/setLevel", params: { level: this.logLevel } });
      const capabilities = this.child.initResult?.capabilities ?? {};
      for (const [capability, method] of LIST_CHANGED) {
        if (capabilities[capability] === void 0) continue;
        for (const session of this.sessions.keys()) session.send({ jsonrpc: "2.0", method });
      }
    }
    this.everReady = true;
    this.drainQueue();
  }
  /** The tool filter changed (config reload, child untouched): sessions list again. */
  toolFilterChanged() {
    for (const session of this.sessions.keys()) session.send({ jsonrpc: "2.0", method: "notifications/tools/list_changed" });
  }
  /**
   * Lists the child's tools for the gateway itself (every page), so status can
   * measure them before any client asked. Only on demand (status, doctor):
   * never on the ensure path. False when the child is not ready or is slow.
   */
  async fetchTools(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    let cursor;
    for (let page = 0; page < 100; page++) {
      if (this.child.state !== "ready") return false;
      const id = this.nextId++;
      const response = await new Promise((resolve) => {
        const timer = setTimeout(() => {
          this.own.delete(id);
          resolve(void 0);
        }, Math.max(0, deadline - Date.now()));
        this.own.set(id, (r) => {
          clearTimeout(timer);
          resolve(r);
        });
        if (!this.child.send({ jsonrpc: "2.0", id, method: "tools/list", ...cursor ? { params: { cursor } } : {} })) {
          this.own.delete(id);
          clearTimeout(timer);
          resolve(void 0);
        }
      });
      if (!response || !("result" in response)) return false;
      this.tools.seen(cursor, response.result, void 0);
      const next = response.result?.nextCursor;
      if (typeof next !== "string") return true;
      cursor = next;
    }
    return false;
  }
  drainQueue() {
    const queue = this.queue;
    this.queue = [];
    for (const { session, request: request2 } of queue) this.forward(session, request2);
  }
  armQueueTimer() {
    if (this.queueTimer) return;
    this.queueTimer = setInterval(() => {
      const now = Date.now();
      const expired = this.queue.filter((q) => q.deadline <= now);
      this.queue = this.queue.filter((q) => q.deadline > now);
      for (const { session, request: request2 } of expired) {
        session.send(errorResponse(
          request2.id,
          REQUEST_TIMEOUT,
          `mcp-auto: server '${this.child.def.name}' is still ${this.child.state}; see \`mcp-auto logs\``
        ), request2.id);
      }
      if (this.queue.length === 0) {
        clearInterval(this.queueTimer);
        this.queueTimer = void 0;
      }
    }, 250);
  }
  unavailable(id) {
    return unavailable(this.child, id);
  }
};

// src/gateway/streamable.ts
import { randomUUID as randomUUID4 } from "node:crypto";

// src/gateway/post-exchange.ts
var PostExchange = class {
  constructor(res, count, batch, headers) {
    this.res = res;
    this.batch = batch;
    this.headers = headers;
    this.remaining = count;
    res.once("close", () => {
      this.mode = "done";
    });
  }
  res;
  batch;
  headers;
  remaining;
  replies = [];
  mode = "json";
  reply(message) {
    if (this.mode === "done") return;
    this.remaining--;
    if (this.mode === "sse") writeEvent(this.res, message);
    else this.replies.push(message);
    if (this.remaining === 0) this.finish();
  }
  /** A message that belongs to this POST's requests but is not a reply; false if the stream is gone. */
  push(message) {
    if (this.mode === "done") return false;
    if (this.mode === "json") {
      startEventStream(this.res, this.headers);
      this.mode = "sse";
      for (const reply of this.replies.splice(0)) writeEvent(this.res, reply);
    }
    return writeEvent(this.res, message);
  }
  finish() {
    if (this.mode === "json") sendJson(this.res, 200, this.batch ? this.replies : this.replies[0], this.headers);
    else this.res.end();
    this.mode = "done";
  }
};

// src/gateway/stateless.ts
import { randomUUID as randomUUID3 } from "node:crypto";
var FIRST_STATELESS_VERSION = "2026-07-28";
var STATELESS_PROTOCOL_VERSIONS = ["2026-07-28"];
var META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
var META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
var META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
var META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
var META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
var META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
var ENVELOPE_KEYS = [META_PROTOCOL_VERSION, META_CLIENT_INFO, META_CLIENT_CAPABILITIES, META_LOG_LEVEL];
var INVALID_PARAMS = -32602;
var RESOURCE_NOT_FOUND_2025 = -32002;
var HEADER_MISMATCH = -32020;
var UNSUPPORTED_PROTOCOL_VERSION = -32022;
var GONE_METHODS = /* @__PURE__ */ new Set([
  "initialize",
  "ping",
  "logging/setLevel",
  "resources/subscribe",
  "resources/unsubscribe",
  "tasks/get",
  "tasks/result",
  "tasks/list",
  "tasks/cancel",
  "sampling/createMessage",
  "elicitation/create",
  "roots/list"
]);
var CACHEABLE_METHODS = /* @__PURE__ */ new Set(["tools/list", "prompts/list", "resources/list", "resources/templates/list", "resources/read"]);
var NAME_HEADER_SOURCE = { "tools/call": "name", "prompts/get": "name", "resources/read": "uri" };
var INPUT_REQUEST_METHODS = /* @__PURE__ */ new Set(["sampling/createMessage", "elicitation/create", "roots/list"]);
var MULTI_ROUND_METHODS = /* @__PURE__ */ new Set(["tools/call", "prompts/get", "resources/read"]);
var LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];
var INPUT_WAIT_MS = 5 * 6e4;
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function metaOf(message) {
  if (!isObject(message) || !isObject(message.params)) return void 0;
  return isObject(message.params._meta) ? message.params._meta : void 0;
}
function hasClaim(message) {
  const meta = metaOf(message);
  return meta !== void 0 && META_PROTOCOL_VERSION in meta;
}
function headerOf(req, name) {
  const value = req.headers[name];
  return typeof value === "string" ? value.trim() : void 0;
}
function isStatelessPost(req, body) {
  const header = headerOf(req, "mcp-protocol-version");
  const headerStateless = header !== void 0 && header >= FIRST_STATELESS_VERSION;
  if (Array.isArray(body)) return body.some(hasClaim);
  if (!isObject(body) || typeof body.method !== "string") return false;
  if (body.method === "initialize") return headerStateless || validStatelessClaim(body);
  return headerStateless || hasClaim(body);
}
function validStatelessClaim(message) {
  const meta = metaOf(message);
  const version = meta?.[META_PROTOCOL_VERSION];
  return typeof version === "string" && version >= FIRST_STATELESS_VERSION && envelopeIssues(meta).length === 0;
}
function kindOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function expected(key, type, v) {
  return { key, problem: `Invalid input: expected ${type}, received ${kindOf(v)}` };
}
function envelopeIssues(meta) {
  const issues = [];
  for (const key of [META_PROTOCOL_VERSION, META_CLIENT_CAPABILITIES]) if (!(key in meta)) issues.push({ key, problem: "missing" });
  const token = meta.progressToken;
  if (token !== void 0 && typeof token !== "string" && !Number.isInteger(token)) issues.push(expected("progressToken", "string or integer", token));
  const version = meta[META_PROTOCOL_VERSION];
  if (version !== void 0 && typeof version !== "string") issues.push(expected(META_PROTOCOL_VERSION, "string", version));
  const info = meta[META_CLIENT_INFO];
  if (info !== void 0) {
    if (!isObject(info)) issues.push(expected(META_CLIENT_INFO, "object", info));
    else for (const field of ["name", "version"]) {
      if (typeof info[field] !== "string") issues.push(expected(`${META_CLIENT_INFO}.${field}`, "string", info[field]));
    }
  }
  const caps = meta[META_CLIENT_CAPABILITIES];
  if (caps !== void 0) {
    if (!isObject(caps)) issues.push(expected(META_CLIENT_CAPABILITIES, "object", caps));
    else for (const field of ["experimental", "sampling", "elicitation", "roots", "extensions"]) {
      if (caps[field] !== void 0 && !isObject(caps[field])) issues.push(expected(`${META_CLIENT_CAPABILITIES}.${field}`, "object", caps[field]));
    }
  }
  const level = meta[META_LOG_LEVEL];
  if (level !== void 0 && !LOG_LEVELS.includes(level)) {
    issues.push({ key: META_LOG_LEVEL, problem: `Invalid option: expected one of ${LOG_LEVELS.map((l) => `"${l}"`).join("|")}` });
  }
  return issues;
}
function mismatch(header, body) {
  return { status: 400, code: HEADER_MISMATCH, message: `Bad Request: the request headers and body disagree: ${body}`, data: { mismatch: { header, body } } };
}
function classify(req, body) {
  if (Array.isArray(body)) {
    return { status: 400, code: INVALID_REQUEST, message: "Bad Request: JSON-RPC batches may not contain requests for protocol revision 2026-07-28 or later" };
  }
  if (!isMessage(body) || isResponse(body)) {
    return { status: 400, code: INVALID_REQUEST, message: "Bad Request: the request body is not a valid JSON-RPC message" };
  }
  const header = headerOf(req, "mcp-protocol-version");
  const methodHeader = headerOf(req, "mcp-method");
  const method = body.method;
  const meta = metaOf(body);
  if (isRequest(body) && method === "initialize" && !validStatelessClaim(body)) {
    return mismatch(header, "an initialize request (legacy handshake) was sent with a 2026-07-28 MCP-Protocol-Version header");
  }
  if (hasClaim(body)) {
    const claimed = meta[META_PROTOCOL_VERSION];
    const issue = isRequest(body) ? envelopeIssues(meta)[0] : typeof claimed === "string" ? void 0 : expected(META_PROTOCOL_VERSION, "string", claimed);
    if (issue) {
      return {
        status: 400,
        code: INVALID_PARAMS,
        data: { envelope: issue },
        message: `Invalid _meta envelope for protocol revision 2026-07-28: ${issue.key}: ${issue.problem}`
      };
    }
    const version = claimed;
    if (header !== void 0 && header !== version) {
      return mismatch(header, `the body envelope names protocol version ${version} but the MCP-Protocol-Version header names ${header}`);
    }
    if (methodHeader !== void 0 && methodHeader !== method) {
      return mismatch(methodHeader, `the body names method ${method} but the Mcp-Method header names ${methodHeader}`);
    }
    return { message: body, version };
  }
  if (isRequest(body)) {
    const missing = meta === void 0 ? ["_meta"] : envelopeIssues(meta).filter((i) => i.problem === "missing").map((i) => i.key);
    return {
      status: 400,
      code: INVALID_PARAMS,
      data: { envelope: { missing } },
      message: `Invalid params: the MCP-Protocol-Version header names protocol revision ${header}, but the request is missing the required per-request envelope key(s): ${missing.join(", ")}`
    };
  }
  if (methodHeader !== void 0 && methodHeader !== method) {
    return mismatch(methodHeader, `the notification body names method ${method} but the Mcp-Method header names ${methodHeader}`);
  }
  return { message: body, version: header };
}
function checkStandardHeaders(req, request2, version) {
  if (headerOf(req, "mcp-protocol-version") === void 0) {
    return mismatch("(missing)", `the body envelope names protocol version ${version} but the required MCP-Protocol-Version header is absent`);
  }
  if (headerOf(req, "mcp-method") === void 0) {
    return mismatch("(missing)", `the body names method ${request2.method} but the required Mcp-Method header is absent`);
  }
  const field = NAME_HEADER_SOURCE[request2.method];
  if (!field) return void 0;
  const value = request2.params?.[field];
  const bodyValue = typeof value === "string" ? value : void 0;
  const nameHeader = headerOf(req, "mcp-name");
  if (nameHeader === void 0) {
    return bodyValue === void 0 ? void 0 : mismatch("(missing)", `the body carries params.${field}="${bodyValue}" but the required Mcp-Name header is absent`);
  }
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === void 0) return mismatch(nameHeader, "the Mcp-Name header carries an invalid Base64 sentinel value");
  if (bodyValue !== void 0 && decoded !== bodyValue) {
    return mismatch(nameHeader, `the body carries params.${field}="${bodyValue}" but the Mcp-Name header names "${decoded}"`);
  }
  return void 0;
}
function decodeHeaderValue(value) {
  if (!value.startsWith("=?base64?") || !value.endsWith("?=")) return value;
  const b64 = value.slice(9, -2);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) return void 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(b64, "base64"));
  } catch {
    return void 0;
  }
}
function forChild(request2) {
  if (!request2.params) return request2;
  const { _meta, inputResponses: _responses, requestState: _state, ...params } = request2.params;
  const meta = { ..._meta };
  for (const key of ENVELOPE_KEYS) delete meta[key];
  return { ...request2, params: Object.keys(meta).length > 0 ? { ...params, _meta: meta } : params };
}
function forStatelessClient(method, response, serverInfo) {
  if (response.error) {
    return response.error.code === RESOURCE_NOT_FOUND_2025 ? { ...response, error: { ...response.error, code: INVALID_PARAMS } } : response;
  }
  if (!isObject(response.result)) return response;
  const result = { resultType: "complete", ...response.result };
  if (method === "tools/list" && Array.isArray(result.tools)) {
    result.tools = result.tools.map((tool) => {
      if (!isObject(tool) || !("execution" in tool)) return tool;
      const { execution: _execution, ...rest } = tool;
      return rest;
    });
  }
  if (result.resultType === "complete" && CACHEABLE_METHODS.has(method)) {
    if (!(Number.isSafeInteger(result.ttlMs) && result.ttlMs >= 0)) result.ttlMs = 0;
    if (result.cacheScope !== "public" && result.cacheScope !== "private") result.cacheScope = "private";
  }
  return { ...response, result: withServerInfo(result, serverInfo) };
}
function withServerInfo(result, serverInfo) {
  if (serverInfo === void 0) return result;
  if (result._meta === void 0) return { ...result, _meta: { [META_SERVER_INFO]: serverInfo } };
  if (!isObject(result._meta) || result._meta[META_SERVER_INFO] !== void 0) return result;
  return { ...result, _meta: { ...result._meta, [META_SERVER_INFO]: serverInfo } };
}
function progressTokenOf(request2) {
  const token = request2.params?._meta?.progressToken;
  return isRequestId(token) ? token : void 0;
}
var StatelessSession = class {
  constructor(endpoint, hello, method) {
    this.endpoint = endpoint;
    this.hello = hello;
    this.method = method;
  }
  endpoint;
  hello;
  method;
  transport = "stateless";
  id = randomUUID3();
  /** The opaque requestState naming this call while it waits for a retry. */
  token = randomUUID3();
  /** The id the router knows this call by: the first POST's. */
  clientId;
  exchange;
  /** Child requests waiting for the client's answer, by inputRequests key. */
  awaiting = /* @__PURE__ */ new Map();
  /** Keys of `awaiting` not yet put to the client. */
  unasked = /* @__PURE__ */ new Set();
  /** The call's reply, when it came while no POST was open. */
  finalReply;
  waitTimer;
  nextKey = 1;
  ended = false;
  get router() {
    return this.endpoint.router;
  }
  /** The first POST: forwards the request through the router. */
  start(res, request2) {
    this.clientId = request2.id;
    this.attach(res, request2);
    this.router.receive(this, forChild(request2));
  }
  /** A retry of this call carrying `inputResponses`: hands the answers to the child and goes on on the new POST. */
  resume(res, request2) {
    clearTimeout(this.waitTimer);
    this.endpoint.waiting.delete(this.token);
    this.attach(res, request2);
    const responses = isObject(request2.params?.inputResponses) ? request2.params.inputResponses : {};
    for (const [key, childRequest] of this.awaiting) {
      if (!(key in responses)) {
        this.unasked.add(key);
        continue;
      }
      this.awaiting.delete(key);
      this.router.receive(this, resultResponse(childRequest.id, responses[key]));
    }
    if (this.finalReply) this.deliver(this.finalReply);
    else if (this.unasked.size > 0) this.askForInput();
  }
  send(message) {
    if (this.ended) return;
    if (isResponse(message)) {
      if (message.id !== null && message.id === this.clientId) this.deliver(message);
    } else if (isRequest(message)) {
      this.childAsks(message);
    } else if (message.method === "notifications/progress") {
      const exchange = this.exchange;
      if (exchange?.progressToken !== void 0) exchange.post.push({ ...message, params: { ...message.params, progressToken: exchange.progressToken } });
    } else if (message.method === "notifications/cancelled") {
      for (const [key, childRequest] of this.awaiting) {
        if (childRequest.id !== message.params?.requestId) continue;
        this.awaiting.delete(key);
        this.unasked.delete(key);
      }
    }
  }
  attach(res, request2) {
    const exchange = { res, post: new PostExchange(res, 1, false, {}), id: request2.id, progressToken: progressTokenOf(request2) };
    this.exchange = exchange;
    res.once("close", () => {
      if (this.exchange === exchange) this.end("the client closed the request");
    });
  }
  deliver(response) {
    const exchange = this.exchange;
    if (!exchange) {
      this.finalReply = response;
      return;
    }
    this.exchange = void 0;
    exchange.post.reply(forStatelessClient(this.method, { ...response, id: exchange.id }, this.endpoint.serverInfo));
    this.end();
  }
  childAsks(request2) {
    if (!INPUT_REQUEST_METHODS.has(request2.method) || !MULTI_ROUND_METHODS.has(this.method)) {
      this.router.receive(this, errorResponse(
        request2.id,
        METHOD_NOT_FOUND,
        `mcp-auto: ${request2.method} cannot reach a client on protocol revision 2026-07-28 during ${this.method}`
      ));
      return;
    }
    const key = `mcp-auto-${this.nextKey++}`;
    this.awaiting.set(key, request2);
    this.unasked.add(key);
    if (this.exchange) this.askForInput();
  }
  /** Answers the open POST with input_required; the call keeps running upstream. */
  askForInput() {
    const exchange = this.exchange;
    this.exchange = void 0;
    const inputRequests = {};
    for (const key of this.unasked) {
      const { method, params } = this.awaiting.get(key);
      inputRequests[key] = params ? { method, params } : { method };
    }
    this.unasked.clear();
    const result = withServerInfo({ resultType: "input_required", inputRequests, requestState: this.token }, this.endpoint.serverInfo);
    this.endpoint.waiting.set(this.token, this);
    this.waitTimer = setTimeout(() => this.end(`no retry within ${INPUT_WAIT_MS / 6e4} min`), INPUT_WAIT_MS);
    this.waitTimer.unref();
    exchange.post.reply(resultResponse(exchange.id, result));
  }
  /** The call is over: what the child still asks is refused, the rest is cancelled upstream by the router. */
  end(why) {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.waitTimer);
    this.endpoint.waiting.delete(this.token);
    for (const childRequest of this.awaiting.values()) {
      this.router.receive(this, errorResponse(
        childRequest.id,
        INTERNAL_ERROR,
        `mcp-auto: the client did not answer ${childRequest.method}${why ? `: ${why}` : ""}`
      ));
    }
    this.awaiting.clear();
    this.router.close(this);
  }
};
function listenFilterOf(value) {
  if (!isObject(value)) return void 0;
  for (const flag of ["toolsListChanged", "promptsListChanged", "resourcesListChanged"]) {
    if (value[flag] !== void 0 && typeof value[flag] !== "boolean") return void 0;
  }
  const uris = value.resourceSubscriptions;
  if (uris !== void 0 && !(Array.isArray(uris) && uris.every((u) => typeof u === "string"))) return void 0;
  return value;
}
function honoured(filter, capabilities) {
  const can = (capability, bit) => {
    const entry = capabilities?.[capability];
    return capabilities === void 0 || isObject(entry) && entry[bit] === true;
  };
  const out = {};
  if (filter.toolsListChanged && can("tools", "listChanged")) out.toolsListChanged = true;
  if (filter.promptsListChanged && can("prompts", "listChanged")) out.promptsListChanged = true;
  if (filter.resourcesListChanged && can("resources", "listChanged")) out.resourcesListChanged = true;
  if (filter.resourceSubscriptions?.length && can("resources", "subscribe")) out.resourceSubscriptions = [...filter.resourceSubscriptions];
  return out;
}
function accepts(filter, notification) {
  switch (notification.method) {
    case "notifications/tools/list_changed":
      return filter.toolsListChanged === true;
    case "notifications/prompts/list_changed":
      return filter.promptsListChanged === true;
    case "notifications/resources/list_changed":
      return filter.resourcesListChanged === true;
    case "notifications/resources/updated":
      return filter.resourceSubscriptions?.includes(notification.params?.uri) === true;
    default:
      return false;
  }
}
var SUBSCRIBE_WAIT_MS = 5e3;
var ListenSession = class {
  constructor(router, res, subscriptionId, filter, serverInfo) {
    this.router = router;
    this.res = res;
    this.subscriptionId = subscriptionId;
    this.filter = filter;
    this.serverInfo = serverInfo;
  }
  router;
  res;
  subscriptionId;
  filter;
  serverInfo;
  transport = "stateless";
  id = randomUUID3();
  // No capabilities: a listen stream is never where the child's sampling or elicitation goes.
  hello = { protocolVersion: FIRST_STATELESS_VERSION, capabilities: {} };
  /** Subscriptions the child has not answered yet; until then what it sends waits here. */
  unanswered = 0;
  held;
  acknowledge;
  /**
   * The acknowledgement waits for the child's answers to `count` resource
   * subscriptions (at most SUBSCRIBE_WAIT_MS): a client that acts at once
   * (changes a resource) must find them in place upstream.
   */
  acknowledgeAfter(count, acknowledge) {
    if (count === 0) return acknowledge();
    this.unanswered = count;
    this.held = [];
    this.acknowledge = acknowledge;
    setTimeout(() => this.release(), SUBSCRIBE_WAIT_MS).unref();
  }
  release() {
    const held = this.held;
    if (!held) return;
    this.held = void 0;
    this.acknowledge?.();
    for (const message of held) this.send(message);
  }
  send(message) {
    if (isRequest(message)) {
      this.router.receive(this, errorResponse(message.id, INTERNAL_ERROR, `mcp-auto: ${message.method} cannot be answered on a subscriptions/listen stream`));
      return;
    }
    if (!isNotification(message)) {
      if (this.held && --this.unanswered <= 0) this.release();
      return;
    }
    if (this.held) this.held.push(message);
    else if (accepts(this.filter, message)) this.write(message.method, message.params);
  }
  write(method, params) {
    writeEvent(this.res, { jsonrpc: "2.0", method, params: { ...params, _meta: { ...params?._meta, [META_SUBSCRIPTION_ID]: this.subscriptionId } } });
  }
  /** Ends the stream the way the revision says a server ends it: a final empty result. */
  finish() {
    writeEvent(this.res, resultResponse(this.subscriptionId, withServerInfo({ resultType: "complete", _meta: { [META_SUBSCRIPTION_ID]: this.subscriptionId } }, this.serverInfo)));
    this.res.end();
  }
};
var StatelessEndpoint = class {
  constructor(name, router) {
    this.name = name;
    this.router = router;
  }
  name;
  router;
  /** Calls that answered input_required, by their requestState. */
  waiting = /* @__PURE__ */ new Map();
  listeners = /* @__PURE__ */ new Set();
  nextSubscribe = 1;
  /** Open subscriptions/listen streams (a client holding one is in use). */
  get listenCount() {
    return this.listeners.size;
  }
  get serverInfo() {
    return this.router.child.initResult?.serverInfo;
  }
  async post(req, res, body) {
    const classified = classify(req, body);
    const id = isObject(body) && typeof body.method === "string" && isRequestId(body.id) ? body.id : null;
    if ("status" in classified) return this.refuse(res, id, classified);
    const { message, version } = classified;
    if (!STATELESS_PROTOCOL_VERSIONS.includes(version)) {
      return this.refuse(res, id, {
        status: 400,
        code: UNSUPPORTED_PROTOCOL_VERSION,
        message: `Unsupported protocol version: ${version}`,
        data: { supported: STATELESS_PROTOCOL_VERSIONS, requested: version }
      });
    }
    if (!isRequest(message)) return void res.writeHead(202).end();
    const refusal = checkStandardHeaders(req, message, version);
    if (refusal) return this.refuse(res, message.id, refusal);
    const meta = message.params._meta;
    const hello = {
      protocolVersion: version,
      capabilities: meta[META_CLIENT_CAPABILITIES],
      clientInfo: meta[META_CLIENT_INFO]
    };
    switch (message.method) {
      case "server/discover":
        return this.discover(res, message);
      case "subscriptions/listen":
        return this.listen(res, message);
    }
    if (GONE_METHODS.has(message.method)) {
      return sendJson(res, 404, errorResponse(message.id, METHOD_NOT_FOUND, `Method not found: ${message.method} is not part of protocol revision ${version}`));
    }
    const state = message.params?.requestState;
    if (state !== void 0) {
      const session = typeof state === "string" ? this.waiting.get(state) : void 0;
      if (!session || session.method !== message.method) {
        return sendJson(res, 200, errorResponse(
          message.id,
          INVALID_PARAMS,
          `mcp-auto: requestState is unknown or has expired (calls wait ${INPUT_WAIT_MS / 6e4} min for their retry); call ${message.method} again without it`
        ));
      }
      return session.resume(res, message);
    }
    new StatelessSession(this, hello, message.method).start(res, message);
  }
  refuse(res, id, refusal) {
    sendJson(res, refusal.status, errorResponse(id, refusal.code, refusal.message, refusal.data));
  }
  /** The child's InitializeResult, waiting (bounded) while it starts. */
  async initResult() {
    const child = this.router.child;
    if (child.state !== "ready" && !child.replaysInit) await child.whenReady(child.def.startTimeoutMs);
    return child.initResult && withToolsListChanged(child.initResult);
  }
  unavailable(id) {
    const child = this.router.child;
    return errorResponse(id, SERVER_UNAVAILABLE, `mcp-auto: server '${this.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ""}; see \`mcp-auto logs\``);
  }
  /** Answered from the InitializeResult the gateway cached when it initialized the child. */
  async discover(res, request2) {
    const init = await this.initResult();
    if (!init) return sendJson(res, 200, this.unavailable(request2.id));
    const { tasks: _tasks, ...capabilities } = isObject(init.capabilities) ? init.capabilities : {};
    const result = withServerInfo({
      resultType: "complete",
      supportedVersions: STATELESS_PROTOCOL_VERSIONS,
      capabilities,
      ...typeof init.instructions === "string" ? { instructions: init.instructions } : {},
      ttlMs: 0,
      cacheScope: "private"
    }, init.serverInfo);
    sendJson(res, 200, resultResponse(request2.id, result));
  }
  async listen(res, request2) {
    const filter = listenFilterOf(request2.params?.notifications);
    if (!filter) {
      return sendJson(res, 200, errorResponse(request2.id, INVALID_PARAMS, "Invalid params: 'notifications' is required and must be a valid SubscriptionFilter"));
    }
    const init = await this.initResult();
    if (!init) return sendJson(res, 200, this.unavailable(request2.id));
    const honouredFilter = honoured(filter, isObject(init.capabilities) ? init.capabilities : void 0);
    const session = new ListenSession(this.router, res, request2.id, honouredFilter, init.serverInfo);
    startEventStream(res);
    const acknowledge = () => session.write("notifications/subscriptions/acknowledged", { notifications: honouredFilter });
    if (Object.keys(honouredFilter).length === 0) {
      acknowledge();
      return session.finish();
    }
    keepAlive(res);
    this.listeners.add(session);
    this.router.open(session);
    const uris = honouredFilter.resourceSubscriptions ?? [];
    session.acknowledgeAfter(uris.length, acknowledge);
    for (const uri of uris) {
      this.router.receive(session, { jsonrpc: "2.0", id: `mcp-auto-listen-${this.nextSubscribe++}`, method: "resources/subscribe", params: { uri } });
    }
    res.once("close", () => {
      this.listeners.delete(session);
      this.router.close(session);
    });
  }
  closeAll() {
    for (const session of this.listeners) session.finish();
    for (const session of this.waiting.values()) session.end("mcp-auto is stopping");
  }
};

// src/gateway/streamable.ts
var BACKLOG_LIMIT = 64;
var SESSION_HEADER = "mcp-session-id";
var StreamableSession = class {
  constructor(id) {
    this.id = id;
  }
  id;
  transport = "streamable";
  hello;
  lastUsed = Date.now();
  /** client request id → the POST that carries its reply. */
  exchanges = /* @__PURE__ */ new Map();
  stream;
  backlog = [];
  send(message, relatedRequestId) {
    if (isResponse(message) && message.id !== null) {
      const exchange = this.exchanges.get(message.id);
      if (exchange) {
        this.exchanges.delete(message.id);
        exchange.reply(message);
        return;
      }
    }
    if (relatedRequestId !== void 0 && this.exchanges.get(relatedRequestId)?.push(message)) return;
    if (this.stream && writeEvent(this.stream, message)) return;
    if (this.backlog.length < BACKLOG_LIMIT) this.backlog.push(message);
  }
  get hasStream() {
    return this.stream !== void 0;
  }
  attachStream(res) {
    this.stream?.end();
    this.stream = res;
    startEventStream(res, { [SESSION_HEADER]: this.id });
    keepAlive(res);
    for (const message of this.backlog.splice(0)) writeEvent(res, message);
    res.once("close", () => {
      if (this.stream === res) this.stream = void 0;
    });
  }
  end() {
    this.stream?.end();
    this.stream = void 0;
  }
};
var StreamableEndpoint = class {
  constructor(name, router, store) {
    this.name = name;
    this.router = router;
    this.store = store;
    this.stateless = new StatelessEndpoint(name, router);
  }
  name;
  router;
  store;
  sessions = /* @__PURE__ */ new Map();
  stateless;
  get sessionCount() {
    return this.sessions.size;
  }
  /** Sessions in use: a stream open, a request in flight, or one within the last windowMs. */
  liveCount(windowMs) {
    const since = Date.now() - windowMs;
    let n = 0;
    for (const s of this.sessions.values()) if (s.hasStream || s.exchanges.size > 0 || s.lastUsed >= since) n++;
    return n;
  }
  get streamCount() {
    let n = 0;
    for (const s of this.sessions.values()) if (s.hasStream) n++;
    return n + this.stateless.listenCount;
  }
  async handle(req, res) {
    switch (req.method) {
      case "POST":
        return this.post(req, res);
      case "GET":
        return this.get(req, res);
      case "DELETE":
        return this.delete(req, res);
      default:
        sendError(res, 405, "use POST, GET or DELETE", { allow: "GET, POST, DELETE" });
    }
  }
  async post(req, res) {
    if (!isJsonContentType(req)) return sendError(res, 415, "Content-Type must be application/json");
    const accept = req.headers.accept ?? "";
    if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
      return sendError(res, 406, "Accept must list application/json and text/event-stream");
    }
    const body = await readJsonBody(req, res);
    if (!body) return;
    const parsed = body.value;
    if (isStatelessPost(req, parsed)) return this.stateless.post(req, res, parsed);
    const shaped = asMessages(parsed);
    if (!shaped) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message or batch"));
    const { messages, batch } = shaped;
    const init = messages.find((m) => isRequest(m) && m.method === "initialize");
    let session;
    if (init) {
      if (messages.length > 1) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: initialize must be sent alone"));
      session = new StreamableSession(randomUUID4());
      this.sessions.set(session.id, session);
    } else {
      const id = req.headers[SESSION_HEADER];
      if (typeof id !== "string" || !id) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
      session = this.session(id);
      if (!session) return sendJson(res, 404, errorResponse(null, -32001, "Session not found: initialize a new session"));
    }
    session.lastUsed = Date.now();
    const requests = messages.filter(isRequest);
    if (requests.length === 0) {
      res.writeHead(202).end();
      for (const message of messages) this.router.receive(session, message);
      return;
    }
    const exchange = new PostExchange(res, requests.length, batch, { [SESSION_HEADER]: session.id });
    for (const message of messages) {
      if (isRequest(message)) {
        if (session.exchanges.has(message.id)) {
          exchange.reply(errorResponse(message.id, INVALID_REQUEST, `Invalid Request: id ${JSON.stringify(message.id)} is already in flight`));
          continue;
        }
        session.exchanges.set(message.id, exchange);
      }
      this.router.receive(session, message);
    }
    if (init && session.hello) this.store?.save(this.name, session.id, session.hello);
  }
  get(req, res) {
    if (!acceptsEventStream(req)) return sendError(res, 406, "Accept must list text/event-stream");
    const session = this.sessionFromHeader(req, res);
    if (!session) return;
    session.lastUsed = Date.now();
    session.attachStream(res);
  }
  delete(req, res) {
    const session = this.sessionFromHeader(req, res);
    if (!session) return;
    this.drop(session);
    this.store?.remove(session.id);
    res.writeHead(200).end();
  }
  sessionFromHeader(req, res) {
    const id = req.headers[SESSION_HEADER];
    if (typeof id !== "string" || !id) {
      sendError(res, 400, "Mcp-Session-Id header is required");
      return void 0;
    }
    const session = this.session(id);
    if (!session) sendError(res, 404, "Session not found: initialize a new session");
    return session;
  }
  /** A live session, or one brought back from the store after a daemon restart. */
  session(id) {
    const live = this.sessions.get(id);
    if (live) return live;
    const hello = this.store?.load(this.name, id);
    if (!hello) return void 0;
    const session = new StreamableSession(id);
    session.hello = hello;
    this.sessions.set(id, session);
    this.router.open(session);
    return session;
  }
  drop(session) {
    this.sessions.delete(session.id);
    session.end();
    this.router.close(session);
  }
  /** Forgets sessions idle longer than maxIdleMs with no stream open (the store can bring them back). */
  sweep(maxIdleMs) {
    const cutoff = Date.now() - maxIdleMs;
    for (const session of this.sessions.values()) {
      if (!session.hasStream && session.exchanges.size === 0 && session.lastUsed < cutoff) this.drop(session);
    }
  }
  closeAll() {
    this.stateless.closeAll();
    for (const session of this.sessions.values()) this.drop(session);
  }
};

// src/gateway/proxy-tool-filter.ts
function readRaw(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(void 0);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(void 0));
  });
}
function requestsIn(body) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch {
    return { requests: [], batch: false };
  }
  const batch = Array.isArray(parsed);
  const list = batch ? parsed : [parsed];
  return { requests: list.filter((m) => isMessage(m) && isRequest(m)), batch };
}
async function proxyWithToolFilter(req, res, child, path, catalog, legacy) {
  const encoding = req.headers["content-encoding"];
  if (child.def.tools && encoding !== void 0 && encoding !== "identity") {
    req.resume();
    return sendJson(res, 415, errorResponse(null, INVALID_REQUEST, `mcp-auto: server '${child.def.name}' has a tool filter, so request bodies must not be compressed (Content-Encoding: ${encoding})`));
  }
  const body = await readRaw(req);
  if (!body) return sendJson(res, 413, errorResponse(null, INVALID_REQUEST, `request body over ${MAX_BODY_BYTES} bytes, or unreadable`));
  const { requests, batch } = requestsIn(body);
  const refused = requests.map((r) => toolCallRefusal(child.def, r));
  const status = legacy ? 400 : 200;
  if (refused.some(Boolean)) {
    if (!batch) return sendJson(res, status, refused[0]);
    return sendJson(res, status, requests.map((r, i) => refused[i] ?? errorResponse(
      r.id,
      INVALID_REQUEST,
      `mcp-auto: this batch also holds a tool call the config filters out, so none of it was sent to '${child.def.name}'; send ${r.method} on its own`
    )));
  }
  const lists = new Map(requests.filter((r) => r.method === "tools/list").map((r) => [r.id, r.params?.cursor]));
  if (lists.size === 0 || legacy) return proxyToChild(req, res, child, path, { body });
  const filtered = (message) => {
    if (!isResponse(message) || message.id === null || !lists.has(message.id) || !("result" in message)) return message;
    return { ...message, result: catalog.seen(lists.get(message.id), message.result, child.def.tools) };
  };
  return proxyToChild(req, res, child, path, { body, reply: (reply, out, headers) => rewriteReply(reply, out, headers, filtered) });
}
function proxyEventStream(req, res, child, path, catalog, streams) {
  const filtered = (message) => {
    if (isNotification(message) && message.method === "notifications/tools/list_changed") catalog.invalidate();
    if (!isResponse(message) || !isToolsResult(message.result)) return message;
    return { ...message, result: filterToolsResult(child.def.tools, message.result) };
  };
  return proxyToChild(req, res, child, path, {
    reply: (reply, out, headers) => {
      rewriteReply(reply, out, headers, filtered);
      if (!/^text\/event-stream/i.test(String(headers["content-type"] ?? ""))) return;
      const add = (message) => {
        if (!out.writableEnded && !out.destroyed) out.write(`event: message
data: ${JSON.stringify(message)}

`);
      };
      streams.add(add);
      out.once("close", () => streams.delete(add));
    }
  });
}
function isToolsResult(result) {
  return typeof result === "object" && result !== null && Array.isArray(result.tools);
}
function rewriteReply(reply, res, headers, rewrite) {
  reply.on("error", () => res.destroy());
  const type = String(headers["content-type"] ?? "");
  const status = reply.statusCode ?? 502;
  if (/^application\/json/i.test(type)) {
    const chunks = [];
    reply.on("data", (chunk) => chunks.push(chunk));
    reply.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const out = rewriteJson(text, rewrite) ?? text;
      res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(out)) });
      res.end(out);
    });
    return;
  }
  const { "content-length": _length, ...streamed } = headers;
  res.writeHead(status, /^text\/event-stream/i.test(type) ? streamed : headers);
  res.flushHeaders();
  if (!/^text\/event-stream/i.test(type)) return void reply.pipe(res);
  const events = new SseEvents((event) => res.write(rewriteEvent(event, rewrite)));
  reply.setEncoding("utf8");
  reply.on("data", (chunk) => events.push(chunk));
  reply.on("end", () => {
    events.flush();
    res.end();
  });
}
function rewriteJson(text, rewrite) {
  if (!text.includes("tools")) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return void 0;
  }
  const one = (m) => isMessage(m) ? rewrite(m) : m;
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(one) : one(parsed));
}
function rewriteEvent(event, rewrite) {
  const lines = event.split(/\r\n|\r|\n/);
  const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(l.startsWith("data: ") ? 6 : 5));
  if (data.length === 0) return `${event}

`;
  const text = rewriteJson(data.join("\n"), rewrite);
  if (text === void 0) return `${event}

`;
  return `${lines.filter((l) => !l.startsWith("data:")).map((l) => `${l}
`).join("")}data: ${text}

`;
}
var SseEvents = class {
  constructor(onEvent) {
    this.onEvent = onEvent;
  }
  onEvent;
  buffer = "";
  push(chunk) {
    this.buffer += chunk;
    let match;
    while (match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer)) {
      const event = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.onEvent(event);
    }
  }
  flush() {
    if (this.buffer) this.onEvent(this.buffer);
    this.buffer = "";
  }
};
async function fetchHttpTools(child, catalog, timeoutMs) {
  if (child.state !== "ready" || !child.internalPort) return false;
  const url = `http://127.0.0.1:${child.internalPort}${child.def.path}`;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  let id = 0;
  const ask = async (method, params) => {
    const request2 = { jsonrpc: "2.0", id: `mcp-auto-tools-${++id}`, method, ...params ? { params } : {} };
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(request2), signal });
    const session = res.headers.get("mcp-session-id");
    if (session) headers["mcp-session-id"] = session;
    const text = await res.text();
    const bodies = /^text\/event-stream/i.test(res.headers.get("content-type") ?? "") ? text.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5)) : [text];
    for (const body of bodies) {
      try {
        const message = JSON.parse(body);
        if (message.id === request2.id) return typeof message.result === "object" && message.result !== null ? message.result : void 0;
      } catch {
      }
    }
    return void 0;
  };
  try {
    const init = await ask("initialize", { protocolVersion: CHILD_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "mcp-auto", version: VERSION } });
    if (!init) return false;
    if (typeof init.protocolVersion === "string") headers["mcp-protocol-version"] = init.protocolVersion;
    await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), signal }).then((r) => r.body?.cancel());
    let cursor;
    for (let page = 0; page < 100; page++) {
      const result = await ask("tools/list", cursor ? { cursor } : void 0);
      if (!result) return false;
      catalog.seen(cursor, result, void 0);
      if (typeof result.nextCursor !== "string") return true;
      cursor = result.nextCursor;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (headers["mcp-session-id"]) void fetch(url, { method: "DELETE", headers, signal: AbortSignal.timeout(1e3) }).then((r) => r.body?.cancel(), () => {
    });
  }
}

// src/daemon/server-unit.ts
var LIVE_WINDOW_MS = Number(process.env.MCP_AUTO_LIVE_WINDOW_MS) || 5 * 6e4;
var LIVE_MS = 5 * 6e4;
var ServerUnit = class {
  constructor(def, ctx, base, store, startMode2, child) {
    this.def = def;
    this.base = base;
    this.startMode = startMode2;
    this.child = child ?? new SupervisedChild(def, ctx);
    if (def.transport === "stdio") {
      this.router = new Router(this.child, ctx.root, () => this.child.def.startTimeoutMs, this.tools);
      this.streamable = new StreamableEndpoint(def.name, this.router, store);
      this.sse = new SseEndpoint(`/servers/${def.name}`, this.router);
    } else {
      this.child.on("ready", () => this.tools.invalidate());
      this.bridge = new SseBridge(`/servers/${def.name}`, this.child, () => this.def.path, ctx.log, this.tools, this.eventStreams);
    }
  }
  def;
  base;
  startMode;
  child;
  router;
  streamable;
  sse;
  /** The tools the child listed, as seen through the gateway (unfiltered). */
  tools = new ToolCatalog();
  /** An http child's open event streams, where the gateway can add a notification. */
  eventStreams = /* @__PURE__ */ new Set();
  /** An http child's legacy SSE endpoints, bridged to its Streamable HTTP. */
  bridge;
  /** Starts the child if it is eager; a lazy one waits for its first session. */
  startIfEager() {
    if (this.startMode === "eager") this.child.start();
  }
  /** Same transport, new command/args/env: restart the child only (a child not started stays so until needed). */
  async redefine(def, startMode2) {
    this.def = def;
    this.startMode = startMode2;
    await this.child.redefine(def);
    this.startIfEager();
  }
  /** Only the tool filter changed: applied at once, the child keeps running; sessions list again. */
  setToolFilter(def) {
    this.def = def;
    this.child.def = def;
    this.router?.toolFilterChanged();
    for (const add of this.eventStreams) add({ jsonrpc: "2.0", method: "notifications/tools/list_changed" });
  }
  /** Makes sure the tool stats are known: the gateway lists the child's tools itself when no session did yet (status, doctor). */
  async measureTools(timeoutMs) {
    if (this.tools.complete) return;
    if (this.router) await this.router.fetchTools(timeoutMs);
    else await fetchHttpTools(this.child, this.tools, timeoutMs);
  }
  /** An http child's requests stream through to it (the daemon's lean front then leaves them to Node's server). */
  get streamsBodies() {
    return !this.router;
  }
  /** `rest` is the path after /servers/<name>, e.g. "/mcp"; `search` its query, "?…" or empty. */
  async handle(req, res, rest, search) {
    if (!this.router) {
      if (rest === "/sse") return this.bridge.open(req, res);
      if (rest === "/messages") return this.bridge.post(req, res, new URLSearchParams(search).get("sessionId"));
      if (rest === "/mcp" && req.method === "POST" && !await this.childUp()) return this.refuseHttp(req, res);
      const path = (rest === "/mcp" ? this.def.path : rest) + search;
      if (req.method === "POST") return proxyWithToolFilter(req, res, this.child, path, this.tools, rest !== "/mcp");
      if (req.method === "GET") return proxyEventStream(req, res, this.child, path, this.tools, this.eventStreams);
      return proxyToChild(req, res, this.child, path);
    }
    switch (rest) {
      case "/mcp":
        return this.streamable.handle(req, res);
      case "/sse":
        return this.sse.open(req, res);
      case "/messages":
        return this.sse.post(req, res, new URLSearchParams(search).get("sessionId"));
      default:
        sendError(res, 404, `no endpoint ${rest}; use /servers/${this.def.name}/mcp or /servers/${this.def.name}/sse`);
    }
  }
  async childUp() {
    return this.child.state === "ready" || this.child.whenReady(this.child.def.startTimeoutMs);
  }
  /**
   * An http child that cannot start or has failed: a JSON-RPC request (above
   * all `initialize`) gets the server's last error as a JSON-RPC error, as a
   * stdio child's sessions do, so a client shows the reason.
   */
  async refuseHttp(req, res) {
    const body = await readJsonBody(req, res);
    if (!body) return;
    const request2 = asMessages(body.value)?.messages.find(isRequest);
    if (!request2) return sendError(res, 503, unavailable(this.child, null).error.message);
    sendJson(res, 200, unavailable(this.child, request2.id));
  }
  /** Client sessions now connected (for /health and the idle timer). */
  get sessions() {
    return (this.streamable?.sessionCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
  }
  /** Sessions with a stream open or a request in flight, or used within LIVE_WINDOW_MS (an SSE session is its stream). */
  get liveSessions() {
    return (this.streamable?.liveCount(LIVE_WINDOW_MS) ?? 0) + (this.sse?.sessionCount ?? 0);
  }
  /** Open event streams: a client that holds one is in use even when quiet. */
  get openStreams() {
    return (this.streamable?.streamCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
  }
  sweep(maxIdleMs) {
    this.streamable?.sweep(maxIdleMs);
  }
  health() {
    const c = this.child;
    return {
      name: this.def.name,
      transport: this.def.transport,
      client: this.def.client,
      state: c.state,
      start: this.startMode,
      analyses: this.def.analyses,
      pid: c.pid ?? null,
      restarts: c.restarts,
      sessions: this.sessions,
      liveSessions: this.liveSessions,
      lastError: c.lastError ?? null,
      stderrTail: c.stderrTail.slice(-10),
      url: `${this.base}/servers/${this.def.name}/mcp`,
      sseUrl: `${this.base}/servers/${this.def.name}/sse`,
      calls: this.router?.calls.stats() ?? null,
      tools: this.tools.stats(this.def.tools)
    };
  }
  /** health() plus who is connected and the call history, for the page. */
  pageView() {
    const now = Date.now();
    return {
      ...this.health(),
      toolFilter: this.def.tools ?? null,
      sessionList: (this.router?.describeSessions(now) ?? []).map((s) => ({ ...s, live: s.inflight > 0 || s.transport === "sse" || s.idleMs < LIVE_MS })),
      buckets: this.router?.calls.buckets(now) ?? []
    };
  }
  async stop() {
    this.streamable?.closeAll();
    this.sse?.closeAll();
    this.bridge?.closeAll();
    await this.child.stop();
  }
};

// src/daemon/daemon.ts
var CHORE_MS = 3e4;
var HEADERS_TIMEOUT_MS = 1e4;
var SERVER_PATH = /^\/servers\/([^/]+)(\/[^/]*)$/;
var BURST_OVER_MS = 3e3;
var SECOND_COLLECTION_MS = 6e3;
var SESSION_SWEEP_MS = 10 * 6e4;
var Daemon = class {
  constructor(options) {
    this.options = options;
    const early = this.early = options.early ?? new EarlyStart(options.root, { spawn: false });
    this.stateDir = early.stateDir;
    this.log = early.log;
    this.logTail = early.logTail;
    this.store = new SessionStore(join4(this.stateDir, "sessions.json"), this.log);
    this.config = early.config ?? loadConfig();
    this.identity = this.loadSecret(IDENTITY_FILE);
    this.access = new Access(this.log);
    this.hosts = allowedHosts(options.port, options.host);
    const handle = (req, res) => {
      clearTimeout(firstHeaders.get(req.socket));
      this.route(req, res).catch((error) => {
        this.log(`request ${req.method} ${req.url} failed: ${errorMessage(error)}`);
        if (!res.headersSent) sendError(res, 500, "internal error");
        else res.destroy();
      });
    };
    this.server = createServer({ noDelay: true, keepAliveTimeout: KEEP_ALIVE_MS, requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: CHORE_MS }, handle);
    this.front = new LeanFront(this.server, (path) => this.servesWhole(path), handle, MAX_BODY_BYTES);
    const firstHeaders = /* @__PURE__ */ new WeakMap();
    this.listener = createNetServer({ noDelay: true }, (socket) => {
      this.access.accept(socket);
      const timer = setTimeout(() => socket.destroy(), HEADERS_TIMEOUT_MS);
      firstHeaders.set(socket, timer);
      socket.once("close", () => clearTimeout(timer));
      this.front.accept(socket);
    });
  }
  options;
  stateDir;
  log;
  server;
  /** Listens, and serves the hot path (lean-http.ts); hands other connections to `server`. */
  listener;
  front;
  units = /* @__PURE__ */ new Map();
  store;
  config;
  token;
  lastActivity = Date.now();
  lastRequest = 0;
  requestsSinceCollect = 0;
  firstCollectionAt;
  startedAt = Date.now();
  timers = [];
  stopping;
  closeWatcher;
  /** True once the project folder is gone (the daemon is then stopping). */
  checkRoot = () => false;
  access;
  /** Answers /health's challenge: proves to ensure, exec, doctor and stop that this is the root's daemon. */
  identity;
  /** The Host headers a request may carry (DNS rebinding). */
  hosts;
  /** Milliseconds since the process started at each start-up phase (/health; the bench's cold-start rows). */
  startup = { loaded: round1(performance.now()) };
  /** The latest log lines, for the page. */
  logTail;
  early;
  page;
  /** Whether the lean front may serve requests to this path: not an http child's, whose bodies stream through. */
  servesWhole(path) {
    const match = SERVER_PATH.exec(path);
    if (!match) return false;
    try {
      return this.units.get(decodeURIComponent(match[1]))?.streamsBodies !== true;
    } catch {
      return false;
    }
  }
  get base() {
    return `http://127.0.0.1:${this.options.port}`;
  }
  /** The project config is read only once the user trusted it. */
  readConfig() {
    return readDaemonConfig(this.options.root, this.log);
  }
  /**
   * Binds the port first (a millisecond; only the daemon that holds the port
   * may reap and record children), then takes over the eager children that
   * early-start.ts spawned before this module loaded — their start-up is what
   * a first client waits for — and only then does the rest. Clients can
   * connect while children start; a lazy child starts with its first session.
   */
  async start() {
    await new Promise((resolve, reject) => {
      this.listener.once("error", reject);
      this.listener.listen(this.options.port, this.options.host ?? "127.0.0.1", () => {
        this.listener.off("error", reject);
        this.server.emit("listening");
        this.startChores();
        resolve();
      });
    });
    this.startup.listening = round1(performance.now());
    this.reapOrphans(this.early.pids);
    this.early.adopt({
      onSpawn: (pid, command) => this.recordChild(pid, command),
      usersRoot: this.usersRoot
    });
    for (const def of this.config.servers.values()) this.addUnit(def);
    this.startup.childrenSpawned = round1(this.early.spawnedAt ?? performance.now());
    if (this.config.settings.auth === "token") this.token = this.loadToken();
    this.log(`daemon ${VERSION} for ${this.options.root} on ${this.base} (pid ${process.pid})`);
    const record = { root: this.options.root, port: this.options.port, pid: process.pid, version: VERSION, startedAt: new Date(this.startedAt).toISOString() };
    writeFileAtomic(join4(this.stateDir, "daemon.json"), `${JSON.stringify(record, null, 2)}
`, 384);
    rmSync(join4(this.stateDir, IDLE_STOPPED), { force: true });
    await this.watchConfig();
  }
  /** Read at each child's start: marks and trustedRoots may change while the daemon runs. */
  usersRoot = () => isUsersRoot(this.options.root, this.config.settings.trustedRoots);
  addUnit(def) {
    const usersRoot = this.usersRoot;
    const unit = new ServerUnit(def, {
      root: this.options.root,
      stateDir: this.stateDir,
      log: this.log,
      get usersRoot() {
        return usersRoot();
      },
      onSpawn: (pid, command) => this.recordChild(pid, command)
    }, this.base, this.store, this.startModeOf(def), this.early.take(def.name));
    this.units.set(def.name, unit);
    unit.startIfEager();
  }
  /** Eager servers that analyse project content start with the daemon only in the user's own roots. */
  startModeOf(def) {
    const mode = startMode(def, this.usersRoot);
    if (mode === "lazy" && def.start === "eager") {
      this.log(`server ${def.name}: starts when the first client connects (it analyses project content, and ${this.options.root} is not marked as yours in "trustedRoots")`);
    }
    return mode;
  }
  /** Starts every server not started yet (`exec` and `/health?start=1`: whoever asks needs them all). */
  startAll() {
    for (const unit of this.units.values()) unit.child.start();
  }
  async route(req, res) {
    this.access.bodyDeadline(req, res);
    if (this.access.refuse(req, res)) return;
    const refusal = checkHostAndOrigin(req, this.hosts);
    if (refusal) {
      this.log(`refused ${req.method} ${req.url}: ${refusal}`);
      return sendError(res, 403, refusal);
    }
    const raw = req.url ?? "/";
    const query = raw.indexOf("?");
    let match = SERVER_PATH.exec(query < 0 ? raw : raw.slice(0, query));
    let search = query < 0 ? "" : raw.slice(query);
    if (!match) {
      const url = new URL(raw, this.base);
      const path = url.pathname;
      if (path === "/health") return this.health(req, res, url);
      if (path === "/" || path.startsWith("/page/")) return this.servePage(req, res, path);
      match = SERVER_PATH.exec(path);
      if (!match) return sendError(res, 404, `no such path ${path}; servers are under /servers/<name>/mcp, status at /health`);
      search = url.search;
    }
    if (this.token !== void 0 && !bearerMatches(req, this.token)) {
      return sendError(res, 401, "missing or wrong bearer token", { "www-authenticate": "Bearer" });
    }
    const unit = this.units.get(decodeURIComponent(match[1]));
    if (!unit) {
      const names = [...this.units.keys()];
      return sendError(res, 404, `no server '${match[1]}' here; servers: ${names.length ? names.join(", ") : "(none configured)"}`);
    }
    this.lastActivity = this.lastRequest = Date.now();
    this.requestsSinceCollect++;
    if (this.access.limitStreams(req, res)) return;
    if (this.options.collectGarbage && !this.gcTimer) this.scheduleCollection(BURST_OVER_MS);
    return unit.handle(req, res, match[2], search);
  }
  async health(req, res, url) {
    if (url.searchParams.get("ensure") === "1") this.lastActivity = Date.now();
    if (url.searchParams.get("tools") === "1") await Promise.all([...this.units.values()].map((u) => u.measureTools(2e3)));
    const authorized = this.token === void 0 || bearerMatches(req, this.token);
    if (url.searchParams.get("start") === "1" && authorized) {
      this.lastActivity = Date.now();
      this.startAll();
    }
    const servers = [...this.units.values()].map((u) => u.health());
    if (url.searchParams.get("form") === "shell") return this.shellHealth(res, servers);
    const challenge = url.searchParams.get("challenge");
    sendJson(res, 200, {
      ...challenge ? { proof: identityProof(this.identity, challenge.slice(0, 128), this.options.root, this.options.port) } : {},
      root: this.options.root,
      port: this.options.port,
      pid: process.pid,
      version: VERSION,
      uptimeMs: Date.now() - this.startedAt,
      startup: this.startup,
      idleTimeoutMinutes: this.idleMinutes,
      memoryMb: memoryMb(),
      auth: this.config.settings.auth,
      // With token auth, stderr lines, errors and recent calls (which may hold paths or secrets) need the token.
      servers: authorized ? servers : servers.map((s) => ({ ...s, lastError: s.lastError ? "(needs the token)" : null, stderrTail: [], calls: s.calls && { ...s.calls, recent: [] } }))
    });
  }
  /**
   * /health for the installed command's fast path (shell/bin.bash), which
   * reads it with bash builtins: `key=value` lines (the root, the port,
   * whether every server is ready), a blank line, then what `mcp-config`
   * prints. Nothing in it needs the token: /health without one says as much.
   */
  shellHealth(res, servers) {
    const ready = servers.every((s) => s.state === "ready") ? 1 : 0;
    const config = mcpConfigText(entriesFor(servers, this.options.port, this.config.settings.auth));
    const text = `root=${this.options.root}
port=${this.options.port}
ready=${ready}

${config}`;
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }
  /** The page's code loads on its first request only: a daemon nobody looks at pays nothing. */
  async servePage(req, res, path) {
    if (this.token !== void 0 && !bearerMatches(req, this.token)) {
      return sendError(res, 401, "the page is not served under token auth (see SECURITY.md)", { "www-authenticate": "Bearer" });
    }
    this.page ??= import("./page-IYUOASNV.js");
    const { servePage } = await this.page;
    servePage(req, res, path, { state: () => this.pageState(), logTail: this.logTail, onChange: (fn) => this.onServerChange(fn) });
  }
  /** Calls fn after any server's child goes down or becomes ready. */
  onServerChange(fn) {
    const later = () => setImmediate(fn);
    const children = [...this.units.values()].map((u) => u.child);
    for (const child of children) child.on("down", later).on("ready", later);
    return () => {
      for (const child of children) child.off("down", later).off("ready", later);
    };
  }
  /** What the page shows: /health's view with each server's clients and call history. */
  pageState() {
    return {
      root: this.options.root,
      port: this.options.port,
      pid: process.pid,
      version: VERSION,
      now: Date.now(),
      uptimeMs: Date.now() - this.startedAt,
      memoryMb: memoryMb(),
      servers: [...this.units.values()].map((u) => u.pageView())
    };
  }
  /** Reloads config and applies the difference: only changed servers restart. */
  reload() {
    const next = this.readConfig();
    if (!next) return;
    this.config = next;
    this.applyAuth();
    for (const [name, unit] of this.units) {
      const def = next.servers.get(name);
      if (!def) {
        this.log(`config: server ${name} removed`);
        this.units.delete(name);
        this.store.removeServer(name);
        void unit.stop();
      } else if (JSON.stringify(def) !== JSON.stringify(unit.def) && onlyToolsDiffer(def, unit.def)) {
        this.log(`config: server ${name}: tool filter changed; applied without a restart, sessions told to list again`);
        unit.setToolFilter(def);
      } else if (JSON.stringify(def) !== JSON.stringify(unit.def)) {
        this.log(`config: server ${name} changed; restarting it`);
        if (def.transport === unit.def.transport) void unit.redefine(def, this.startModeOf(def));
        else {
          void unit.stop();
          this.addUnit(def);
        }
      }
    }
    for (const def of next.servers.values()) {
      if (!this.units.has(def.name)) {
        this.log(`config: server ${def.name} added`);
        this.addUnit(def);
      }
    }
    this.onReload?.();
  }
  /** Set in start(): brings the client files in step after a reload (client-refresh.ts). */
  onReload;
  /** "auth" switched while running: applied at once (the token file made on the way to token). */
  applyAuth() {
    if (this.config.settings.auth === "token") {
      if (this.token === void 0) this.log('config: auth is now "token"; clients need the bearer token');
      this.token ??= this.loadToken();
    } else if (this.token !== void 0) {
      const exposed = this.options.host !== void 0 && !["127.0.0.1", "::1", "localhost"].includes(this.options.host);
      if (exposed) this.log('config: auth "none" ignored: this daemon listens beyond loopback (--unsafe-expose) and keeps its token');
      else {
        this.log('config: auth is now "none"');
        this.token = void 0;
      }
    }
  }
  /**
   * Every periodic chore on one timer, at most every 30 s. Created in the same
   * 'listening' emit as Node's own 30 s connections check, so the two share
   * their start and fire in one wake-up: an idle daemon's own timers wake it
   * twice a minute (V8 may add a garbage-collection task after a chore).
   */
  startChores() {
    let lastSweep = Date.now();
    this.timers.push(setInterval(() => {
      if (this.checkRoot()) return;
      if (Date.now() - lastSweep >= 6e4) {
        lastSweep = Date.now();
        for (const u of this.units.values()) u.sweep(SESSION_SWEEP_MS);
      }
      this.checkIdle();
    }, this.idleCheckMs()).unref());
  }
  async watchConfig() {
    const refresh = new ClientRefresh(this.options.root, this.stateDir, this.options.port, this.log, this.config, () => this.readConfig());
    this.onReload = () => void refresh.refresh(this.config);
    const watch = await watchConfig(this.options.root, this.log, {
      change: () => this.reload(),
      rootGone: () => {
        this.log(`${this.options.root} was deleted; stopping (\`mcp-auto forget ${this.options.root}\` removes its state)`);
        void this.stop({ keepRecord: true }).then(() => process.exit(0));
      }
    });
    this.closeWatcher = () => watch.close();
    this.checkRoot = () => watch.checkRoot();
  }
  get idleMinutes() {
    return this.options.idleTimeoutMinutes ?? this.config.settings.idleTimeoutMinutes;
  }
  idleCheckMs() {
    const minutes = this.idleMinutes;
    return minutes > 0 ? Math.max(250, Math.min(CHORE_MS, minutes * 6e4 / 4)) : CHORE_MS;
  }
  checkIdle() {
    const minutes = this.idleMinutes;
    if (minutes <= 0) return;
    let streams = 0;
    for (const unit of this.units.values()) streams += unit.openStreams;
    if (streams > 0) {
      this.lastActivity = Date.now();
      return;
    }
    if (Date.now() - this.lastActivity >= minutes * 6e4) {
      this.log(`idle for ${minutes} min with no client; stopping (the next cd or prompt in the project brings it back)`);
      void this.stop().then(async () => {
        await this.withdrawClientEntries();
        try {
          writeFileSync2(join4(this.stateDir, IDLE_STOPPED), "", { mode: 384 });
        } catch {
        }
        process.exit(0);
      });
    }
  }
  /**
   * Once the port is let go, client files must not name it: whoever binds it
   * next would get every client started without a cd (an IDE). The entries
   * come back with the next ensure (the hook's next prompt, a cd, exec).
   */
  async withdrawClientEntries() {
    const started = Date.now();
    try {
      const { adapters, syncClients } = await import("./clients-SMWC746L.js");
      const chosen = this.config.settings.clients.map((name) => adapters[name]).filter((a) => a !== void 0);
      const results = await syncClients(this.options.root, this.stateDir, chosen, []);
      const written = results.filter((r) => r.status === "written").map((r) => r.file);
      this.log(`took mcp-auto's entries out of ${written.length ? written.join(", ") : "no client file"} in ${Date.now() - started} ms (the next ensure puts them back)`);
    } catch (error) {
      this.log(`could not take the entries out of the client files: ${errorMessage(error)}`);
    }
  }
  /**
   * V8 keeps the heap it grew during a burst for the next one; a daemon is idle
   * most of its life, so once a burst is over it hands that memory back: a
   * first collection, then a second one that can shrink the young generation
   * (the memory row of `npm run soak`).
   */
  collectAfterBurst() {
    const now = Date.now();
    if (this.requestsSinceCollect > 0) {
      const quiet = now - this.lastRequest;
      if (quiet < BURST_OVER_MS) return this.scheduleCollection(BURST_OVER_MS - quiet);
      this.requestsSinceCollect = 0;
      this.firstCollectionAt = now;
      this.scheduleCollection(SECOND_COLLECTION_MS);
    } else if (this.firstCollectionAt !== void 0) {
      this.firstCollectionAt = void 0;
    } else {
      return;
    }
    this.options.collectGarbage?.();
  }
  gcTimer;
  scheduleCollection(ms) {
    clearTimeout(this.gcTimer);
    this.gcTimer = setTimeout(() => {
      this.gcTimer = void 0;
      this.collectAfterBurst();
    }, ms).unref();
  }
  loadToken() {
    return this.loadSecret("token");
  }
  /** A secret kept in the 0700 state dir (0600): the bearer token, the identity secret. */
  loadSecret(name) {
    const file = join4(this.stateDir, name);
    try {
      const secret2 = readFileSync2(file, "utf8").trim();
      if (secret2.length >= 32) return secret2;
    } catch {
    }
    const secret = randomBytes(32).toString("base64url");
    writeFileAtomic(file, `${secret}
`, 384);
    chmodSync(file, 384);
    return secret;
  }
  /**
   * Children of a daemon that was killed -9 survive in their own process
   * groups (children.json): stop them, sparing `ours` (spawned by this daemon
   * before it held its port, should a pid have been reused).
   */
  reapOrphans(ours) {
    const file = join4(this.stateDir, "children.json");
    let old = [];
    try {
      old = JSON.parse(readFileSync2(file, "utf8"));
    } catch {
    }
    for (const { pid, command } of old) {
      if (ours.includes(pid)) continue;
      try {
        const cmdline = readFileSync2(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
        if (cmdline && (cmdline === command || cmdline.endsWith(`/${command}`))) {
          this.log(`stopping leftover child ${pid} (${command}) of an earlier daemon`);
          killGroup(pid, "SIGKILL");
        }
      } catch {
      }
    }
    this.children = [];
    if (old.length > 0) this.writeChildren();
  }
  children = [];
  recordChild(pid, command) {
    this.children = this.children.filter((c) => {
      try {
        process.kill(c.pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    this.children.push({ pid, command });
    this.writeChildren();
  }
  writeChildren() {
    try {
      writeFileAtomic(join4(this.stateDir, "children.json"), JSON.stringify(this.children), 384);
    } catch (error) {
      this.log(`cannot record children: ${errorMessage(error)}`);
    }
  }
  stop(opts = {}) {
    this.stopping ??= (async () => {
      this.log("stopping");
      for (const t of this.timers) clearInterval(t);
      clearTimeout(this.gcTimer);
      this.listener.close();
      this.front.closeAll();
      this.server.close();
      this.server.closeAllConnections();
      await Promise.all([...this.units.values()].map((u) => u.stop()));
      await this.closeWatcher?.();
      this.store.flush();
      this.children = [];
      this.writeChildren();
      const record = join4(this.stateDir, "daemon.json");
      if (!opts.keepRecord) try {
        const { pid } = JSON.parse(readFileSync2(record, "utf8"));
        if (pid === process.pid) unlinkSync2(record);
      } catch {
      }
      this.log("stopped");
    })();
    return this.stopping;
  }
};
var round1 = (ms) => Math.round(ms * 10) / 10;
function memoryMb() {
  const m = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external + m.arrayBuffers) };
}
export {
  Daemon
};
//# sourceMappingURL=daemon-J5TCSZWW.js.map
