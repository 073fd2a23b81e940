#!/usr/bin/env node
import {
  trust,
  trustState
} from "./chunk-MT5LDDFF.js";
import {
  claimOwnership,
  isJsonObject,
  rawValuesAt,
  readJsonObject,
  readStateRecord,
  spliceJson,
  withClientFiles,
  writeStateRecord
} from "./chunk-FFCTF4SY.js";
import {
  pathInside,
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  parseConfig,
  projectConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";

// src/clients/adopt.ts
import { unlinkSync, existsSync } from "node:fs";
import { join } from "node:path";
var isObject = isJsonObject;
var recordPath = (root) => join(stateDirFor(root), "adopted.json");
function indentOf(text) {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? 2;
}
function writeJson(file, data, like) {
  const eol = like?.includes("\r\n") ? "\r\n" : "\n";
  const body = JSON.stringify(data, null, like ? indentOf(like) : 2).replace(/\n/g, eol);
  writeFileAtomic(file, (like?.startsWith("\uFEFF") ? "\uFEFF" : "") + body + (like === void 0 || /\r?\n$/.test(like) ? eol : ""));
}
function isStdioEntry(entry) {
  return isObject(entry) && typeof entry.command === "string" && (entry.type === void 0 || entry.type === "stdio");
}
function toSpec(entry) {
  const spec = { command: entry.command };
  if (Array.isArray(entry.args)) spec.args = entry.args.map(String);
  if (isObject(entry.env)) spec.env = Object.fromEntries(Object.entries(entry.env).map(([k, v]) => [k, String(v)]));
  if (typeof entry.cwd === "string") spec.cwd = entry.cwd;
  return spec;
}
async function adopt(root) {
  return withClientFiles(stateDirFor(root), () => adoptNow(root));
}
async function adoptNow(root) {
  const mcpFile = pathInside(root, ".mcp.json");
  const mcp = readJsonObject(mcpFile);
  if (!mcp) throw new UserError(`${mcpFile} does not exist: nothing to adopt`);
  const servers = mcp.data.mcpServers;
  if (!isObject(servers)) throw new UserError(`${mcpFile} has no mcpServers object: nothing to adopt`);
  const names = Object.keys(servers).filter((n) => isStdioEntry(servers[n]));
  if (names.length === 0) return [];
  const configFile = projectConfigPath(root);
  if (existsSync(configFile) && trustState(configFile) !== "trusted") {
    throw new UserError(`${configFile} is not trusted; review it and run \`mcp-auto trust\` before adopting into it`);
  }
  const existing = readJsonObject(configFile);
  const config = existing ? parseConfig(configFile, existing.text) : {};
  const specs = Array.isArray(config.servers) ? Object.fromEntries(config.servers.map((n) => [n, true])) : { ...config.servers ?? {} };
  const previous = readRecord(root);
  const record = { entries: { ...previous?.entries }, raw: { ...previous?.raw }, createdConfig: previous?.createdConfig ?? !existing };
  const raws = await rawValuesAt(mcp.text, names.map((name) => ["mcpServers", name]));
  for (const [i, name] of names.entries()) {
    if (Object.hasOwn(specs, name)) throw new UserError(`${configFile} already defines '${name}'; rename one of them, then adopt`);
    Object.defineProperty(specs, name, { value: toSpec(servers[name]), enumerable: true, writable: true, configurable: true });
    Object.defineProperty(record.entries, name, { value: servers[name], enumerable: true, writable: true, configurable: true });
    if (raws[i] !== void 0) Object.defineProperty(record.raw, name, { value: raws[i], enumerable: true, writable: true, configurable: true });
  }
  const nextConfig = { ...existing?.data ?? {}, servers: specs };
  parseConfig(configFile, JSON.stringify(nextConfig));
  writeStateRecord(recordPath(root), record);
  writeJson(configFile, nextConfig, existing?.text);
  trust(configFile);
  claimOwnership(stateDirFor(root), ".mcp.json", Object.fromEntries(names.map((name) => [name, servers[name]])));
  return names;
}
function readRecord(root) {
  return readStateRecord(recordPath(root));
}
async function unadopt(root, dropOwnership) {
  return withClientFiles(stateDirFor(root), () => unadoptNow(root, dropOwnership));
}
async function unadoptNow(root, dropOwnership) {
  const record = readRecord(root);
  if (!record || Object.keys(record.entries).length === 0) return [];
  const names = Object.keys(record.entries);
  const configFile = projectConfigPath(root);
  const existing = readJsonObject(configFile);
  if (existing) {
    const servers = isObject(existing.data.servers) ? { ...existing.data.servers } : {};
    for (const name of names) delete servers[name];
    const rest = { ...existing.data, servers };
    if (record.createdConfig && Object.keys(servers).length === 0 && Object.keys(rest).length === 1) {
      unlinkSync(configFile);
    } else {
      writeJson(configFile, rest, existing.text);
      trust(configFile);
    }
  }
  const mcpFile = pathInside(root, ".mcp.json");
  const mcp = readJsonObject(mcpFile);
  if (mcp && mcp.data.mcpServers !== void 0 && !isObject(mcp.data.mcpServers)) {
    throw new UserError(`${mcpFile}: mcpServers is not an object; fix it, then run \`mcp-auto unadopt\` again`);
  }
  dropOwnership(names);
  if (mcp && mcp.text.replace(/^\uFEFF/, "").trim() !== "") {
    const edits = names.map((name) => ({ path: ["mcpServers", name], value: record.entries[name], raw: record.raw?.[name] }));
    writeFileAtomic(mcpFile, await spliceJson(mcpFile, mcp.text, edits));
  } else {
    writeJson(mcpFile, { mcpServers: Object.fromEntries(names.map((name) => [name, record.entries[name]])) });
  }
  unlinkSync(recordPath(root));
  return names;
}

export {
  adopt,
  unadopt
};
//# sourceMappingURL=chunk-TWXM3XWY.js.map
