import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive } from './daemon-state.ts';

/** A lock held longer than this is taken to be left over from a crash. */
const STALE_MS = 30_000;

/**
 * Runs fn holding <dir>/lock, so that racing `ensure`s (two terminals, direnv
 * and the hook) start one daemon. O_EXCL create; a lock whose holder is dead,
 * or that is older than 30 s, is broken.
 */
export async function withLock<T>(dir: string, fn: () => Promise<T>, waitMs = 15_000, name = 'lock'): Promise<T> {
  const file = join(dir, name);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(file)) {
        try { unlinkSync(file); } catch { /* another waiter broke it first */ }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${file} is held by another mcp-auto; remove it if no mcp-auto is running`);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
    } catch { /* gone */ }
  }
}

function isStale(file: string): boolean {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid > 0 && !pidAlive(pid)) return true;
    return Date.now() - statSync(file).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
