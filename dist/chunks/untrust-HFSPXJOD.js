#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  unmarkRoot
} from "./chunk-JWSEQX3G.js";
import {
  rootArg
} from "./chunk-E2RM7D2A.js";
import {
  untrust
} from "./chunk-VH3QAMA7.js";
import {
  safeText
} from "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import {
  projectConfigPath
} from "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

// src/commands/untrust.ts
var help = `
Usage: mcp-auto untrust [DIR]     (also: mcp-auto deny)
       mcp-auto untrust --root [DIR]

Revokes trust in a project's .mcp-auto.json: the daemon goes back to the
servers of your own config. With --root: takes away the mark of
\`mcp-auto trust --root\` (a "trustedRoots" glob is edited in the user config).

Example:
  mcp-auto untrust
`;
async function run(argv) {
  const { values, positionals } = parse("untrust", argv, { root: { type: "boolean" } });
  const root = rootArg("untrust", positionals);
  if (values.root) {
    console.log(safeText(unmarkRoot(root) ? `mcp-auto: ${root} is no longer marked as yours` : `mcp-auto: ${root} was not marked`));
    return 0;
  }
  const file = projectConfigPath(root);
  console.log(safeText(untrust(file) ? `mcp-auto: ${file} is no longer trusted` : `mcp-auto: ${file} was not trusted`));
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=untrust-HFSPXJOD.js.map
