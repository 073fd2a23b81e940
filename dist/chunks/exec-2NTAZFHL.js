#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  ensureRoot,
  locateRoot
} from "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import {
  fetchHealth
} from "./chunk-3IWKIRKS.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import {
  UserError,
  errorMessage
} from "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

// src/commands/exec.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { resolve } from "node:path";
var help = `
Usage: mcp-auto exec [--root DIR] [--timeout S] -- CMD [ARG...]

For scripts, CI and agents without an interactive shell: makes sure the
project's daemon runs, starts every server not started yet (servers start
lazily, with their first client) and waits until all are ready, then runs CMD with
MCP_AUTO_PORT and MCP_AUTO_URL set (and MCP_AUTO_TOKEN with "auth": "token")
and exits with CMD's exit code. Signals
sent to exec reach CMD (Ctrl-C on a terminal reaches it directly).

  --root DIR   the project (default: the project around the current directory)
  --timeout S  how long to wait for the servers, in seconds (default 120)

Exit status: CMD's own (128+N when a signal N ended it); 125 when mcp-auto
failed or the servers were not ready in time; 126 when CMD cannot be run;
127 when CMD is not found.

Examples:
  mcp-auto exec -- claude -p "list the open TODOs"
  mcp-auto exec --root ~/code/foo --timeout 300 -- npm test
`;
var FAILED = 125;
async function run(argv) {
  const dashes = argv.indexOf("--");
  if (dashes < 0 || dashes === argv.length - 1) {
    throw new UserError("exec: give the command after --, e.g. mcp-auto exec -- npm test", 2);
  }
  const { values } = parse("exec", argv.slice(0, dashes), { root: { type: "string" }, timeout: { type: "string" } }, false);
  const timeoutS = values.timeout === void 0 ? 120 : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UserError(`exec: --timeout must be a number of seconds, not '${values.timeout}'`, 2);
  const command = argv.slice(dashes + 1);
  let port;
  let token;
  try {
    const dir = resolve(values.root ?? ".");
    const project = locateRoot(dir);
    if (!project) throw new UserError(`no project root above ${dir}; run inside a project or pass --root DIR`, 2);
    const result = await ensureRoot(project);
    for (const line of result.notices) console.error(line);
    ({ port, token } = result);
    await waitUntilReady(port, timeoutS * 1e3, token);
  } catch (error) {
    throw new UserError(`exec: ${errorMessage(error).replace(/^(ensure|exec): /, "")}`, error instanceof UserError && error.exitCode === 2 ? 2 : FAILED);
  }
  return runCommand(command, { MCP_AUTO_PORT: String(port), MCP_AUTO_URL: `http://127.0.0.1:${port}`, ...token ? { MCP_AUTO_TOKEN: token } : {} });
}
async function waitUntilReady(port, timeoutMs, token) {
  const started = Date.now();
  const progress = process.stderr.isTTY === true;
  let shown = "";
  try {
    for (; ; ) {
      let waiting = [];
      const health = await fetchHealth(port, { timeoutMs: 2e3, start: true, ...token ? { token } : {} });
      if (health) {
        const failed = health.servers.find((s) => s.state === "failed");
        if (failed) throw new UserError(`server ${failed.name} failed${failed.lastError ? `: ${failed.lastError}` : ""}; see \`mcp-auto logs\``);
        waiting = health.servers.filter((s) => s.state !== "ready");
        if (waiting.length === 0) return;
      } else {
        waiting = [{ name: "daemon", state: "not answering" }];
      }
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        throw new UserError(`not ready after ${Math.round(timeoutMs / 1e3)} s: ${waiting.map((s) => `${s.name} (${s.state})`).join(", ")}; see \`mcp-auto logs\`, or raise --timeout`);
      }
      const line = `mcp-auto: waiting for ${waiting.map((s) => `${s.name} (${s.state})`).join(", ")}\u2026 ${Math.round(elapsed / 1e3)} s`;
      if (progress && elapsed > 300 && line !== shown) {
        process.stderr.write(`\r\x1B[K${line}`);
        shown = line;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    if (shown) process.stderr.write("\r\x1B[K");
  }
}
function runCommand(command, extraEnv) {
  return new Promise((resolve2) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    const forwarded = ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"];
    if (!process.stdin.isTTY) forwarded.push("SIGINT", "SIGQUIT");
    const forward = (signal) => {
      child.kill(signal);
    };
    const ignore = () => {
    };
    for (const s of forwarded) process.on(s, forward);
    if (process.stdin.isTTY) for (const s of ["SIGINT", "SIGQUIT"]) process.on(s, ignore);
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
export {
  help,
  run
};
//# sourceMappingURL=exec-2NTAZFHL.js.map
