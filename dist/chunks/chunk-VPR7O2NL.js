#!/usr/bin/env node

// src/util/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

export {
  VERSION
};
//# sourceMappingURL=chunk-VPR7O2NL.js.map
