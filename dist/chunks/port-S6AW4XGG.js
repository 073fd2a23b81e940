#!/usr/bin/env node
import {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
} from "./chunk-AZZE5Q4Y.js";
import "./chunk-Y4FRCWOS.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-DBGHJFSQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
};
//# sourceMappingURL=port-S6AW4XGG.js.map
