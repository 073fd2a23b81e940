import { homedir } from 'node:os';
import { join } from 'node:path';

// The XDG base folders, apart from paths.ts: the fast paths of `exec` and
// `mcp-config` need them without loading node:crypto (rootHash).

function xdg(name: string, fallback: string): string {
  const value = process.env[name];
  return value && value.startsWith('/') ? value : join(homedir(), fallback);
}

/** `$XDG_CONFIG_HOME/mcp-auto` — the user config (written with conf). */
export function configDir(): string {
  return join(xdg('XDG_CONFIG_HOME', '.config'), 'mcp-auto');
}

/** `$XDG_STATE_HOME/mcp-auto` — one folder per daemon, plus trust records. */
export function stateHome(): string {
  return join(xdg('XDG_STATE_HOME', '.local/state'), 'mcp-auto');
}
