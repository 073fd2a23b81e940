import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { stateHome } from './paths.ts';

// Trust works like `direnv allow`: a record named by the hash of the file's path
// and content. Any edit changes the hash, so an edited file is untrusted again.

function trustDir(): string {
  return join(stateHome(), 'trust');
}

function digest(file: string, content: Buffer): string {
  return createHash('sha256').update(file).update('\0').update(content).digest('hex');
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

export type TrustState = 'trusted' | 'untrusted' | 'missing';

export function trustState(file: string): TrustState {
  const content = readOrUndefined(file);
  if (content === undefined) return 'missing';
  return existsSync(join(trustDir(), digest(file, content))) ? 'trusted' : 'untrusted';
}

/** Trusts the file as it is now; earlier records for the same path are dropped. */
export function trust(file: string): void {
  const content = readOrUndefined(file);
  if (content === undefined) throw new Error(`${file} does not exist`);
  untrust(file);
  mkdirSync(trustDir(), { recursive: true, mode: 0o700 });
  writeFileAtomic(join(trustDir(), digest(file, content)), `${file}\n`, 0o600);
}

/** Removes every trust record for this path, whatever content it was for. */
export function untrust(file: string): boolean {
  let removed = false;
  let names: string[] = [];
  try { names = readdirSync(trustDir()); } catch { return false; }
  for (const name of names) {
    const record = join(trustDir(), name);
    if (readOrUndefined(record)?.toString('utf8') === `${file}\n`) {
      unlinkSync(record);
      removed = true;
    }
  }
  return removed;
}
