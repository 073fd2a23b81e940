#!/usr/bin/env node
import {
  EarlyStart,
  readDaemonConfig
} from "./chunk-XRQGSZJZ.js";
import "./chunk-L6AESDOP.js";
import "./chunk-IO6PQGEU.js";
import "./chunk-MXCEDOGP.js";
import "./chunk-5PIPUPJL.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  EarlyStart,
  readDaemonConfig
};
//# sourceMappingURL=early-start-Z7YVJLH4.js.map
