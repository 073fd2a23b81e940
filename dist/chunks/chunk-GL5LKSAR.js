#!/usr/bin/env node
import {
  claude,
  entriesFor
} from "./chunk-6PDLRJEJ.js";
import {
  STDERR_FILE,
  pathInside,
  readProjectFile,
  readRegular
} from "./chunk-5PIPUPJL.js";
import {
  writeFileAtomic
} from "./chunk-LOCU4XPC.js";
import {
  VERSION
} from "./chunk-PVH4M7UH.js";
import {
  PROJECT_CONFIG,
  defaultSettings,
  loadConfig,
  projectConfigPath,
  readConfigFile,
  userConfigPath
} from "./chunk-SGA525IH.js";
import {
  UserError,
  errorMessage,
  oneLine
} from "./chunk-GK4YEDLR.js";
import {
  choosePort
} from "./chunk-44UWT46X.js";
import {
  daemonStatus,
  fetchHealth,
  pidAlive
} from "./chunk-WXZRNZNN.js";
import {
  IDLE_STOPPED,
  stateDirFor
} from "./chunk-W4LNQTZQ.js";

// src/ensure/ensure.ts
import { spawn } from "node:child_process";
import { closeSync as closeSync2, mkdirSync as mkdirSync3, openSync as openSync2, readFileSync as readFileSync4, appendFileSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname as dirname2, join as join5 } from "node:path";

// src/clients/codex.ts
var codex = {
  name: "codex",
  file: ".codex/config.toml",
  format: "toml",
  container: ["mcp_servers"],
  entry: (s) => {
    const bearer = /^Bearer \$\{(\w+)\}$/.exec(s.headers?.Authorization ?? "")?.[1];
    const others = Object.entries(s.headers ?? {}).filter(([k]) => !(bearer && k === "Authorization"));
    return {
      url: s.url,
      ...bearer ? { bearer_token_env_var: bearer } : {},
      ...others.length ? { http_headers: Object.fromEntries(others) } : {}
    };
  },
  expandsEnv: true,
  verified: "cli"
};

// src/clients/cursor.ts
var cursor = {
  name: "cursor",
  file: ".cursor/mcp.json",
  format: "json",
  container: ["mcpServers"],
  entry: (s) => ({
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
  }),
  expandsEnv: true,
  verified: "docs"
};
function envRefs(headers, ref) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/\$\{(\w+)\}/g, (_, name) => ref(name))]));
}

// src/clients/docs-clients.ts
var roo = {
  name: "roo",
  file: ".roo/mcp.json",
  format: "json",
  container: ["mcpServers"],
  entry: (s) => ({
    type: s.client === "sse" ? "sse" : "streamable-http",
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
  }),
  expandsEnv: true,
  verified: "docs"
};
var zed = {
  name: "zed",
  file: ".zed/settings.json",
  format: "jsonc",
  container: ["context_servers"],
  entry: (s) => ({ url: s.url }),
  expandsEnv: false,
  verified: "docs"
};
var amazonq = {
  name: "amazonq",
  file: ".amazonq/mcp.json",
  format: "json",
  container: ["mcpServers"],
  entry: (s) => ({ type: "http", url: s.url }),
  expandsEnv: false,
  verified: "docs"
};
var continueDev = {
  name: "continue",
  file: ".continue/mcpServers/mcp-auto.json",
  format: "json",
  container: ["mcpServers"],
  entry: (s) => ({ type: s.client === "sse" ? "sse" : "streamable-http", url: s.client === "sse" ? s.sseUrl : s.url }),
  expandsEnv: false,
  verified: "docs"
};

// src/clients/gemini.ts
var gemini = {
  name: "gemini",
  file: ".gemini/settings.json",
  format: "jsonc",
  container: ["mcpServers"],
  entry: (s) => ({
    type: s.client,
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: s.headers } : {}
  }),
  expandsEnv: true,
  verified: "cli"
};

// src/clients/opencode.ts
var opencode = {
  name: "opencode",
  file: "opencode.json",
  format: "jsonc",
  container: ["mcp"],
  entry: (s) => ({
    type: "remote",
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: envRefs(s.headers, (name) => `{env:${name}}`) } : {}
  }),
  expandsEnv: true,
  verified: "cli"
};
var kilo = { ...opencode, name: "kilo", file: ".kilo/kilo.jsonc", verified: "docs" };

