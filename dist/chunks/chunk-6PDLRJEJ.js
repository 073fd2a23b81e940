#!/usr/bin/env node

// src/clients/entries.ts
function entriesFor(servers, port, auth) {
  const base = `http://127.0.0.1:${port}`;
  const headers = auth === "token" ? { Authorization: "Bearer ${MCP_AUTO_TOKEN}" } : void 0;
  return [...servers].map((s) => ({
    name: s.name,
    url: `${base}/servers/${s.name}/mcp`,
    sseUrl: `${base}/servers/${s.name}/sse`,
    client: s.client,
    ...headers ? { headers } : {}
  }));
}

// src/clients/claude.ts
var claude = {
  name: "claude",
  file: ".mcp.json",
  format: "json",
  container: ["mcpServers"],
  entry: (s) => ({
    type: s.client,
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: s.headers } : {}
  }),
  expandsEnv: true,
  verified: "cli"
};

export {
  claude,
  entriesFor
};
//# sourceMappingURL=chunk-6PDLRJEJ.js.map
