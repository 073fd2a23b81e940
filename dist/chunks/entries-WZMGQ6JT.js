#!/usr/bin/env node
import {
  entriesFor,
  managedEntries,
  mcpConfigText
} from "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import "./chunk-TSVP3ZNH.js";
export {
  entriesFor,
  managedEntries,
  mcpConfigText
};
//# sourceMappingURL=entries-WZMGQ6JT.js.map
