#!/usr/bin/env node
import {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
} from "./chunk-44UWT46X.js";
import "./chunk-WXZRNZNN.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
};
//# sourceMappingURL=port-YRQVCV2L.js.map
