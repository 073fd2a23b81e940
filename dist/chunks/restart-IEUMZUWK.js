#!/usr/bin/env node
import {
  rootArg,
  stopRoot
} from "./chunk-AFUMIZT3.js";
import {
  ensureRoot,
  locateRoot
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
import "./chunk-AIQ3PVV7.js";
import {
  canBind
} from "./chunk-344WA2EI.js";
import {
  recordFor
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

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
//# sourceMappingURL=restart-IEUMZUWK.js.map
