import type { EffectiveConfig } from '../config/config.ts';
import type { ManagedEntry } from './adapter.ts';
import { claude } from './claude.ts';

/**
 * The client entries for the servers of a daemon on `port`: what ensure
 * writes into the client files and mcp-config prints.
 */
export function entriesFor(servers: Iterable<{ name: string; client: 'http' | 'sse' }>, port: number, auth: string): ManagedEntry[] {
  const base = `http://127.0.0.1:${port}`;
  const headers = auth === 'token'
    // Never the token itself in a project file: clients expand the variable
    // (`mcp-auto exec` and `use mcp` export it).
    ? { Authorization: 'Bearer ${MCP_AUTO_TOKEN}' }
    : undefined;
  return [...servers].map((s) => ({
    name: s.name,
    url: `${base}/servers/${s.name}/mcp`,
    sseUrl: `${base}/servers/${s.name}/sse`,
    client: s.client,
    ...(headers ? { headers } : {}),
  }));
}

/** The client entries for a daemon on `port` serving this config. */
export function managedEntries(config: EffectiveConfig, port: number): ManagedEntry[] {
  return entriesFor(config.servers.values(), port, config.settings.auth);
}

/**
 * What `mcp-auto mcp-config` prints: the entries in Claude Code's format,
 * which --mcp-config reads. The daemon renders it too, for the installed
 * command's fast path (shell/bin.bash), so both print the same bytes.
 */
export function mcpConfigText(entries: ManagedEntry[]): string {
  const mcpServers = Object.fromEntries(entries.map((e) => [e.name, claude.entry(e)]));
  return `${JSON.stringify({ mcpServers }, null, 2)}\n`;
}
