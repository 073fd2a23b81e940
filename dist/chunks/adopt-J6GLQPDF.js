#!/usr/bin/env node
import {
  adopt
} from "./chunk-TWXM3XWY.js";
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-IED5TB7I.js";
import "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
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
//# sourceMappingURL=adopt-J6GLQPDF.js.map
