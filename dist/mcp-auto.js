#!/usr/bin/env node
import {
  VERSION
} from "./chunks/chunk-VPR7O2NL.js";
import {
  UserError,
  reportError
} from "./chunks/chunk-AIQ3PVV7.js";
import "./chunks/chunk-TSVP3ZNH.js";

// src/cli.ts
var commands = {
  ensure: { summary: "find the project root, start its daemon if needed, write .mcp.json", load: () => import("./chunks/ensure-GJEIJLG5.js") },
  hook: { summary: "print the shell hook (zsh, bash, fish)", load: () => import("./chunks/hook-SOOUDONS.js") },
  direnv: { summary: "print the use_mcp function for direnv", load: () => import("./chunks/direnv-TMPYX5AE.js") },
  status: { summary: "list running daemons and their servers", load: () => import("./chunks/status-QBTGOVNA.js") },
  stop: { summary: "stop a project's daemon (or --all)", load: () => import("./chunks/stop-HCGPJ6FL.js") },
  restart: { summary: "restart a project's daemon", load: () => import("./chunks/restart-IEUMZUWK.js") },
  port: { summary: "print a project's port", load: () => import("./chunks/port-44SEC6JJ.js") },
  open: { summary: "open the project's daemon page in the browser", load: () => import("./chunks/open-MB445KRR.js") },
  logs: { summary: "show a project's daemon log", load: () => import("./chunks/logs-WPOCWZIO.js") },
  doctor: { summary: "check everything and say how to fix it", load: () => import("./chunks/doctor-TJZ3LZVS.js") },
  trust: { summary: "allow a project's .mcp-auto.json to run its commands", load: () => import("./chunks/trust-MZHZ6MOW.js") },
  untrust: { summary: "revoke trust in a project's .mcp-auto.json", load: () => import("./chunks/untrust-KWEAWBCX.js") },
  adopt: { summary: "serve the stdio servers of .mcp.json from the daemon", load: () => import("./chunks/adopt-J6GLQPDF.js") },
  unadopt: { summary: "restore the entries adopt replaced", load: () => import("./chunks/unadopt-V5R36TLT.js") },
  forget: { summary: "undo everything mcp-auto did for a project (client entries, trust, state)", load: () => import("./chunks/forget-A262MRMR.js") },
  approve: { summary: "let Claude Code use the managed servers without asking", load: () => import("./chunks/approve-MNTCGEFR.js") },
  init: { summary: "write a starter .mcp-auto.json", load: () => import("./chunks/init-DOL2X52Z.js") },
  exec: { summary: "run a command with the project's daemon ready", load: () => import("./chunks/exec-R5EGVFQH.js") },
  "mcp-config": { summary: "print client config JSON for the running daemon", load: () => import("./chunks/mcp-config-KLW6SVMC.js") },
  service: { summary: "install a systemd/launchd service for a daemon", load: () => import("./chunks/service-ZVQMB52I.js") },
  completion: { summary: "print shell completions (zsh, bash, fish)", load: () => import("./chunks/completion-24UKJS4A.js") },
  daemon: { summary: "run the daemon in the foreground", load: () => import("./chunks/daemon-OJOP7TED.js") }
};
var aliases = { deny: "untrust" };
function usage() {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`);
  return [
    "mcp-auto: one MCP daemon per project, started when you cd in",
    "",
    "Usage: mcp-auto <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    'Get started:  eval "$(mcp-auto hook zsh)"   # in ~/.zshrc (or bash, fish)',
    "Every command takes --help."
  ].join("\n");
}
async function main(argv) {
  const [first, ...rest] = argv;
  if (first === void 0 || first === "help" || first === "--help" || first === "-h") {
    if (first === "help" && rest[0]) return main([rest[0], "--help"]);
    console.log(usage());
    return first === void 0 ? 2 : 0;
  }
  if (first === "--version" || first === "-V" || first === "-v" || first === "version") {
    console.log(VERSION);
    return 0;
  }
  const name = aliases[first] ?? first;
  const entry = commands[name];
  if (!entry) throw new UserError(`unknown command '${first}'; run \`mcp-auto --help\` for the list`, 2);
  const command = await entry.load();
  const own = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (own.includes("--help") || own.includes("-h")) {
    console.log(command.help.trim());
    return 0;
  }
  return command.run(rest);
}
main(process.argv.slice(2)).catch(reportError).then((code) => {
  process.exitCode = code;
});
export {
  aliases,
  commands
};
//# sourceMappingURL=mcp-auto.js.map
