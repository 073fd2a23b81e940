#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  unadopt
} from "./chunk-64NA4IQE.js";
import {
  rootArg
} from "./chunk-E2RM7D2A.js";
import {
  ensureRoot,
  forgetOwnership,
  locateRoot,
  removeGitExclude
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import {
  stateDirFor
} from "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
//# sourceMappingURL=unadopt-CBFZ2ZZH.js.map
