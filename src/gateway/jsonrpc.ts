// The JSON-RPC shapes the gateway routes. It checks only what routing needs:
// payloads pass through untouched, so methods and fields of newer protocol
// revisions are forwarded rather than rejected by a schema that lags behind.

export type RequestId = string | number;

export interface Request {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: Record<string, unknown> & { _meta?: Record<string, unknown> };
}

export interface Notification {
  jsonrpc: '2.0';
  method: string;
  params?: Record<string, unknown>;
}

export interface Response {
  jsonrpc: '2.0';
  id: RequestId | null;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export type Message = Request | Notification | Response;

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const METHOD_NOT_FOUND = -32601;
export const INTERNAL_ERROR = -32603;
/** Implementation-defined server errors (-32000..-32099). */
export const SERVER_UNAVAILABLE = -32000;
export const REQUEST_TIMEOUT = -32001;

export function isRequest(m: Message): m is Request {
  return 'method' in m && 'id' in m && m.id !== undefined && m.id !== null;
}

export function isNotification(m: Message): m is Notification {
  return 'method' in m && !('id' in m && m.id !== undefined && m.id !== null);
}

export function isResponse(m: Message): m is Response {
  return !('method' in m) && ('result' in m || 'error' in m);
}

export function isRequestId(v: unknown): v is RequestId {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** Accepts one message or a batch as parsed JSON; returns undefined when the shape is wrong. */
export function asMessages(value: unknown): { messages: Message[]; batch: boolean } | undefined {
  const batch = Array.isArray(value);
  const list = batch ? (value as unknown[]) : [value];
  if (list.length === 0) return undefined;
  for (const item of list) if (!isMessage(item)) return undefined;
  return { messages: list as Message[], batch };
}

export function isMessage(v: unknown): v is Message {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return false;
  if ('method' in m) {
    if (typeof m.method !== 'string') return false;
    if ('id' in m && m.id !== undefined && !isRequestId(m.id)) return false;
    return m.params === undefined || (typeof m.params === 'object' && m.params !== null);
  }
  return ('result' in m || 'error' in m) && (m.id === null || isRequestId(m.id));
}

export function errorResponse(id: RequestId | null, code: number, message: string, data?: unknown): Response {
  return { jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } };
}

export function resultResponse(id: RequestId, result: unknown): Response {
  return { jsonrpc: '2.0', id, result };
}
