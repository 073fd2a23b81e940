#!/usr/bin/env node
import {
  EarlyStart,
  parseDaemonArgs,
  takeEarlyStart
} from "./chunk-Z3LOJ7WB.js";
import "./chunk-L6AESDOP.js";
import "./chunk-IO6PQGEU.js";
import "./chunk-RU7FJPFX.js";
import "./chunk-MT5LDDFF.js";
import "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-QFQDEMEW.js";
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/daemon.ts
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var help = `
Usage: mcp-auto daemon --root DIR --port N [--idle-timeout MINUTES] [--unsafe-expose HOST]

Runs a project's daemon in the foreground: every configured MCP server, served at
http://127.0.0.1:N/servers/<name>/mcp (Streamable HTTP) and /servers/<name>/sse
(legacy SSE), with status at /health. \`mcp-auto ensure\` (and the shell hook)
start it detached for you; run it by hand to watch its log on the terminal.

  --idle-timeout MIN    stop after MIN minutes without clients (0 = never;
                        default: the config's idleTimeoutMinutes, 30)
  --unsafe-expose HOST  listen on HOST instead of 127.0.0.1; refused unless the
                        config sets "auth": "token"

Example:
  mcp-auto daemon --root ~/code/foo --port 24567
`;
async function run(argv) {
  setFlagsFromString("--expose-gc");
  let gc;
  const collectGarbage = () => {
    gc ??= runInNewContext("gc");
    setFlagsFromString("--compact-on-every-full-gc");
    try {
      gc();
    } finally {
      setFlagsFromString("--no-compact-on-every-full-gc");
    }
  };
  const { root, port, host, idleMinutes } = parseDaemonArgs(argv);
  if (host && !["127.0.0.1", "::1", "localhost"].includes(host)) {
    const { loadConfig } = await import("./config-Q5UXZS3C.js");
    if (loadConfig().settings.auth !== "token") {
      throw new UserError('daemon: --unsafe-expose needs token auth: set "auth": "token" in the config first', 2);
    }
  }
  const early = takeEarlyStart(root) ?? new EarlyStart(root);
  const { Daemon } = await import("./daemon-J5TCSZWW.js");
  const daemon = new Daemon({ root, port, host, idleTimeoutMinutes: idleMinutes, collectGarbage, early });
  try {
    await daemon.start();
  } catch (error) {
    await early.stop();
    if (error.code === "EADDRINUSE") throw new UserError(`daemon: port ${port} is already in use`, 3);
    throw new UserError(`daemon: ${errorMessage(error)}`);
  }
  const shutdown = (signal) => {
    daemon.log(`${signal} received`);
    void daemon.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGHUP", () => daemon.reload());
  process.on("uncaughtException", (error) => daemon.log(`uncaught: ${error.stack ?? errorMessage(error)}`));
  return new Promise(() => {
  });
}
export {
  help,
  run
};
//# sourceMappingURL=daemon-OJOP7TED.js.map
