// The daemon's front for its hot path: the POSTs and event streams of the
// servers it runs behind the gateway (stdio children).
//
// Node's http server costs ~40 µs of CPU a request on a 2-core VM (its
// IncomingMessage and ServerResponse are streams, every event a few
// allocations), and that was most of the gateway's own share of a call: the
// share fell from ~0.20 ms (the same as `bench/bare-proxy.mjs`, a 30-line
// proxy on Node's http module) to ~0.11 with this front (`npm run bench`,
// "Gateway own share", where both rows stand side by side).
//
// So this front serves only what it can frame without doubt: an HTTP/1.1
// `POST` with exactly one Content-Length or a `GET` with no body, strict
// header syntax, no Transfer-Encoding, Expect or Upgrade, no repeated field,
// to a path the daemon says it serves so, arrived whole. At the first request
// it will not serve (/health, the page, an http child's, a chunked body, one
// that came in parts, anything odd) it hands the connection, with the bytes
// it has read, to Node's http server for the rest of the connection's life.
// A request is never read two ways: either this parser took it whole or
// Node's parser sees all of it. Every pattern here is linear in its input
// (heads are parsed before the owner check refuses another account).
import { EventEmitter } from 'node:events';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Node's own default limit for a request's head. */
const MAX_HEAD_BYTES = 16 * 1024;
/** An idle keep-alive connection is kept this long, here and by Node's server (daemon.ts). */
export const KEEP_ALIVE_MS = 60_000;

const REQUEST_LINE = /^(POST|GET) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/**
 * One header line, read from where the last one ended: a name, and a value of
 * the characters Node's strict parser allows (latin1-decoded: no CR, LF or
 * other controls). Linear: the name cannot hold ':', the value cannot hold CR.
 */
const FIELD_LINE = /([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e\x80-\xff]*)\r\n/y;
const DIGITS = /^\d{1,10}$/;
const CLOSE = /(?:^|,)[\t ]*close[\t ]*(?:,|$)/i;
/** Header values we write: visible ASCII and spaces (no response splitting). */
const SAFE_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * A request the front read whole. Carries the subset of IncomingMessage the
 * gateway uses; its body is `body` (readBody reads it there), so 'data' and
 * 'end' never fire.
 */
export class LeanRequest extends EventEmitter {
  readonly complete = true;
  readonly httpVersion = '1.1';
  constructor(
    readonly method: string,
    readonly url: string,
    readonly headers: Record<string, string>,
    readonly socket: Socket,
    readonly body: Buffer,
  ) {
    super();
  }

  resume(): this {
    return this;
  }

  destroy(): this {
    this.socket.destroy();
    return this;
  }
}

/** The subset of ServerResponse the gateway uses, framed by Content-Length or, for a stream, chunked. */
export class LeanResponse extends EventEmitter {
  statusCode = 200;
  shouldKeepAlive = true;
  headersSent = false;
  writableEnded = false;
  writableFinished = false;
  destroyed = false;
  private headers: Record<string, string | number> = {};
  private chunked = false;

  constructor(private readonly connection: LeanConnection, private readonly socket: Socket) {
    super();
  }

  writeHead(status: number, headers: Record<string, string | number> = {}): this {
    if (this.headersSent) throw new Error('writeHead after the head was sent');
    this.statusCode = status;
    this.headers = headers;
    return this;
  }

  flushHeaders(): void {
    if (!this.headersSent) this.socket.write(this.head(undefined));
  }

  write(chunk: string): boolean {
    if (this.writableEnded || this.destroyed) return false;
    const head = this.headersSent ? '' : this.head(undefined);
    return this.socket.write(head + (this.chunked ? frame(chunk) : chunk));
  }

  end(chunk?: string): this {
    if (this.writableEnded) return this;
    // A bad header throws here, before anything is sent or marked: the caller can still answer 500.
    if (!this.destroyed) {
      if (!this.headersSent) this.socket.write(this.head(Buffer.byteLength(chunk ?? '')) + (chunk ?? ''));
      else if (this.chunked) this.socket.write(`${chunk ? frame(chunk) : ''}0\r\n\r\n`);
      else if (chunk) this.socket.write(chunk);
    }
    this.writableEnded = true;
    this.writableFinished = true;
    this.emit('finish');
    this.connection.finished(this);
    return this;
  }

