#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  stateDirFor,
  stateHome
} from "./chunk-BZRLDOEP.js";

// src/ensure/port.ts
import { createHash } from "node:crypto";
import { createServer } from "node:net";

// src/ensure/daemon-state.ts
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync as readFileSync2, readdirSync as readdirSync2 } from "node:fs";
import { get } from "node:http";
import { join } from "node:path";

// src/ensure/peer.ts
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from "node:fs";
var LISTEN = "0A";
function canSeeSockets() {
  return existsSync("/proc/net/tcp");
}
function hexAddress(address) {
  const mapped = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (mapped) {
    const v4 = mapped.slice(1, 5).reverse().map((n) => Number(n).toString(16).padStart(2, "0")).join("").toUpperCase();
    return { v4, v6: `0000000000000000FFFF0000${v4}` };
  }
  const [head = "", tail = ""] = address.split("::");
  const parts = (s) => s ? s.split(":") : [];
  const h = parts(head);
  const t = parts(tail);
  const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t].map((g) => g.padStart(4, "0"));
  let v6 = "";
  for (let w = 0; w < 4; w++) {
    const word = groups[w * 2] + groups[w * 2 + 1];
    v6 += word.match(/../g).reverse().join("");
  }
  return { v6: v6.toUpperCase() };
}
var hexPort = (port) => port.toString(16).toUpperCase().padStart(4, "0");
function scan(table, local, remote, listening) {
  const needle = ` ${local} `;
  let at = table.indexOf(needle);
  while (at >= 0) {
    const end = table.indexOf("\n", at);
    const line = table.slice(at + 1, end < 0 ? void 0 : end);
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 9 && (remote === void 0 || fields[1] === remote) && (!listening || fields[2] === LISTEN)) {
      return { uid: Number(fields[6]), inode: Number(fields[8]) };
    }
    at = table.indexOf(needle, at + 1);
  }
  return void 0;
}
var buffer = Buffer.allocUnsafe(4096);
function read(file, enough = () => false) {
  let fd;
  let text = "";
  try {
    fd = openSync(file, "r");
    let got;
    while ((got = readSync(fd, buffer, 0, buffer.length, null)) > 0) {
      const from = text.length;
      text += buffer.toString("latin1", 0, got);
      if (enough(text, from)) break;
    }
    return text;
  } catch {
    return "";
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
var holds = (needle) => (text, from) => {
  const at = text.indexOf(needle, Math.max(0, from - needle.length));
  return at >= 0 && text.indexOf("\n", at) >= 0;
};
function pastListening() {
  let checked = 0;
  return (text) => {
    for (let end = text.indexOf("\n", checked); end >= 0; end = text.indexOf("\n", checked)) {
      if (checked > 0 && text.slice(checked, end).trim().split(/\s+/)[3] !== LISTEN) return true;
      checked = end + 1;
    }
    return false;
  };
}
function peerOf(remoteAddress, remotePort, localAddress, localPort) {
  const peer = hexAddress(remoteAddress);
  const us = hexAddress(localAddress);
  const find = (file, local, remote) => scan(read(file, holds(` ${local} ${remote} `)), local, remote, false);
  let entry;
  if (peer.v4 && us.v4) entry = find("/proc/net/tcp", `${peer.v4}:${hexPort(remotePort)}`, `${us.v4}:${hexPort(localPort)}`);
  entry ??= find("/proc/net/tcp6", `${peer.v6}:${hexPort(remotePort)}`, `${us.v6}:${hexPort(localPort)}`);
  return entry && entry.inode !== 0 ? entry : void 0;
}
function listenerOf(port, address = "127.0.0.1") {
  const p = hexPort(port);
  const { v4, v6 } = hexAddress(address);
  const tcp = read("/proc/net/tcp", pastListening());
  let entry = (v4 ? scan(tcp, `${v4}:${p}`, void 0, true) : void 0) ?? scan(tcp, `00000000:${p}`, void 0, true);
  if (!entry) {
    const tcp6 = read("/proc/net/tcp6", pastListening());
    entry = scan(tcp6, `${v6}:${p}`, void 0, true) ?? scan(tcp6, `00000000000000000000000000000000:${p}`, void 0, true);
  }
  return entry && entry.inode !== 0 ? entry : void 0;
}
function pidHoldsSocket(pid, inode) {
  const target = `socket:[${inode}]`;
  let fds;
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return true;
    } catch {
    }
  }
  return false;
}
function ownUid() {
  return process.getuid?.();
}
function listenerOwnedBy(port, pid) {
  if (!canSeeSockets()) return void 0;
  const entry = listenerOf(port);
  if (!entry) return { foreign: `nothing is seen listening on port ${port}` };
  if (entry.uid !== ownUid()) return { foreign: `port ${port} is held by another account (uid ${entry.uid})` };
  for (const candidate of groupOf(pid)) if (pidHoldsSocket(candidate, entry.inode)) return { inode: entry.inode };
  return { foreign: `port ${port} is held by a process outside the server's process group` };
}
function groupOf(pid) {
  const pids = [pid];
  let entries = [];
  try {
    entries = readdirSync("/proc");
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "latin1");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pid) pids.push(Number(name));
    } catch {
    }
  }
  return pids;
}

