#!/usr/bin/env node
import {
  entriesFor,
  managedEntries
} from "./chunk-GKUQR2OL.js";
import "./chunk-TSVP3ZNH.js";
export {
  entriesFor,
  managedEntries
};
//# sourceMappingURL=entries-TI7NYVYA.js.map
