#!/usr/bin/env node
import {
  locateRoot
} from "./chunk-IED5TB7I.js";
import "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  PROJECT_CONFIG,
  presets
} from "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/init.ts
import { existsSync, realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join, relative } from "node:path";
import { createInterface } from "node:readline";
var help = `
Usage: mcp-auto init [DIR]

Writes a starter .mcp-auto.json at the root of the project around DIR
(default: the current directory; a folder in no project gets it itself) and
explains each line. On a terminal it asks which servers to run; otherwise it
asks nothing and writes memory (plus serena when uvx is on PATH). It never
overwrites an existing file. The daemon uses the file once you run
\`mcp-auto trust\`.

Examples:
  mcp-auto init
  mcp-auto init ~/code/foo < /dev/null
`;
var explanations = {
  memory: "a knowledge graph every session of this project shares (kept in the state dir)",
  serena: "semantic code navigation and editing; needs uvx, its first start takes a while",
  filesystem: "read and write files under the project root",
  everything: "the MCP reference test server (every feature, for trying clients out)"
};
var hasUvx = () => (process.env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, "uvx")));
async function run(argv) {
  const { positionals } = parse("init", argv, {});
  if (positionals.length > 1) throw new UserError("init: give at most one directory; see `mcp-auto init --help`", 2);
  const dir = positionals[0] ?? ".";
  let start;
  try {
    start = realpathSync(dir);
    if (!statSync(start).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new UserError(`init: ${dir} is not a directory`, 2);
  }
  const root = locateRoot(start)?.root ?? start;
  if (positionals.length === 0 && (root === realpathSync(homedir()) || root === "/")) {
    throw new UserError(`init: ${root} is not inside a project; a .mcp-auto.json here would make all of it one \u2014 run \`mcp-auto init ${root}\` if you mean it`);
  }
  const file = join(root, PROJECT_CONFIG);
  if (existsSync(file)) throw new UserError(`init: ${file} already exists; edit it, or remove it and run init again`);
  const suggested = hasUvx() ? ["memory", "serena"] : ["memory"];
  const servers = process.stdin.isTTY ? await askServers(suggested) : suggested;
  const text = `${JSON.stringify({ servers: Object.fromEntries(servers.map((name) => [name, true])) }, null, 2)}
`;
  writeFileAtomic(file, text, 420);
  const width = Math.max(...servers.map((s) => s.length)) + 8;
  const inside = !relative(root, realpathSync(".")).startsWith("..");
  const trustCommand = inside ? "mcp-auto trust" : `mcp-auto trust ${root}`;
  console.log([
    `Wrote ${file}:`,
    ...servers.map((name) => `  "${name}": true`.padEnd(width + 2) + `  ${explanations[name]}`),
    "A server can also be a full definition, with {root} for the project root:",
    '  "docs": { "command": "npx", "args": ["-y", "some-mcp-server", "{root}"] }',
    'and "name": false switches off a server your user config gives every project.',
    `Next: ${trustCommand}   (the daemon runs a project's commands only once you trust the file)`
  ].join("\n"));
  return 0;
}
async function askServers(suggested) {
  const known = Object.keys(presets);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const lines = rl[Symbol.asyncIterator]();
  try {
    for (; ; ) {
      rl.setPrompt(`Servers for this project (${known.join(", ")}) [${suggested.join(" ")}]: `);
      rl.prompt();
      const next = await lines.next();
      if (next.done) throw new UserError("init: no answer; nothing written");
      const answer = String(next.value).trim();
      if (!answer) return suggested;
      const names = [...new Set(answer.split(/[\s,]+/).filter(Boolean))];
      const unknown = names.filter((n) => !known.includes(n));
      if (unknown.length === 0) return names;
      process.stderr.write(`not a preset: ${unknown.join(", ")}; define other servers in the file afterwards
`);
    }
  } finally {
    rl.close();
  }
}
export {
  help,
  run
};
//# sourceMappingURL=init-DOL2X52Z.js.map
