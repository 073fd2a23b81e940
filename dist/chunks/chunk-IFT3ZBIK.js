#!/usr/bin/env node

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
function read(file, enough = () => false, piece = buffer.length) {
  let fd;
  let text = "";
  try {
    fd = openSync(file, "r");
    let got;
    while ((got = readSync(fd, buffer, 0, piece, null)) > 0) {
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
var LISTENING_PIECE = 150;
function listeningUntil(locals) {
  let checked = 0;
  return (text) => {
    for (let end = text.indexOf("\n", checked); end >= 0; end = text.indexOf("\n", checked)) {
      const [, local = "", , state] = text.slice(checked, end).trim().split(/\s+/);
      if (checked > 0 && (state !== LISTEN || locals.includes(local))) return true;
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
  const v4Locals = [...v4 ? [`${v4}:${p}`] : [], `00000000:${p}`];
  const tcp = read("/proc/net/tcp", listeningUntil(v4Locals), LISTENING_PIECE);
  let entry = v4Locals.map((local) => scan(tcp, local, void 0, true)).find((e) => e !== void 0);
  if (!entry) {
    const v6Locals = [`${v6}:${p}`, `00000000000000000000000000000000:${p}`];
    const tcp6 = read("/proc/net/tcp6", listeningUntil(v6Locals), LISTENING_PIECE);
    entry = v6Locals.map((local) => scan(tcp6, local, void 0, true)).find((e) => e !== void 0);
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

export {
  canSeeSockets,
  peerOf,
  listenerOf,
  ownUid,
  listenerOwnedBy
};
//# sourceMappingURL=chunk-IFT3ZBIK.js.map
