#!/usr/bin/env node
import {
  claudeApproveNotes
} from "./chunk-2XPFF44D.js";
import {
  approve,
  mcpJsonOwnership,
  settingsPath
} from "./chunk-XV23DNHT.js";
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import {
  ensureRoot,
  locateRoot,
  projectConfig
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
import {
  safeText
} from "./chunk-AIQ3PVV7.js";
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
  const added = approve(root, stateDirFor(root), ours);
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
//# sourceMappingURL=approve-MNTCGEFR.js.map
