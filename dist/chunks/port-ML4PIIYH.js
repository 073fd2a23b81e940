#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
} from "./chunk-3IWKIRKS.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";
export {
  canBind,
  choosePort,
  hashedPort,
  portHolder,
  probeOrder
};
//# sourceMappingURL=port-ML4PIIYH.js.map
