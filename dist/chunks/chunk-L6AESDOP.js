#!/usr/bin/env node

// src/daemon/server-state.ts
var STATE_MEANING = {
  "not-started": "starts when the first client session needs it",
  starting: "clients wait for it",
  ready: "serving",
  failed: "clients get an error until `mcp-auto restart`",
  stopped: "the daemon is stopping"
};
function startMode(def, usersRoot) {
  return def.start === "eager" && (!def.analyses || usersRoot()) ? "eager" : "lazy";
}

export {
  STATE_MEANING,
  startMode
};
//# sourceMappingURL=chunk-L6AESDOP.js.map
