#!/usr/bin/env node
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
import {
  LOG_FILE,
  STDERR_FILE,
  logFiles
} from "./chunk-MT5LDDFF.js";
import {
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
  safeLines
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

// src/commands/logs.ts
import { createReadStream, readFileSync, statSync, watch } from "node:fs";
import { join } from "node:path";
var help = `
Usage: mcp-auto logs [DIR] [-f] [-n N]

Shows a project's daemon log: server starts, restarts, their stderr (each line
marked with the server's name), config reloads. The daemon keeps its log small
by rotating it (daemon.log, daemon.log.1 \u2026 .3, 1 MB each); this reads across them.

  -f, --follow   keep printing new lines
  -n, --lines N  how many lines to show first (default 50)

Example:
  mcp-auto logs -f
`;
async function run(argv) {
  const { values, positionals } = parse("logs", argv, {
    follow: { type: "boolean", short: "f" },
    lines: { type: "string", short: "n" }
  });
  const root = rootArg("logs", positionals, { allowGone: true });
  const stateDir = stateDirFor(root);
  const files = logFiles(stateDir);
  if (files.length === 0) throw new UserError(`no log yet for ${root}; start the daemon with \`mcp-auto ensure\``);
  const count = Number(values.lines ?? 50);
  if (!Number.isInteger(count) || count < 0) throw new UserError(`logs: -n takes a whole number, not '${values.lines}'`, 2);
  const lines = [];
  for (const f of [...files, join(stateDir, STDERR_FILE)]) {
    let text = "";
    try {
      text = readFileSync(f, "utf8");
    } catch {
      continue;
    }
    const own = text.split("\n");
    if (own.at(-1) === "") own.pop();
    lines.push(...f.endsWith(STDERR_FILE) ? own.map((l) => `(daemon stderr) ${l}`) : own);
  }
  if (count > 0 && lines.length > 0) process.stdout.write(`${safeLines(lines.slice(-count).join("\n"))}
`);
  const file = join(stateDir, LOG_FILE);
  if (!values.follow) return 0;
  let offset = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  watch(stateDir, (_event, name) => {
    if (name !== LOG_FILE) return;
    const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size < offset) offset = 0;
    if (size === offset) return;
    createReadStream(file, { start: offset, end: size - 1, encoding: "utf8" }).on("data", (text) => process.stdout.write(safeLines(String(text))));
    offset = size;
  });
  return new Promise(() => {
  });
}
export {
  help,
  run
};
//# sourceMappingURL=logs-WPOCWZIO.js.map
