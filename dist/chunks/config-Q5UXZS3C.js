#!/usr/bin/env node
import {
  PROJECT_CONFIG,
  USER_CONFIG_NAME,
  defaultSettings,
  expand,
  loadConfig,
  parseConfig,
  projectConfigPath,
  readConfigFile,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import "./chunk-AIQ3PVV7.js";
import "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";
export {
  PROJECT_CONFIG,
  USER_CONFIG_NAME,
  defaultSettings,
  expand,
  loadConfig,
  parseConfig,
  projectConfigPath,
  readConfigFile,
  userConfigPath
};
//# sourceMappingURL=config-Q5UXZS3C.js.map
