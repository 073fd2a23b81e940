import type { ClientAdapter } from './adapter.ts';

/** Claude Code: <root>/.mcp.json, `mcpServers.<name> = {type, url}`. */
export const claude: ClientAdapter = {
  name: 'claude',
  file: '.mcp.json',
  format: 'json',
  container: ['mcpServers'],
  entry: (s) => ({
    type: s.client,
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: s.headers } : {}),
  }),
  expandsEnv: true,
  verified: 'cli',
};
