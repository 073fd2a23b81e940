#!/usr/bin/env node

// src/gateway/jsonrpc.ts
var PARSE_ERROR = -32700;
var INVALID_REQUEST = -32600;
var METHOD_NOT_FOUND = -32601;
var INTERNAL_ERROR = -32603;
var SERVER_UNAVAILABLE = -32e3;
var REQUEST_TIMEOUT = -32001;
function isRequest(m) {
  return "method" in m && "id" in m && m.id !== void 0 && m.id !== null;
}
function isNotification(m) {
  return "method" in m && !("id" in m && m.id !== void 0 && m.id !== null);
}
function isResponse(m) {
  return !("method" in m) && ("result" in m || "error" in m);
}
function isRequestId(v) {
  return typeof v === "string" || typeof v === "number" && Number.isFinite(v);
}
function asMessages(value) {
  const batch = Array.isArray(value);
  const list = batch ? value : [value];
  if (list.length === 0) return void 0;
  for (const item of list) if (!isMessage(item)) return void 0;
  return { messages: list, batch };
}
function isMessage(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const m = v;
  if (m.jsonrpc !== "2.0") return false;
  if ("method" in m) {
    if (typeof m.method !== "string") return false;
    if ("id" in m && m.id !== void 0 && !isRequestId(m.id)) return false;
    return m.params === void 0 || typeof m.params === "object" && m.params !== null;
  }
  return ("result" in m || "error" in m) && (m.id === null || isRequestId(m.id));
}
function errorResponse(id, code, message, data) {
  return { jsonrpc: "2.0", id, error: data === void 0 ? { code, message } : { code, message, data } };
}
function resultResponse(id, result) {
  return { jsonrpc: "2.0", id, result };
}

export {
  PARSE_ERROR,
  INVALID_REQUEST,
  METHOD_NOT_FOUND,
  INTERNAL_ERROR,
  SERVER_UNAVAILABLE,
  REQUEST_TIMEOUT,
  isRequest,
  isNotification,
  isResponse,
  isRequestId,
  asMessages,
  isMessage,
  errorResponse,
  resultResponse
};
//# sourceMappingURL=chunk-IO6PQGEU.js.map
