import { realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findUpSync } from 'find-up';
import { PROJECT_CONFIG } from '../config/config.ts';

export interface ProjectRoot {
  /** The real path of the root. */
  root: string;
  /** The marker that made it the root, for `doctor` to show why. */
  marker: string;
}

/**
 * The nearest ancestor of `start` holding one of the markers. $HOME and / are
 * never a root by accident (a stray ~/.git is common): only an explicit
 * .mcp-auto.json there makes them one. As git's safe.directory: a folder or
 * marker owned by another user is not a root (a .git planted in a shared
 * /tmp-like folder), the walk goes on above it.
 */
export function findRoot(start: string, markers: string[]): ProjectRoot | undefined {
  let cwd: string;
  try {
    cwd = realpathSync(start);
  } catch {
    return undefined;
  }
  const home = safeRealpath(homedir());
  let marker = '';
  const root = findUpSync((dir) => {
    const candidates = dir === home || dir === '/' ? [PROJECT_CONFIG] : markers;
    const hit = candidates.find((m) => ownMarker(dir, m));
    if (!hit) return undefined;
    marker = hit;
    return dir;
  }, { cwd, type: 'directory' });
  return root ? { root, marker } : undefined;
}

const uid = process.geteuid?.();

/** The marker exists, and it and its folder belong to this user. */
function ownMarker(dir: string, marker: string): boolean {
  try {
    const owner = statSync(join(dir, marker)).uid;
    return uid === undefined || (owner === uid && statSync(dir).uid === uid);
  } catch {
    return false;
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
