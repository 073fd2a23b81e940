import { unlinkSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { pathInside } from '../util/safe-path.ts';
import { readStateRecord, writeStateRecord } from '../util/state-record.ts';
import { claimOwnership, withClientFiles } from './index.ts';
import { parseConfig, projectConfigPath, type ConfigFile, type ServerSpec } from '../config/config.ts';
import { UserError } from '../util/errors.ts';
import { rawValuesAt, spliceJson } from '../util/json-edit.ts';
import { isJsonObject, readJsonObject, type JsonObject } from '../util/json-file.ts';
import { stateDirFor } from '../config/paths.ts';
import { trust, trustState } from '../config/trust.ts';

type Json = JsonObject;
const isObject = isJsonObject;

/**
 * What adopt took, kept in the state dir (not in the project, which may be
 * committed): the original .mcp.json entries exactly, and whether adopt
 * created .mcp-auto.json, so that unadopt can put everything back.
 */
interface AdoptRecord {
  entries: Record<string, unknown>;
  /** Each entry's exact text, for numbers JSON cannot round-trip (1e400, -0). */
  raw?: Record<string, string>;
  createdConfig: boolean;
}

const recordPath = (root: string) => join(stateDirFor(root), 'adopted.json');

function indentOf(text: string): string | number {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? 2;
}

function writeJson(file: string, data: Json, like?: string): void {
  const eol = like?.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(data, null, like ? indentOf(like) : 2).replace(/\n/g, eol);
  writeFileAtomic(file, (like?.startsWith('\uFEFF') ? '\uFEFF' : '') + body + (like === undefined || /\r?\n$/.test(like) ? eol : ''));
}

/** A .mcp.json entry that runs a command: one the daemon can serve instead. */
function isStdioEntry(entry: unknown): entry is { command: string; args?: unknown; env?: unknown; cwd?: unknown } {
  return isObject(entry) && typeof entry.command === 'string' && (entry.type === undefined || entry.type === 'stdio');
}

function toSpec(entry: { command: string; args?: unknown; env?: unknown; cwd?: unknown }): ServerSpec {
  const spec: Exclude<ServerSpec, boolean> = { command: entry.command };
  if (Array.isArray(entry.args)) spec.args = entry.args.map(String);
  if (isObject(entry.env)) spec.env = Object.fromEntries(Object.entries(entry.env).map(([k, v]) => [k, String(v)]));
  if (typeof entry.cwd === 'string') spec.cwd = entry.cwd;
  return spec;
}

/**
 * Moves the stdio servers of .mcp.json into .mcp-auto.json (trusted, since the
 * user asked) and hands their entries to mcp-auto as they stand: the caller's
 * ensure then rewrites each in place, under its name, pointing at the daemon.
 */
export async function adopt(root: string): Promise<string[]> {
  return withClientFiles(stateDirFor(root), () => adoptNow(root));
}

async function adoptNow(root: string): Promise<string[]> {
  // Only through a path inside the project: a clone's .mcp.json may link to ~/.claude.json.
  const mcpFile = pathInside(root, '.mcp.json');
  const mcp = readJsonObject(mcpFile);
  if (!mcp) throw new UserError(`${mcpFile} does not exist: nothing to adopt`);
  const servers = mcp.data.mcpServers;
  if (!isObject(servers)) throw new UserError(`${mcpFile} has no mcpServers object: nothing to adopt`);
  const names = Object.keys(servers).filter((n) => isStdioEntry(servers[n]));
  if (names.length === 0) return [];

  const configFile = projectConfigPath(root);
  if (existsSync(configFile) && trustState(configFile) !== 'trusted') {
    throw new UserError(`${configFile} is not trusted; review it and run \`mcp-auto trust\` before adopting into it`);
  }
  const existing = readJsonObject(configFile);
  const config = (existing ? parseConfig(configFile, existing.text) : {}) as ConfigFile;
  const specs: Record<string, ServerSpec> = Array.isArray(config.servers)
    ? Object.fromEntries(config.servers.map((n) => [n, true]))
    : { ...(config.servers ?? {}) };
  const previous = readRecord(root);
  const record: AdoptRecord = { entries: { ...previous?.entries }, raw: { ...previous?.raw }, createdConfig: previous?.createdConfig ?? !existing };
  const raws = await rawValuesAt(mcp.text, names.map((name) => ['mcpServers', name]));
  for (const [i, name] of names.entries()) {
    if (Object.hasOwn(specs, name)) throw new UserError(`${configFile} already defines '${name}'; rename one of them, then adopt`);
    // Own data properties even for names like __proto__ (assignment would set a prototype).
    Object.defineProperty(specs, name, { value: toSpec(servers[name] as { command: string }), enumerable: true, writable: true, configurable: true });
    Object.defineProperty(record.entries, name, { value: servers[name], enumerable: true, writable: true, configurable: true });
    if (raws[i] !== undefined) Object.defineProperty(record.raw, name, { value: raws[i], enumerable: true, writable: true, configurable: true });
  }
  // Check the config adopt would write before touching anything: a name the
  // daemon cannot serve is refused here, with both files as they were.
  const nextConfig = { ...(existing?.data ?? {}), servers: specs };
  parseConfig(configFile, JSON.stringify(nextConfig));
  // Record first: whatever happens next, unadopt can restore.
  writeStateRecord(recordPath(root), record);
  writeJson(configFile, nextConfig, existing?.text);
  trust(configFile);
  claimOwnership(stateDirFor(root), '.mcp.json', Object.fromEntries(names.map((name) => [name, servers[name]])));
  return names;
}

function readRecord(root: string): AdoptRecord | undefined {
  return readStateRecord(recordPath(root)) as AdoptRecord | undefined;
}

/**
 * Puts the adopted entries back into .mcp.json exactly as they were and takes
 * their definitions out of .mcp-auto.json (removing the file if adopt made it
 * and nothing else is left). Returns the names restored.
 */
export async function unadopt(root: string, dropOwnership: (names: string[]) => void): Promise<string[]> {
  return withClientFiles(stateDirFor(root), () => unadoptNow(root, dropOwnership));
}

async function unadoptNow(root: string, dropOwnership: (names: string[]) => void): Promise<string[]> {
  const record = readRecord(root);
  if (!record || Object.keys(record.entries).length === 0) return [];
  const names = Object.keys(record.entries);
  const configFile = projectConfigPath(root);
  const existing = readJsonObject(configFile);
  if (existing) {
    const servers = isObject(existing.data.servers) ? { ...existing.data.servers } : {};
    for (const name of names) delete servers[name];
    const rest = { ...existing.data, servers };
    if (record.createdConfig && Object.keys(servers).length === 0 && Object.keys(rest).length === 1) {
      unlinkSync(configFile);
    } else {
      writeJson(configFile, rest, existing.text);
      trust(configFile);
    }
  }
  // Only through a path inside the project: a clone's .mcp.json may link to ~/.claude.json.
  const mcpFile = pathInside(root, '.mcp.json');
  const mcp = readJsonObject(mcpFile);
  if (mcp && mcp.data.mcpServers !== undefined && !isObject(mcp.data.mcpServers)) {
    throw new UserError(`${mcpFile}: mcpServers is not an object; fix it, then run \`mcp-auto unadopt\` again`);
  }
  dropOwnership(names);
  if (mcp && mcp.text.replace(/^\uFEFF/, '').trim() !== '') {
    // In place: each entry goes back under its name, the rest keeps its bytes.
    const edits = names.map((name) => ({ path: ['mcpServers', name], value: record.entries[name], raw: record.raw?.[name] }));
    writeFileAtomic(mcpFile, await spliceJson(mcpFile, mcp.text, edits));
  } else {
    writeJson(mcpFile, { mcpServers: Object.fromEntries(names.map((name) => [name, record.entries[name]])) });
  }
  unlinkSync(recordPath(root));
  return names;
}
