#!/usr/bin/env node
import {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
} from "./chunk-MKDU5M3N.js";
import "./chunk-WSNV3UTB.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
};
//# sourceMappingURL=port-F3YMI6NY.js.map
