import type { ClientAdapter } from './adapter.ts';

/**
 * Gemini CLI: <root>/.gemini/settings.json, `mcpServers.<name> = {type, url}`
 * (0.61.0 reads `type: "http"` as Streamable HTTP and lists it Connected;
 * `httpUrl` is deprecated in its code, and a bare `url` is Streamable HTTP
 * too, so SSE needs `type: "sse"`). Every other setting is kept.
 *
 * Token auth: it expands `${NAME}` in headers (checked with its CLI: the
 * daemon takes the token it sends).
 */
export const gemini: ClientAdapter = {
  name: 'gemini',
  file: '.gemini/settings.json',
  format: 'jsonc',
  container: ['mcpServers'],
  entry: (s) => ({
    type: s.client,
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: s.headers } : {}),
  }),
  expandsEnv: true,
  verified: 'cli',
};
