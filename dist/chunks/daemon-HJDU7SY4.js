#!/usr/bin/env node
import {
  parse
} from "./chunk-2AOOTGWW.js";
import {
  UserError,
  errorMessage
} from "./chunk-GK4YEDLR.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/daemon.ts
import { realpathSync } from "node:fs";
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
  const { values } = parse("daemon", argv, {
    root: { type: "string" },
    port: { type: "string" },
    "unsafe-expose": { type: "string" },
    "idle-timeout": { type: "string" }
  }, false);
  const idle = values["idle-timeout"] === void 0 ? void 0 : Number(values["idle-timeout"]);
  if (idle !== void 0 && !(idle >= 0)) throw new UserError(`daemon: --idle-timeout must be minutes (0 = never), not '${values["idle-timeout"]}'`, 2);
  if (!values.root || !values.port) throw new UserError("daemon: --root and --port are required; see `mcp-auto daemon --help`", 2);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`daemon: --port must be a port number, not '${values.port}'`, 2);
  let root;
  try {
    root = realpathSync(values.root);
  } catch {
    throw new UserError(`daemon: --root ${values.root} does not exist`, 2);
  }
  if (values["unsafe-expose"] && !["127.0.0.1", "::1", "localhost"].includes(values["unsafe-expose"])) {
    const { loadConfig } = await import("./config-NO3WO7HE.js");
    if (loadConfig().settings.auth !== "token") {
      throw new UserError('daemon: --unsafe-expose needs token auth: set "auth": "token" in the config first', 2);
    }
  }
  const { EarlyStart } = await import("./early-start-Z7YVJLH4.js");
  const early = new EarlyStart(root);
  const { Daemon } = await import("./daemon-QPIYBSPO.js");
  const daemon = new Daemon({ root, port, host: values["unsafe-expose"], idleTimeoutMinutes: idle, collectGarbage, early });
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
//# sourceMappingURL=daemon-HJDU7SY4.js.map
