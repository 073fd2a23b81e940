#!/usr/bin/env node
import {
  approve,
  claudeApproveNotes,
  mcpJsonOwnership,
  settingsPath
} from "./chunk-YNJA7IXX.js";
import {
  rootArg
} from "./chunk-O4VBO6DO.js";
import {
  ensureRoot,
  locateRoot,
  projectConfig
} from "./chunk-XBY36SCK.js";
import "./chunk-6VAM7WHU.js";
import {
  parse
} from "./chunk-2AOOTGWW.js";
import {
  safeText
} from "./chunk-PVH4M7UH.js";
import "./chunk-GD55ARHF.js";
import "./chunk-7UNPIWQI.js";
import "./chunk-CWON7UJY.js";
import "./chunk-GKUQR2OL.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/approve.ts
var help = `
Usage: mcp-auto approve [DIR]

Lets Claude Code use the servers mcp-auto manages without its approval prompt:
adds their names to .claude/settings.local.json "enabledMcpjsonServers"
(other settings kept). Only entries of .mcp.json that mcp-auto wrote are
approved: an entry under the same name that the project brought (a stdio
command, say) is named and left out. Then says what it could not do: a
server listed in disabledMcpjsonServers (that wins), and, outside a git
repository, Claude's folder trust, which only you can give (Claude ignores
the approval until then).

Example:
  mcp-auto approve
`;
async function run(argv) {
  const { positionals } = parse("approve", argv, {});
  const root = rootArg("approve", positionals);
  const servers = [...projectConfig(root).config.servers.keys()];
  let owners = mcpJsonOwnership(root, stateDirFor(root), servers);
  if (owners.missing.length) {
    const project = locateRoot(root);
    if (project) await ensureRoot(project);
    owners = mcpJsonOwnership(root, stateDirFor(root), servers);
  }
  const { ours, foreign, missing } = owners;
  for (const name of foreign) {
    console.error(safeText(`mcp-auto: not approving '${name}': its entry in ${root}/.mcp.json was not written by mcp-auto (rename or remove it, then \`mcp-auto ensure\`)`));
  }
  if (missing.length) console.error(safeText(`mcp-auto: ${missing.join(", ")} could not be written to .mcp.json; see \`mcp-auto doctor ${root}\``));
  const added = approve(root, ours);
  if (added.length) console.log(safeText(`mcp-auto: approved ${added.join(", ")} in ${settingsPath(root)}`));
  else if (ours.length) console.log(safeText(`mcp-auto: ${ours.join(", ")} already approved`));
  const notes = claudeApproveNotes({ root, dir: root, entries: ours.map((name) => ({ name, url: "", sseUrl: "", client: "http" })) });
  for (const line of notes) console.error(safeText(line));
  return foreign.length || missing.length ? 1 : 0;
}
export {
  help,
  run
};
//# sourceMappingURL=approve-P3I3DBCK.js.map
