import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { readJsonObject } from '../util/json-file.ts';
import { pathInside } from '../util/safe-path.ts';
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

/** Adds names to enabledMcpjsonServers (other keys kept, no duplicates); returns the ones added. */
export function approve(root: string, servers: string[]): string[] {
  const file = pathInside(root, SETTINGS);
  const data = readJsonObject(file)?.data ?? {};
  const enabled = names(data.enabledMcpjsonServers);
  const added = servers.filter((s) => !enabled.includes(s));
  if (added.length === 0) return [];
  data.enabledMcpjsonServers = [...enabled, ...added];
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  return added;
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
