#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-DW5TLUNA.js";
import "./chunk-O4VBO6DO.js";
import "./chunk-XBY36SCK.js";
import "./chunk-6VAM7WHU.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-GD55ARHF.js";
import "./chunk-7UNPIWQI.js";
import "./chunk-CWON7UJY.js";
import "./chunk-GKUQR2OL.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-344WA2EI.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
};
//# sourceMappingURL=status-KIGSP6F4.js.map
