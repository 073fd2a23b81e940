import { readFileSync, renameSync, unlinkSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from '../daemon/log.ts';
import type { ClientHello } from './session.ts';

interface Stored { server: string; hello: ClientHello; savedAt: number }

/** Sessions kept at most; the one idle longest goes first. */
export const MAX_SESSIONS = 1_000;
/** What one stored session may take (its `initialize`, trimmed to what the router needs). */
export const MAX_SESSION_BYTES = 8 * 1024;
/** A capability's own settings are kept only when this small (the router only asks whether it is there). */
const MAX_CAPABILITY_BYTES = 512;
const MAX_CAPABILITIES = 16;

/**
 * The part of a client's `initialize` worth keeping: the router routes on the
 * presence of each top-level capability, so a big one (up to 4 MB was seen)
 * keeps only its name. At most MAX_SESSION_BYTES whatever the client sent.
 */
export function trimHello(hello: ClientHello): ClientHello {
  const capabilities: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(hello.capabilities ?? {}).slice(0, MAX_CAPABILITIES)) {
    const name = key.slice(0, 64);
    const size = JSON.stringify(value ?? {}).length;
    capabilities[name] = size <= MAX_CAPABILITY_BYTES ? value : {};
  }
  const info = hello.clientInfo;
  const trimmed: ClientHello = {
    protocolVersion: String(hello.protocolVersion).slice(0, 32),
    capabilities,
    ...(info ? { clientInfo: { ...(typeof info.name === 'string' ? { name: info.name.slice(0, 128) } : {}), ...(typeof info.version === 'string' ? { version: info.version.slice(0, 64) } : {}) } } : {}),
  };
  if (JSON.stringify(trimmed).length > MAX_SESSION_BYTES) trimmed.capabilities = Object.fromEntries(Object.keys(capabilities).map((k) => [k, {}]));
  return trimmed;
}

/**
 * Keeps each Streamable HTTP session's id and its client's `initialize` on disk
 * (<state>/sessions.json, 0600), so that after a daemon restart a client that
 * still holds its Mcp-Session-Id carries on without initializing again —
 * Claude Code does not reconnect on its own. Bounded (MAX_SESSIONS of at most
 * MAX_SESSION_BYTES each) and written off the request path: one asynchronous
 * atomic write at a time, the next one coalescing whatever changed meanwhile.
 * A failing disk is logged and the daemon keeps serving from memory.
 */
export class SessionStore {
  /** In order of last use: the first is the one idle longest. */
  private sessions = new Map<string, Stored>();
  private writing = false;
  private dirty = false;
  private failing = false;
  /** Bumped by each synchronous flush: an asynchronous write begun before it must not land after it. */
  private flushes = 0;

  constructor(private readonly file: string, private readonly log: Logger) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stored>;
      const valid = Object.entries(data)
        .filter(([, stored]) => stored && typeof stored.server === 'string' && stored.hello && typeof stored.hello.protocolVersion === 'string')
        .sort(([, a], [, b]) => (a.savedAt ?? 0) - (b.savedAt ?? 0))
        .slice(-MAX_SESSIONS);
      for (const [id, stored] of valid) this.sessions.set(id, { ...stored, hello: trimHello(stored.hello) });
    } catch {
      // none yet, or unreadable: start empty
    }
  }

  get size(): number {
    return this.sessions.size;
  }

  load(server: string, id: string): ClientHello | undefined {
    const stored = this.sessions.get(id);
    if (stored?.server !== server) return undefined;
    // Used again: last in line to be dropped (memory only; the order on disk is savedAt's).
    this.sessions.delete(id);
    this.sessions.set(id, stored);
    return stored.hello;
  }

  save(server: string, id: string, hello: ClientHello): void {
    this.sessions.delete(id);
    this.sessions.set(id, { server, hello: trimHello(hello), savedAt: Date.now() });
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    this.schedule();
  }

  remove(id: string): void {
    if (this.sessions.delete(id)) this.schedule();
  }

  /** Drops every session of a server that no longer exists. */
  removeServer(server: string): void {
    for (const [id, stored] of this.sessions) if (stored.server === server) this.sessions.delete(id);
    this.schedule();
  }

  /** Synchronous write, for the daemon's last act before it exits. */
  flush(): void {
    this.dirty = false;
    this.flushes++;
    const tmp = this.tempName();
    try {
      writeFileSync(tmp, this.serialize(), { mode: 0o600 });
      const fd = openSync(tmp, 'r');
      try { fsyncSync(fd); } finally { closeSync(fd); }
      renameSync(tmp, this.file);
      this.saved();
    } catch (error) {
      try { unlinkSync(tmp); } catch { /* never made */ }
      this.failed(error);
    }
  }

  /** A write soon, off the request path (the next turn of the event loop). */
  private schedule(): void {
    this.dirty = true;
    if (!this.writing) setImmediate(() => void this.writeAsync());
  }

  private async writeAsync(): Promise<void> {
    if (this.writing || !this.dirty) return;
    this.writing = true;
    this.dirty = false;
    const flushes = this.flushes;
    const tmp = this.tempName();
    try {
      const handle = await open(tmp, 'wx', 0o600);
      try {
        await handle.writeFile(this.serialize());
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (flushes === this.flushes) {
        await rename(tmp, this.file);
        this.saved();
      } else {
        await unlink(tmp);
      }
    } catch (error) {
      await unlink(tmp).catch(() => { /* never made */ });
      this.failed(error);
    } finally {
      this.writing = false;
      if (this.dirty) setImmediate(() => void this.writeAsync());
    }
  }

  private serialize(): string {
    return JSON.stringify(Object.fromEntries(this.sessions));
  }

  private tempName(): string {
    return join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  }

  private saved(): void {
    if (this.failing) this.log('sessions: saving works again');
    this.failing = false;
  }

  private failed(error: unknown): void {
    if (!this.failing) this.log(`sessions: cannot save ${this.file}: ${errorMessage(error)}; sessions will not survive a restart`);
    this.failing = true;
  }
}
