import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic.ts';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../daemon/log.ts';
import type { ClientHello } from './session.ts';

interface Stored { server: string; hello: ClientHello; savedAt: number }

/** Sessions kept on disk at most; the oldest go first. */
const MAX_SESSIONS = 5_000;
const FLUSH_DELAY_MS = 100;

/**
 * Keeps each Streamable HTTP session's id and its client's `initialize` on disk
 * (<state>/sessions.json, 0600), so that after a daemon restart a client that
 * still holds its Mcp-Session-Id carries on without initializing again —
 * Claude Code does not reconnect on its own. Writes are batched and atomic; a
 * failing disk is logged and the daemon keeps serving from memory.
 */
export class SessionStore {
  private sessions = new Map<string, Stored>();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  constructor(private readonly file: string, private readonly log: Logger) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stored>;
      for (const [id, stored] of Object.entries(data)) {
        if (stored && typeof stored.server === 'string' && stored.hello && typeof stored.hello.protocolVersion === 'string') {
          this.sessions.set(id, stored);
        }
      }
    } catch {
      // none yet, or unreadable: start empty
    }
  }

  load(server: string, id: string): ClientHello | undefined {
    const stored = this.sessions.get(id);
    return stored?.server === server ? stored.hello : undefined;
  }

  save(server: string, id: string, hello: ClientHello): void {
    this.sessions.set(id, { server, hello, savedAt: Date.now() });
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    // Written at once, not batched: a session is created rarely, and one made
    // just before a kill -9 must still come back.
    this.flush();
  }

  remove(id: string): void {
    if (this.sessions.delete(id)) this.schedule();
  }

  /** Drops every session of a server that no longer exists. */
  removeServer(server: string): void {
    for (const [id, stored] of this.sessions) if (stored.server === server) this.sessions.delete(id);
    this.schedule();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.sessions)), 0o600);
      if (this.failing) this.log('sessions: saving works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.log(`sessions: cannot save ${this.file}: ${errorMessage(error)}; sessions will not survive a restart`);
      this.failing = true;
    }
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }
}
