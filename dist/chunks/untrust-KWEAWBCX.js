#!/usr/bin/env node
import {
  unmarkRoot
} from "./chunk-RU7FJPFX.js";
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
import {
  untrust
} from "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  projectConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  safeText
} from "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

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
//# sourceMappingURL=untrust-KWEAWBCX.js.map
