import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { readJsonObject } from '../util/json-file.ts';

/** Claude Code's per-user project settings, where MCP server approvals live. */
export function settingsPath(root: string): string {
  return join(root, '.claude', 'settings.local.json');
}

export interface Approval {
  all: boolean;
  enabled: string[];
  disabled: string[];
}

const read = (file: string) => readJsonObject(file)?.data;

const names = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function approval(root: string): Approval {
  const data = read(settingsPath(root)) ?? {};
  return {
    all: data.enableAllProjectMcpServers === true,
    enabled: names(data.enabledMcpjsonServers),
    disabled: names(data.disabledMcpjsonServers),
  };
}

/** Adds names to enabledMcpjsonServers (other keys kept, no duplicates); returns the ones added. */
export function approve(root: string, servers: string[]): string[] {
  const file = settingsPath(root);
  const data = read(file) ?? {};
  const enabled = names(data.enabledMcpjsonServers);
  const added = servers.filter((s) => !enabled.includes(s));
  if (added.length === 0) return [];
  data.enabledMcpjsonServers = [...enabled, ...added];
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  return added;
}
