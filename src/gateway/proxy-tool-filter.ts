// The tool filter for an http child, whose replies the daemon otherwise
// streams through untouched (proxy.ts). A POST is read first; only when it
// holds tools/list or tools/call does the gateway step in: a filtered call is
// answered here and never reaches the child, and a tools/list reply (JSON or
// an SSE stream) is recorded whole and passed on through the filter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CHILD_PROTOCOL_VERSION, type SupervisedChild } from '../daemon/child.ts';
import { VERSION } from '../util/version.ts';
import { MAX_BODY_BYTES, sendJson } from './http-util.ts';
import { errorResponse, isMessage, isNotification, isRequest, isResponse, INVALID_REQUEST, type Message, type Request, type RequestId } from './jsonrpc.ts';
import { proxyToChild } from './proxy.ts';
import { filterToolsResult, toolCallRefusal, type ToolCatalog } from './tool-filter.ts';

type Headers = Record<string, string | string[] | undefined>;

function readRaw(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(undefined));
  });
}

/** The JSON-RPC requests a POST body holds (none when it is not JSON-RPC: the child answers that). */
function requestsIn(body: Buffer): { requests: Request[]; batch: boolean } {
  let parsed: unknown;
  try { parsed = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')); } catch { return { requests: [], batch: false }; }
  const batch = Array.isArray(parsed);
  const list = (batch ? parsed : [parsed]) as unknown[];
  return { requests: list.filter((m): m is Request => isMessage(m) && isRequest(m)), batch };
}

/**
 * A POST to an http child. `legacy`: the HTTP+SSE transport's /messages, whose
 * replies travel on the event stream: a refusal there fails the POST itself (400).
 */
export async function proxyWithToolFilter(req: IncomingMessage, res: ServerResponse, child: SupervisedChild, path: string,
  catalog: ToolCatalog, legacy: boolean): Promise<void> {
  const encoding = req.headers['content-encoding'];
  if (child.def.tools && encoding !== undefined && encoding !== 'identity') {
    // The child may inflate what the gateway cannot read: no way round the filter.
    req.resume();
    return sendJson(res, 415, errorResponse(null, INVALID_REQUEST, `mcp-auto: server '${child.def.name}' has a tool filter, so request bodies must not be compressed (Content-Encoding: ${encoding})`));
  }
  const body = await readRaw(req);
  if (!body) return sendJson(res, 413, errorResponse(null, INVALID_REQUEST, `request body over ${MAX_BODY_BYTES} bytes, or unreadable`));
  const { requests, batch } = requestsIn(body);
  const refused = requests.map((r) => toolCallRefusal(child.def, r));
  const status = legacy ? 400 : 200;
  if (refused.some(Boolean)) {
    if (!batch) return sendJson(res, status, refused[0]);
    // A batch holding a refused call is answered whole here: none of it reaches the child.
    return sendJson(res, status, requests.map((r, i) => refused[i] ?? errorResponse(r.id, INVALID_REQUEST,
      `mcp-auto: this batch also holds a tool call the config filters out, so none of it was sent to '${child.def.name}'; send ${r.method} on its own`)));
  }
  const lists = new Map<RequestId, unknown>(requests.filter((r) => r.method === 'tools/list').map((r) => [r.id, r.params?.cursor]));
  if (lists.size === 0 || legacy) return proxyToChild(req, res, child, path, { body });
  const filtered = (message: Message): Message => {
    if (!isResponse(message) || message.id === null || !lists.has(message.id) || !('result' in message)) return message;
    return { ...message, result: catalog.seen(lists.get(message.id), message.result, child.def.tools) };
  };
  return proxyToChild(req, res, child, path, { body, reply: (reply, out, headers) => rewriteReply(reply, out, headers, filtered) });
}

/**
 * A GET to an http child: its event stream (the Streamable HTTP GET stream, or
 * a legacy /sse stream) passes through whole events, so the gateway can add a
 * tools/list_changed when a filter changes (`streams`), and a tools/list reply
 * on it (legacy /sse) goes through the filter.
 */
export function proxyEventStream(req: IncomingMessage, res: ServerResponse, child: SupervisedChild, path: string,
  catalog: ToolCatalog, streams: Set<(message: Message) => void>): Promise<void> {
  const filtered = (message: Message): Message => {
    // Forwarded as is (clients list again, through the filter); what was measured no longer counts.
    if (isNotification(message) && message.method === 'notifications/tools/list_changed') catalog.invalidate();
    if (!isResponse(message) || !isToolsResult(message.result)) return message;
    return { ...message, result: filterToolsResult(child.def.tools, message.result) };
  };
  return proxyToChild(req, res, child, path, {
    reply: (reply, out, headers) => {
      rewriteReply(reply, out, headers, filtered);
      if (!/^text\/event-stream/i.test(String(headers['content-type'] ?? ''))) return;
      const add = (message: Message) => { if (!out.writableEnded && !out.destroyed) out.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`); };
      streams.add(add);
      out.once('close', () => streams.delete(add));
    },
  });
}

function isToolsResult(result: unknown): boolean {
  return typeof result === 'object' && result !== null && Array.isArray((result as { tools?: unknown }).tools);
}

/** Passes a reply on with each JSON-RPC message in it run through `rewrite` (JSON bodies and SSE streams). */
export function rewriteReply(reply: IncomingMessage, res: ServerResponse, headers: Headers, rewrite: (m: Message) => Message): void {
  reply.on('error', () => res.destroy());
  const type = String(headers['content-type'] ?? '');
  const status = reply.statusCode ?? 502;
  if (/^application\/json/i.test(type)) {
    const chunks: Buffer[] = [];
    reply.on('data', (chunk: Buffer) => chunks.push(chunk));
    reply.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const out = rewriteJson(text, rewrite) ?? text;
      res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(out)) });
      res.end(out);
    });
    return;
  }
  const { 'content-length': _length, ...streamed } = headers;
  res.writeHead(status, /^text\/event-stream/i.test(type) ? streamed : headers);
  res.flushHeaders();
  if (!/^text\/event-stream/i.test(type)) return void reply.pipe(res);
  const events = new SseEvents((event) => res.write(rewriteEvent(event, rewrite)));
  reply.setEncoding('utf8');
  reply.on('data', (chunk: string) => events.push(chunk));
  reply.on('end', () => { events.flush(); res.end(); });
}

/** undefined: leave the text as it is (not JSON, or no tools list in it). */
function rewriteJson(text: string, rewrite: (m: Message) => Message): string | undefined {
  // Only tools/list results and tools/list_changed matter here: skip parsing anything else.
  if (!text.includes('tools')) return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { return undefined; }
  const one = (m: unknown) => (isMessage(m) ? rewrite(m) : m);
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(one) : one(parsed));
}

/** One SSE event (without its blank line), its data JSON-RPC run through `rewrite`; other events as they came. */
function rewriteEvent(event: string, rewrite: (m: Message) => Message): string {
  const lines = event.split(/\r\n|\r|\n/);
  const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(l.startsWith('data: ') ? 6 : 5));
  if (data.length === 0) return `${event}\n\n`;
  const text = rewriteJson(data.join('\n'), rewrite);
  if (text === undefined) return `${event}\n\n`;
  return `${lines.filter((l) => !l.startsWith('data:')).map((l) => `${l}\n`).join('')}data: ${text}\n\n`;
}

/**
 * Splits an SSE stream into whole events, so the gateway rewrites or adds
 * events only between the child's (never inside one).
 */
export class SseEvents {
  private buffer = '';

  constructor(private readonly onEvent: (event: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let match: RegExpExecArray | null;
    while ((match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer))) {
      const event = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.onEvent(event);
    }
  }

  flush(): void {
    if (this.buffer) this.onEvent(this.buffer);
    this.buffer = '';
  }
}

/**
 * Lists an http child's tools for the gateway itself (status, doctor, before
 * any client listed them): a short Streamable HTTP session of its own, ended
 * with DELETE. False when the child is not ready, is slow, or does not serve
 * Streamable HTTP at its path.
 */
export async function fetchHttpTools(child: SupervisedChild, catalog: ToolCatalog, timeoutMs: number): Promise<boolean> {
  if (child.state !== 'ready' || !child.internalPort) return false;
  const url = `http://127.0.0.1:${child.internalPort}${child.def.path}`;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  let id = 0;
  const ask = async (method: string, params?: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
    const request = { jsonrpc: '2.0', id: `mcp-auto-tools-${++id}`, method, ...(params ? { params } : {}) };
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(request), signal });
    const session = res.headers.get('mcp-session-id');
    if (session) headers['mcp-session-id'] = session;
    const text = await res.text();
    const bodies = /^text\/event-stream/i.test(res.headers.get('content-type') ?? '')
      ? text.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5))
      : [text];
    for (const body of bodies) {
      try {
        const message = JSON.parse(body) as { id?: unknown; result?: unknown };
        if (message.id === request.id) return typeof message.result === 'object' && message.result !== null ? message.result as Record<string, unknown> : undefined;
      } catch { /* not this one */ }
    }
    return undefined;
  };
  try {
    const init = await ask('initialize', { protocolVersion: CHILD_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'mcp-auto', version: VERSION } });
    if (!init) return false;
    if (typeof init.protocolVersion === 'string') headers['mcp-protocol-version'] = init.protocolVersion;
    await fetch(url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }), signal }).then((r) => r.body?.cancel());
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const result = await ask('tools/list', cursor ? { cursor } : undefined);
      if (!result) return false;
      catalog.seen(cursor, result, undefined);
      if (typeof result.nextCursor !== 'string') return true;
      cursor = result.nextCursor;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (headers['mcp-session-id']) void fetch(url, { method: 'DELETE', headers, signal: AbortSignal.timeout(1000) }).then((r) => r.body?.cancel(), () => {});
  }
}
