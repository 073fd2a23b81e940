import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../util/args.ts';
import { defaultSettings, readConfigFile, userConfigPath } from '../config/config.ts';
import { UserError, errorMessage } from '../util/errors.ts';

export const help = `
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

const shells = ['zsh', 'bash', 'fish'] as const;
type Shell = (typeof shells)[number];

/**
 * The package's shell/ folder, read at run time: it sits next to dist/ and src/,
 * so it is ../shell from dist/mcp-auto.js and ../../shell from a code-split
 * chunk in dist/chunks/ or from src/commands/ under tsx.
 */
export function shellFile(name: string): string {
  for (const up of ['../shell/', '../../shell/']) {
    const file = join(fileURLToPath(new URL(up, import.meta.url)), name);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`shell/${name} is missing from the mcp-auto package; reinstall it`);
}

const shQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const fishQuote = (s: string) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The user's root markers, so the hook finds the root without asking a process. */
function userMarkers(): string[] {
  try {
    return readConfigFile(userConfigPath())?.markers ?? defaultSettings.markers;
  } catch (error) {
    // A broken config should not cost the user their hook: warn and use the defaults.
    console.error(`mcp-auto: ${errorMessage(error)}; the hook uses the default markers`);
    return defaultSettings.markers;
  }
}

export function hookScript(shell: Shell, markers = userMarkers()): string {
  const line = shell === 'fish'
    ? `set -g __mcp_auto_markers ${markers.map(fishQuote).join(' ')}`
    : `_mcp_auto_markers=(${markers.map(shQuote).join(' ')})`;
  return `${line}\n${shellFile(`mcp-auto.${shell}`)}`;
}

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('hook', argv, {});
  const shell = positionals[0];
  if (positionals.length !== 1 || !shells.includes(shell as Shell)) {
    throw new UserError(`hook: name one shell, zsh, bash or fish; e.g. eval "$(mcp-auto hook zsh)"`, 2);
  }
  process.stdout.write(hookScript(shell as Shell));
  return 0;
}
