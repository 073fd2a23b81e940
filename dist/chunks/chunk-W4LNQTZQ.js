#!/usr/bin/env node
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/config/paths.ts
import { createHash } from "node:crypto";
import { join } from "node:path";
function rootHash(root) {
  return createHash("sha256").update(root).digest("hex").slice(0, 16);
}
function stateDirFor(root) {
  return join(stateHome(), rootHash(root));
}
var IDLE_STOPPED = "stopped-idle";

export {
  rootHash,
  stateDirFor,
  IDLE_STOPPED
};
//# sourceMappingURL=chunk-W4LNQTZQ.js.map
