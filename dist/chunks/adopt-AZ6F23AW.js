#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  adopt
} from "./chunk-64NA4IQE.js";
import {
  rootArg
} from "./chunk-E2RM7D2A.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
//# sourceMappingURL=adopt-AZ6F23AW.js.map
