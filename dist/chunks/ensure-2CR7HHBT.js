#!/usr/bin/env node
import {
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  managedEntries,
  olderThan,
  projectConfig,
  readToken,
  unseenNotices,
  userSettings,
  writeNotices
} from "./chunk-BSU7TT4Y.js";
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
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  managedEntries,
  olderThan,
  projectConfig,
  readToken,
  unseenNotices,
  userSettings,
  writeNotices
};
//# sourceMappingURL=ensure-2CR7HHBT.js.map
