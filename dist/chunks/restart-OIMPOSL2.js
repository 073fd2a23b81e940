#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  rootArg,
  stopRoot
} from "./chunk-E2RM7D2A.js";
import {
  ensureRoot,
  locateRoot
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import {
  canBind,
  recordFor
} from "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

// src/commands/restart.ts
var help = `
Usage: mcp-auto restart [DIR] [--json]

Stops a project's daemon and starts it again on the same port. Clients keep
their sessions (they are persisted), so they need not reconnect.

Example:
  mcp-auto restart
`;
async function run(argv) {
  const { values, positionals } = parse("restart", argv, { json: { type: "boolean" } });
  const root = rootArg("restart", positionals);
  const before = recordFor(root);
  await stopRoot(root);
  let port = before?.port;
  if (port !== void 0) {
    const deadline = Date.now() + 3e3;
    while (!await canBind(port) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!await canBind(port)) port = void 0;
  }
  const result = await ensureRoot(locateRoot(root), { preferPort: port });
  console.log(values.json ? JSON.stringify(result, null, 2) : `mcp-auto: restarted the daemon for ${root} on ${result.url}`);
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=restart-OIMPOSL2.js.map
