#!/usr/bin/env node
import {
  markRoot
} from "./chunk-RU7FJPFX.js";
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
import {
  readProjectFile,
  trust
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
  parseConfig,
  projectConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError,
  safeText
} from "./chunk-AIQ3PVV7.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/trust.ts
var help = `
Usage: mcp-auto trust [DIR]
       mcp-auto trust --root [DIR]

A project's .mcp-auto.json names commands to run, so mcp-auto ignores it until
you trust it \u2014 like \`direnv allow\`. Trust is for the file as it is now: any
edit needs a new \`mcp-auto trust\`. The running daemon picks the change up.

  --root  mark the project root itself as yours instead (your own code, not
          a clone you are looking at): user-config servers may then run
          from the project (a "cwd" or command inside it), as may servers
          that analyse it before a client asks. \`untrust --root\` takes
          the mark away; "trustedRoots" globs in the user config mark many.

Examples:
  cat .mcp-auto.json && mcp-auto trust
  mcp-auto trust --root ~/code/mine
`;
async function run(argv) {
  const { values, positionals } = parse("trust", argv, { root: { type: "boolean" } });
  const root = rootArg("trust", positionals);
  if (values.root) {
    markRoot(root);
    console.log(safeText(`mcp-auto: marked ${root} as yours`));
    return 0;
  }
  const file = projectConfigPath(root);
  const read = readProjectFile(file);
  if (read.state === "missing") throw new UserError(`${file} does not exist; \`mcp-auto init\` writes a starter one`);
  if (read.state === "unsafe") throw new UserError(read.problem);
  parseConfig(file, read.text);
  trust(file);
  console.log(`mcp-auto: trusted ${file}`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=trust-MZHZ6MOW.js.map
