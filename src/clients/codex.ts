import type { ClientAdapter } from './adapter.ts';

/**
 * Codex: <root>/.codex/config.toml, `[mcp_servers.<name>] url = …`. Codex has
 * no SSE client, so it always gets the Streamable HTTP URL, whatever the
 * server's `client` setting. A bearer token is named by its variable
 * (`bearer_token_env_var`), never written.
 */
export const codex: ClientAdapter = {
  name: 'codex',
  file: '.codex/config.toml',
  format: 'toml',
  container: ['mcp_servers'],
  entry: (s) => {
    const bearer = /^Bearer \$\{(\w+)\}$/.exec(s.headers?.Authorization ?? '')?.[1];
    const others = Object.entries(s.headers ?? {}).filter(([k]) => !(bearer && k === 'Authorization'));
    return {
      url: s.url,
      ...(bearer ? { bearer_token_env_var: bearer } : {}),
      ...(others.length ? { http_headers: Object.fromEntries(others) } : {}),
    };
  },
  expandsEnv: true,
  verified: 'cli',
};
