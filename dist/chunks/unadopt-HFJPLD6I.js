#!/usr/bin/env node
import {
  unadopt
} from "./chunk-KAQAXZRF.js";
import {
  rootArg
} from "./chunk-VT4YPNB6.js";
import {
  parse
} from "./chunk-2AOOTGWW.js";
import {
  ensureRoot,
  forgetOwnership,
  locateRoot,
  removeGitExclude
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
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-BMM3J2VH.js";
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
//# sourceMappingURL=unadopt-HFJPLD6I.js.map
