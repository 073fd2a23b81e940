#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  rootArg
} from "./chunk-E2RM7D2A.js";
import {
  userSettings
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import {
  daemonStatus,
  hashedPort
} from "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
//# sourceMappingURL=port-QBABXKVZ.js.map
