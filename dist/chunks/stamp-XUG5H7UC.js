#!/usr/bin/env node
import {
  checkStampPath,
  removeStamp,
  writeStamp
} from "./chunk-EZ3DHIH3.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-ZOFGNTTV.js";
import "./chunk-DBGHJFSQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  checkStampPath,
  removeStamp,
  writeStamp
};
//# sourceMappingURL=stamp-XUG5H7UC.js.map
