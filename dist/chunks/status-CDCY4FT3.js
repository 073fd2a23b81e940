#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-7PTTVVA7.js";
import "./chunk-5QURORAE.js";
import "./chunk-F6N5FOR7.js";
import "./chunk-HVWLQLT7.js";
import "./chunk-NHR5QFXY.js";
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
//# sourceMappingURL=status-CDCY4FT3.js.map
