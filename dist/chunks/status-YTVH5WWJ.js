#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-HT3S3HBC.js";
import "./chunk-E2RM7D2A.js";
import "./chunk-VH3QAMA7.js";
import "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import "./chunk-YAJH6NXK.js";
import "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";
export {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
};
//# sourceMappingURL=status-YTVH5WWJ.js.map
