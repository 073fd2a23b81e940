#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-OTLKZBWC.js";
import "./chunk-2JOJGX5M.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-UQKXKL5I.js";
import "./chunk-OYNE6HBD.js";
import "./chunk-ZGISFRS7.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-AMSU4L24.js";
import "./chunk-3ZI45VYC.js";
import "./chunk-CWON7UJY.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-MKDU5M3N.js";
import "./chunk-WSNV3UTB.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-W4LNQTZQ.js";
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
//# sourceMappingURL=status-WZMAMKGC.js.map
