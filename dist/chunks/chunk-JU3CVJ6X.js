#!/usr/bin/env node
import {
  INVALID_REQUEST,
  PARSE_ERROR,
  errorResponse
} from "./chunk-IO6PQGEU.js";

// src/gateway/lean-http.ts
import { EventEmitter } from "node:events";
import { STATUS_CODES } from "node:http";
var MAX_HEAD_BYTES = 16 * 1024;
var KEEP_ALIVE_MS = 6e4;
var REQUEST_LINE = /^(POST|GET) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var FIELD_LINE = /([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e\x80-\xff]*)\r\n/y;
var DIGITS = /^\d{1,10}$/;
var CLOSE = /(?:^|,)[\t ]*close[\t ]*(?:,|$)/i;
var SAFE_VALUE = /^[\t\x20-\x7e]*$/;
var LeanRequest = class extends EventEmitter {
  constructor(method, url, headers, socket, body) {
    super();
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.socket = socket;
    this.body = body;
  }
  method;
  url;
  headers;
  socket;
  body;
  complete = true;
  httpVersion = "1.1";
  resume() {
    return this;
  }
  destroy() {
    this.socket.destroy();
    return this;
  }
};
var LeanResponse = class extends EventEmitter {
  constructor(connection, socket) {
    super();
    this.connection = connection;
    this.socket = socket;
  }
  connection;
  socket;
  statusCode = 200;
  shouldKeepAlive = true;
  headersSent = false;
  writableEnded = false;
  writableFinished = false;
  destroyed = false;
  headers = {};
  chunked = false;
  writeHead(status, headers = {}) {
    if (this.headersSent) throw new Error("writeHead after the head was sent");
    this.statusCode = status;
    this.headers = headers;
    return this;
  }
  flushHeaders() {
    if (!this.headersSent) this.socket.write(this.head(void 0));
  }
  write(chunk) {
    if (this.writableEnded || this.destroyed) return false;
    const head = this.headersSent ? "" : this.head(void 0);
    return this.socket.write(head + (this.chunked ? frame(chunk) : chunk));
  }
  end(chunk) {
    if (this.writableEnded) return this;
    if (!this.destroyed) {
      if (!this.headersSent) this.socket.write(this.head(Buffer.byteLength(chunk ?? "")) + (chunk ?? ""));
      else if (this.chunked) this.socket.write(`${chunk ? frame(chunk) : ""}0\r
\r
`);
      else if (chunk) this.socket.write(chunk);
    }
    this.writableEnded = true;
    this.writableFinished = true;
    this.emit("finish");
    this.connection.finished(this);
    return this;
  }
  destroy() {
    this.socket.destroy();
    return this;
  }
  /** Node's ServerResponse emits 'close' once, after 'finish' or when the connection goes. */
  closed() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit("close");
  }
  /** The status line and headers; bodyLength undefined starts a stream (chunked unless a length was given). */
  head(bodyLength) {
    let head = `HTTP/1.1 ${this.statusCode} ${STATUS_CODES[this.statusCode] ?? "Unknown"}\r
date: ${httpDate()}\r
`;
    let length = false;
    for (const name in this.headers) {
      const raw = this.headers[name];
      const value = String(raw);
      if (raw === void 0 || !SAFE_VALUE.test(value) || !TOKEN.test(name)) throw new Error(`invalid response header ${name}`);
      const lower = name.toLowerCase();
      if (lower === "transfer-encoding" || lower === "connection" || lower === "keep-alive") continue;
      if (lower === "content-length") length = true;
      head += `${name}: ${value}\r
`;
    }
    if (!length) {
      if (bodyLength !== void 0) head += `content-length: ${bodyLength}\r
`;
      else {
        this.chunked = true;
        head += "transfer-encoding: chunked\r\n";
      }
    }
    if (!this.shouldKeepAlive) head += "connection: close\r\n";
    this.headersSent = true;
    return `${head}\r
`;
  }
};
var LeanConnection = class {
  constructor(socket, front) {
    this.socket = socket;
    this.front = front;
    socket.on("data", this.onData);
    socket.on("close", this.onClose);
    socket.on("error", noop);
    socket.setTimeout(KEEP_ALIVE_MS, this.onTimeout);
    front.sockets.add(socket);
  }
  socket;
  front;
  /** Bytes read and not served yet (the start of the next request). */
  buffer;
  active;
  onData = (chunk) => {
    this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
    if (this.active && this.buffer.length > MAX_HEAD_BYTES + this.front.maxBodyBytes) this.socket.destroy();
    else this.next();
  };
  onTimeout = () => {
    if (!this.active) this.socket.destroy();
  };
  onClose = () => {
    this.front.sockets.delete(this.socket);
    const res = this.active;
    this.active = void 0;
    res?.closed();
  };
  /** A reply was sent: on to the next request, or close when the reply said so. */
  finished(res) {
    if (this.active !== res) return;
    this.active = void 0;
    process.nextTick(() => res.closed());
    if (!res.shouldKeepAlive) {
      this.socket.off("data", this.onData);
      this.socket.end();
      return;
    }
    if (this.buffer) process.nextTick(() => this.next());
  }
  /**
   * Serves the request in the buffer if it is whole. Clients send a request's
   * head and body in one write, and one write of less than 64 KB arrives in
   * one read; a request that came in parts (a slow or odd client, a large
   * body) goes to Node's server, with its timeouts for heads and bodies.
   */
  next() {
    const buffer = this.buffer;
    if (this.active || !buffer || this.socket.destroyed) return;
    const headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0 || headEnd > MAX_HEAD_BYTES) return this.handOff();
    const request = parseHead(buffer.toString("latin1", 0, headEnd + 2), this.front.serves);
    const end = headEnd + 4 + (request?.length ?? 0);
    if (!request || request.length > this.front.maxBodyBytes || buffer.length < end) return this.handOff();
    this.buffer = end < buffer.length ? buffer.subarray(end) : void 0;
    const req = new LeanRequest(request.method, request.target, request.headers, this.socket, buffer.subarray(headEnd + 4, end));
    const res = this.active = new LeanResponse(this, this.socket);
    if (CLOSE.test(request.headers.connection ?? "")) res.shouldKeepAlive = false;
    this.front.handle(req, res);
  }
  /** Node's http server takes the connection, and first the bytes read and not served. */
  handOff() {
    this.socket.off("data", this.onData);
    this.socket.off("close", this.onClose);
    this.socket.off("error", noop);
    this.socket.setTimeout(0);
    this.socket.off("timeout", this.onTimeout);
    this.front.sockets.delete(this.socket);
    this.front.node.emit("connection", this.socket);
    if (this.buffer) this.socket.emit("data", this.buffer);
    this.buffer = void 0;
  }
};
var LeanFront = class {
  /**
   * `serves(path)`: whether the gateway answers a request to this path from a
   * body read whole (not an http child's reverse proxy, which streams it);
   * a longer body than maxBodyBytes goes to Node's server (and its 413).
   */
  constructor(node, serves, handle, maxBodyBytes) {
    this.node = node;
    this.serves = serves;
    this.handle = handle;
    this.maxBodyBytes = maxBodyBytes;
  }
  node;
  serves;
  handle;
  maxBodyBytes;
  /** The connections the front still serves (Node's server tracks the rest). */
  sockets = /* @__PURE__ */ new Set();
  accept(socket) {
    new LeanConnection(socket, this);
  }
  closeAll() {
    for (const socket of this.sockets) socket.destroy();
  }
};
function parseHead(head, serves) {
  const lineEnd = head.indexOf("\r\n");
  const line = REQUEST_LINE.exec(head.slice(0, lineEnd));
  if (!line) return void 0;
  const method = line[1];
  const target = line[2];
  const query = target.indexOf("?");
  if (!serves(query < 0 ? target : target.slice(0, query))) return void 0;
  const headers = {};
  FIELD_LINE.lastIndex = lineEnd + 2;
  while (FIELD_LINE.lastIndex < head.length) {
    const field = FIELD_LINE.exec(head);
    if (!field) return void 0;
    const name = field[1].toLowerCase();
    if (headers[name] !== void 0 || name === "__proto__") return void 0;
    headers[name] = trimSpaces(field[2]);
  }
  if (headers["transfer-encoding"] !== void 0 || headers.expect !== void 0 || headers.upgrade !== void 0) return void 0;
  const length = headers["content-length"];
  if (method === "POST" ? length === void 0 || !DIGITS.test(length) : length !== void 0) return void 0;
  return { method, target, headers, length: method === "POST" ? Number(length) : 0 };
}
function trimSpaces(value) {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === " " || value[start] === "	")) start++;
  while (end > start && (value[end - 1] === " " || value[end - 1] === "	")) end--;
  return value.slice(start, end);
}
function frame(chunk) {
  return chunk ? `${Buffer.byteLength(chunk).toString(16)}\r
${chunk}\r
` : "";
}
var dateSecond = 0;
var dateText = "";
function httpDate() {
  const now = Date.now();
  if (now - dateSecond >= 1e3) {
    dateSecond = now - now % 1e3;
    dateText = new Date(dateSecond).toUTCString();
  }
  return dateText;
}
function noop() {
}