  destroy(): this {
    this.socket.destroy();
    return this;
  }

  /** Node's ServerResponse emits 'close' once, after 'finish' or when the connection goes. */
  closed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('close');
  }

  /** The status line and headers; bodyLength undefined starts a stream (chunked unless a length was given). */
  private head(bodyLength: number | undefined): string {
    let head = `HTTP/1.1 ${this.statusCode} ${STATUS_CODES[this.statusCode] ?? 'Unknown'}\r\ndate: ${httpDate()}\r\n`;
    let length = false;
    for (const name in this.headers) {
      const raw = this.headers[name];
      const value = String(raw);
      if (raw === undefined || !SAFE_VALUE.test(value) || !TOKEN.test(name)) throw new Error(`invalid response header ${name}`);
      const lower = name.toLowerCase();
      // Framing is this module's: a caller's transfer-encoding or connection would contradict it.
      if (lower === 'transfer-encoding' || lower === 'connection' || lower === 'keep-alive') continue;
      if (lower === 'content-length') length = true;
      head += `${name}: ${value}\r\n`;
    }
    if (!length) {
      if (bodyLength !== undefined) head += `content-length: ${bodyLength}\r\n`;
      else {
        this.chunked = true;
        head += 'transfer-encoding: chunked\r\n';
      }
    }
    if (!this.shouldKeepAlive) head += 'connection: close\r\n';
    this.headersSent = true;
    return `${head}\r\n`;
  }
}

/**
 * One client connection while the front serves it: reads requests one at a
 * time (a pipelined one waits for the reply before it), and hands the
 * connection to Node's server at the first request it does not serve.
 */
class LeanConnection {
  /** Bytes read and not served yet (the start of the next request). */
  private buffer: Buffer | undefined;
  private active: LeanResponse | undefined;
  private readonly onData = (chunk: Buffer) => {
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    // Pipelined bytes wait for the reply in progress, up to one request's worth.
    if (this.active && this.buffer.length > MAX_HEAD_BYTES + this.front.maxBodyBytes) this.socket.destroy();
    else this.next();
  };
  private readonly onTimeout = () => {
    if (!this.active) this.socket.destroy();
  };
  private readonly onClose = () => {
    this.front.sockets.delete(this.socket);
    const res = this.active;
    this.active = undefined;
    res?.closed();
  };

  constructor(private readonly socket: Socket, private readonly front: LeanFront) {
    socket.on('data', this.onData);
    socket.on('close', this.onClose);
    socket.on('error', noop);
    socket.setTimeout(KEEP_ALIVE_MS, this.onTimeout);
    front.sockets.add(socket);
  }

  /** A reply was sent: on to the next request, or close when the reply said so. */
  finished(res: LeanResponse): void {
    if (this.active !== res) return;
    this.active = undefined;
    process.nextTick(() => res.closed());
    if (!res.shouldKeepAlive) {
      this.socket.off('data', this.onData);
      this.socket.end();
      return;
    }
    // A pipelined request: served once this reply's caller has returned.
    if (this.buffer) process.nextTick(() => this.next());
  }

  /**
   * Serves the request in the buffer if it is whole. Clients send a request's
   * head and body in one write, and one write of less than 64 KB arrives in
   * one read; a request that came in parts (a slow or odd client, a large
   * body) goes to Node's server, with its timeouts for heads and bodies.
   */
  private next(): void {
    const buffer = this.buffer;
    if (this.active || !buffer || this.socket.destroyed) return;
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || headEnd > MAX_HEAD_BYTES) return this.handOff();
    const request = parseHead(buffer.toString('latin1', 0, headEnd + 2), this.front.serves);
    const end = headEnd + 4 + (request?.length ?? 0);
    if (!request || request.length > this.front.maxBodyBytes || buffer.length < end) return this.handOff();
    this.buffer = end < buffer.length ? buffer.subarray(end) : undefined;
    const req = new LeanRequest(request.method, request.target, request.headers, this.socket, buffer.subarray(headEnd + 4, end));
    const res = this.active = new LeanResponse(this, this.socket);
    if (CLOSE.test(request.headers.connection ?? '')) res.shouldKeepAlive = false;
    // The gateway takes these as Node's objects: they carry the subset it uses (see the classes).
    this.front.handle(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  }

