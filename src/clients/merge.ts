import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { withLock } from '../ensure/lock.ts';
import { errorMessage, oneLine } from '../util/errors.ts';
import { isJsonObject, readUtf8 } from '../util/json-file.ts';
import { pathInside } from '../util/safe-path.ts';
import { readStateRecord, writeStateRecord } from '../util/state-record.ts';
import { spliceJson, styleOf, type JsonEdit, type Style } from '../util/json-edit.ts';
import type { ClientAdapter, ManagedEntry } from './adapter.ts';
import { recordCreated } from './created.ts';
import { addGitExclude } from './git-exclude.ts';

export interface SyncResult {
  client: string;
  file: string;
  status: 'written' | 'unchanged' | 'refused' | 'skipped';
  /** Names we manage but found written by someone else: left alone. */
  conflicts: string[];
  /** Entries we had written and no longer manage. */
  removed: string[];
  error?: string;
  /** Why this client was given no entries (status skipped). */
  notice?: string;
}

type Json = Record<string, unknown>;
/** What mcp-auto wrote, per client file: the proof that an entry is ours. */
type Ownership = Record<string, Record<string, unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function readOwnership(stateDir: string): Ownership {
  return (readStateRecord(join(stateDir, 'clients.json')) ?? {}) as Ownership;
}

function writeOwnership(stateDir: string, ownership: Ownership): void {
  writeStateRecord(join(stateDir, 'clients.json'), ownership);
}

