import { readFileSync, realpathSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gitTracked } from '../util/git-index.ts';
import { isPlainFileAt } from '../util/safe-path.ts';
import { readStateRecord, writeStateRecord } from '../util/state-record.ts';
import type { ClientAdapter } from './adapter.ts';

// The client files mcp-auto created (and the folders it made for them), kept
// in <state>/created.json, so that `forget` can take a file away again once
// nothing but the empty skeleton mcp-auto wrote is left in it. Without this
// an emptied .cursor/mcp.json stayed behind, and with its exclude line gone
// it showed up in `git status`.

/** Per client file (relative to the root): the first folder mcp-auto made for it, if any. */
type Created = Record<string, { dir?: string }>;

const recordFile = (stateDir: string) => join(stateDir, 'created.json');

function readCreated(stateDir: string): Created {
  return (readStateRecord(recordFile(stateDir)) ?? {}) as Created;
}

/** Notes that mcp-auto created `file` (and `dir`, the first folder it made on the way; absolute, inside the root). */
export function recordCreated(root: string, stateDir: string, file: string, dir: string | undefined): void {
  const created = readCreated(stateDir);
  const folder = dir ? relative(realpathSync(root), dir).split(sep).join('/') : undefined;
  Object.defineProperty(created, file, { value: folder ? { dir: folder } : {}, enumerable: true, writable: true, configurable: true });
  writeStateRecord(recordFile(stateDir), created);
}

/** Nothing in it but what mcp-auto writes for no entries (its container, empty), whitespace aside. */
function onlySkeleton(text: string, skeleton: string): boolean {
  const bare = text.replace(/^\uFEFF/, '').replace(/\s+/g, '');
  return bare === '' || bare === '{}' || bare === skeleton.replace(/\s+/g, '');
}

/**
 * Removes each client file mcp-auto created that holds nothing else now,
 * then the folders it made for it, as long as they are empty. A file git
 * tracks is the user's and stays; so does anything that is not exactly the
 * empty skeleton (a comment, a key of the user's). Returns the paths removed,
 * relative to the root.
 */
export async function removeEmptyCreated(root: string, stateDir: string, adapters: ClientAdapter[], skeleton: (adapter: ClientAdapter) => Promise<string>): Promise<string[]> {
  const removed: string[] = [];
  const created = readCreated(stateDir);
  let realRoot: string;
  try { realRoot = realpathSync(root); } catch { return removed; }
  for (const adapter of adapters) {
    if (!Object.hasOwn(created, adapter.file)) continue;
    // A plain file where mcp-auto made it: one that became a link (or a link on the way) is the user's.
    if (!isPlainFileAt(realRoot, adapter.file)) continue;
    const file = join(realRoot, adapter.file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // gone in between
    }
    if (!onlySkeleton(text, await skeleton(adapter)) || gitTracked(root, adapter.file) === true) continue;
    try {
      unlinkSync(file);
    } catch {
      continue;
    }
    removed.push(adapter.file);
    const dir = created[adapter.file]?.dir;
    if (!dir) continue;
    // Up from the file's folder to the first one mcp-auto made; rmdir leaves any that is not empty.
    const stop = join(realRoot, dir);
    for (let folder = dirname(file); folder === stop || folder.startsWith(`${stop}/`); folder = dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break;
      }
      removed.push(`${relative(realRoot, folder)}/`);
    }
  }
  return removed;
}
