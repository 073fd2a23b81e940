#!/usr/bin/env node
import {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
} from "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
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
//# sourceMappingURL=port-774GJATW.js.map
