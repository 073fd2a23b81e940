#!/usr/bin/env node
import {
  rootArg
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
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/open.ts
import { spawn } from "node:child_process";
var help = `
Usage: mcp-auto open [DIR] [--print]

Opens the project's daemon page in your browser (starting the daemon if it
is not running): each server's state, tools, clients and recent calls, and
the log as it grows. Read-only; served by the daemon on 127.0.0.1 only.
$BROWSER names the browser; otherwise xdg-open (Linux) or open (macOS).

  --print   print the page's URL instead of opening it

Examples:
  mcp-auto open
  mcp-auto open ~/code/foo --print
`;
async function run(argv) {
  const { values, positionals } = parse("open", argv, { print: { type: "boolean" } });
  const root = rootArg("open", positionals);
  const { url } = await ensureRoot(locateRoot(root));
  const page = `${url}/`;
  if (values.print) {
    console.log(page);
    return 0;
  }
  const opener = process.env.BROWSER || (process.platform === "darwin" ? "open" : "xdg-open");
  if (!await launch(opener, page)) {
    console.log(`mcp-auto: could not run ${opener}; open ${page} in your browser`);
    return 0;
  }
  console.log(`mcp-auto: opened ${page}`);
  return 0;
}
function launch(command, url) {
  return new Promise((resolve) => {
    const child = spawn(command, [url], { detached: true, stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}
export {
  help,
  run
};
//# sourceMappingURL=open-MB445KRR.js.map
