#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  rootArg,
  stopDaemon,
  stopRoot
} from "./chunk-E2RM7D2A.js";
import "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import {
  allRecords
} from "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
//# sourceMappingURL=stop-CJH6VJSR.js.map
