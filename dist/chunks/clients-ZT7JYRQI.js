#!/usr/bin/env node
import {
  adapters,
  claimOwnership,
  forgetOwnership,
  ownedFiles,
  syncClients,
  syncClientsLocked,
  withClientFiles
} from "./chunk-AMSU4L24.js";
import "./chunk-3ZI45VYC.js";
import "./chunk-CWON7UJY.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-WSNV3UTB.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-BMM3J2VH.js";
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
//# sourceMappingURL=clients-ZT7JYRQI.js.map
