#!/usr/bin/env node
import {
  killGroupOf,
  locateRoot
} from "./chunk-IED5TB7I.js";
import {
  dirArg
} from "./chunk-3QUSHYHU.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import {
  allRecords,
  daemonStatus,
  fetchHealth,
  pidAlive
} from "./chunk-GNZ7CVPQ.js";
import {
  IDLE_STOPPED,
  stateDirFor
} from "./chunk-W4LNQTZQ.js";

// src/ensure/lifecycle.ts
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { join } from "node:path";
function rootArg(command, positionals, opts = {}) {
  const start = dirArg(command, positionals);
  if (!existsSync(start)) {
    const gone = opts.allowGone ? goneRoot(start) : void 0;
    if (gone) return gone;
    throw new UserError(`${command}: ${start} does not exist`, 2);
  }
  const project = locateRoot(start);
  if (!project) throw new UserError(`no project root above ${start}; run inside a project, or create .mcp-auto.json there (\`mcp-auto init\`)`);
  return project.root;
}
async function isOurDaemon(record) {
  let argv;
  let uid;
  try {
    argv = readFileSync(`/proc/${record.pid}/cmdline`, "utf8").split("\0");
    uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${record.pid}/status`, "utf8"))?.[1]);
  } catch {
  }
  if (argv) {
    const at = argv.indexOf("--root");
    const rootArg2 = at >= 0 ? argv[at + 1] : void 0;
    const sameRoot = rootArg2 !== void 0 && (rootArg2 === record.root || safeRealpath(rootArg2) === record.root);
    return argv.includes("daemon") && sameRoot && uid === process.getuid?.();
  }
  const health = await fetchHealth(record.port);
  return health?.root === record.root && health.pid === record.pid;
}
function safeRealpath(path) {
  try {
    return realpathSync(path);
  } catch {
    return void 0;
  }
}
function goneRoot(path) {
  const records = allRecords();
  if (records.some((r) => r.root === path) || existsSync(stateDirFor(path))) return path;
  return records.find((r) => path.startsWith(`${r.root}/`) && !existsSync(r.root))?.root;
}
async function stopDaemon(record, graceMs = 5e3) {
  forgetIdleStop(record.root);
  if (!pidAlive(record.pid)) return false;
  if (!await isOurDaemon(record)) return false;
  try {
    process.kill(record.pid, "SIGTERM");
  } catch {
    return false;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!pidAlive(record.pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  killGroupOf(record.pid);
  return true;
}
async function stopRoot(root) {
  forgetIdleStop(root);
  const status = await daemonStatus(root);
  const record = status.kind === "none" ? void 0 : status.record;
  if (!record) return false;
  if (status.kind !== "running") return false;
  return stopDaemon(record);
}
function forgetIdleStop(root) {
  rmSync(join(stateDirFor(root), IDLE_STOPPED), { force: true });
}

export {
  rootArg,
  stopDaemon,
  stopRoot
};
//# sourceMappingURL=chunk-AFUMIZT3.js.map
