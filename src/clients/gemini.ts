import type { ClientAdapter } from './adapter.ts';

/**
 * Gemini CLI: <root>/.gemini/settings.json, `mcpServers.<name> = {type, url}`
 * (0.61.0 reads `type: "http"` as Streamable HTTP and lists it Connected;
 * `httpUrl` is deprecated in its code, and a bare `url` is Streamable HTTP
 * too, so SSE needs `type: "sse"`). Every other setting is kept.
 *
 * Token auth: it expands `${NAME}` in headers, but only after redacting every
 * variable whose name contains TOKEN, AUTH, KEY… (sanitizeEnvironment), so
 * `${MCP_AUTO_TOKEN}` becomes empty: no entry under token auth.
 */
export const gemini: ClientAdapter = {
  name: 'gemini',
  file: '.gemini/settings.json',
  format: 'jsonc',
  container: ['mcpServers'],
  entry: (s) => ({ type: s.client, url: s.client === 'sse' ? s.sseUrl : s.url }),
  expandsEnv: false,
  verified: 'cli',
};
