// Per-server tool filters ("tools": {"allow": [...]} or {"deny": [...]}) and
// what a server's tool definitions cost a session. Every tool a server lists
// lands in every session's context; a filter trims the list, refuses calls to
// the tools it hides, and the catalog measures what is left.
import type { ServerDef, ToolFilter } from '../config/config.ts';
import { errorResponse, type Request, type Response } from './jsonrpc.ts';

/** The code MCP servers use for an unknown tool. */
export const INVALID_PARAMS = -32602;

/** Tokens are estimated as bytes / 4 (a common rule of thumb for JSON and English with BPE tokenizers). */
export const BYTES_PER_TOKEN = 4;

const regexCache = new Map<string, RegExp>();

/** `*` matches any run of characters, `?` any one; everything else is literal. */
function globRegExp(glob: string): RegExp {
  let re = regexCache.get(glob);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
    re = new RegExp(`^${body}$`, 's');
    regexCache.set(glob, re);
  }
  return re;
}

export function toolAllowed(filter: ToolFilter | undefined, name: string): boolean {
  if (!filter) return true;
  if ('allow' in filter) return filter.allow.some((glob) => globRegExp(glob).test(name));
  return !filter.deny.some((glob) => globRegExp(glob).test(name));
}

/** How the filter reads in the config, for messages: `tools.deny ["get-*"]`. */
export function describeFilter(filter: ToolFilter): string {
  return 'allow' in filter ? `tools.allow ${JSON.stringify(filter.allow)}` : `tools.deny ${JSON.stringify(filter.deny)}`;
}

/** The error for a tools/call the filter forbids (undefined when it may go through). */
export function toolCallRefusal(def: ServerDef, request: Pick<Request, 'id' | 'method' | 'params'>): Response | undefined {
  if (request.method !== 'tools/call' || !def.tools) return undefined;
  const name = request.params?.name;
  if (typeof name !== 'string' || toolAllowed(def.tools, name)) return undefined;
  return errorResponse(request.id, INVALID_PARAMS,
    `mcp-auto: tool '${name}' of server '${def.name}' is filtered out by the config (${describeFilter(def.tools)})`,
    { filter: def.tools });
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function nameOf(tool: unknown): string | undefined {
  return isObject(tool) && typeof tool.name === 'string' ? tool.name : undefined;
}

/** A tools/list result with only the tools the filter lets through (the same object when there is no filter). */
export function filterToolsResult(filter: ToolFilter | undefined, result: unknown): unknown {
  if (!filter || !isObject(result) || !Array.isArray(result.tools)) return result;
  return { ...result, tools: result.tools.filter((tool) => { const name = nameOf(tool); return name !== undefined && toolAllowed(filter, name); }) };
}

export interface ToolStats {
  /** Tools sessions see / tools the server lists. */
  exposed: number;
  total: number;
  /** Size of the exposed definitions as JSON (UTF-8 bytes), and bytes / 4 as approximate tokens. */
  bytes: number;
  tokens: number;
  /** The same for the whole unfiltered list. */
  totalBytes: number;
  totalTokens: number;
  /** The largest exposed definitions (at most 10), for doctor's advice. */
  largest: Array<{ name: string; bytes: number }>;
  /** When the list was last seen (ms since the epoch). */
  seenAt: number;
}

const tokensOf = (bytes: number) => Math.ceil(bytes / BYTES_PER_TOKEN);

/**
 * The tools a server listed, as the gateway saw them in tools/list replies
 * (every page, keyed by the cursor that asked for it). Unfiltered, so a new
 * filter is measured without asking the child again.
 */
export class ToolCatalog {
  private pages = new Map<string, { tools: unknown[]; next: string | undefined }>();
  private seenAt = 0;
  private memo: { filter: ToolFilter | undefined; stats: ToolStats | null } | undefined;

  /** Records one page of a tools/list reply; returns the result as the filter lets sessions see it. */
  seen(cursor: unknown, result: unknown, filter: ToolFilter | undefined): unknown {
    if (isObject(result) && Array.isArray(result.tools)) {
      const key = typeof cursor === 'string' ? cursor : '';
      // A first page starts the list over: pages of an older list may not chain with it.
      if (key === '') this.pages.clear();
      this.pages.set(key, { tools: result.tools, next: typeof result.nextCursor === 'string' ? result.nextCursor : undefined });
      this.seenAt = Date.now();
      this.memo = undefined;
    }
    return filterToolsResult(filter, result);
  }

  /** The list changed (list_changed, a new child): what was seen no longer counts. */
  invalidate(): void {
    this.pages.clear();
    this.memo = undefined;
  }

  /** The whole list, when every page from the first to the last was seen. */
  private all(): unknown[] | undefined {
    const tools: unknown[] = [];
    const visited = new Set<string>();
    let key: string | undefined = '';
    while (key !== undefined) {
      const page = this.pages.get(key);
      if (!page || visited.has(key)) return undefined;
      visited.add(key);
      tools.push(...page.tools);
      key = page.next;
    }
    return tools;
  }

  get complete(): boolean {
    return this.all() !== undefined;
  }

  stats(filter: ToolFilter | undefined): ToolStats | null {
    if (this.memo && this.memo.filter === filter) return this.memo.stats;
    const all = this.all();
    let stats: ToolStats | null = null;
    if (all) {
      const exposed = all.filter((tool) => { const name = nameOf(tool); return name !== undefined && toolAllowed(filter, name); });
      const bytes = Buffer.byteLength(JSON.stringify(exposed));
      const totalBytes = Buffer.byteLength(JSON.stringify(all));
      const largest = exposed.map((tool) => ({ name: nameOf(tool)!, bytes: Buffer.byteLength(JSON.stringify(tool)) }))
        .sort((a, b) => b.bytes - a.bytes).slice(0, 10);
      stats = { exposed: exposed.length, total: all.length, bytes, tokens: tokensOf(bytes), totalBytes, totalTokens: tokensOf(totalBytes), largest, seenAt: this.seenAt };
    }
    this.memo = { filter, stats };
    return stats;
  }
}

/**
 * The child's InitializeResult as sessions get it: a server with tools is said
 * to announce list changes, since the gateway does when a filter changes.
 */
export function withToolsListChanged(result: Json): Json {
  const capabilities = result.capabilities;
  if (!isObject(capabilities) || !isObject(capabilities.tools) || capabilities.tools.listChanged === true) return result;
  return { ...result, capabilities: { ...capabilities, tools: { ...capabilities.tools, listChanged: true } } };
}

/** Whether a new definition differs from the old one only in its tool filter (no restart needed). */
export function onlyToolsDiffer(a: ServerDef, b: ServerDef): boolean {
  const { tools: _a, ...restA } = a;
  const { tools: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
