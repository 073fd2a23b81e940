import type { ClientAdapter } from './adapter.ts';

/**
 * Gemini CLI: <root>/.gemini/settings.json, `mcpServers.<name>.httpUrl` for
 * Streamable HTTP (`url` would mean SSE to it). Its settings expand `${NAME}`
 * themselves, so headers stay as they are. Every other setting is kept.
 */
export const gemini: ClientAdapter = {
  name: 'gemini',
  file: '.gemini/settings.json',
  format: 'jsonc',
  container: ['mcpServers'],
  entry: (s) => ({
    ...(s.client === 'sse' ? { url: s.sseUrl } : { httpUrl: s.url }),
    ...(s.headers ? { headers: s.headers } : {}),
  }),
};
