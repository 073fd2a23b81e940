import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { rootHash, stateHome } from './paths.ts';

// Roots the user marked as theirs: their own code, where servers that analyse or
// execute project content may start before a client asks. Everything else (a
// fresh clone, an unpacked archive) gets nothing started on `cd` and no git run.
// Marked by a glob in the user config's `trustedRoots` (never a project's), or
// one root at a time by a record in the state dir.

function recordsDir(): string {
  return join(stateHome(), 'roots');
}

/** `~/code/*` style globs: `*` within one path segment, `**` across segments. */
export function globMatches(pattern: string, path: string): boolean {
  const expanded = pattern === '~' || pattern.startsWith('~/') ? join(homedir(), pattern.slice(1)) : pattern;
  const trimmed = expanded.length > 1 ? expanded.replace(/\/+$/, '') : expanded;
  let source = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '*' && trimmed[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(path);
}

/** True when the user marked this root (a real path) as theirs. */
export function isUsersRoot(root: string, trustedRoots: string[]): boolean {
  if (trustedRoots.some((pattern) => globMatches(pattern, root))) return true;
  try {
    return readFileSync(join(recordsDir(), rootHash(root)), 'utf8') === `${root}\n`;
  } catch {
    return false;
  }
}

/** Marks one root as the user's. */
export function markRoot(root: string): void {
  mkdirSync(recordsDir(), { recursive: true, mode: 0o700 });
  writeFileAtomic(join(recordsDir(), rootHash(root)), `${root}\n`, 0o600);
}

/** Takes one root's mark away; true when there was one. */
export function unmarkRoot(root: string): boolean {
  const file = join(recordsDir(), rootHash(root));
  try {
    if (readFileSync(file, 'utf8') !== `${root}\n`) return false;
  } catch {
    return false;
  }
  rmSync(file, { force: true });
  return true;
}
