#!/usr/bin/env node
import {
  settingsPath,
  unapprove
} from "./chunk-XV23DNHT.js";
import {
  unmarkRoot
} from "./chunk-RU7FJPFX.js";
import {
  unadopt
} from "./chunk-TWXM3XWY.js";
import {
  removeStampsFor
} from "./chunk-PF5V6EIJ.js";
import "./chunk-3V7JBOM2.js";
import {
  rootArg,
  stopRoot
} from "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
import {
  untrust
} from "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import {
  adapters,
  emptySkeleton,
  forgetOwnership,
  ownedFiles,
  removeEmptyCreated,
  removeGitExclude,
  syncClients
} from "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  projectConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  oneLine
} from "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/forget.ts
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
var help = `
Usage: mcp-auto forget [DIR]

Undoes everything mcp-auto did for a project: stops its daemon, takes out
every entry it wrote in the client files (.mcp.json, .cursor/mcp.json, \u2026;
entries you changed since are left alone), the files it created once nothing
else is in them, and the .git/info/exclude lines it added; takes back the
approvals \`approve\` added; puts back the entries \`adopt\` replaced; and
removes its trust, its mark, its state (log, sessions, the memory server's
graph) and the stamps \`use mcp\` and \`exec\` keep for it. Says what it
removed. Works for a project folder that was deleted too: name its old path.

Example:
  mcp-auto forget ~/code/old-project
`;
async function forgetRoot(root) {
  const removed = [];
  const stateDir = stateDirFor(root);
  if (await stopRoot(root)) removed.push("stopped its daemon");
  if (existsSync(root)) {
    if (existsSync(join(stateDir, "adopted.json"))) {
      const restored = await unadopt(root, (names) => forgetOwnership(stateDir, ".mcp.json", names));
      if (restored.length) removed.push(`put back the adopted entries ${restored.join(", ")} in ${join(root, ".mcp.json")}`);
    }
    const files = ownedFiles(stateDir);
    const owned = Object.values(adapters).filter((a) => files.includes(a.file));
    for (const result of await syncClients(root, stateDir, owned, [])) {
      if (result.removed.length) removed.push(`removed ${result.removed.join(", ")} from ${result.file}`);
      if (result.error) removed.push(`could not clean ${result.file}: ${result.error}`);
    }
    const emptied = await removeEmptyCreated(root, stateDir, Object.values(adapters), emptySkeleton);
    if (emptied.length) removed.push(`removed ${emptied.join(", ")} (mcp-auto had created them; nothing else was in them)`);
    try {
      const taken = unapprove(root, stateDir);
      if (taken.length) removed.push(`took back the approval of ${taken.join(", ")} in ${settingsPath(root)}`);
    } catch (error) {
      removed.push(`could not take back the approvals in ${settingsPath(root)}: ${oneLine(error)}`);
    }
    for (const adapter of Object.values(adapters)) {
      if (removeGitExclude(root, adapter.file)) removed.push(`removed ${adapter.file} from .git/info/exclude`);
    }
  }
  if (untrust(projectConfigPath(root))) removed.push(`removed the trust of ${projectConfigPath(root)}`);
  if (unmarkRoot(root)) removed.push("removed its mark as your root");
  if (existsSync(stateDir)) {
    rmSync(stateDir, { recursive: true, force: true });
    removed.push(`removed its state ${stateDir} (log, sessions, memory graph)`);
  }
  const stamps = removeStampsFor(root);
  if (stamps) removed.push(`removed ${stamps === 1 ? "its stamp" : `its ${stamps} stamps`} (use mcp, exec)`);
  return removed;
}
async function run(argv) {
  const { positionals } = parse("forget", argv, {});
  const root = rootArg("forget", positionals, { allowGone: true });
  const removed = await forgetRoot(root);
  if (removed.length === 0) {
    console.log(`mcp-auto: nothing to forget for ${root}`);
    return 0;
  }
  console.log(`mcp-auto: forgot ${root}:`);
  for (const line of removed) console.log(`  ${line}`);
  return 0;
}
export {
  forgetRoot,
  help,
  run
};
//# sourceMappingURL=forget-A262MRMR.js.map
