#!/usr/bin/env node
import {
  unadopt
} from "./chunk-ILWH7SAI.js";
import {
  rootArg
} from "./chunk-O4VBO6DO.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-XBY36SCK.js";
import "./chunk-6VAM7WHU.js";
import {
  parse
} from "./chunk-2AOOTGWW.js";
import "./chunk-PVH4M7UH.js";
import {
  forgetOwnership,
  removeGitExclude
} from "./chunk-GD55ARHF.js";
import "./chunk-7UNPIWQI.js";
import "./chunk-CWON7UJY.js";
import "./chunk-GKUQR2OL.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
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
//# sourceMappingURL=unadopt-2EG6ARRZ.js.map
