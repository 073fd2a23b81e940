#!/usr/bin/env node
import {
  execEnv,
  execFromStamp,
  parseExec,
  runCommand
} from "./chunk-GWZIOJ6D.js";
import "./chunk-3V7JBOM2.js";
import "./chunk-3QUSHYHU.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/exec.ts
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
  const options = parseExec(argv);
  let port;
  let token;
  try {
    const answered = await execFromStamp(options);
    if (answered !== void 0) return answered;
    ({ port, token } = await ensureFor(options.dir));
    await waitUntilReady(port, options.timeoutS * 1e3, token);
  } catch (error) {
    throw new UserError(`exec: ${errorMessage(error).replace(/^(ensure|exec): /, "")}`, error instanceof UserError && error.exitCode === 2 ? 2 : FAILED);
  }
  return runCommand(options.command, execEnv(port, token));
}
async function ensureFor(dir) {
  const { ensureStamped } = await import("./stamp-TPQBOK2O.js");
  const result = await ensureStamped(dir);
  if (!result) throw new UserError(`no project root above ${dir}; run inside a project or pass --root DIR`, 2);
  for (const line of result.notices) console.error(line);
  return result;
}
async function waitUntilReady(port, timeoutMs, token) {
  const { fetchHealth } = await import("./daemon-state-DS3V5PD6.js");
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
export {
  help,
  run
};
//# sourceMappingURL=exec-R5EGVFQH.js.map
