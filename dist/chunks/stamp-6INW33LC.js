#!/usr/bin/env node
import {
  checkStampPath,
  removeStamp,
  removeStampsFor,
  writeStamp
} from "./chunk-W2HXE37T.js";
import "./chunk-LHE4IOL2.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  checkStampPath,
  removeStamp,
  removeStampsFor,
  writeStamp
};
//# sourceMappingURL=stamp-6INW33LC.js.map
