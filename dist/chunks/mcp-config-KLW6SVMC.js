#!/usr/bin/env node
import {
  configFromStamp,
  printConfig
} from "./chunk-GWZIOJ6D.js";
import "./chunk-3V7JBOM2.js";
import {
  existingDir,
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/mcp-config.ts
var help = `
Usage: mcp-auto mcp-config [DIR]

Prints the client config for the project's daemon, {"mcpServers": {...}}, the
same entries as .mcp.json, starting the daemon if it is not running. It
writes no project file: for pipelines and one-off runs with
\`claude --mcp-config\`.

Examples:
  mcp-auto mcp-config > /tmp/mcp.json && claude -p --mcp-config /tmp/mcp.json "list the TODOs"
  claude --mcp-config "$(mcp-auto mcp-config ~/code/foo)"
`;
async function run(argv) {
  const { positionals } = parse("mcp-config", argv, {});
  const dir = existingDir("mcp-config", positionals);
  printConfig(await configFromStamp(dir) ?? await fromEnsure(dir));
  return 0;
}
async function fromEnsure(dir) {
  const [{ projectConfig }, { ensureStamped }, { managedEntries }] = await Promise.all([import("./ensure-I7XBRKN2.js"), import("./stamp-TPQBOK2O.js"), import("./entries-WZMGQ6JT.js")]);
  const result = await ensureStamped(dir, { writeClients: false });
  if (!result) throw new UserError(`mcp-config: no project root above ${dir}; run inside a project or name one`, 2);
  return managedEntries(projectConfig(result.root).config, result.port);
}
export {
  help,
  run
};
//# sourceMappingURL=mcp-config-KLW6SVMC.js.map
