import { lstatSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { readRegular } from './safe-path.ts';

// Is a file tracked by git? Read from .git/index, never by running git: a
// clone's (or an unpacked archive's) .git/config can name a core.fsmonitor or
// hook command that any git command would run.

const MAX_INDEX = 256 << 20;

/** The paths an index file lists (versions 2, 3 and 4). Throws on a file it cannot read as one. */
export function indexPaths(buf: Buffer): string[] {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not a git index');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`git index version ${version} is not supported`);
  const count = buf.readUInt32BE(8);
  const paths: string[] = [];
  let previous: Buffer = Buffer.alloc(0);
  let off = 12;
  for (let i = 0; i < count; i++) {
    const start = off;
    // ctime, mtime, dev, ino, mode, uid, gid, size (40 bytes), object id (20), flags (2).
    const flags = buf.readUInt16BE(start + 60);
    off = start + 62;
    if (version >= 3 && flags & 0x4000) off += 2;
    let name: Buffer;
    if (version === 4) {
      // The path is the previous one less N bytes, plus a NUL-terminated suffix.
      let c = buf[off++]!;
      let strip = c & 127;
      while (c & 128) {
        c = buf[off++]!;
        strip = ((strip + 1) << 7) | (c & 127);
      }
      const end = buf.indexOf(0, off);
      if (end < 0 || strip > previous.length) throw new Error('git index entry is cut short');
      name = Buffer.concat([previous.subarray(0, previous.length - strip), buf.subarray(off, end)]);
      off = end + 1;
    } else {
      const end = buf.indexOf(0, off);
      if (end < 0) throw new Error('git index entry is cut short');
      name = buf.subarray(off, end);
      // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
      off = start + ((end - start + 8) & ~7);
    }
    if (off > buf.length) throw new Error('git index entry is cut short');
    previous = name;
    paths.push(name.toString('utf8'));
  }
  return paths;
}

/** The index file of the repository at root (a .git folder, or a .git file naming a worktree's gitdir). */
function indexFile(root: string): string | undefined {
  const dotGit = join(root, '.git');
  try {
    if (lstatSync(dotGit).isDirectory()) return join(dotGit, 'index');
    const text = readRegular(dotGit, 64 << 10).toString('utf8');
    const gitdir = /^gitdir: (.+)$/m.exec(text)?.[1]?.trim();
    if (!gitdir) return undefined;
    return join(isAbsolute(gitdir) ? gitdir : resolve(root, gitdir), 'index');
  } catch {
    return undefined;
  }
}

/** True when git tracks `file` (relative to root); undefined when there is no index to read. */
export function gitTracked(root: string, file: string): boolean | undefined {
  const index = indexFile(root);
  if (!index) return undefined;
  try {
    return indexPaths(readRegular(index, MAX_INDEX)).includes(file);
  } catch {
    return undefined;
  }
}