// src/ensure/daemon-state.ts
function readRecord(stateDir) {
  try {
    const data = JSON.parse(readFileSync2(join(stateDir, "daemon.json"), "utf8"));
    return typeof data.port === "number" && typeof data.pid === "number" && typeof data.root === "string" ? data : void 0;
  } catch {
    return void 0;
  }
}
function recordFor(root) {
  return readRecord(stateDirFor(root));
}
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function identityProof(secret, nonce, root, port) {
  return createHmac("sha256", secret).update(`${nonce}
${root}
${port}`).digest("base64url");
}
function readIdentitySecret(root) {
  try {
    return readFileSync2(join(stateDirFor(root), IDENTITY_FILE), "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
var IDENTITY_FILE = "identity";
async function probeHealth(port, opts = {}) {
  const listener = listenerOf(port);
  const me = ownUid();
  if (listener && me !== void 0 && listener.uid !== me) return { kind: "impostor", why: `port ${port} is held by another account (uid ${listener.uid})` };
  const nonce = randomBytes(18).toString("base64url");
  const answer = await getHealth(port, `/health?challenge=${nonce}${healthQuery(opts)}`, opts.timeoutMs ?? 1e3);
  if (answer === void 0) return { kind: "nothing" };
  if (answer === "not-health") return { kind: "impostor", why: `port ${port} is held by a program that is not an mcp-auto daemon` };
  const secret = readIdentitySecret(answer.root);
  const proof = answer.proof;
  if (!secret || typeof proof !== "string" || proof !== identityProof(secret, nonce, answer.root, port)) {
    return { kind: "impostor", root: answer.root, why: `port ${port} answers as the daemon of ${answer.root} but cannot prove it` };
  }
  return { kind: "proven", health: answer };
}
async function fetchHealth(port, opts = {}) {
  const probe = await probeHealth(port, opts.token ? { ...opts, start: false } : opts);
  if (probe.kind !== "proven") return void 0;
  if (!opts.token) return probe.health;
  const query = healthQuery(opts);
  const answer = await getHealth(port, query ? `/health?${query.slice(1)}` : "/health", opts.timeoutMs ?? 1e3, opts.token);
  return typeof answer === "object" && answer.root === probe.health.root ? answer : void 0;
}
function healthQuery(opts) {
  return `${opts.ensure ? "&ensure=1" : ""}${opts.start ? "&start=1" : ""}${opts.tools && !opts.ensure ? "&tools=1" : ""}`;
}
function getHealth(port, path, timeoutMs, token) {
  return new Promise((resolve) => {
    const req = get({
      host: "127.0.0.1",
      port,
      path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      timeout: timeoutMs
    }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        if (body.length < 1 << 20) body += chunk;
      });
      res.on("end", () => {
        try {
          const health = JSON.parse(body);
          resolve(res.statusCode === 200 && typeof health.root === "string" && Array.isArray(health.servers) ? health : "not-health");
        } catch {
          resolve("not-health");
        }
      });
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(void 0));
  });
}
async function daemonStatus(root, opts = {}) {
  const record = recordFor(root);
  if (!record) return { kind: "none" };
  if (!pidAlive(record.pid)) return { kind: "stale", record, why: `pid ${record.pid} is not running` };
  const probe = await probeHealth(record.port, { ensure: opts.ensure, tools: opts.tools, timeoutMs: opts.tools ? 3e3 : void 0 });
  if (probe.kind === "nothing") return { kind: "stale", record, why: `nothing answers on port ${record.port}` };
  if (probe.kind === "impostor") return { kind: "stale", record, why: probe.why };
  const { health } = probe;
  if (health.root !== root) return { kind: "stale", record, why: `port ${record.port} serves ${health.root}` };
  return { kind: "running", record, health };
}
function allRecords() {
  let dirs = [];
  try {
    dirs = readdirSync2(stateHome());
  } catch {
    return [];
  }
  return dirs.map((d) => readRecord(join(stateHome(), d))).filter((r) => r !== void 0);
}

// src/ensure/port.ts
var PROBE_LIMIT = 64;
function hashedPort(root, [low, high]) {
  const n = createHash("sha256").update(root).digest().readUInt32BE(0);
  return low + n % (high - low + 1);
}
function probeOrder(root, range) {
  const [low, high] = range;
  const size = high - low + 1;
  const first = hashedPort(root, range) - low;
  return Array.from({ length: Math.min(PROBE_LIMIT, size) }, (_, i) => low + (first + i) % size);
}
async function portHolder(port, root) {
  if (await canBind(port)) return { holder: "free" };
  const probe = await probeHealth(port, { timeoutMs: 500 });
  if (probe.kind !== "proven") return { holder: "foreign", ...probe.kind === "impostor" ? { why: probe.why } : {} };
  const health = probe.health;
  return health.root === root ? { holder: "ours" } : { holder: "other-daemon", otherRoot: health.root };
}
async function choosePort(root, range) {
  const impostors = [];
  for (const port of probeOrder(root, range)) {
    const { holder, why } = await portHolder(port, root);
    if (holder === "free" || holder === "ours") return { port, holder, impostors };
    if (why) impostors.push(why);
  }
  throw new Error(`no free port in ${range[0]}-${range[1]} near ${hashedPort(root, range)}; widen "portRange" in the config`);
}
function canBind(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export {
  canSeeSockets,
  peerOf,
  listenerOf,
  ownUid,
  listenerOwnedBy,
  recordFor,
  pidAlive,
  identityProof,
  IDENTITY_FILE,
  fetchHealth,
  daemonStatus,
  allRecords,
  hashedPort,
  probeOrder,
  portHolder,
  choosePort,
  canBind
};
//# sourceMappingURL=chunk-3IWKIRKS.js.map
