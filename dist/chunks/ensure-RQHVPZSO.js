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
} from "./chunk-GL5LKSAR.js";
import "./chunk-6PDLRJEJ.js";
import "./chunk-5PIPUPJL.js";
import "./chunk-LOCU4XPC.js";
import "./chunk-PVH4M7UH.js";
import "./chunk-SGA525IH.js";
import "./chunk-GK4YEDLR.js";
import "./chunk-44UWT46X.js";
import "./chunk-WXZRNZNN.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-BMM3J2VH.js";
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
//# sourceMappingURL=ensure-RQHVPZSO.js.map
