#!/usr/bin/env node
import {
  rootArg
} from "./chunk-O4VBO6DO.js";
import {
  userSettings
} from "./chunk-XBY36SCK.js";
import "./chunk-6VAM7WHU.js";
import {
  parse
} from "./chunk-2AOOTGWW.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-GD55ARHF.js";
import "./chunk-7UNPIWQI.js";
import "./chunk-CWON7UJY.js";
import "./chunk-GKUQR2OL.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
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
//# sourceMappingURL=port-SHZUJMVG.js.map
