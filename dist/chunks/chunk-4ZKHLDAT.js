#!/usr/bin/env node
import {
  errorResponse
} from "./chunk-IO6PQGEU.js";

// src/gateway/tool-filter.ts
var INVALID_PARAMS = -32602;
var BYTES_PER_TOKEN = 4;
var regexCache = /* @__PURE__ */ new Map();
function globRegExp(glob) {
  let re = regexCache.get(glob);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
    re = new RegExp(`^${body}$`, "s");
    regexCache.set(glob, re);
  }
  return re;
}
function toolAllowed(filter, name) {
  if (!filter) return true;
  if ("allow" in filter) return filter.allow.some((glob) => globRegExp(glob).test(name));
  return !filter.deny.some((glob) => globRegExp(glob).test(name));
}
function describeFilter(filter) {
  return "allow" in filter ? `tools.allow ${JSON.stringify(filter.allow)}` : `tools.deny ${JSON.stringify(filter.deny)}`;
}
function toolCallRefusal(def, request) {
  if (request.method !== "tools/call" || !def.tools) return void 0;
  const name = request.params?.name;
  if (typeof name !== "string" || toolAllowed(def.tools, name)) return void 0;
  return errorResponse(
    request.id,
    INVALID_PARAMS,
    `mcp-auto: tool '${name}' of server '${def.name}' is filtered out by the config (${describeFilter(def.tools)})`,
    { filter: def.tools }
  );
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function nameOf(tool) {
  return isObject(tool) && typeof tool.name === "string" ? tool.name : void 0;
}
function filterToolsResult(filter, result) {
  if (!filter || !isObject(result) || !Array.isArray(result.tools)) return result;
  return { ...result, tools: result.tools.filter((tool) => {
    const name = nameOf(tool);
    return name !== void 0 && toolAllowed(filter, name);
  }) };
}
var tokensOf = (bytes) => Math.ceil(bytes / BYTES_PER_TOKEN);
var ToolCatalog = class {
  pages = /* @__PURE__ */ new Map();
  seenAt = 0;
  memo;
  /** Records one page of a tools/list reply; returns the result as the filter lets sessions see it. */
  seen(cursor, result, filter) {
    if (isObject(result) && Array.isArray(result.tools)) {
      const key = typeof cursor === "string" ? cursor : "";
      if (key === "") this.pages.clear();
      this.pages.set(key, { tools: result.tools, next: typeof result.nextCursor === "string" ? result.nextCursor : void 0 });
      this.seenAt = Date.now();
      this.memo = void 0;
    }
    return filterToolsResult(filter, result);
  }
  /** The list changed (list_changed, a new child): what was seen no longer counts. */
  invalidate() {
    this.pages.clear();
    this.memo = void 0;
  }
  /** The whole list, when every page from the first to the last was seen. */
  all() {
    const tools = [];
    const visited = /* @__PURE__ */ new Set();
    let key = "";
    while (key !== void 0) {
      const page = this.pages.get(key);
      if (!page || visited.has(key)) return void 0;
      visited.add(key);
      tools.push(...page.tools);
      key = page.next;
    }
    return tools;
  }
  get complete() {
    return this.all() !== void 0;
  }
  stats(filter) {
    if (this.memo && this.memo.filter === filter) return this.memo.stats;
    const all = this.all();
    let stats = null;
    if (all) {
      const exposed = all.filter((tool) => {
        const name = nameOf(tool);
        return name !== void 0 && toolAllowed(filter, name);
      });
      const bytes = Buffer.byteLength(JSON.stringify(exposed));
      const totalBytes = Buffer.byteLength(JSON.stringify(all));
      const largest = exposed.map((tool) => ({ name: nameOf(tool), bytes: Buffer.byteLength(JSON.stringify(tool)) })).sort((a, b) => b.bytes - a.bytes).slice(0, 10);
      stats = { exposed: exposed.length, total: all.length, bytes, tokens: tokensOf(bytes), totalBytes, totalTokens: tokensOf(totalBytes), largest, seenAt: this.seenAt };
    }
    this.memo = { filter, stats };
    return stats;
  }
};
function withToolsListChanged(result) {
  const capabilities = result.capabilities;
  if (!isObject(capabilities) || !isObject(capabilities.tools) || capabilities.tools.listChanged === true) return result;
  return { ...result, capabilities: { ...capabilities, tools: { ...capabilities.tools, listChanged: true } } };
}
function onlyToolsDiffer(a, b) {
  const { tools: _a, ...restA } = a;
  const { tools: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

export {
  BYTES_PER_TOKEN,
  toolCallRefusal,
  filterToolsResult,
  ToolCatalog,
  withToolsListChanged,
  onlyToolsDiffer
};
//# sourceMappingURL=chunk-4ZKHLDAT.js.map
