import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { stateHome } from './dirs.ts';

export { configDir, stateHome } from './dirs.ts';

/** A short stable hash of a real root path; names the root's state folder. */
export function rootHash(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}

/** `$XDG_STATE_HOME/mcp-auto/<root-hash>/` — pid, port, log, sessions, memory file. */
export function stateDirFor(root: string): string {
  return join(stateHome(), rootHash(root));
}

/**
 * Left in a root's state dir by a daemon that stopped for idleness (removed by
 * the next one). A shell hook links to it: a builtin `-e` test at each prompt
 * tells it the daemon must come back, with no process spawned.
 */
export const IDLE_STOPPED = 'stopped-idle';
