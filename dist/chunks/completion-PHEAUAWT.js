#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  shellFile
} from "./chunk-2YUA3SLD.js";
import {
  parse
} from "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import {
  UserError
} from "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

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
//# sourceMappingURL=completion-PHEAUAWT.js.map
