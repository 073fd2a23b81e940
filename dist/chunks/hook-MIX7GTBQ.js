#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  help,
  hookScript,
  run,
  shellFile
} from "./chunk-2YUA3SLD.js";
import "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";
export {
  help,
  hookScript,
  run,
  shellFile
};
//# sourceMappingURL=hook-MIX7GTBQ.js.map
