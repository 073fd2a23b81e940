#!/usr/bin/env node
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import {
  userSettings
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
import {
  hashedPort
} from "./chunk-344WA2EI.js";
import {
  daemonStatus
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/port.ts
var help = `
Usage: mcp-auto port [DIR] [--json]

Prints a project's port: the one its running daemon uses, else the one its
root hashes to.

Example:
  curl http://127.0.0.1:$(mcp-auto port)/health
`;
async function run(argv) {
  const { values, positionals } = parse("port", argv, { json: { type: "boolean" } });
  const root = rootArg("port", positionals);
  const status = await daemonStatus(root);
  const running = status.kind === "running";
  const port = running ? status.record.port : hashedPort(root, userSettings().portRange);
  console.log(values.json ? JSON.stringify({ root, port, running }) : String(port));
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=port-44SEC6JJ.js.map
