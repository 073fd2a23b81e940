#!/usr/bin/env node
import {
  claude
} from "./chunk-CWON7UJY.js";

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
function mcpConfigText(entries) {
  const mcpServers = Object.fromEntries(entries.map((e) => [e.name, claude.entry(e)]));
  return `${JSON.stringify({ mcpServers }, null, 2)}
`;
}

export {
  entriesFor,
  managedEntries,
  mcpConfigText
};
//# sourceMappingURL=chunk-VKZGXJS7.js.map
