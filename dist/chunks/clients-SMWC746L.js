#!/usr/bin/env node
import {
  adapters,
  claimOwnership,
  forgetOwnership,
  ownedFiles,
  syncClients,
  syncClientsLocked,
  withClientFiles
} from "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import "./chunk-CWON7UJY.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  adapters,
  claimOwnership,
  forgetOwnership,
  ownedFiles,
  syncClients,
  syncClientsLocked,
  withClientFiles
};
//# sourceMappingURL=clients-SMWC746L.js.map
