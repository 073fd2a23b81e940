#!/usr/bin/env node
import {
  help,
  hookScript,
  run,
  shellFile
} from "./chunk-S2GM2MK2.js";
import "./chunk-3QUSHYHU.js";
import "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  help,
  hookScript,
  run,
  shellFile
};
//# sourceMappingURL=hook-SOOUDONS.js.map
