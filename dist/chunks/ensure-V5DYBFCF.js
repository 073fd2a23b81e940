#!/usr/bin/env node
import {
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  olderThan,
  projectConfig,
  readToken,
  unseenNotices,
  userSettings,
  writeNotices
} from "./chunk-XBY36SCK.js";
import "./chunk-6VAM7WHU.js";
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
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  olderThan,
  projectConfig,
  readToken,
  unseenNotices,
  userSettings,
  writeNotices
};
//# sourceMappingURL=ensure-V5DYBFCF.js.map
