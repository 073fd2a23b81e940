#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);

// src/config/paths.ts
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
function xdg(name, fallback) {
  const value = process.env[name];
  return value && value.startsWith("/") ? value : join(homedir(), fallback);
}
function configDir() {
  return join(xdg("XDG_CONFIG_HOME", ".config"), "mcp-auto");
}
function stateHome() {
  return join(xdg("XDG_STATE_HOME", ".local/state"), "mcp-auto");
}
function rootHash(root) {
  return createHash("sha256").update(root).digest("hex").slice(0, 16);
}
function stateDirFor(root) {
  return join(stateHome(), rootHash(root));
}
var IDLE_STOPPED = "stopped-idle";

export {
  configDir,
  stateHome,
  rootHash,
  stateDirFor,
  IDLE_STOPPED
};
//# sourceMappingURL=chunk-BZRLDOEP.js.map
