// Client config adapters: one table, one entry per client. To support another
// client, write a small module describing where its project file lives and
// what one server entry looks like, and add it to `adapters` below; the merge
// rules (only managed entries, atomic, malformed files refused untouched,
// ownership records) are shared by all of them in merge.ts.
import type { ClientAdapter } from './adapter.ts';
import { claude } from './claude.ts';
import { codex } from './codex.ts';
import { cursor } from './cursor.ts';
import { amazonq, continueDev, roo, zed } from './docs-clients.ts';
import { gemini } from './gemini.ts';
import { kilo, opencode } from './opencode.ts';
import { qwen } from './qwen.ts';
import { vscode } from './vscode.ts';

export type { ClientAdapter, ManagedEntry } from './adapter.ts';
export { syncClients, syncClientsLocked, withClientFiles, claimOwnership, forgetOwnership, ownedFiles, type SyncResult } from './merge.ts';

export const adapters: Record<string, ClientAdapter> = {
  claude,
  cursor,
  vscode,
  gemini,
  codex,
  qwen,
  opencode,
  kilo,
  roo,
  zed,
  amazonq,
  continue: continueDev,
};
