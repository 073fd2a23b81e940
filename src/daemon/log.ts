// The daemon owns its log: <state>/daemon.log, rotated by size into daemon.log.1
// … daemon.log.<KEEP>, so that a chatty child (serena logs every tool call at
// INFO) cannot fill the disk. One line per event, with a timestamp; a child's
// lines are marked with the server's name. `mcp-auto logs` reads across the files.
import { safeText } from '../util/terminal.ts';
import { closeSync, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type Logger = (message: string) => void;

export const LOG_FILE = 'daemon.log';
/** Where the daemon's own stderr goes when ensure or a service starts it: only what Node prints when it dies. */
export const STDERR_FILE = 'daemon.stderr';
/** Size of one log file before it rotates (MCP_AUTO_LOG_BYTES overrides it, for tests). */
const MAX_BYTES = 1024 * 1024;
/** Rotated files kept beside daemon.log: at most (KEEP + 1) × MAX_BYTES on disk. */
export const KEEP = 3;

/** daemon.log and its rotations, oldest first (those that exist). */
export function logFiles(stateDir: string): string[] {
  const files: string[] = [];
  for (let i = KEEP; i >= 1; i--) files.push(join(stateDir, `${LOG_FILE}.${i}`));
  files.push(join(stateDir, LOG_FILE));
  return files.filter((f) => { try { return statSync(f).isFile(); } catch { return false; } });
}

/** A size-capped log file the daemon writes itself (synchronously: nothing is lost when it dies). */
export class RotatingLog {
  private fd: number | undefined;
  private size = 0;
  private readonly path: string;

  constructor(private readonly stateDir: string, private readonly maxBytes = Number(process.env.MCP_AUTO_LOG_BYTES) || MAX_BYTES) {
    this.path = join(stateDir, LOG_FILE);
  }

  write(line: string): void {
    try {
      if (this.fd === undefined) this.open();
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      this.size += writeSync(this.fd!, line);
    } catch {
      // A full disk or a removed state dir must not take the daemon down.
      this.close();
    }
  }

  close(): void {
    if (this.fd !== undefined) try { closeSync(this.fd); } catch { /* already closed */ }
    this.fd = undefined;
  }

  private open(): void {
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    rmSync(join(this.stateDir, `${LOG_FILE}.${KEEP}`), { force: true });
    for (let i = KEEP - 1; i >= 1; i--) {
      try { renameSync(join(this.stateDir, `${LOG_FILE}.${i}`), join(this.stateDir, `${LOG_FILE}.${i + 1}`)); } catch { /* not there yet */ }
    }
    renameSync(this.path, join(this.stateDir, `${LOG_FILE}.1`));
    this.open();
  }
}

/**
 * Logs to the state dir's rotating file; also to stderr when that is a
 * terminal or a pipe (a daemon run by hand, a test), never when it is a file
 * (ensure and the services point it at daemon.stderr, which must stay small).
 */
export function makeLogger(file?: RotatingLog, echo = stderrIsWatched(), tap?: (line: string) => void): Logger {
  return (message) => {
    // A child's stderr line or a path may hold control characters: one escaped line each.
    const line = `${new Date().toISOString()} ${safeText(message)}\n`;
    file?.write(line);
    tap?.(line);
    if (echo || !file) process.stderr.write(line);
  };
}

function stderrIsWatched(): boolean {
  try {
    return !fstatSync(2).isFile();
  } catch {
    return false;
  }
}

/**
 * The daemon's latest log lines, kept in memory for the page (a few dozen KB),
 * with listeners that follow new ones while a page is open.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  constructor(private readonly keep = 200) {}

  push(line: string): void {
    const text = line.replace(/\n$/, '');
    this.lines.push(text);
    if (this.lines.length > this.keep) this.lines.shift();
    for (const listener of this.listeners) listener(text);
  }

  snapshot(): string[] {
    return [...this.lines];
  }

  /** Calls fn with each new line; returns the function that stops it. */
  follow(fn: (line: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
