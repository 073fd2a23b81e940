import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { MAX_PROJECT_FILE, within } from '../util/safe-path.ts';
import { stateHome } from './paths.ts';

// Trust works like `direnv allow`: a record named by the hash of the file's path
// and content. Any edit changes the hash, so an edited file is untrusted again.
// The bytes that were hashed are the bytes that get parsed (readProjectFile):
// reading the file twice would let a writer swap it in between.

function trustDir(): string {
  return join(stateHome(), 'trust');
}

function digest(file: string, content: Buffer): string {
  return createHash('sha256').update(file).update('\0').update(content).digest('hex');
}

/** 'unsafe': the file exists but may not be used at all (see readProjectFile). */
export type TrustState = 'trusted' | 'untrusted' | 'missing' | 'unsafe';

export interface ProjectFile {
  state: TrustState;
  /** The exact bytes that were hashed (absent when missing or unsafe). */
  text?: string;
  bytes?: Buffer;
  /** Why an unsafe file is refused, in one line. */
  problem?: string;
}

/**
 * Reads a project's .mcp-auto.json once, from one open file: refused when it is
 * a symlink out of the project, not a regular file, too large, owned by another
 * user, or writable by other users (world-writable, or group-writable by a
 * group that is not the user's own) — anyone who can edit it could swap the
 * servers of a trusted file.
 */
export function readProjectFile(file: string): ProjectFile {
  let real = file;
  try {
    if (lstatSync(file).isSymbolicLink()) {
      real = realpathSync(file);
      const root = realpathSync(dirname(file));
      if (!within(root, real)) return { state: 'unsafe', problem: `${file} is a symlink out of the project (to ${real}); not used` };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unsafe', problem: `${file}: ${(error as Error).message}` };
  }
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unsafe', problem: `${file}: ${(error as Error).message}` };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { state: 'unsafe', problem: `${file} is not a regular file; not used` };
    if (info.size > MAX_PROJECT_FILE) return { state: 'unsafe', problem: `${file} is larger than ${MAX_PROJECT_FILE >> 20} MB; not used` };
    const uid = process.geteuid?.();
    if (uid !== undefined && info.uid !== uid) return { state: 'unsafe', problem: `${file} belongs to another user (uid ${info.uid}); not used` };
    if ((info.mode & 0o002) || ((info.mode & 0o020) && info.gid !== process.getegid?.())) {
      return { state: 'unsafe', problem: `${file} is writable by other users; run \`chmod go-w ${file}\`, then \`mcp-auto trust\`` };
    }
    const bytes = Buffer.alloc(info.size);
    let length = 0;
    while (length < bytes.length) {
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    const content = bytes.subarray(0, length);
    const state = existsSync(join(trustDir(), digest(file, content))) ? 'trusted' : 'untrusted';
    return { state, text: content.toString('utf8'), bytes: content };
  } finally {
    closeSync(fd);
  }
}

export function trustState(file: string): TrustState {
  return readProjectFile(file).state;
}

/** Trusts the file as it is now; earlier records for the same path are dropped. */
export function trust(file: string): void {
  const read = readProjectFile(file);
  if (read.state === 'missing') throw new Error(`${file} does not exist`);
  if (read.state === 'unsafe') throw new Error(read.problem);
  untrust(file);
  mkdirSync(trustDir(), { recursive: true, mode: 0o700 });
  writeFileAtomic(join(trustDir(), digest(file, read.bytes!)), `${file}\n`, 0o600);
}

/** Removes every trust record for this path, whatever content it was for. */
export function untrust(file: string): boolean {
  let removed = false;
  let names: string[] = [];
  try { names = readdirSync(trustDir()); } catch { return false; }
  for (const name of names) {
    const record = join(trustDir(), name);
    let text: string | undefined;
    try { text = readFileSync(record, 'utf8'); } catch { text = undefined; }
    if (text === `${file}\n`) {
      unlinkSync(record);
      removed = true;
    }
  }
  return removed;
}
