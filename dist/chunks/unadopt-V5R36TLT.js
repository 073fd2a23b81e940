#!/usr/bin/env node
import {
  unadopt
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
import {
  forgetOwnership,
  removeGitExclude
} from "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/unadopt.ts
var help = `
Usage: mcp-auto unadopt [DIR]

Restores the .mcp.json entries \`mcp-auto adopt\` replaced, exactly as they
were, and removes their definitions from .mcp-auto.json.

Example:
  mcp-auto unadopt
`;
async function run(argv) {
  const { positionals } = parse("unadopt", argv, {});
  const root = rootArg("unadopt", positionals);
  const names = await unadopt(root, (restored) => forgetOwnership(stateDirFor(root), ".mcp.json", restored));
  if (names.length === 0) {
    console.log("mcp-auto: nothing was adopted here");
    return 0;
  }
  removeGitExclude(root, ".mcp.json");
  await ensureRoot(locateRoot(root));
  console.log(`mcp-auto: restored ${names.join(", ")} in .mcp.json`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=unadopt-V5R36TLT.js.map
