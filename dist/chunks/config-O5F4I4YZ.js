#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
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
} from "./chunk-MOQM4UEW.js";
import "./chunk-HMP7BMKC.js";
import "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";
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
//# sourceMappingURL=config-O5F4I4YZ.js.map
