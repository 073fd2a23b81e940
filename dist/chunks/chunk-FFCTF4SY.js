#!/usr/bin/env node
import {
  isPlainFileAt,
  pathInside,
  readRegular,
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  claude
} from "./chunk-CWON7UJY.js";
import {
  UserError,
  errorMessage,
  oneLine
} from "./chunk-AIQ3PVV7.js";
import {
  pidAlive
} from "./chunk-GNZ7CVPQ.js";

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
import { existsSync as existsSync2, mkdirSync as mkdirSync3 } from "node:fs";
import { dirname as dirname3, join as join5 } from "node:path";

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

// src/util/state-record.ts
import { mkdirSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname } from "node:path";
function readStateRecord(file) {
  try {
    const data = JSON.parse(readFileSync2(file, "utf8"));
    return isJsonObject(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
function writeStateRecord(file, data) {
  mkdirSync(dirname(file), { recursive: true, mode: 448 });
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}
`, 384);
}

// src/util/json-edit.ts
async function rawValuesAt(text, paths) {
  const { findNodeAtLocation, parseTree } = await import("./main-LIVBWCYZ.js");
  const body = text.replace(/^\uFEFF/, "");
  const tree = parseTree(body);
  return paths.map((path) => {
    const node = tree && duplicateOnPath(tree, path) === void 0 ? findNodeAtLocation(tree, path) : void 0;
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
    for (const path of new Set(edits.map((e) => JSON.stringify(e.path)))) {
      const key = duplicateOnPath(parseTree(body), JSON.parse(path));
      if (key !== void 0) throw new UserError(`${file} has the key ${JSON.stringify(key)} twice; remove one, then run \`mcp-auto ensure\``);
    }
    for (const { path, value, raw } of edits) {
      const changes = modify(body, path, value, {});
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
        const node = raw === void 0 ? void 0 : findNodeAtLocation(parseTree(body), path);
        if (node) body = body.slice(0, node.offset) + raw + body.slice(node.offset + node.length);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file} is nested too deeply to edit safely; left as it is`);
    throw error;
  }
  return (bom ? "\uFEFF" : "") + body;
}
function duplicateOnPath(root, path) {
  let node = root;
  for (const key of path) {
    if (node?.type !== "object") return void 0;
    const matches = (node.children ?? []).filter((p) => p.children?.[0]?.value === key);
    if (matches.length > 1) return key;
    node = matches[0]?.children?.[1];
  }
  return void 0;
}

// src/clients/created.ts
import { readFileSync as readFileSync3, realpathSync, rmdirSync, unlinkSync as unlinkSync2 } from "node:fs";
import { dirname as dirname2, join as join3, relative, sep } from "node:path";

// src/util/git-index.ts
import { lstatSync } from "node:fs";
import { isAbsolute, join as join2, resolve } from "node:path";
var MAX_INDEX = 256 << 20;
function indexPaths(buf) {
  if (buf.length < 12 || buf.toString("latin1", 0, 4) !== "DIRC") throw new Error("not a git index");
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`git index version ${version} is not supported`);
  const count = buf.readUInt32BE(8);
  const paths = [];
  let previous = Buffer.alloc(0);
  let off = 12;
  for (let i = 0; i < count; i++) {
    const start = off;
    const flags = buf.readUInt16BE(start + 60);
    off = start + 62;
    if (version >= 3 && flags & 16384) off += 2;
    let name;
    if (version === 4) {
      let c = buf[off++];
      let strip = c & 127;
      while (c & 128) {
        c = buf[off++];
        strip = strip + 1 << 7 | c & 127;
      }
      const end = buf.indexOf(0, off);
      if (end < 0 || strip > previous.length) throw new Error("git index entry is cut short");
      name = Buffer.concat([previous.subarray(0, previous.length - strip), buf.subarray(off, end)]);
      off = end + 1;
    } else {
      const end = buf.indexOf(0, off);
      if (end < 0) throw new Error("git index entry is cut short");
      name = buf.subarray(off, end);
      off = start + (end - start + 8 & ~7);
    }
    if (off > buf.length) throw new Error("git index entry is cut short");
    previous = name;
    paths.push(name.toString("utf8"));
  }
  return paths;
}
function indexFile(root) {
  const dotGit = join2(root, ".git");
  try {
    if (lstatSync(dotGit).isDirectory()) return join2(dotGit, "index");
    const text = readRegular(dotGit, 64 << 10).toString("utf8");
    const gitdir = /^gitdir: (.+)$/m.exec(text)?.[1]?.trim();
    if (!gitdir) return void 0;
    return join2(isAbsolute(gitdir) ? gitdir : resolve(root, gitdir), "index");
  } catch {
    return void 0;
  }
}
function gitTracked(root, file) {
  const index = indexFile(root);
  if (!index) return void 0;
  try {
    return indexPaths(readRegular(index, MAX_INDEX)).includes(file);
  } catch {
    return void 0;
  }
}

// src/clients/created.ts
var recordFile = (stateDir) => join3(stateDir, "created.json");
function readCreated(stateDir) {
  return readStateRecord(recordFile(stateDir)) ?? {};
}
function recordCreated(root, stateDir, file, dir) {
  const created = readCreated(stateDir);
  const folder = dir ? relative(realpathSync(root), dir).split(sep).join("/") : void 0;
  Object.defineProperty(created, file, { value: folder ? { dir: folder } : {}, enumerable: true, writable: true, configurable: true });
  writeStateRecord(recordFile(stateDir), created);
}
function onlySkeleton(text, skeleton) {
  const bare = text.replace(/^\uFEFF/, "").replace(/\s+/g, "");
  return bare === "" || bare === "{}" || bare === skeleton.replace(/\s+/g, "");
}
async function removeEmptyCreated(root, stateDir, adapters2, skeleton) {
  const removed = [];
  const created = readCreated(stateDir);
  let realRoot;
  try {
    realRoot = realpathSync(root);
  } catch {
    return removed;
  }
  for (const adapter of adapters2) {
    if (!Object.hasOwn(created, adapter.file)) continue;
    if (!isPlainFileAt(realRoot, adapter.file)) continue;
    const file = join3(realRoot, adapter.file);
    let text;
    try {
      text = readFileSync3(file, "utf8");
    } catch {
      continue;
    }
    if (!onlySkeleton(text, await skeleton(adapter)) || gitTracked(root, adapter.file) === true) continue;
    try {
      unlinkSync2(file);
    } catch {
      continue;
    }
    removed.push(adapter.file);
    const dir = created[adapter.file]?.dir;
    if (!dir) continue;
    const stop = join3(realRoot, dir);
    for (let folder = dirname2(file); folder === stop || folder.startsWith(`${stop}/`); folder = dirname2(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break;
      }
      removed.push(`${relative(realRoot, folder)}/`);
    }
  }
  return removed;
}

// src/clients/git-exclude.ts
import { lstatSync as lstatSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync4 } from "node:fs";
import { join as join4 } from "node:path";
var EXCLUDE_COMMENT = "# added by mcp-auto (it created this file; `mcp-auto unadopt` or `forget` take it out)";
function excludeFile(root, create) {
  const git = join4(root, ".git");
  const info = join4(git, "info");
  const file = join4(info, "exclude");
  try {
    if (!lstatSync2(git).isDirectory()) return void 0;
    const infoStat = lstatSync2(info, { throwIfNoEntry: false });
    if (!infoStat) {
      if (!create) return void 0;
      mkdirSync2(info, { mode: 493 });
    } else if (!infoStat.isDirectory()) {
      return void 0;
    }
    const fileStat = lstatSync2(file, { throwIfNoEntry: false });
    if (fileStat && !fileStat.isFile()) return void 0;
    if (!fileStat && !create) return void 0;
    return file;
  } catch {
    return void 0;
  }
}
var patternFor = (relative2) => `/${relative2.split("\\").join("/").replace(/^\/+/, "")}`;
function splitLines(text) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return { lines, eol };
}
function addGitExclude(root, relative2) {
  const file = excludeFile(root, true);
  if (!file) return false;
  try {
    const text = lstatSync2(file, { throwIfNoEntry: false }) ? readFileSync4(file, "utf8") : "";
    const { lines, eol } = splitLines(text);
    const pattern = patternFor(relative2);
    if (lines.some((l) => l.trim() === pattern)) return false;
    writeFileAtomic(file, [...lines, EXCLUDE_COMMENT, pattern].join(eol) + eol);
    return true;
  } catch {
    return false;
  }
}
function removeGitExclude(root, relative2) {
  const file = excludeFile(root, false);
  if (!file) return false;
  try {
    const { lines, eol } = splitLines(readFileSync4(file, "utf8"));
    const pattern = patternFor(relative2);
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
var same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function readOwnership(stateDir) {
  return readStateRecord(join5(stateDir, "clients.json")) ?? {};
}
function writeOwnership(stateDir, ownership) {
  writeStateRecord(join5(stateDir, "clients.json"), ownership);
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
  if (!isJsonObject(data)) throw new Error("the top level is not a JSON object");
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
function emptySkeleton(adapter) {
  const doc = {};
  let node = doc;
  for (const key of adapter.container) node = node[key] = {};
  return serialize(adapter, doc, styleOf('{\n  "x": 1\n}\n'));
}
function container(doc, path, create) {
  let node = doc;
  for (const key of path) {
    const next = node[key];
    if (next === void 0) {
      if (!create) return void 0;
      node[key] = {};
    } else if (!isJsonObject(next)) {
      return void 0;
    }
    node = node[key];
  }
  return node;
}
async function syncOne(root, adapter, entries, owned) {
  const shown = join5(root, adapter.file);
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
    let madeDir;
    try {
      madeDir = mkdirSync3(dirname3(file), { recursive: true });
    } catch (error) {
      return { result: { ...result, status: "refused", error: `cannot write ${shown}: ${writeProblem(error, dirname3(file))}` }, owned };
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
      return { result: { ...result, status: "refused", error: `cannot write ${file}: ${writeProblem(error, dirname3(file))}` }, owned };
    }
    result.status = "written";
    if (text === void 0) {
      addGitExclude(root, adapter.file);
      return { result, owned: nextOwned, created: { dir: madeDir } };
    }
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
    const { result, owned, created } = await syncOne(root, adapter, skip ? [] : entries, ownership[adapter.file] ?? {});
    if (created) recordCreated(root, stateDir, adapter.file, created.dir);
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

export {
  withLock,
  readUtf8,
  isJsonObject,
  readJsonObject,
  readStateRecord,
  writeStateRecord,
  rawValuesAt,
  spliceJson,
  gitTracked,
  removeEmptyCreated,
  removeGitExclude,
  parse,
  emptySkeleton,
  syncClients,
  withClientFiles,
  syncClientsLocked,
  claimOwnership,
  ownedFiles,
  forgetOwnership,
  ownedEntries,
  adapters
};
//# sourceMappingURL=chunk-FFCTF4SY.js.map
