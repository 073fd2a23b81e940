#!/usr/bin/env node
import {
  IDENTITY_FILE,
  allRecords,
  daemonStatus,
  fetchHealth,
  identityProof,
  pidAlive,
  probeHealth,
  readIdentitySecret,
  readRecord,
  recordFor
} from "./chunk-WSNV3UTB.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-BMM3J2VH.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  IDENTITY_FILE,
  allRecords,
  daemonStatus,
  fetchHealth,
  identityProof,
  pidAlive,
  probeHealth,
  readIdentitySecret,
  readRecord,
  recordFor
};
//# sourceMappingURL=daemon-state-GWXWUHMG.js.map