  /** Node's http server takes the connection, and first the bytes read and not served. */
  private handOff(): void {
    this.socket.off('data', this.onData);
    this.socket.off('close', this.onClose);
    this.socket.off('error', noop);
    this.socket.setTimeout(0);
    this.socket.off('timeout', this.onTimeout);
    this.front.sockets.delete(this.socket);
    this.front.node.emit('connection', this.socket);
    // Node's server reads further bytes from the socket itself; these it gets as its 'data' event would bring them.
    if (this.buffer) this.socket.emit('data', this.buffer);
    this.buffer = undefined;
  }
}

export class LeanFront {
  /** The connections the front still serves (Node's server tracks the rest). */
  readonly sockets = new Set<Socket>();

  /**
   * `serves(path)`: whether the gateway answers a request to this path from a
   * body read whole (not an http child's reverse proxy, which streams it);
   * a longer body than maxBodyBytes goes to Node's server (and its 413).
   */
  constructor(
    readonly node: Server,
    readonly serves: (path: string) => boolean,
    readonly handle: (req: IncomingMessage, res: ServerResponse) => void,
    readonly maxBodyBytes: number,
  ) {}

  accept(socket: Socket): void {
    new LeanConnection(socket, this);
  }

  closeAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }
}

interface LeanHead { method: string; target: string; headers: Record<string, string>; length: number }

/** The request head (up to its last CRLF) if the front serves it, else undefined (Node's server will). */
function parseHead(head: string, serves: (path: string) => boolean): LeanHead | undefined {
  const lineEnd = head.indexOf('\r\n');
  const line = REQUEST_LINE.exec(head.slice(0, lineEnd));
  if (!line) return undefined;
  const method = line[1]!;
  const target = line[2]!;
  const query = target.indexOf('?');
  if (!serves(query < 0 ? target : target.slice(0, query))) return undefined;
  const headers: Record<string, string> = {};
  FIELD_LINE.lastIndex = lineEnd + 2;
  while (FIELD_LINE.lastIndex < head.length) {
    // No match: a folded line, a bare LF, a control character: Node's rules apply.
    const field = FIELD_LINE.exec(head);
    if (!field) return undefined;
    const name = field[1]!.toLowerCase();
    // A repeated field (two lengths, two hosts) is left to Node's rules too, as
    // is a name the object already has (__proto__, constructor).
    if (headers[name] !== undefined || name === '__proto__') return undefined;
    headers[name] = trimSpaces(field[2]!);
  }
  if (headers['transfer-encoding'] !== undefined || headers.expect !== undefined || headers.upgrade !== undefined) return undefined;
  const length = headers['content-length'];
  // A POST says its length; a GET (an event stream) has no body.
  if (method === 'POST' ? length === undefined || !DIGITS.test(length) : length !== undefined) return undefined;
  return { method, target, headers, length: method === 'POST' ? Number(length) : 0 };
}

/** Strips the spaces and tabs around a field value (only those: String.trim would take more). */
function trimSpaces(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === ' ' || value[start] === '\t')) start++;
  while (end > start && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--;
  return value.slice(start, end);
}

function frame(chunk: string): string {
  return chunk ? `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n` : '';
}

let dateSecond = 0;
let dateText = '';
/** The Date header, formatted once a second. */
function httpDate(): string {
  const now = Date.now();
  if (now - dateSecond >= 1000) {
    dateSecond = now - (now % 1000);
    dateText = new Date(dateSecond).toUTCString();
  }
  return dateText;
}

function noop(): void {}
