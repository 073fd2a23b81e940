import type { ClientAdapter } from './adapter.ts';
import { envRefs } from './cursor.ts';

/** VS Code: <root>/.vscode/mcp.json, `servers.<name> = {type: "http"|"sse", url}`; `${env:NAME}` in headers. */
export const vscode: ClientAdapter = {
  name: 'vscode',
  file: '.vscode/mcp.json',
  format: 'jsonc',
  container: ['servers'],
  entry: (s) => ({
    type: s.client,
    url: s.client === 'sse' ? s.sseUrl : s.url,
    ...(s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}),
  }),
  expandsEnv: true,
  verified: 'docs',
};
