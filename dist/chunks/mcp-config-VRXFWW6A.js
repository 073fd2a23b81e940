#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  claude,
  ensureRoot,
  locateRoot,
  managedEntries,
  projectConfig
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import {
  existingDir,
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import {
  UserError
} from "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
  const project = locateRoot(dir);
  if (!project) throw new UserError(`mcp-config: no project root above ${dir}; run inside a project or name one`, 2);
  const { port } = await ensureRoot(project, { writeClients: false });
  const entries = managedEntries(projectConfig(project.root).config, port);
  const mcpServers = Object.fromEntries(entries.map((e) => [e.name, claude.entry(e)]));
  console.log(JSON.stringify({ mcpServers }, null, 2));
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=mcp-config-VRXFWW6A.js.map