// src/gateway/http-util.ts
var MAX_BODY_BYTES = 4 * 1024 * 1024;
function readBody(req, limit = MAX_BODY_BYTES) {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
  }
  if (req instanceof LeanRequest) return Promise.resolve({ ok: true, text: req.body.toString("utf8") });
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ ok: true, text: chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8") }));
    req.on("error", () => resolve({ ok: false, status: 400, message: "request body could not be read" }));
    req.on("close", () => {
      if (!req.complete) resolve({ ok: false, status: 400, message: "request body was cut off" });
    });
  });
}
async function readJsonBody(req, res) {
  const body = await readBody(req);
  if (!body.ok) {
    if (res.headersSent) return void 0;
    sendJson(res, body.status, errorResponse(null, INVALID_REQUEST, body.message));
    return void 0;
  }
  try {
    return { value: JSON.parse(body.text) };
  } catch {
    sendJson(res, 400, errorResponse(null, PARSE_ERROR, "Parse error: the body is not valid JSON"));
    return void 0;
  }
}
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
function sendError(res, status, message, headers = {}) {
  sendJson(res, status, { error: message }, headers);
}
function startEventStream(res, headers = {}) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Tell buffering proxies to pass events through at once.
    "x-accel-buffering": "no",
    ...headers
  });
  res.flushHeaders();
}
function writeEvent(res, message, event = "message") {
  if (res.writableEnded || res.destroyed) return false;
  res.write(`event: ${event}
data: ${JSON.stringify(message)}

`);
  return true;
}
function keepAlive(res, everyMs = 25e3) {
  const timer = setInterval(() => {
    if (res.writableEnded || res.destroyed) clearInterval(timer);
    else res.write(": keep-alive\n\n");
  }, everyMs);
  timer.unref();
  res.once("close", () => clearInterval(timer));
}
function acceptsEventStream(req) {
  return (req.headers.accept ?? "").includes("text/event-stream");
}
function isJsonContentType(req) {
  return /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");
}

export {
  KEEP_ALIVE_MS,
  LeanFront,
  MAX_BODY_BYTES,
  readJsonBody,
  sendJson,
  sendError,
  startEventStream,
  writeEvent,
  keepAlive,
  acceptsEventStream,
  isJsonContentType
};
//# sourceMappingURL=chunk-JU3CVJ6X.js.map
