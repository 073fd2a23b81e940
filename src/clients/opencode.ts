import type { ClientAdapter } from './adapter.ts';
import { envRefs } from './cursor.ts';

/**
 * opencode: <root>/opencode.json, `mcp.<name> = {type: "remote", url}` (it
 * tries Streamable HTTP, then SSE, at the URL given). Headers name variables
 * as `{env:NAME}`, which it substitutes when it loads the file.
 */
export const opencode: ClientAdapter = {
  name: 'opencode',
  file: 'opencode.json',
  format: 'jsonc',
  container: ['mcp'],
  entry: (s) => ({
    type: 'remote',
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: envRefs(s.headers, (name) => `{env:${name}}`) } : {}),
  }),
  expandsEnv: true,
  verified: 'cli',
};

/** Kilo Code (opencode-based): <root>/.kilo/kilo.jsonc, the same `mcp` entries as opencode. */
export const kilo: ClientAdapter = { ...opencode, name: 'kilo', file: '.kilo/kilo.jsonc', verified: 'docs' };
