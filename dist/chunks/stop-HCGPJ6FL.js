#!/usr/bin/env node
import {
  rootArg,
  stopDaemon,
  stopRoot
} from "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
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
import "./chunk-344WA2EI.js";
import {
  allRecords
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/stop.ts
var help = `
Usage: mcp-auto stop [DIR | --all]

Stops a project's daemon and its servers (SIGTERM, then SIGKILL after 5 s).
The next cd into the project (or \`mcp-auto ensure\`) starts it again on the
same port.

Examples:
  mcp-auto stop
  mcp-auto stop --all
`;
async function run(argv) {
  const { values, positionals } = parse("stop", argv, { all: { type: "boolean" } });
  if (values.all) {
    const results = await Promise.all(allRecords().map(async (r) => ({ root: r.root, stopped: await stopDaemon(r) })));
    const stopped = results.filter((r) => r.stopped);
    console.log(stopped.length ? `mcp-auto: stopped ${stopped.length} daemon(s)` : "mcp-auto: no daemon was running");
    return 0;
  }
  const root = rootArg("stop", positionals, { allowGone: true });
  console.log(await stopRoot(root) ? `mcp-auto: stopped the daemon for ${root}` : `mcp-auto: no daemon was running for ${root}`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=stop-HCGPJ6FL.js.map
