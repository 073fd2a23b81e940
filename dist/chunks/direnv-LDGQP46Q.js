#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  shellFile
} from "./chunk-2YUA3SLD.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
  process.stdout.write(shellFile("use_mcp.sh"));
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=direnv-LDGQP46Q.js.map
