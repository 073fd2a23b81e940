#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-EVVVC3JC.js";
import "./chunk-72IMHOWS.js";
import "./chunk-2AOOTGWW.js";
import "./chunk-BSU7TT4Y.js";
import "./chunk-OYNE6HBD.js";
import "./chunk-ZGISFRS7.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-6JAMNBWT.js";
import "./chunk-3ZI45VYC.js";
import "./chunk-CWON7UJY.js";
import "./chunk-LOCU4XPC.js";
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
//# sourceMappingURL=status-MPT4Y4OC.js.map
