#!/usr/bin/env node
import {
  processStartTime,
  stampFor,
  stampsDir
} from "./chunk-3V7JBOM2.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-IED5TB7I.js";
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  projectConfigPath,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import {
  IDLE_STOPPED,
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/ensure/stamp.ts
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
function checkStampPath(file) {
  if (dirname(file) !== stampsDir() || file.endsWith("/")) throw new UserError(`ensure: --stamp must be a file in ${stampsDir()}`, 2);
  return file;
}
function removeStamp(file) {
  rmSync(file, { force: true });
}
function removeStampsFor(root) {
  let names;
  try {
    names = readdirSync(stampsDir());
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => !n.endsWith(".watches"))) {
    const file = join(stampsDir(), name);
    try {
      if (!lstatSync(file).isFile() || !readFileSync(file, "utf8").split("\n").includes(`root=${root}`)) continue;
    } catch {
      continue;
    }
    removeStamp(file);
    rmSync(`${file}.watches`, { force: true });
    removed++;
  }
  return removed;
}
async function ensureStamped(dir, opts = {}) {
  const stamp = stampFor(dir);
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) return void 0;
  const result = await ensureRoot(project, opts);
  if (stamp) writeStamp(stamp, dir, result, opts.writeClients === false ? "daemon" : "all");
  return result;
}
function writeStamp(file, dir, result, scope = "all") {
  const start = processStartTime(result.pid);
  const clean = result.notices.length === 0 && result.clients.every((c) => c.status !== "refused" && !c.error && c.conflicts.length === 0);
  const values = [dir, result.root, ...result.clients.map((c) => c.file)];
  if (!start || !clean || !dir.startsWith("/") || values.some((v) => v.includes("\n"))) return;
  const stateDir = stateDirFor(result.root);
  const maybe = (f) => existsSync(f) ? `have=${f}` : `absent=${f}`;
  const lines = [
    "v=1",
    `dir=${dir}`,
    `root=${result.root}`,
    `port=${result.port}`,
    `pid=${result.pid}`,
    `start=${start}`,
    `uid=${process.getuid?.() ?? -1}`,
    `token=${result.token ?? ""}`,
    ...scope === "daemon" ? ["scope=daemon"] : [],
    // A client file ensure had nothing to write into (no servers) may not exist: it must stay so.
    ...result.clients.map((c) => maybe(c.file)),
    `have=${join(stateDir, "daemon.json")}`,
    `absent=${join(stateDir, IDLE_STOPPED)}`,
    maybe(projectConfigPath(result.root)),
    maybe(userConfigPath()),
    maybe(join(stateHome(), "trust")),
    // An upgrade of mcp-auto goes through ensure once (it replaces older daemons).
    `have=${process.argv[1]}`
  ];
  try {
    mkdirSync(stampsDir(), { recursive: true, mode: 448 });
    writeFileAtomic(file, `${lines.join("\n")}
`, 384);
  } catch {
  }
}

export {
  checkStampPath,
  removeStamp,
  removeStampsFor,
  ensureStamped,
  writeStamp
};
//# sourceMappingURL=chunk-PF5V6EIJ.js.map
