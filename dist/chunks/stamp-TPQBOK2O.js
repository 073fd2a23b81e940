#!/usr/bin/env node
import {
  checkStampPath,
  ensureStamped,
  removeStamp,
  removeStampsFor,
  writeStamp
} from "./chunk-PF5V6EIJ.js";
import "./chunk-3V7JBOM2.js";
import "./chunk-IED5TB7I.js";
import "./chunk-MT5LDDFF.js";
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
  checkStampPath,
  ensureStamped,
  removeStamp,
  removeStampsFor,
  writeStamp
};
//# sourceMappingURL=stamp-TPQBOK2O.js.map
