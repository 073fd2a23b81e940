#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-XHUWAZCW.js";
import "./chunk-IN73V7YO.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-PJEPJLCR.js";
import "./chunk-6PDLRJEJ.js";
import "./chunk-5PIPUPJL.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-AZZE5Q4Y.js";
import "./chunk-Y4FRCWOS.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-DBGHJFSQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
};
//# sourceMappingURL=status-MHPUTNQP.js.map
