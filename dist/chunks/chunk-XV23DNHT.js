#!/usr/bin/env node
import {
  ownedEntries,
  readJsonObject,
  readStateRecord,
  writeStateRecord
} from "./chunk-FFCTF4SY.js";
import {
  isPlainFileAt,
  pathInside,
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";

// src/clients/claude-settings.ts
import { mkdirSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";
function settingsPath(root) {
  return join(root, ".claude", "settings.local.json");
}
var SETTINGS = ".claude/settings.local.json";
var names = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
var approvedRecord = (stateDir) => join(stateDir, "approved.json");
function readApproved(stateDir) {
  const data = readStateRecord(approvedRecord(stateDir));
  return { names: names(data?.names), createdFile: data?.createdFile === true, createdDir: data?.createdDir === true };
}
function approve(root, stateDir, servers) {
  const file = pathInside(root, SETTINGS);
  const read = readJsonObject(file);
  const data = read?.data ?? {};
  const enabled = names(data.enabledMcpjsonServers);
  const added = servers.filter((s) => !enabled.includes(s));
  if (added.length === 0) return [];
  data.enabledMcpjsonServers = [...enabled, ...added];
  const madeDir = mkdirSync(dirname(file), { recursive: true });
  const before = readApproved(stateDir);
  const record = {
    names: [...before.names, ...added.filter((n) => !before.names.includes(n))],
    createdFile: before.createdFile || read === void 0,
    createdDir: before.createdDir || madeDir !== void 0
  };
  writeStateRecord(approvedRecord(stateDir), record);
  try {
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}
`);
  } catch (error) {
    writeStateRecord(approvedRecord(stateDir), before);
    throw error;
  }
  return added;
}
function unapprove(root, stateDir) {
  const record = readApproved(stateDir);
  if (record.names.length === 0) return [];
  let file;
  try {
    file = pathInside(root, SETTINGS);
  } catch {
    return [];
  }
  const data = readJsonObject(file)?.data;
  if (!data || !Array.isArray(data.enabledMcpjsonServers)) return [];
  const enabled = data.enabledMcpjsonServers;
  const taken = record.names.filter((n) => enabled.includes(n));
  if (taken.length === 0) return [];
  const kept = enabled.filter((n) => typeof n !== "string" || !record.names.includes(n));
  if (kept.length) data.enabledMcpjsonServers = kept;
  else delete data.enabledMcpjsonServers;
  if (Object.keys(data).length === 0 && record.createdFile && isPlainFileAt(root, SETTINGS)) {
    unlinkSync(file);
    if (record.createdDir) try {
      rmdirSync(dirname(file));
    } catch {
    }
  } else {
    writeFileAtomic(file, `${JSON.stringify(data, null, 2)}
`);
  }
  return taken;
}
function mcpJsonOwnership(root, stateDir, managed) {
  const owned = ownedEntries(stateDir, ".mcp.json");
  const data = readJsonObject(pathInside(root, ".mcp.json"))?.data;
  const servers = data && typeof data.mcpServers === "object" && data.mcpServers !== null ? data.mcpServers : {};
  const result = { ours: [], foreign: [], missing: [] };
  for (const name of managed) {
    const current = Object.hasOwn(servers, name) ? servers[name] : void 0;
    if (current === void 0) result.missing.push(name);
    else if (Object.hasOwn(owned, name) && JSON.stringify(owned[name]) === JSON.stringify(current)) result.ours.push(name);
    else result.foreign.push(name);
  }
  return result;
}

export {
  settingsPath,
  approve,
  unapprove,
  mcpJsonOwnership
};
//# sourceMappingURL=chunk-XV23DNHT.js.map
