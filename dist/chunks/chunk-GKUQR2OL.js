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
function managedEntries(config, port) {
  return entriesFor(config.servers.values(), port, config.settings.auth);
}

export {
  entriesFor,
  managedEntries
};
//# sourceMappingURL=chunk-GKUQR2OL.js.map
