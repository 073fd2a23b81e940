#!/usr/bin/env node
import {
  INVALID_REQUEST,
  PARSE_ERROR,
  errorResponse
} from "./chunk-IO6PQGEU.js";

// src/gateway/http-util.ts
var MAX_BODY_BYTES = 4 * 1024 * 1024;
function readBody(req, limit = MAX_BODY_BYTES) {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
  }
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
//# sourceMappingURL=chunk-ONXEM45K.js.map
