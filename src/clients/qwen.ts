import type { ClientAdapter } from './adapter.ts';

/**
 * Qwen Code: <root>/.qwen/settings.json, `mcpServers.<name>.httpUrl` for
 * Streamable HTTP, `url` for SSE (its own reading; it also reads .mcp.json,
 * where this settings file wins on a shared name — which matters: it expands
 * `${NAME}` in this file when it loads it, not in .mcp.json). Its approval of
 * project servers lives in ~/.qwen/mcpApprovals.json, bound to a hash of the
 * entry as loaded, variables expanded (see verdict.ts).
 */
export const qwen: ClientAdapter = {
  name: 'qwen',
  file: '.qwen/settings.json',
  format: 'jsonc',
  container: ['mcpServers'],
  entry: (s) => ({
    ...(s.client === 'sse' ? { url: s.sseUrl } : { httpUrl: s.url }),
    ...(s.headers ? { headers: s.headers } : {}),
  }),
  expandsEnv: true,
  verified: 'cli',
};