export async function parse(adapter: ClientAdapter, text: string): Promise<Json> {
  const body = text.replace(/^\uFEFF/, '');
  if (adapter.format === 'toml') {
    const { parse: parseToml } = await import('smol-toml');
    return parseToml(body) as Json;
  }
  if (body.trim() === '') return {};
  let data: unknown;
  if (adapter.format === 'jsonc') {
    const { parse: parseJsonc, printParseErrorCode } = await import('jsonc-parser');
    const errors: import('jsonc-parser').ParseError[] = [];
    data = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors[0]) throw new Error(`${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  } else {
    data = JSON.parse(body);
  }
  if (!isJsonObject(data)) throw new Error('the top level is not a JSON object');
  return data;
}

async function serialize(adapter: ClientAdapter, doc: Json, style: Style): Promise<string> {
  let text: string;
  if (adapter.format === 'toml') {
    const { stringify } = await import('smol-toml');
    text = stringify(doc);
  } else {
    text = JSON.stringify(doc, null, style.indent);
  }
  text = text.replace(/\r?\n/g, style.eol);
  if (style.finalNewline && !text.endsWith(style.eol)) text += style.eol;
  return (style.bom ? '\uFEFF' : '') + text;
}

/** What a client file mcp-auto created holds once its last entry is out: the container, empty. */
export function emptySkeleton(adapter: ClientAdapter): Promise<string> {
  const doc: Json = {};
  let node = doc;
  for (const key of adapter.container) node = (node[key] = {}) as Json;
  return serialize(adapter, doc, styleOf('{\n  "x": 1\n}\n'));
}

/** The object at the adapter's key path, created on the way if missing; undefined if something else is there. */
function container(doc: Json, path: string[], create: boolean): Json | undefined {
  let node: Json = doc;
  for (const key of path) {
    const next = node[key];
    if (next === undefined) {
      if (!create) return undefined;
      node[key] = {};
    } else if (!isJsonObject(next)) {
      return undefined;
    }
    node = node[key] as Json;
  }
  return node;
}

/**
 * Brings one client file in line with the managed entries. Only entries we
 * wrote (and that still read as we wrote them) are updated or removed; others
 * are never touched, even under a managed name: that is reported as a
 * conflict. Nothing is written when nothing changes; a file that does not
 * parse is refused and left as it is.
 */
async function syncOne(root: string, adapter: ClientAdapter, entries: ManagedEntry[], owned: Record<string, unknown>): Promise<{ result: SyncResult; owned: Record<string, unknown>; created?: { dir: string | undefined } }> {
  const shown = join(root, adapter.file);
  const result: SyncResult = { client: adapter.name, file: shown, status: 'unchanged', conflicts: [], removed: [] };
  // The file and every folder on its way must stay inside the root.
  let file: string;
  try {
    file = pathInside(root, adapter.file);
  } catch (error) {
    return { result: { ...result, status: 'refused', error: oneLine(error, 400) }, owned };
  }
  let text: string | undefined;
  try {
    text = readUtf8(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) {
      return { result: { ...result, status: 'refused', error: `${shown}: ${errorMessage(error)}; fix it and run \`mcp-auto ensure\`` }, owned };
    }
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { result: { ...result, status: 'refused', error: `${shown} ${readProblem(error)}` }, owned };
    }
  }
  let doc: Json;
  try {
    doc = text === undefined ? {} : await parse(adapter, text);
  } catch (error) {
    return { result: { ...result, status: 'refused', error: `${shown} is not valid ${adapter.format.toUpperCase()} (${oneLine(error)}); fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const servers = container(doc, adapter.container, entries.length > 0);
  if (!servers) {
    if (entries.length === 0) return { result, owned: {} };
    return { result: { ...result, status: 'refused', error: `${shown}: ${adapter.container.join('.')} is not an object; fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const nextOwned: Record<string, unknown> = {};
  // What changed, as key paths: a JSON file is edited in place (see spliceJson).
  const edits: JsonEdit[] = [];
  let changed = false;
  const managed = new Set(entries.map((e) => e.name));
  for (const server of entries) {
    const wanted = adapter.entry(server);
    const current = servers[server.name];
    const ours = server.name in owned && same(current, owned[server.name]);
    if (current !== undefined && !ours && !same(current, wanted)) {
      result.conflicts.push(server.name);
      continue;
    }
    if (!same(current, wanted)) {
      servers[server.name] = wanted;
      edits.push({ path: [...adapter.container, server.name], value: wanted });
      changed = true;
    }
    nextOwned[server.name] = wanted;
  }
  for (const [name, written] of Object.entries(owned)) {
    if (managed.has(name) || !same(servers[name], written)) continue;
    delete servers[name];
    edits.push({ path: [...adapter.container, name], value: undefined });
    result.removed.push(name);
    changed = true;
  }
  if (changed) {
    const style = text === undefined ? styleOf('{\n  "x": 1\n}\n') : styleOf(text);
    try {
      // Again right before writing: nothing on the way may have become a link out.
      if (pathInside(root, adapter.file) !== file) throw new Error(`${shown} changed while being edited; left alone`);
    } catch (error) {
      return { result: { ...result, status: 'refused', error: oneLine(error, 400) }, owned };
    }
    let madeDir: string | undefined;
    try {
      madeDir = mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      return { result: { ...result, status: 'refused', error: `cannot write ${shown}: ${writeProblem(error, dirname(file))}` }, owned };
    }
    const inPlace = adapter.format !== 'toml' && text !== undefined && text.replace(/^\uFEFF/, '').trim() !== '';
    let next: string;
    try {
      next = inPlace ? await spliceJson(file, text!, edits) : await serialize(adapter, doc, style);
    } catch (error) {
      return { result: { ...result, status: 'refused', error: oneLine(error) }, owned };
    }
    try {
      writeFileAtomic(file, next);
    } catch (error) {
      return { result: { ...result, status: 'refused', error: `cannot write ${file}: ${writeProblem(error, dirname(file))}` }, owned };
    }
    result.status = 'written';
    // A file we created holds this machine's port: keep it out of `git status`.
    // One that was there may be tracked; its status stays the user's.
    if (text === undefined) {
      addGitExclude(root, adapter.file);
      return { result, owned: nextOwned, created: { dir: madeDir } };
    }
  }
  return { result, owned: nextOwned };
}

/** Why a client file could not be read, in the user's words. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return 'is a directory, not a file; remove or rename it, then run `mcp-auto ensure`';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read: ${oneLine(error)}`;
}

/** Why a client file could not be written, in the user's words. */
function writeProblem(error: unknown, dir: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EROFS') return `${dir} is on a read-only file system`;
  if (code === 'EACCES' || code === 'EPERM') return `${dir} is read-only for you (permission denied)`;
  if (code === 'ENOSPC') return 'the disk is full';
  return oneLine(error);
}

/** Syncs every listed client's project file; ownership records live in <stateDir>/clients.json. */
export async function syncClients(root: string, stateDir: string, adapters: ClientAdapter[], entries: ManagedEntry[]): Promise<SyncResult[]> {
  // The daemon (after a reload) and the CLI (ensure, adopt, unadopt) edit the
  // same files: one at a time, or a read-modify-write loses the other's edit.
  return withClientFiles(stateDir, () => syncClientsLocked(root, stateDir, adapters, entries));
}

/** Runs fn holding the root's client-files lock. */
export function withClientFiles<T>(stateDir: string, fn: () => Promise<T>): Promise<T> {
  // No state dir yet: no daemon and no earlier edit to race with (and none is made here).
  if (!existsSync(stateDir)) return fn();
  return withLock(stateDir, fn, 15_000, 'clients.lock');
}

/** syncClients for a caller that holds the client-files lock already. */
export async function syncClientsLocked(root: string, stateDir: string, adapters: ClientAdapter[], entries: ManagedEntry[]): Promise<SyncResult[]> {
  const ownership = readOwnership(stateDir);
  const before = JSON.stringify(ownership);
  const results: SyncResult[] = [];
  for (const adapter of adapters) {
    // A client that cannot expand the token's variable would send it as it
    // stands: it gets no entry (and loses the ones we wrote before).
    const skip = !adapter.expandsEnv && entries.some((e) => e.headers);
    const { result, owned, created } = await syncOne(root, adapter, skip ? [] : entries, ownership[adapter.file] ?? {});
    if (created) recordCreated(root, stateDir, adapter.file, created.dir);
    if (skip && result.status !== 'refused') {
      result.status = 'skipped';
      result.notice = `${adapter.name} cannot expand \${MCP_AUTO_TOKEN} in a header, so under "auth": "token" mcp-auto writes no entry to ${adapter.file} (drop "${adapter.name}" from "clients", or use "auth": "none")`;
    }
    results.push(result);
    if (Object.keys(owned).length > 0) ownership[adapter.file] = owned;
    else delete ownership[adapter.file];
  }
  if (JSON.stringify(ownership) !== before) writeOwnership(stateDir, ownership);
  return results;
}

/**
 * Takes entries of one client file as ours, as they stand (adopt hands them to
 * mcp-auto): the next sync rewrites them in place, where the user had them.
 */
export function claimOwnership(stateDir: string, file: string, entries: Record<string, unknown>): void {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file] ?? {};
  for (const [name, entry] of Object.entries(entries)) {
    Object.defineProperty(owned, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  ownership[file] = owned;
  writeOwnership(stateDir, ownership);
}

/** The client files (relative to the root) that hold entries mcp-auto wrote. */
export function ownedFiles(stateDir: string): string[] {
  return Object.keys(readOwnership(stateDir));
}

/** Forgets that we wrote these entries of one client file (unadopt hands them back to the user). */
export function forgetOwnership(stateDir: string, file: string, names: string[]): void {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file];
  if (!owned) return;
  for (const name of names) delete owned[name];
  writeOwnership(stateDir, ownership);
}

/** The entries of one client file that mcp-auto wrote, as it wrote them (clients.json). */
export function ownedEntries(stateDir: string, file: string): Record<string, unknown> {
  return readOwnership(stateDir)[file] ?? {};
}
