import type { ClientAdapter } from './adapter.ts';

/**
 * Cursor: <root>/.cursor/mcp.json, `mcpServers.<name> = {url}`. Cursor tells
 * Streamable HTTP from SSE by itself; it expands `${env:NAME}` in headers.
 */
export const cursor: ClientAdapter = {
  name: 'cursor',
  file: '.cursor/mcp.json',
  format: 'json',
  container: ['mcpServers'],
  entry: (s) => ({
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}),
  }),
  expandsEnv: true,
  verified: 'docs',
};

/** Rewrites `${NAME}` references (Claude's syntax, as ManagedEntry carries them) into a client's own. */
export function envRefs(headers: Record<string, string>, ref: (name: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/\$\{(\w+)\}/g, (_, name: string) => ref(name))]));
}
