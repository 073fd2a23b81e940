#!/usr/bin/env node
import {
  shellFile
} from "./chunk-S2GM2MK2.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/direnv.ts
var help = `
Usage: mcp-auto direnv

Prints the use_mcp function for direnv. Save it in direnv's lib folder once;
then a \`use mcp\` line in a project's .envrc starts the daemon for that
.envrc's directory and exports MCP_AUTO_PORT and MCP_AUTO_URL.

Example:
  mcp-auto direnv > ~/.config/direnv/lib/use_mcp.sh
  echo 'use mcp' >> .envrc && direnv allow
`;
async function run(argv) {
  parse("direnv", argv, {}, false);
  process.stdout.write(`${shellFile("use_mcp.sh")}
${shellFile("stamp.bash").replace(/^# shellcheck shell=bash\n/, "")}`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=direnv-TMPYX5AE.js.map
