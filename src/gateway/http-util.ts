import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, INVALID_REQUEST, PARSE_ERROR, type Message } from './jsonrpc.ts';
import { LeanRequest } from './lean-http.ts';

/** Largest request body the daemon reads (a bigger one gets 413). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export type Body = { ok: true; text: string } | { ok: false; status: 413 | 400; message: string };

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
  }
  // The lean front read it whole, as long as it declared (so the check above holds for it too).
  if (req instanceof LeanRequest) return Promise.resolve({ ok: true, text: req.body.toString('utf8') });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ ok: false, status: 400, message: 'request body could not be read' }));
    // Cut off before its end (the 408 deadline, a client gone): settle, so the handler does not wait forever.
    req.on('close', () => { if (!req.complete) resolve({ ok: false, status: 400, message: 'request body was cut off' }); });
  });
}

/** Reads and parses a JSON body; on failure answers (413, or 400 with a JSON-RPC error) and returns undefined. */
export async function readJsonBody(req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | undefined> {
  const body = await readBody(req);
  if (!body.ok) {
    if (res.headersSent) return undefined;
    sendJson(res, body.status, errorResponse(null, INVALID_REQUEST, body.message));
    return undefined;
  }
  try {
    return { value: JSON.parse(body.text) };
  } catch {
    sendJson(res, 400, errorResponse(null, PARSE_ERROR, 'Parse error: the body is not valid JSON'));
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A plain error answer for requests that are not JSON-RPC (wrong path, method, headers). */
export function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message }, headers);
}

export function startEventStream(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tell buffering proxies to pass events through at once.
    'x-accel-buffering': 'no',
    ...headers,
  });
  res.flushHeaders();
}

export function writeEvent(res: ServerResponse, message: Message, event = 'message'): boolean {
  if (res.writableEnded || res.destroyed) return false;
  res.write(`event: ${event}\ndata: ${JSON.stringify(message)}\n\n`);
  return true;
}

/** Sends an SSE comment now and then, so idle connections are not cut by the client or a proxy. */
export function keepAlive(res: ServerResponse, everyMs = 25_000): void {
  const timer = setInterval(() => {
    if (res.writableEnded || res.destroyed) clearInterval(timer);
    else res.write(': keep-alive\n\n');
  }, everyMs);
  timer.unref();
  res.once('close', () => clearInterval(timer));
}

export function acceptsEventStream(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('text/event-stream');
}

export function isJsonContentType(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}
