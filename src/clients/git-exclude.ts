// A client file mcp-auto creates (.mcp.json holds a port of this machine) is
// kept out of `git status` through the repository's own .git/info/exclude: no
// .gitignore edit to commit, and no git process (the hook's path stays fast).
// Only where the layout is plain: .git a real directory at the root (not a
// worktree's or submodule's .git file, not a link), info/ not a link, the
// exclude file a regular file. A hostile clone can make none of these point
// outside the repository. Each line we add sits under a comment line of ours,
// so taking it out again never removes a line the user wrote.
import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';

export const EXCLUDE_COMMENT = '# added by mcp-auto (it created this file; `mcp-auto unadopt` or `forget` take it out)';

/** The exclude file of a repository whose .git is a plain directory at `root`, or undefined. */
function excludeFile(root: string, create: boolean): string | undefined {
  const git = join(root, '.git');
  const info = join(git, 'info');
  const file = join(info, 'exclude');
  try {
    if (!lstatSync(git).isDirectory()) return undefined;
    const infoStat = lstatSync(info, { throwIfNoEntry: false });
    if (!infoStat) {
      if (!create) return undefined;
      mkdirSync(info, { mode: 0o755 });
    } else if (!infoStat.isDirectory()) {
      return undefined;
    }
    const fileStat = lstatSync(file, { throwIfNoEntry: false });
    if (fileStat && !fileStat.isFile()) return undefined;
    if (!fileStat && !create) return undefined;
    return file;
  } catch {
    return undefined;
  }
}

/** `.cursor/mcp.json` → `/.cursor/mcp.json`: anchored, so it excludes that one file only. */
const patternFor = (relative: string) => `/${relative.split('\\').join('/').replace(/^\/+/, '')}`;

function splitLines(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return { lines, eol };
}

/**
 * Adds `relative` (a path under the root, as the adapter names it) to the
 * repository's .git/info/exclude. Call it only for a file mcp-auto has just
 * created: an existing file may be tracked, and its status is the user's.
 * Returns true when a line was added; never throws (a repository we cannot
 * write to is left as it is).
 */
export function addGitExclude(root: string, relative: string): boolean {
  const file = excludeFile(root, true);
  if (!file) return false;
  try {
    const text = lstatSync(file, { throwIfNoEntry: false }) ? readFileSync(file, 'utf8') : '';
    const { lines, eol } = splitLines(text);
    const pattern = patternFor(relative);
    if (lines.some((l) => l.trim() === pattern)) return false;
    writeFileAtomic(file, [...lines, EXCLUDE_COMMENT, pattern].join(eol) + eol);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes out the line addGitExclude added for `relative` (with its comment);
 * a line the user wrote is left. Returns true when a line was removed.
 */
export function removeGitExclude(root: string, relative: string): boolean {
  const file = excludeFile(root, false);
  if (!file) return false;
  try {
    const { lines, eol } = splitLines(readFileSync(file, 'utf8'));
    const pattern = patternFor(relative);
    const kept: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === EXCLUDE_COMMENT && lines[i + 1]?.trim() === pattern) {
        i++;
        continue;
      }
      kept.push(lines[i]!);
    }
    if (kept.length === lines.length) return false;
    writeFileAtomic(file, kept.length ? kept.join(eol) + eol : '');
    return true;
  } catch {
    return false;
  }
}
