#!/usr/bin/env node
import {
  listenerOf
} from "./chunk-IFT3ZBIK.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/ensure/stamp-check.ts
import { lstatSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function stampsDir() {
  return join(stateHome(), "direnv");
}
function stampFor(dir) {
  const name = dir.replaceAll("%", "%25").replaceAll("/", "%2F");
  return dir.startsWith("/") && Buffer.byteLength(name) <= 255 ? join(stampsDir(), name) : void 0;
}
function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
function readFreshStamp(file, dir) {
  const uid = process.getuid?.();
  if (uid === void 0) return void 0;
  let text;
  let stampTime;
  try {
    const stamp = lstatSync(file, { bigint: true });
    if (!stamp.isFile() || stamp.uid !== BigInt(uid)) return void 0;
    stampTime = stamp.mtimeNs;
    text = readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  if (!text.endsWith("\n")) return void 0;
  const fields = /* @__PURE__ */ new Map();
  for (const line of text.slice(0, -1).split("\n")) {
    const at = line.indexOf("=");
    const key = at < 0 ? line : line.slice(0, at);
    const value = line.slice(at + 1);
    switch (key) {
      case "have":
        if (!notNewer(value, stampTime)) return void 0;
        break;
      case "absent":
        if (exists(value)) return void 0;
        break;
      case "v":
      case "dir":
      case "root":
      case "port":
      case "pid":
      case "start":
      case "uid":
      case "token":
      case "scope":
        if (fields.has(key)) return void 0;
        fields.set(key, value);
        break;
      default:
        return void 0;
    }
  }
  const [root, port, pid, start, token] = ["root", "port", "pid", "start", "token"].map((k) => fields.get(k) ?? "");
  const scope = fields.get("scope") ?? "all";
  if (fields.get("v") !== "1" || fields.get("dir") !== dir || fields.get("uid") !== String(uid) || !root.startsWith("/")) return void 0;
  if (!/^\d+$/.test(port) || !/^\d+$/.test(pid) || !/^\d+$/.test(start) || scope !== "all" && scope !== "daemon") return void 0;
  try {
    if (statSync(`/proc/${pid}`).uid !== uid) return void 0;
  } catch {
    return void 0;
  }
  if (processStartTime(Number(pid)) !== start) return void 0;
  if (listenerOf(Number(port))?.uid !== uid) return void 0;
  return { root, port: Number(port), ...token ? { token } : {}, scope };
}
function notNewer(file, than) {
  try {
    return statSync(file, { bigint: true }).mtimeNs <= than;
  } catch {
    return false;
  }
}
function exists(file) {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export {
  stampsDir,
  stampFor,
  processStartTime,
  readFreshStamp
};
//# sourceMappingURL=chunk-3V7JBOM2.js.map
