#!/usr/bin/env node
import {
  configFromStamp,
  printConfig
} from "./chunk-UN4KEZN6.js";
import "./chunk-LHE4IOL2.js";
import {
  existingDir,
  parse
} from "./chunk-2AOOTGWW.js";
import "./chunk-ZGISFRS7.js";
import "./chunk-CWON7UJY.js";
import {
  UserError
} from "./chunk-GK4YEDLR.js";
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
  const [{ ensureRoot, locateRoot, managedEntries, projectConfig }, { removeStamp, writeStamp }, { stampFor }] = await Promise.all([import("./ensure-2CR7HHBT.js"), import("./stamp-6INW33LC.js"), import("./stamp-check-UEDVSPUU.js")]);
  const stamp = stampFor(dir);
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) throw new UserError(`mcp-config: no project root above ${dir}; run inside a project or name one`, 2);
  const result = await ensureRoot(project, { writeClients: false });
  if (stamp) writeStamp(stamp, dir, result, "daemon");
  return managedEntries(projectConfig(project.root).config, result.port);
}
export {
  help,
  run
};
//# sourceMappingURL=mcp-config-5LVK5NA7.js.map
