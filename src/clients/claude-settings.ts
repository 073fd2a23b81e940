import { mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { readJsonObject } from '../util/json-file.ts';
import { readStateRecord, writeStateRecord } from '../util/state-record.ts';
import { isPlainFileAt, pathInside } from '../util/safe-path.ts';
import { ownedEntries } from './merge.ts';

/** Claude Code's per-user project settings, where MCP server approvals live. */
export function settingsPath(root: string): string {
  return join(root, '.claude', 'settings.local.json');
}

const SETTINGS = '.claude/settings.local.json';

export interface Approval {
  all: boolean;
  enabled: string[];
  disabled: string[];
}

// Only through a path that stays inside the root (a `.claude -> ~/.claude` is refused).
const read = (root: string) => readJsonObject(pathInside(root, SETTINGS))?.data;

const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function approval(root: string): Approval {
  const data = read(root) ?? {};
  return {
    all: data.enableAllProjectMcpServers === true,
    enabled: names(data.enabledMcpjsonServers),
    disabled: names(data.disabledMcpjsonServers),
  };
}

/** What approve added, in <state>/approved.json: the names, and whether it created the file (forget takes back only these). */
interface Approved { names: string[]; createdFile?: boolean; createdDir?: boolean }

const approvedRecord = (stateDir: string) => join(stateDir, 'approved.json');

function readApproved(stateDir: string): Approved {
  const data = readStateRecord(approvedRecord(stateDir));
  return { names: names(data?.names), createdFile: data?.createdFile === true, createdDir: data?.createdDir === true };
}

/**
 * Adds names to enabledMcpjsonServers (other keys kept, no duplicates) and
 * records them in the state dir; returns the ones added.
 */
export function approve(root: string, stateDir: string, servers: string[]): string[] {
  const file = pathInside(root, SETTINGS);
  const read = readJsonObject(file);
  const data = read?.data ?? {};
  const enabled = names(data.enabledMcpjsonServers);
  const added = servers.filter((s) => !enabled.includes(s));
  if (added.length === 0) return [];
  data.enabledMcpjsonServers = [...enabled, ...added];
  const madeDir = mkdirSync(dirname(file), { recursive: true });
  const before = readApproved(stateDir);
  const record: Approved = {
    names: [...before.names, ...added.filter((n) => !before.names.includes(n))],
    createdFile: before.createdFile || read === undefined,
    createdDir: before.createdDir || madeDir !== undefined,
  };
  // The record first: a crash in between leaves a name forget would look for, never one it would miss.
  writeStateRecord(approvedRecord(stateDir), record);
  try {
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  } catch (error) {
    writeStateRecord(approvedRecord(stateDir), before);
    throw error;
  }
  return added;
}

/**
 * Takes out of enabledMcpjsonServers the names approve added (any the user
 * added too, before or since, stay when approve found them there); removes
 * the file, and the .claude folder, when approve created them and nothing
 * else is left. Returns the names taken out; throws (one line) when the
 * settings file cannot be read or written.
 */
export function unapprove(root: string, stateDir: string): string[] {
  const record = readApproved(stateDir);
  if (record.names.length === 0) return [];
  let file: string;
  try {
    file = pathInside(root, SETTINGS);
  } catch {
    return [];
  }
  const data = readJsonObject(file)?.data;
  if (!data || !Array.isArray(data.enabledMcpjsonServers)) return [];
  const enabled = data.enabledMcpjsonServers as unknown[];
  const taken = record.names.filter((n) => enabled.includes(n));
  if (taken.length === 0) return [];
  const kept = enabled.filter((n) => typeof n !== 'string' || !record.names.includes(n));
  if (kept.length) data.enabledMcpjsonServers = kept;
  else delete data.enabledMcpjsonServers;
  // Removed only as approve made it: a plain file at its own path (not a link followed to another).
  if (Object.keys(data).length === 0 && record.createdFile && isPlainFileAt(root, SETTINGS)) {
    unlinkSync(file);
    if (record.createdDir) try { rmdirSync(dirname(file)); } catch { /* not empty: the user's files stay */ }
  } else {
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  }
  return taken;
}

export interface McpJsonOwnership {
  /** Entries of .mcp.json that mcp-auto wrote and that still read as it wrote them. */
  ours: string[];
  /** Managed names whose .mcp.json entry someone else wrote (a clone's own `memory`, say). */
  foreign: string[];
  /** Managed names with no entry yet. */
  missing: string[];
}

/** Which of the managed names .mcp.json holds as mcp-auto wrote them: only those may be approved. */
export function mcpJsonOwnership(root: string, stateDir: string, managed: string[]): McpJsonOwnership {
  const owned = ownedEntries(stateDir, '.mcp.json');
  const data = readJsonObject(pathInside(root, '.mcp.json'))?.data;
  const servers = (data && typeof data.mcpServers === 'object' && data.mcpServers !== null ? data.mcpServers : {}) as Record<string, unknown>;
  const result: McpJsonOwnership = { ours: [], foreign: [], missing: [] };
  for (const name of managed) {
    const current = Object.hasOwn(servers, name) ? servers[name] : undefined;
    if (current === undefined) result.missing.push(name);
    else if (Object.hasOwn(owned, name) && JSON.stringify(owned[name]) === JSON.stringify(current)) result.ours.push(name);
    else result.foreign.push(name);
  }
  return result;
}
