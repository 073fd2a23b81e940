#!/usr/bin/env node

// src/config/dirs.ts
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

export {
  configDir,
  stateHome
};
//# sourceMappingURL=chunk-RB6Z466D.js.map
