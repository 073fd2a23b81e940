#!/usr/bin/env node
import {
  checkStampPath,
  removeStamp,
  writeStamp
} from "./chunk-PF5V6EIJ.js";
import "./chunk-3V7JBOM2.js";
import {
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  unseenNotices,
  writeNotices
} from "./chunk-IED5TB7I.js";
import "./chunk-MT5LDDFF.js";
import {
  existingDir,
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import "./chunk-QFQDEMEW.js";
import {
  UserError,
  oneLine,
  safeText
} from "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/ensure.ts
import { basename, dirname, join, resolve } from "node:path";
var help = `
Usage: mcp-auto ensure [--quiet] [--json] [--notice-file FILE [--idle-link]] [--stamp FILE] [--] [DIR]

Finds the project root from DIR (default: the current directory), makes sure
that root's daemon runs on its port (starting it detached if not) and points
the client configs (.mcp.json, \u2026) at it. Idempotent: when all is right it
writes nothing. The shell hook and \`use mcp\` run this for you.

  --quiet             print nothing unless something is wrong
  --json              print the result as JSON
  --notice-file FILE  append what the user must see to FILE, each notice once
                      (the shell hook shows it at the next prompt); FILE must
                      be in mcp-auto's notices folder ($XDG_STATE_HOME/mcp-auto/notices)
  --idle-link         also link FILE.daemon to the daemon's idle-stop marker
                      (the hook's next prompt brings an idled-out daemon back)
  --stamp FILE        when all is right, record it in FILE for \`use mcp\`'s
                      fast path (a file in mcp-auto's state folder)

Examples:
  mcp-auto ensure
  mcp-auto ensure ~/code/foo --json
`;
function checkNoticeFile(file) {
  const folder = join(stateHome(), "notices");
  const full = resolve(file);
  if (dirname(full) !== folder || basename(full).startsWith(".")) {
    throw new UserError(`ensure: --notice-file must be a file in ${folder}`, 2);
  }
}
async function run(argv) {
  const { values, positionals } = parse("ensure", argv, {
    quiet: { type: "boolean", short: "q" },
    json: { type: "boolean" },
    "notice-file": { type: "string" },
    "idle-link": { type: "boolean" },
    stamp: { type: "string" }
  });
  if (values["notice-file"] !== void 0) checkNoticeFile(values["notice-file"]);
  try {
    return await ensure(values, positionals);
  } catch (error) {
    if (values["notice-file"]) writeNotices(values["notice-file"], [safeText(`mcp-auto: ${oneLine(error, 400)}`)]);
    throw error;
  }
}
async function ensure(values, positionals) {
  const dir = existingDir("ensure", positionals);
  const noticeFile = values["notice-file"];
  const stamp = values.stamp === void 0 ? void 0 : checkStampPath(values.stamp);
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) {
    if (values.json) console.log(JSON.stringify({ root: null, reason: `no project root above ${dir}` }));
    else if (!values.quiet) console.error(safeText(`mcp-auto: no project root above ${dir} (markers: .mcp-auto.json, .git, \u2026); nothing to do`));
    return 0;
  }
  if (noticeFile && values["idle-link"]) linkIdleMarker(noticeFile, project.root);
  const result = await ensureRoot(project);
  const refused = result.clients.some((c) => c.status === "refused");
  if (stamp) writeStamp(stamp, positionals[0] ?? process.cwd(), result);
  if (values["notice-file"]) {
    writeNotices(values["notice-file"], unseenNotices(result.root, result.notices).map(safeText));
  } else if (!values.json) {
    for (const line of result.notices) console.error(safeText(line));
  }
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else if (!values.quiet) {
    const written = result.clients.filter((c) => c.status === "written").map((c) => c.file);
    if (result.started) console.log(safeText(`mcp-auto: started the daemon for ${result.root} on ${result.url} (${result.servers.join(", ") || "no servers"})`));
    if (written.length) console.log(safeText(`mcp-auto: updated ${written.join(", ")}`));
  }
  return refused ? 1 : 0;
}
export {
  help,
  run
};
//# sourceMappingURL=ensure-GJEIJLG5.js.map