// src/clients/qwen.ts
var qwen = {
  name: "qwen",
  file: ".qwen/settings.json",
  format: "jsonc",
  container: ["mcpServers"],
  entry: (s) => ({
    ...s.client === "sse" ? { url: s.sseUrl } : { httpUrl: s.url },
    ...s.headers ? { headers: s.headers } : {}
  }),
  expandsEnv: true,
  verified: "cli"
};

// src/clients/vscode.ts
var vscode = {
  name: "vscode",
  file: ".vscode/mcp.json",
  format: "jsonc",
  container: ["servers"],
  entry: (s) => ({
    type: s.client,
    url: s.client === "sse" ? s.sseUrl : s.url,
    ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
  }),
  expandsEnv: true,
  verified: "docs"
};

// src/clients/merge.ts
import { existsSync as existsSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync3 } from "node:fs";
import { dirname, join as join3 } from "node:path";

// src/ensure/lock.ts
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
var STALE_MS = 3e4;
async function withLock(dir, fn, waitMs = 15e3, name = "lock") {
  const file = join(dir, name);
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    try {
      const fd = openSync(file, "wx", 384);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (isStale(file)) {
        try {
          unlinkSync(file);
        } catch {
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${file} is held by another mcp-auto; remove it if no mcp-auto is running`);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if (readFileSync(file, "utf8") === String(process.pid)) unlinkSync(file);
    } catch {
    }
  }
}
function isStale(file) {
  try {
    const pid = Number(readFileSync(file, "utf8"));
    if (pid > 0 && !pidAlive(pid)) return true;
    return Date.now() - statSync(file).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}

// src/util/json-file.ts
import { existsSync } from "node:fs";
function readUtf8(file) {
  const bytes = readRegular(file);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error("it is not valid UTF-8");
  }
}
var isJsonObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function readJsonObject(file) {
  if (!existsSync(file)) return void 0;
  try {
    const text = readUtf8(file);
    const data = JSON.parse(text.replace(/^\uFEFF/, ""));
    if (!isJsonObject(data)) throw new Error("the top level is not an object");
    return { text, data };
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${oneLine(error)}); fix it first`);
  }
}

// src/util/json-edit.ts
async function rawValuesAt(text, paths) {
  const { findNodeAtLocation, parseTree } = await import("./main-LIVBWCYZ.js");
  const body = text.replace(/^\uFEFF/, "");
  const tree = parseTree(body);
  return paths.map((path3) => {
    const node = tree && duplicateOnPath(tree, path3) === void 0 ? findNodeAtLocation(tree, path3) : void 0;
    return node ? body.slice(node.offset, node.offset + node.length) : void 0;
  });
}
function styleOf(text) {
  const body = text.replace(/^\uFEFF/, "");
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  return {
    bom: text.startsWith("\uFEFF"),
    eol: body.includes("\r\n") ? "\r\n" : "\n",
    indent: indent ?? 2,
    finalNewline: body.length === 0 || /\r?\n$/.test(body)
  };
}
async function spliceJson(file, text, edits) {
  const style = styleOf(text);
  const { applyEdits, findNodeAtLocation, format, modify, parseTree } = await import("./main-LIVBWCYZ.js");
  const bom = text.startsWith("\uFEFF");
  let body = bom ? text.slice(1) : text;
  const indent = typeof style.indent === "number" ? " ".repeat(style.indent) : style.indent;
  const options = { insertSpaces: !indent.includes("	"), tabSize: indent.includes("	") ? 1 : indent.length, eol: style.eol };
  const multiline = body.includes("\n");
  try {
    for (const path3 of new Set(edits.map((e) => JSON.stringify(e.path)))) {
      const key = duplicateOnPath(parseTree(body), JSON.parse(path3));
      if (key !== void 0) throw new UserError(`${file} has the key ${JSON.stringify(key)} twice; remove one, then run \`mcp-auto ensure\``);
    }
    for (const { path: path3, value, raw } of edits) {
      const changes = modify(body, path3, value, {});
      if (changes.length !== 1) {
        body = applyEdits(body, changes);
        continue;
      }
      let change = changes[0];
      if (value === void 0) {
        const removed = body.slice(change.offset, change.offset + change.length);
        const trailing = /\r?\n[ \t]*$/.exec(removed);
        if (trailing && /^\s*\n/.test(removed)) change = { ...change, length: change.length - trailing[0].length };
        body = applyEdits(body, [change]);
      } else {
        body = applyEdits(body, [change]);
        if (multiline) body = applyEdits(body, format(body, { offset: change.offset, length: change.content.length }, options));
        const node = raw === void 0 ? void 0 : findNodeAtLocation(parseTree(body), path3);
        if (node) body = body.slice(0, node.offset) + raw + body.slice(node.offset + node.length);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file} is nested too deeply to edit safely; left as it is`);
    throw error;
  }
  return (bom ? "\uFEFF" : "") + body;
}
function duplicateOnPath(root, path3) {
  let node = root;
  for (const key of path3) {
    if (node?.type !== "object") return void 0;
    const matches = (node.children ?? []).filter((p) => p.children?.[0]?.value === key);
    if (matches.length > 1) return key;
    node = matches[0]?.children?.[1];
  }
  return void 0;
}

// src/clients/git-exclude.ts
import { lstatSync, mkdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
var EXCLUDE_COMMENT = "# added by mcp-auto (it created this file; `mcp-auto unadopt` or `forget` take it out)";
function excludeFile(root, create) {
  const git = join2(root, ".git");
  const info = join2(git, "info");
  const file = join2(info, "exclude");
  try {
    if (!lstatSync(git).isDirectory()) return void 0;
    const infoStat = lstatSync(info, { throwIfNoEntry: false });
    if (!infoStat) {
      if (!create) return void 0;
      mkdirSync(info, { mode: 493 });
    } else if (!infoStat.isDirectory()) {
      return void 0;
    }
    const fileStat = lstatSync(file, { throwIfNoEntry: false });
    if (fileStat && !fileStat.isFile()) return void 0;
    if (!fileStat && !create) return void 0;
    return file;
  } catch {
    return void 0;
  }
}
var patternFor = (relative) => `/${relative.split("\\").join("/").replace(/^\/+/, "")}`;
function splitLines(text) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return { lines, eol };
}
function addGitExclude(root, relative) {
  const file = excludeFile(root, true);
  if (!file) return false;
  try {
    const text = lstatSync(file, { throwIfNoEntry: false }) ? readFileSync2(file, "utf8") : "";
    const { lines, eol } = splitLines(text);
    const pattern = patternFor(relative);
    if (lines.some((l) => l.trim() === pattern)) return false;
    writeFileAtomic(file, [...lines, EXCLUDE_COMMENT, pattern].join(eol) + eol);
    return true;
  } catch {
    return false;
  }
}
function removeGitExclude(root, relative) {
  const file = excludeFile(root, false);
  if (!file) return false;
  try {
    const { lines, eol } = splitLines(readFileSync2(file, "utf8"));
    const pattern = patternFor(relative);
    const kept = [];
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === EXCLUDE_COMMENT && lines[i + 1]?.trim() === pattern) {
        i++;
        continue;
      }
      kept.push(lines[i]);
    }
    if (kept.length === lines.length) return false;
    writeFileAtomic(file, kept.length ? kept.join(eol) + eol : "");
    return true;
  } catch {
    return false;
  }
}

// src/clients/merge.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function readOwnership(stateDir) {
  try {
    const data = JSON.parse(readFileSync3(join3(stateDir, "clients.json"), "utf8"));
    return isObject(data) ? data : {};
  } catch {
    return {};
  }
}
function writeOwnership(stateDir, ownership) {
  mkdirSync2(stateDir, { recursive: true, mode: 448 });
  writeFileAtomic(join3(stateDir, "clients.json"), `${JSON.stringify(ownership, null, 2)}
`, 384);
}
async function parse(adapter, text) {
  const body = text.replace(/^\uFEFF/, "");
  if (adapter.format === "toml") {
    const { parse: parseToml } = await import("./dist-P3TFWTOA.js");
    return parseToml(body);
  }
  if (body.trim() === "") return {};
  let data;
  if (adapter.format === "jsonc") {
    const { parse: parseJsonc, printParseErrorCode } = await import("./main-LIVBWCYZ.js");
    const errors = [];
    data = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors[0]) throw new Error(`${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset}`);
  } else {
    data = JSON.parse(body);
  }
  if (!isObject(data)) throw new Error("the top level is not a JSON object");
  return data;
}
async function serialize(adapter, doc, style) {
  let text;
  if (adapter.format === "toml") {
    const { stringify } = await import("./dist-P3TFWTOA.js");
    text = stringify(doc);
  } else {
    text = JSON.stringify(doc, null, style.indent);
  }
  text = text.replace(/\r?\n/g, style.eol);
  if (style.finalNewline && !text.endsWith(style.eol)) text += style.eol;
  return (style.bom ? "\uFEFF" : "") + text;
}
function container(doc, path3, create) {
  let node = doc;
  for (const key of path3) {
    const next = node[key];
    if (next === void 0) {
      if (!create) return void 0;
      node[key] = {};
    } else if (!isObject(next)) {
      return void 0;
    }
    node = node[key];
  }
  return node;
}
async function syncOne(root, adapter, entries, owned) {
  const shown = join3(root, adapter.file);
  const result = { client: adapter.name, file: shown, status: "unchanged", conflicts: [], removed: [] };
  let file;
  try {
    file = pathInside(root, adapter.file);
  } catch (error) {
    return { result: { ...result, status: "refused", error: oneLine(error, 400) }, owned };
  }
  let text;
  try {
    text = readUtf8(file);
  } catch (error) {
    if (error.code === void 0) {
      return { result: { ...result, status: "refused", error: `${shown}: ${errorMessage(error)}; fix it and run \`mcp-auto ensure\`` }, owned };
    }
    if (error.code !== "ENOENT") {
      return { result: { ...result, status: "refused", error: `${shown} ${readProblem(error)}` }, owned };
    }
  }
  let doc;
  try {
    doc = text === void 0 ? {} : await parse(adapter, text);
  } catch (error) {
    return { result: { ...result, status: "refused", error: `${shown} is not valid ${adapter.format.toUpperCase()} (${oneLine(error)}); fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const servers = container(doc, adapter.container, entries.length > 0);
  if (!servers) {
    if (entries.length === 0) return { result, owned: {} };
    return { result: { ...result, status: "refused", error: `${shown}: ${adapter.container.join(".")} is not an object; fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const nextOwned = {};
  const edits = [];
  let changed = false;
  const managed = new Set(entries.map((e) => e.name));
  for (const server of entries) {
    const wanted = adapter.entry(server);
    const current = servers[server.name];
    const ours = server.name in owned && same(current, owned[server.name]);
    if (current !== void 0 && !ours && !same(current, wanted)) {
      result.conflicts.push(server.name);
      continue;
    }
    if (!same(current, wanted)) {
      servers[server.name] = wanted;
      edits.push({ path: [...adapter.container, server.name], value: wanted });
      changed = true;
    }
    nextOwned[server.name] = wanted;
  }
  for (const [name, written] of Object.entries(owned)) {
    if (managed.has(name) || !same(servers[name], written)) continue;
    delete servers[name];
    edits.push({ path: [...adapter.container, name], value: void 0 });
    result.removed.push(name);
    changed = true;
  }
  if (changed) {
    const style = text === void 0 ? styleOf('{\n  "x": 1\n}\n') : styleOf(text);
    try {
      if (pathInside(root, adapter.file) !== file) throw new Error(`${shown} changed while being edited; left alone`);
    } catch (error) {
      return { result: { ...result, status: "refused", error: oneLine(error, 400) }, owned };
    }
    try {
      mkdirSync2(dirname(file), { recursive: true });
    } catch (error) {
      return { result: { ...result, status: "refused", error: `cannot write ${shown}: ${writeProblem(error, dirname(file))}` }, owned };
    }
    const inPlace = adapter.format !== "toml" && text !== void 0 && text.replace(/^\uFEFF/, "").trim() !== "";
    let next;
    try {
      next = inPlace ? await spliceJson(file, text, edits) : await serialize(adapter, doc, style);
    } catch (error) {
      return { result: { ...result, status: "refused", error: oneLine(error) }, owned };
    }
    try {
      writeFileAtomic(file, next);
    } catch (error) {
      return { result: { ...result, status: "refused", error: `cannot write ${file}: ${writeProblem(error, dirname(file))}` }, owned };
    }
    result.status = "written";
    if (text === void 0) addGitExclude(root, adapter.file);
  }
  return { result, owned: nextOwned };
}
function readProblem(error) {
  const code = error.code;
  if (code === "EISDIR") return "is a directory, not a file; remove or rename it, then run `mcp-auto ensure`";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read: ${oneLine(error)}`;
}
function writeProblem(error, dir) {
  const code = error.code;
  if (code === "EROFS") return `${dir} is on a read-only file system`;
  if (code === "EACCES" || code === "EPERM") return `${dir} is read-only for you (permission denied)`;
  if (code === "ENOSPC") return "the disk is full";
  return oneLine(error);
}
async function syncClients(root, stateDir, adapters2, entries) {
  return withClientFiles(stateDir, () => syncClientsLocked(root, stateDir, adapters2, entries));
}
function withClientFiles(stateDir, fn) {
  if (!existsSync2(stateDir)) return fn();
  return withLock(stateDir, fn, 15e3, "clients.lock");
}
async function syncClientsLocked(root, stateDir, adapters2, entries) {
  const ownership = readOwnership(stateDir);
  const before = JSON.stringify(ownership);
  const results = [];
  for (const adapter of adapters2) {
    const skip = !adapter.expandsEnv && entries.some((e) => e.headers);
    const { result, owned } = await syncOne(root, adapter, skip ? [] : entries, ownership[adapter.file] ?? {});
    if (skip && result.status !== "refused") {
      result.status = "skipped";
      result.notice = `${adapter.name} cannot expand \${MCP_AUTO_TOKEN} in a header, so under "auth": "token" mcp-auto writes no entry to ${adapter.file} (drop "${adapter.name}" from "clients", or use "auth": "none")`;
    }
    results.push(result);
    if (Object.keys(owned).length > 0) ownership[adapter.file] = owned;
    else delete ownership[adapter.file];
  }
  if (JSON.stringify(ownership) !== before) writeOwnership(stateDir, ownership);
  return results;
}
function claimOwnership(stateDir, file, entries) {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file] ?? {};
  for (const [name, entry] of Object.entries(entries)) {
    Object.defineProperty(owned, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  ownership[file] = owned;
  writeOwnership(stateDir, ownership);
}
function ownedFiles(stateDir) {
  return Object.keys(readOwnership(stateDir));
}
function forgetOwnership(stateDir, file, names) {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file];
  if (!owned) return;
  for (const name of names) delete owned[name];
  writeOwnership(stateDir, ownership);
}
function ownedEntries(stateDir, file) {
  return readOwnership(stateDir)[file] ?? {};
}

// src/clients/index.ts
var adapters = {
  claude,
  cursor,
  vscode,
  gemini,
  codex,
  qwen,
  opencode,
  kilo,
  roo,
  zed,
  amazonq,
  continue: continueDev
};

// src/util/process.ts
function killGroupOf(pid) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
    }
  }
}
async function rssMb(pid) {
  try {
    const { readFileSync: readFileSync5 } = await import("node:fs");
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync5(`/proc/${pid}/status`, "utf8"))?.[1];
    if (kb) return Math.round(Number(kb) / 102.4) / 10;
  } catch {
  }
  try {
    const { execFileSync } = await import("node:child_process");
    const kb = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
    return kb > 0 ? Math.round(kb / 102.4) / 10 : void 0;
  } catch {
    return void 0;
  }
}

// src/ensure/root.ts
import { realpathSync, statSync as statSync2 } from "node:fs";
import { homedir } from "node:os";
import { join as join4 } from "node:path";

// node_modules/find-up/index.js
import path2 from "node:path";

// node_modules/locate-path/index.js
import process2 from "node:process";
import path from "node:path";
import fs, { promises as fsPromises } from "node:fs";
import { fileURLToPath } from "node:url";
var typeMappings = {
  directory: "isDirectory",
  file: "isFile"
};
function checkType(type) {
  if (type === "both" || Object.hasOwn(typeMappings, type)) {
    return;
  }
  throw new Error(`Invalid type specified: ${type}`);
}
var matchType = (type, stat) => type === "both" ? stat.isFile() || stat.isDirectory() : stat[typeMappings[type]]();
var toPath = (urlOrPath) => urlOrPath instanceof URL ? fileURLToPath(urlOrPath) : urlOrPath;
function locatePathSync(paths, {
  cwd = process2.cwd(),
  type = "file",
  allowSymlinks = true
} = {}) {
  checkType(type);
  cwd = toPath(cwd);
  const statFunction = allowSymlinks ? fs.statSync : fs.lstatSync;
  for (const path_ of paths) {
    try {
      const stat = statFunction(path.resolve(cwd, path_), {
        throwIfNoEntry: false
      });
      if (!stat) {
        continue;
      }
      if (matchType(type, stat)) {
        return path_;
      }
    } catch {
    }
  }
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath2(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/find-up/index.js
var findUpStop = /* @__PURE__ */ Symbol("findUpStop");
function findUpMultipleSync(name, options = {}) {
  let directory = path2.resolve(toPath2(options.cwd) ?? "");
  const { root } = path2.parse(directory);
  const stopAt = path2.resolve(directory, toPath2(options.stopAt) ?? root);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const paths = [name].flat();
  const runMatcher = (locateOptions) => {
    if (typeof name !== "function") {
      return locatePathSync(paths, locateOptions);
    }
    const foundPath = name(locateOptions.cwd);
    if (typeof foundPath === "string") {
      return locatePathSync([foundPath], locateOptions);
    }
    return foundPath;
  };
  const matches = [];
  while (true) {
    const foundPath = runMatcher({ ...options, cwd: directory });
    if (foundPath === findUpStop) {
      break;
    }
    if (foundPath) {
      matches.push(path2.resolve(directory, foundPath));
    }
    if (directory === stopAt || matches.length >= limit) {
      break;
    }
    directory = path2.dirname(directory);
  }
  return matches;
}
function findUpSync(name, options = {}) {
  const matches = findUpMultipleSync(name, { ...options, limit: 1 });
  return matches[0];
}

// src/ensure/root.ts
function findRoot(start, markers) {
  let cwd;
  try {
    cwd = realpathSync(start);
  } catch {
    return void 0;
  }
  const home = safeRealpath(homedir());
  let marker = "";
  const root = findUpSync((dir) => {
    const candidates = dir === home || dir === "/" ? [PROJECT_CONFIG] : markers;
    const hit = candidates.find((m) => ownMarker(dir, m));
    if (!hit) return void 0;
    marker = hit;
    return dir;
  }, { cwd, type: "directory" });
  return root ? { root, marker } : void 0;
}
var uid = process.geteuid?.();
function ownMarker(dir, marker) {
  try {
    const owner = statSync2(join4(dir, marker)).uid;
    return uid === void 0 || owner === uid && statSync2(dir).uid === uid;
  } catch {
    return false;
  }
}
function safeRealpath(path3) {
  try {
    return realpathSync(path3);
  } catch {
    return path3;
  }
}

// src/ensure/ensure.ts
function userSettings() {
  const user = readConfigFile(userConfigPath());
  return { ...defaultSettings, ...Object.fromEntries(Object.entries(user ?? {}).filter(([k]) => k in defaultSettings)) };
}
function locateRoot(dir, settings = userSettings()) {
  return findRoot(dir, settings.markers);
}
function projectConfig(root) {
  const file = projectConfigPath(root);
  const read = readProjectFile(file);
  const config = loadConfig(read.state === "trusted" ? { projectFile: file, projectText: read.text } : {});
  return { config, trust: read.state, ...read.problem ? { problem: read.problem } : {} };
}
function managedEntries(config, port) {
  return entriesFor(config.servers.values(), port, config.settings.auth);
}
var START_WAIT_MS = 1e4;
async function ensureRoot(project, opts = {}) {
  const { root, marker } = project;
  const stateDir = stateDirFor(root);
  const { config, trust, problem } = projectConfig(root);
  let started = false;
  const impostors = [];
  let status = await daemonStatus(root, { ensure: true });
  let health;
  if (status.kind === "running" && !olderThan(status.health.version, VERSION)) {
    health = status.health;
  } else {
    mkdirSync3(stateDir, { recursive: true, mode: 448 });
    health = await withLock(stateDir, async () => {
      status = await daemonStatus(root, { ensure: true });
      if (status.kind === "running" && !olderThan(status.health.version, VERSION)) return status.health;
      if (status.kind === "running") {
        await stopOld(status.record.pid, status.record.port);
      }
      started = true;
      return startDaemon(root, stateDir, config.settings.portRange, opts.preferPort ?? (status.kind === "none" ? void 0 : status.record.port), impostors);
    });
  }
  const entries = managedEntries(config, health.port);
  const chosen = opts.writeClients === false ? [] : config.settings.clients.map((name) => {
    const adapter = adapters[name];
    if (!adapter) throw new UserError(`unknown client '${name}' in "clients" (known: ${Object.keys(adapters).join(", ")})`, 2);
    return adapter;
  });
  const clients = await syncClients(root, stateDir, chosen, entries);
  const notices = [...impostors.map((why) => `mcp-auto: ${why}; not ours, so the daemon moved to port ${health.port}`), ...noticesFor(root, trust, clients, problem)];
  const token = config.settings.auth === "token" ? readToken(stateDir) : void 0;
  return {
    root,
    marker,
    port: health.port,
    url: `http://127.0.0.1:${health.port}`,
    pid: health.pid,
    started,
    trust,
    servers: entries.map((e) => e.name),
    clients,
    notices,
    ...token ? { token } : {}
  };
}
function olderThan(a, b) {
  const parse2 = (v) => {
    const [core = "", pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse2(a);
  const y = parse2(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  if (x.pre !== void 0 && y.pre === void 0) return true;
  if (x.pre === void 0 || y.pre === void 0) return false;
  return x.pre < y.pre;
}
async function stopOld(pid, port) {
  const sleep = () => new Promise((r) => setTimeout(r, 25));
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + 5e3;
  while (pidAlive(pid) && Date.now() < deadline) await sleep();
  if (pidAlive(pid)) killGroupOf(pid);
  const { canBind } = await import("./port-YRQVCV2L.js");
  const bound = Date.now() + 3e3;
  while (!await canBind(port) && Date.now() < bound) await sleep();
}
async function startDaemon(root, stateDir, range, previousPort, impostors) {
  const tried = /* @__PURE__ */ new Set();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { port, holder, impostors: seen } = await choosePortAvoiding(root, range, tried, previousPort);
    for (const why of seen) if (!impostors.includes(why)) impostors.push(why);
    if (holder === "ours") {
      const health = await fetchHealth(port, { ensure: true });
      if (health) return health;
    }
    tried.add(port);
    const child = spawnDaemon(root, port, stateDir);
    const outcome = await waitForDaemon(child, port, root);
    if (outcome === "port-taken") continue;
    if (outcome === "timeout" || outcome === "exited") {
      throw new UserError(`the daemon for ${root} did not start (${outcome}); see \`mcp-auto logs ${root}\``);
    }
    return outcome;
  }
  throw new UserError(`could not find a port for ${root}; see \`mcp-auto doctor\``);
}
async function choosePortAvoiding(root, range, tried, previous) {
  if (previous !== void 0 && !tried.has(previous)) {
    const { portHolder } = await import("./port-YRQVCV2L.js");
    const { holder, why } = await portHolder(previous, root);
    if (holder === "free" || holder === "ours") return { port: previous, holder, impostors: [] };
    if (why) {
      const choice2 = await choosePort(root, range);
      return { ...choice2, impostors: [why, ...choice2.impostors] };
    }
  }
  const choice = await choosePort(root, range);
  if (!tried.has(choice.port)) return choice;
  throw new UserError(`port ${choice.port} keeps being taken; see \`mcp-auto doctor\``);
}
function spawnDaemon(root, port, stateDir) {
  const log = openSync2(join5(stateDir, STDERR_FILE), "w", 384);
  const cli = process.argv[1];
  const child = spawn(process.execPath, [cli, "daemon", "--root", root, "--port", String(port)], {
    detached: true,
    stdio: ["ignore", log, log],
    // Not the project: nothing there may take part in what the daemon runs.
    cwd: stateDir,
    env: process.env
  });
  closeSync2(log);
  return child;
}
function waitForDaemon(child, port, root) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.unref();
      resolve(value);
    };
    child.once("exit", (code) => finish(code === 3 ? "port-taken" : "exited"));
    const timer = setTimeout(() => finish("timeout"), START_WAIT_MS);
    const poll = async () => {
      while (!done) {
        const health = await fetchHealth(port, { timeoutMs: 500, ensure: true });
        if (health?.root === root) return finish(health);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void poll();
  });
}
function noticesFor(root, trust, clients, problem) {
  const lines = [];
  if (problem) lines.push(`mcp-auto: ${problem}`);
  if (trust === "untrusted") lines.push(`mcp-auto: ${projectConfigPath(root)} is not trusted; run \`mcp-auto trust ${root}\` to use it`);
  for (const c of clients) {
    if (c.error) lines.push(`mcp-auto: ${c.error}`);
    if (c.notice) lines.push(`mcp-auto: ${c.notice}`);
    for (const name of c.conflicts) lines.push(`mcp-auto: ${c.file} already has a '${name}' entry mcp-auto did not write; left as is (rename or remove it)`);
  }
  return lines;
}
function unseenNotices(root, lines) {
  const shownFile = join5(stateDirFor(root), "notices-shown.json");
  let shown = [];
  try {
    shown = JSON.parse(readFileSync4(shownFile, "utf8"));
  } catch {
  }
  const config = fileDigest(projectConfigPath(root));
  const key = (line) => createHash("sha256").update(line).update(config).digest("hex").slice(0, 16);
  const fresh = lines.filter((l) => !shown.includes(key(l)));
  if (fresh.length > 0) {
    try {
      writeFileAtomic(shownFile, JSON.stringify([...shown, ...fresh.map(key)].slice(-200)), 384);
    } catch {
    }
  }
  return fresh;
}
function readToken(stateDir) {
  try {
    return readFileSync4(join5(stateDir, "token"), "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
function fileDigest(file) {
  const read = readProjectFile(file);
  return read.bytes ? createHash("sha256").update(read.bytes).digest("hex") : read.state;
}
function writeNotices(file, lines) {
  if (lines.length === 0) return;
  mkdirSync3(join5(file, ".."), { recursive: true, mode: 448 });
  appendFileSync(file, `${lines.join("\n")}
`, { mode: 384 });
}
function linkIdleMarker(noticeFile, root) {
  const link = `${noticeFile}.daemon`;
  const temp = `${link}.${process.pid}.tmp`;
  try {
    mkdirSync3(dirname2(link), { recursive: true, mode: 448 });
    rmSync(temp, { force: true });
    symlinkSync(join5(stateDirFor(root), IDLE_STOPPED), temp);
    renameSync(temp, link);
    for (const name of readdirSync(dirname2(link))) {
      const shell = /^(\d+)\.daemon$/.exec(name);
      if (shell && !pidAlive(Number(shell[1]))) rmSync(join5(dirname2(link), name), { force: true });
    }
  } catch {
  }
}

export {
  readUtf8,
  isJsonObject,
  readJsonObject,
  rawValuesAt,
  spliceJson,
  removeGitExclude,
  parse,
  syncClients,
  withClientFiles,
  syncClientsLocked,
  claimOwnership,
  ownedFiles,
  forgetOwnership,
  ownedEntries,
  adapters,
  killGroupOf,
  rssMb,
  userSettings,
  locateRoot,
  projectConfig,
  managedEntries,
  ensureRoot,
  olderThan,
  unseenNotices,
  readToken,
  writeNotices,
  linkIdleMarker
};
//# sourceMappingURL=chunk-GL5LKSAR.js.map
