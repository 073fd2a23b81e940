#!/usr/bin/env node
import {
  collect,
  help,
  kB,
  render,
  run,
  toolsText
} from "./chunk-VLQTWHUH.js";
import "./chunk-AFUMIZT3.js";
import "./chunk-IED5TB7I.js";
import "./chunk-MT5LDDFF.js";
import "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
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
//# sourceMappingURL=status-QBTGOVNA.js.map
