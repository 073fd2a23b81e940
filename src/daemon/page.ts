// The daemon's read-only page: GET / serves one self-contained HTML file (no
// external assets, a strict Content-Security-Policy), GET /page/events streams
// its updates over SSE. Loaded on the first request for it, so a daemon whose
// page is never opened pays nothing for it.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import html from './page.html';
import { keepAlive, sendError, startEventStream } from '../gateway/http-util.ts';
import type { LogTail } from './log.ts';

export interface PageSource {
  /** A JSON snapshot of the daemon and its servers (never message bodies). */
  state(): Record<string, unknown>;
  logTail: LogTail;
  /** Calls fn when a server's state changes (so a short state is not missed); returns the unsubscribe. */
  onChange(fn: () => void): () => void;
}

const UPDATE_MS = 1000;
/** Open pages per daemon at once; a page needs one stream. */
const MAX_STREAMS = 8;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inline = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';

/** Only the page's own inline script and style run; it may talk to this daemon and nothing else. */
const CSP = [
  "default-src 'none'",
  `script-src ${sha256(inline('script'))}`,
  `style-src ${sha256(inline('style'))}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

let streams = 0;

/** `path` is "/" or "/page/…". */
export function servePage(req: IncomingMessage, res: ServerResponse, path: string, source: PageSource): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'the page is read-only: use GET', { allow: 'GET, HEAD' });
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), ...HEADERS });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  if (path === '/page/events') return events(res, source);
  sendError(res, 404, `no page at ${path}; the page is at /`);
}

function events(res: ServerResponse, source: PageSource): void {
  if (streams >= MAX_STREAMS) return sendError(res, 429, `${MAX_STREAMS} pages are open already; close one`);
  streams++;
  startEventStream(res, HEADERS);
  keepAlive(res);
  const send = (event: string, data: unknown) => {
    if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const update = () => send('state', source.state());
  send('logs', source.logTail.snapshot());
  update();
  const timer = setInterval(update, UPDATE_MS);
  const unfollow = source.logTail.follow((line) => send('log', line));
  const unsubscribe = source.onChange(update);
  res.once('close', () => {
    streams--;
    clearInterval(timer);
    unfollow();
    unsubscribe();
  });
}
