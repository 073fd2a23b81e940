import { parse } from '../util/args.ts';
import { shellFile } from './hook.ts';

export const help = `
Usage: mcp-auto direnv

Prints the use_mcp function for direnv. Save it in direnv's lib folder once;
then a \`use mcp\` line in a project's .envrc starts the daemon for that
.envrc's directory and exports MCP_AUTO_PORT and MCP_AUTO_URL.

Example:
  mcp-auto direnv > ~/.config/direnv/lib/use_mcp.sh
  echo 'use mcp' >> .envrc && direnv allow
`;

export async function run(argv: string[]): Promise<number> {
  parse('direnv', argv, {}, false);
  // use_mcp's stamp check is shared with the installed command (shell/stamp.bash): one file for direnv's lib.
  process.stdout.write(`${shellFile('use_mcp.sh')}\n${shellFile('stamp.bash').replace(/^# shellcheck shell=bash\n/, '')}`);
  return 0;
}
