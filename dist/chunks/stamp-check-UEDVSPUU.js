#!/usr/bin/env node
import {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
} from "./chunk-LHE4IOL2.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
};
//# sourceMappingURL=stamp-check-UEDVSPUU.js.map
