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
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
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
//# sourceMappingURL=daemon-state-DS3V5PD6.js.map
