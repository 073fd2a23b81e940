#!/usr/bin/env node

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
  claude
};
//# sourceMappingURL=chunk-CWON7UJY.js.map
