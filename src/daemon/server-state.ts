// The states of one configured server, defined once: what /health reports,
// what status and doctor print, and what a client meets in each.
//
//   not-started → starting → ready
//                    ↑   ↘      ↓ (crash)
//                    └── starting again, with `restarts` + 1 and lastError
//                        failed (crash loop, or cannot run)      stopped (daemon stopping)
//
// A restart after a crash is `starting` again: clients meet the same thing as
// at a first start (they wait), except that sessions already open are answered
// from the InitializeResult the gateway cached.

export type ServerState = 'not-started' | 'starting' | 'ready' | 'failed' | 'stopped';

export const SERVER_STATES: readonly ServerState[] = ['not-started', 'starting', 'ready', 'failed', 'stopped'];

/** One line for people: what the state means for a client (status, doctor, exec). */
export const STATE_MEANING: Record<ServerState, string> = {
  'not-started': 'starts when the first client session needs it',
  starting: 'clients wait for it',
  ready: 'serving',
  failed: 'clients get an error until `mcp-auto restart`',
  stopped: 'the daemon is stopping',
};

/** A request that arrives in this state waits for the server (it may have to start it). */
export function waitsFor(state: ServerState): boolean {
  return state === 'not-started' || state === 'starting';
}

/** How a server starts: eagerly with the daemon, or lazily with the first client session. */
export type StartMode = 'eager' | 'lazy';

/**
 * Eager only when the definition asks for it and, for a server that analyses or
 * executes project content, only in a root the user marked as theirs: a fresh
 * clone gets nothing that runs its content on `cd` (issue 12, finding 2).
 */
export function startMode(def: { start: StartMode; analyses: boolean }, usersRoot: () => boolean): StartMode {
  return def.start === 'eager' && (!def.analyses || usersRoot()) ? 'eager' : 'lazy';
}
