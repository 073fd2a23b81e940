#!/usr/bin/env node
import {
  parse
} from "./chunk-3QUSHYHU.js";
import {
  defaultSettings,
  readConfigFile,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";

// src/commands/hook.ts
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
var help = `
Usage: mcp-auto hook zsh|bash|fish

Prints the shell hook that starts a project's daemon when you cd into it.
Inside the project it handled last it runs no process at all; on a new
project it runs \`mcp-auto ensure\` in the background, so the prompt never
waits. MCP_AUTO_DISABLE=1 turns it off for a shell.

Examples:
  eval "$(mcp-auto hook zsh)"      # in ~/.zshrc
  eval "$(mcp-auto hook bash)"     # at the end of ~/.bashrc (after PROMPT_COMMAND is set)
  mcp-auto hook fish | source      # in ~/.config/fish/config.fish
`;
var shells = ["zsh", "bash", "fish"];
function shellFile(name) {
  for (const up of ["../shell/", "../../shell/"]) {
    const file = join(fileURLToPath(new URL(up, import.meta.url)), name);
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  throw new Error(`shell/${name} is missing from the mcp-auto package; reinstall it`);
}
var shQuote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
var fishQuote = (s) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
function userMarkers() {
  try {
    return readConfigFile(userConfigPath())?.markers ?? defaultSettings.markers;
  } catch (error) {
    console.error(`mcp-auto: ${errorMessage(error)}; the hook uses the default markers`);
    return defaultSettings.markers;
  }
}
function hookScript(shell, markers = userMarkers()) {
  const line = shell === "fish" ? `set -g __mcp_auto_markers ${markers.map(fishQuote).join(" ")}` : `_mcp_auto_markers=(${markers.map(shQuote).join(" ")})`;
  return `${line}
${shellFile(`mcp-auto.${shell}`)}`;
}
async function run(argv) {
  const { positionals } = parse("hook", argv, {});
  const shell = positionals[0];
  if (positionals.length !== 1 || !shells.includes(shell)) {
    throw new UserError(`hook: name one shell, zsh, bash or fish; e.g. eval "$(mcp-auto hook zsh)"`, 2);
  }
  process.stdout.write(hookScript(shell));
  return 0;
}

export {
  help,
  shellFile,
  hookScript,
  run
};
//# sourceMappingURL=chunk-S2GM2MK2.js.map
