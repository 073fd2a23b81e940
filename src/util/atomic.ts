import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Writes a file so that readers see either the old or the new content, never a
 * half-written one: write a temporary sibling, fsync, rename over. The mode of an
 * existing file is kept unless one is given.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, mode?: number): void {
  // A link (say into a dotfiles repo) stays a link: the file it points at is written.
  const path = isSymlink(target) ? realpathSync(target) : target;
  let keepMode = mode;
  if (keepMode === undefined) {
    try {
      keepMode = statSync(path).mode & 0o777;
    } catch {
      keepMode = 0o644;
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(tmp, 'wx', keepMode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (error) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw error;
  }
}

function isSymlink(path: string): boolean {
  try { return lstatSync(path).isSymbolicLink(); } catch { return false; }
}
