import { parse } from '../util/args.ts';
import { UserError } from '../util/errors.ts';
import { shellFile } from './hook.ts';

export const help = `
Usage: mcp-auto completion zsh|bash|fish

Prints the shell completion for mcp-auto: its commands, their flags, and
directories, shells or actions where a command takes one.

Examples:
  source <(mcp-auto completion zsh)       # in ~/.zshrc, after compinit
  source <(mcp-auto completion bash)      # in ~/.bashrc
  mcp-auto completion fish > ~/.config/fish/completions/mcp-auto.fish
`;

const shells = ['zsh', 'bash', 'fish'];

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('completion', argv, {});
  const shell = positionals[0];
  if (positionals.length !== 1 || !shells.includes(shell!)) {
    throw new UserError('completion: name one shell, zsh, bash or fish; e.g. source <(mcp-auto completion zsh)', 2);
  }
  process.stdout.write(shellFile(`completions/mcp-auto.${shell}`));
  return 0;
}
