#!/usr/bin/env node
import {
  checkStampPath,
  removeStamp,
  writeStamp
} from "./chunk-5RXL5VTB.js";
import "./chunk-D7ASQK35.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  checkStampPath,
  removeStamp,
  writeStamp
};
//# sourceMappingURL=stamp-HNP3KDVP.js.map
