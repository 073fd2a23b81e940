import type { ClientAdapter } from './adapter.ts';

/**
 * Qwen Code: <root>/.qwen/settings.json, `mcpServers.<name>.httpUrl` for
 * Streamable HTTP, `url` for SSE (its own reading; it also reads .mcp.json,
 * where this settings file wins on a shared name). It sends a `${NAME}` in a
 * header as it stands, so it gets no entry under token auth. Its approval of
 * project servers lives in ~/.qwen/mcpApprovals.json, bound to a hash of the
 * entry (see verdict.ts).
 */
export const qwen: ClientAdapter = {
  name: 'qwen',
  file: '.qwen/settings.json',
  format: 'jsonc',
  container: ['mcpServers'],
  entry: (s) => (s.client === 'sse' ? { url: s.sseUrl } : { httpUrl: s.url }),
  expandsEnv: false,
  verified: 'cli',
};
