#!/usr/bin/env node
import {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
} from "./chunk-ZOFGNTTV.js";
import "./chunk-DBGHJFSQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  processStartTime,
  readFreshStamp,
  stampFor,
  stampsDir
};
//# sourceMappingURL=stamp-check-4SQZFL5F.js.map
