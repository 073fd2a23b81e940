#!/usr/bin/env node
import {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
} from "./chunk-D7ASQK35.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
};
//# sourceMappingURL=stamp-check-OHKQH3B3.js.map
