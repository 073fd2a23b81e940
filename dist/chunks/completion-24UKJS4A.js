#!/usr/bin/env node
import {
  shellFile
} from "./chunk-S2GM2MK2.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/completion.ts
var help = `
Usage: mcp-auto completion zsh|bash|fish

Prints the shell completion for mcp-auto: its commands, their flags, and
directories, shells or actions where a command takes one.

Examples:
  source <(mcp-auto completion zsh)       # in ~/.zshrc, after compinit
  source <(mcp-auto completion bash)      # in ~/.bashrc
  mcp-auto completion fish > ~/.config/fish/completions/mcp-auto.fish
`;
var shells = ["zsh", "bash", "fish"];
async function run(argv) {
  const { positionals } = parse("completion", argv, {});
  const shell = positionals[0];
  if (positionals.length !== 1 || !shells.includes(shell)) {
    throw new UserError("completion: name one shell, zsh, bash or fish; e.g. source <(mcp-auto completion zsh)", 2);
  }
  process.stdout.write(shellFile(`completions/mcp-auto.${shell}`));
  return 0;
}
export {
  help,
  run
};
//# sourceMappingURL=completion-24UKJS4A.js.map
