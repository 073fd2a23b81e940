#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-M4BWF55I.js";
import "./chunk-UTAFV635.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-N4UFXCKK.js";
import "./chunk-6PDLRJEJ.js";
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
//# sourceMappingURL=status-M6UMFCEL.js.map
