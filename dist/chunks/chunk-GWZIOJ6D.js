#!/usr/bin/env node
import {
  readFreshStamp,
  stampFor
} from "./chunk-3V7JBOM2.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import {
  entriesFor,
  mcpConfigText
} from "./chunk-VKZGXJS7.js";
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";
import {
  getHealth
} from "./chunk-AYBWUVBC.js";

// src/util/run-command.ts
import { constants } from "node:os";
import { isatty } from "node:tty";
function runCommand(command, extraEnv) {
  const { spawn } = process.getBuiltinModule("node:child_process");
  return new Promise((resolve2) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    const forwarded = ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"];
    const terminal = isatty(0);
    if (!terminal) forwarded.push("SIGINT", "SIGQUIT");
    const forward = (signal) => {
      child.kill(signal);
    };
    const ignore = () => {
    };
    for (const s of forwarded) process.on(s, forward);
    if (terminal) for (const s of ["SIGINT", "SIGQUIT"]) process.on(s, ignore);
    const done = (code) => {
      for (const s of forwarded) process.off(s, forward);
      for (const s of ["SIGINT", "SIGQUIT"]) process.off(s, ignore);
      resolve2(code);
    };
    child.once("error", (error) => {
      const notFound = error.code === "ENOENT";
      console.error(`mcp-auto: exec: ${command[0]}: ${notFound ? "command not found" : errorMessage(error)}`);
      done(notFound ? 127 : 126);
    });
    child.once("exit", (code, signal) => {
      done(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

// src/commands/stamped.ts
import { resolve } from "node:path";
var STAMP_TRIED = /* @__PURE__ */ Symbol.for("mcp-auto.stamp-tried");
function freshStampOnce(dir) {
  const global = globalThis;
  if (global[STAMP_TRIED]) return void 0;
  global[STAMP_TRIED] = true;
  const stamp = stampFor(dir);
  return stamp ? readFreshStamp(stamp, dir) : void 0;
}
function parseExec(argv) {
  const dashes = argv.indexOf("--");
  if (dashes < 0 || dashes === argv.length - 1) {
    throw new UserError("exec: give the command after --, e.g. mcp-auto exec -- npm test", 2);
  }
  const { values } = parse("exec", argv.slice(0, dashes), { root: { type: "string" }, timeout: { type: "string" } }, false);
  const timeoutS = values.timeout === void 0 ? 120 : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UserError(`exec: --timeout must be a number of seconds, not '${values.timeout}'`, 2);
  return { dir: resolve(values.root ?? "."), timeoutS, command: argv.slice(dashes + 1) };
}
function execEnv(port, token) {
  return { MCP_AUTO_PORT: String(port), MCP_AUTO_URL: `http://127.0.0.1:${port}`, ...token ? { MCP_AUTO_TOKEN: token } : {} };
}
async function execFromStamp(options) {
  const fresh = freshStampOnce(options.dir);
  if (fresh?.scope !== "all") return void 0;
  const health = await getHealth(fresh.port, "/health?start=1", 2e3, fresh.token);
  if (typeof health !== "object" || health.root !== fresh.root || !health.servers.every((s) => s.state === "ready")) return void 0;
  return runCommand(options.command, execEnv(fresh.port, fresh.token));
}
async function configFromStamp(dir) {
  const fresh = freshStampOnce(dir);
  if (!fresh) return void 0;
  const health = await getHealth(fresh.port, "/health?ensure=1", 1e3, fresh.token);
  if (typeof health !== "object" || health.root !== fresh.root || health.port !== fresh.port) return void 0;
  return entriesFor(health.servers, fresh.port, health.auth);
}
function printConfig(entries) {
  process.stdout.write(mcpConfigText(entries));
}

export {
  runCommand,
  parseExec,
  execEnv,
  execFromStamp,
  configFromStamp,
  printConfig
};
//# sourceMappingURL=chunk-GWZIOJ6D.js.map
