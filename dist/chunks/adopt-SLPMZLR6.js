#!/usr/bin/env node
import {
  adopt
} from "./chunk-KAQAXZRF.js";
import {
  rootArg
} from "./chunk-VT4YPNB6.js";
import {
  parse
} from "./chunk-2AOOTGWW.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-GL5LKSAR.js";
import "./chunk-6PDLRJEJ.js";
import "./chunk-5PIPUPJL.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-44UWT46X.js";
import "./chunk-WXZRNZNN.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/adopt.ts
var help = `
Usage: mcp-auto adopt [DIR]

Takes the stdio servers already in .mcp.json (entries with a "command", e.g. a
hand-written \`uvx \u2026 serena\` entry), moves their definitions into the
project's .mcp-auto.json (and trusts it, since you asked), serves them from the
daemon and points the entries at it. \`mcp-auto unadopt\` puts the original
entries back exactly.

Example:
  mcp-auto adopt && mcp-auto status
`;
async function run(argv) {
  const { positionals } = parse("adopt", argv, {});
  const root = rootArg("adopt", positionals);
  const names = await adopt(root);
  if (names.length === 0) {
    console.log("mcp-auto: no stdio servers in .mcp.json to adopt");
    return 0;
  }
  const result = await ensureRoot(locateRoot(root));
  console.log(`mcp-auto: adopted ${names.join(", ")}; now served by the daemon:`);
  for (const name of names) console.log(`  ${name}  ${result.url}/servers/${encodeURIComponent(name)}/mcp`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=adopt-SLPMZLR6.js.map
