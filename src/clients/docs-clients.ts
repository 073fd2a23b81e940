// Clients whose project file is written from their documentation only: there
// is no CLI on npm to check them with (see the README's client table).
import type { ClientAdapter } from './adapter.ts';
import { envRefs } from './cursor.ts';

/** Roo Code: <root>/.roo/mcp.json, `mcpServers.<name> = {type: "streamable-http"|"sse", url}`; `${env:NAME}` in headers. */
export const roo: ClientAdapter = {
  name: 'roo',
  file: '.roo/mcp.json',
  format: 'json',
  container: ['mcpServers'],
  entry: (s) => ({
    type: s.client === 'sse' ? 'sse' : 'streamable-http',
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}),
  }),
  expandsEnv: true,
  verified: 'docs',
};

/**
 * Zed: <root>/.zed/settings.json (JSON with comments), `context_servers.<name>
 * = {url}` — a remote server is Streamable HTTP to it. Its docs name no
 * variable expansion in headers: no entry under token auth.
 */
export const zed: ClientAdapter = {
  name: 'zed',
  file: '.zed/settings.json',
  format: 'jsonc',
  container: ['context_servers'],
  entry: (s) => ({ url: s.url }),
  expandsEnv: false,
  verified: 'docs',
};

/**
 * Amazon Q Developer: <root>/.amazonq/mcp.json (the workspace file it still
 * reads, `useLegacyMcpJson`), `mcpServers.<name> = {type: "http", url}`. Its
 * docs name no variable expansion in headers: no entry under token auth.
 */
export const amazonq: ClientAdapter = {
  name: 'amazonq',
  file: '.amazonq/mcp.json',
  format: 'json',
  container: ['mcpServers'],
  entry: (s) => ({ type: 'http', url: s.url }),
  expandsEnv: false,
  verified: 'docs',
};

/**
 * Continue: a JSON block file in <root>/.continue/mcpServers/ (it takes
 * Claude-style `mcpServers` files there), ours named mcp-auto.json, `{type:
 * "streamable-http"|"sse", url}`. Its secrets syntax is not an environment
 * variable: no entry under token auth.
 */
export const continueDev: ClientAdapter = {
  name: 'continue',
  file: '.continue/mcpServers/mcp-auto.json',
  format: 'json',
  container: ['mcpServers'],
  entry: (s) => ({ type: s.client === 'sse' ? 'sse' : 'streamable-http', url: s.client === 'sse' ? s.sseUrl : s.url }),
  expandsEnv: false,
  verified: 'docs',
};
