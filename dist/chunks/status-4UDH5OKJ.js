#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-DXFRWSUX.js";
import "./chunk-5FXWKG7N.js";
import "./chunk-4P5L7C2G.js";
import "./chunk-MHBTBRBV.js";
import "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-QYKSTNOW.js";
import "./chunk-OTVZKAEU.js";
import "./chunk-CWON7UJY.js";
import "./chunk-GKUQR2OL.js";
import "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
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
//# sourceMappingURL=status-4UDH5OKJ.js.map
