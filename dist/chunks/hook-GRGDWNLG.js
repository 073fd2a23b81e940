#!/usr/bin/env node
import {
  help,
  hookScript,
  run,
  shellFile
} from "./chunk-DRJIFNEL.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  help,
  hookScript,
  run,
  shellFile
};
//# sourceMappingURL=hook-GRGDWNLG.js.map
