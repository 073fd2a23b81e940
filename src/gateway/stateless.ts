import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  errorResponse, isMessage, isNotification, isRequest, isRequestId, isResponse, resultResponse,
  INTERNAL_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, SERVER_UNAVAILABLE,
  type Message, type Notification, type Request, type RequestId, type Response,
} from './jsonrpc.ts';
import { keepAlive, sendJson, startEventStream, writeEvent } from './http-util.ts';
import type { Router } from './router.ts';
import type { ClientHello, Session } from './session.ts';
import { PostExchange } from './post-exchange.ts';
import { withToolsListChanged } from './tool-filter.ts';

// The stateless 2026-07-28 revision of MCP over Streamable HTTP, with the rules
// and error codes of the v2 SDK (2.4.0): one request per POST, each carrying the client's
// protocol version and capabilities in a `_meta` envelope; no initialize, no
// session. The shared child stays on 2025-11-25 stdio: requests are forwarded
// through the same Router as every 2025 session, and results are translated.

/** Revisions are ISO dates, so they compare as strings. */
const FIRST_STATELESS_VERSION = '2026-07-28';
/** The stateless revisions served here (what `server/discover` lists). */
const STATELESS_PROTOCOL_VERSIONS = ['2026-07-28'];

const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
const META_CLIENT_INFO = 'io.modelcontextprotocol/clientInfo';
const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
const META_LOG_LEVEL = 'io.modelcontextprotocol/logLevel';
const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
const META_SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId';
/** Envelope keys the 2025 child has no use for. */
const ENVELOPE_KEYS = [META_PROTOCOL_VERSION, META_CLIENT_INFO, META_CLIENT_CAPABILITIES, META_LOG_LEVEL];

const INVALID_PARAMS = -32602;
const RESOURCE_NOT_FOUND_2025 = -32002;
const HEADER_MISMATCH = -32020;
const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/** 2025 methods the 2026 revision removed: answered 404 / method not found, as the SDK does. */
const GONE_METHODS = new Set([
  'initialize', 'ping', 'logging/setLevel', 'resources/subscribe', 'resources/unsubscribe',
  'tasks/get', 'tasks/result', 'tasks/list', 'tasks/cancel', 'sampling/createMessage', 'elicitation/create', 'roots/list',
]);
/** Results that must carry the cache hints ttlMs and cacheScope. */
const CACHEABLE_METHODS = new Set(['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list', 'resources/read']);
/** Which body field the Mcp-Name header mirrors. */
const NAME_HEADER_SOURCE: Record<string, 'name' | 'uri'> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };
/** Server→client requests the revision carries as input_required; anything else cannot reach a stateless client. */
const INPUT_REQUEST_METHODS = new Set(['sampling/createMessage', 'elicitation/create', 'roots/list']);
/** The calls whose result may be input_required. */
const MULTI_ROUND_METHODS = new Set(['tools/call', 'prompts/get', 'resources/read']);
const LOG_LEVELS = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];
/** How long a call that answered input_required waits for the client's retry. */
const INPUT_WAIT_MS = 5 * 60_000;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function metaOf(message: unknown): Json | undefined {
  if (!isObject(message) || !isObject(message.params)) return undefined;
  return isObject(message.params._meta) ? message.params._meta : undefined;
}

/** The envelope claim: the reserved protocol-version key is present, whatever its value. */
function hasClaim(message: unknown): boolean {
  const meta = metaOf(message);
  return meta !== undefined && META_PROTOCOL_VERSION in meta;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * Whether a parsed POST body belongs to the stateless revision (or claims to
 * and must be refused by its rules). Cheap on purpose: it runs on every 2025
 * POST too. Mirrors the SDK's body-first classification: the envelope claim, or
 * an MCP-Protocol-Version header naming a stateless (2026-07-28 or later) revision; `initialize` stays
 * the 2025 handshake unless it carries a valid stateless claim.
 */
export function isStatelessPost(req: IncomingMessage, body: unknown): boolean {
  const header = headerOf(req, 'mcp-protocol-version');
  const headerStateless = header !== undefined && header >= FIRST_STATELESS_VERSION;
  if (Array.isArray(body)) return body.some(hasClaim);
  if (!isObject(body) || typeof body.method !== 'string') return false;
  if (body.method === 'initialize') return headerStateless || validStatelessClaim(body);
  return headerStateless || hasClaim(body);
}

function validStatelessClaim(message: unknown): boolean {
  const meta = metaOf(message);
  const version = meta?.[META_PROTOCOL_VERSION];
  return typeof version === 'string' && version >= FIRST_STATELESS_VERSION && envelopeIssues(meta!).length === 0;
}

interface Issue { key: string; problem: string }

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function expected(key: string, type: string, v: unknown): Issue {
  return { key, problem: `Invalid input: expected ${type}, received ${kindOf(v)}` };
}

/** What is wrong with a request's `_meta` envelope (missing keys first), per the revision's envelope schema. */
function envelopeIssues(meta: Json): Issue[] {
  const issues: Issue[] = [];
  for (const key of [META_PROTOCOL_VERSION, META_CLIENT_CAPABILITIES]) if (!(key in meta)) issues.push({ key, problem: 'missing' });
  const token = meta.progressToken;
  if (token !== undefined && typeof token !== 'string' && !Number.isInteger(token)) issues.push(expected('progressToken', 'string or integer', token));
  const version = meta[META_PROTOCOL_VERSION];
  if (version !== undefined && typeof version !== 'string') issues.push(expected(META_PROTOCOL_VERSION, 'string', version));
  const info = meta[META_CLIENT_INFO];
  if (info !== undefined) {
    if (!isObject(info)) issues.push(expected(META_CLIENT_INFO, 'object', info));
    else for (const field of ['name', 'version']) {
      if (typeof info[field] !== 'string') issues.push(expected(`${META_CLIENT_INFO}.${field}`, 'string', info[field]));
    }
  }
  const caps = meta[META_CLIENT_CAPABILITIES];
  if (caps !== undefined) {
    if (!isObject(caps)) issues.push(expected(META_CLIENT_CAPABILITIES, 'object', caps));
    else for (const field of ['experimental', 'sampling', 'elicitation', 'roots', 'extensions']) {
      if (caps[field] !== undefined && !isObject(caps[field])) issues.push(expected(`${META_CLIENT_CAPABILITIES}.${field}`, 'object', caps[field]));
    }
  }
  const level = meta[META_LOG_LEVEL];
  if (level !== undefined && !LOG_LEVELS.includes(level as string)) {
    issues.push({ key: META_LOG_LEVEL, problem: `Invalid option: expected one of ${LOG_LEVELS.map((l) => `"${l}"`).join('|')}` });
  }
  return issues;
}

/** A ladder refusal: answered with its own HTTP status, before anything is forwarded. */
interface Refusal { status: number; code: number; message: string; data?: unknown }

function mismatch(header: string, body: string): Refusal {
  return { status: 400, code: HEADER_MISMATCH, message: `Bad Request: the request headers and body disagree: ${body}`, data: { mismatch: { header, body } } };
}

/** The envelope and header rules, in the SDK's order; the message when it may be served. */
function classify(req: IncomingMessage, body: unknown): Refusal | { message: Request | Notification; version: string } {
  if (Array.isArray(body)) {
    return { status: 400, code: INVALID_REQUEST, message: 'Bad Request: JSON-RPC batches may not contain requests for protocol revision 2026-07-28 or later' };
  }
  if (!isMessage(body) || isResponse(body)) {
    return { status: 400, code: INVALID_REQUEST, message: 'Bad Request: the request body is not a valid JSON-RPC message' };
  }
  const header = headerOf(req, 'mcp-protocol-version');
  const methodHeader = headerOf(req, 'mcp-method');
  const method = body.method;
  const meta = metaOf(body);
  if (isRequest(body) && method === 'initialize' && !validStatelessClaim(body)) {
    return mismatch(header!, 'an initialize request (legacy handshake) was sent with a 2026-07-28 MCP-Protocol-Version header');
  }
  if (hasClaim(body)) {
    const claimed = meta![META_PROTOCOL_VERSION];
    const issue = isRequest(body) ? envelopeIssues(meta!)[0] : typeof claimed === 'string' ? undefined : expected(META_PROTOCOL_VERSION, 'string', claimed);
    if (issue) {
      return {
        status: 400, code: INVALID_PARAMS, data: { envelope: issue },
        message: `Invalid _meta envelope for protocol revision 2026-07-28: ${issue.key}: ${issue.problem}`,
      };
    }
    const version = claimed as string;
    if (header !== undefined && header !== version) {
      return mismatch(header, `the body envelope names protocol version ${version} but the MCP-Protocol-Version header names ${header}`);
    }
    if (methodHeader !== undefined && methodHeader !== method) {
      return mismatch(methodHeader, `the body names method ${method} but the Mcp-Method header names ${methodHeader}`);
    }
    return { message: body, version };
  }
  // No claim: the header names a stateless revision (isStatelessPost routed it here).
  if (isRequest(body)) {
    const missing = meta === undefined ? ['_meta'] : envelopeIssues(meta).filter((i) => i.problem === 'missing').map((i) => i.key);
    return {
      status: 400, code: INVALID_PARAMS, data: { envelope: { missing } },
      message: `Invalid params: the MCP-Protocol-Version header names protocol revision ${header}, but the request is missing the required per-request envelope key(s): ${missing.join(', ')}`,
    };
  }
  if (methodHeader !== undefined && methodHeader !== method) {
    return mismatch(methodHeader, `the notification body names method ${method} but the Mcp-Method header names ${methodHeader}`);
  }
  return { message: body, version: header! };
}

/** MCP-Protocol-Version and Mcp-Method are required on every request; Mcp-Name where the body has a name or uri. */
function checkStandardHeaders(req: IncomingMessage, request: Request, version: string): Refusal | undefined {
  if (headerOf(req, 'mcp-protocol-version') === undefined) {
    return mismatch('(missing)', `the body envelope names protocol version ${version} but the required MCP-Protocol-Version header is absent`);
  }
  if (headerOf(req, 'mcp-method') === undefined) {
    return mismatch('(missing)', `the body names method ${request.method} but the required Mcp-Method header is absent`);
  }
  const field = NAME_HEADER_SOURCE[request.method];
  if (!field) return undefined;
  const value = request.params?.[field];
  const bodyValue = typeof value === 'string' ? value : undefined;
  const nameHeader = headerOf(req, 'mcp-name');
  if (nameHeader === undefined) {
    return bodyValue === undefined ? undefined : mismatch('(missing)', `the body carries params.${field}="${bodyValue}" but the required Mcp-Name header is absent`);
  }
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === undefined) return mismatch(nameHeader, 'the Mcp-Name header carries an invalid Base64 sentinel value');
  if (bodyValue !== undefined && decoded !== bodyValue) {
    return mismatch(nameHeader, `the body carries params.${field}="${bodyValue}" but the Mcp-Name header names "${decoded}"`);
  }
  return undefined;
}

/** Header values that are not plain ASCII travel as `=?base64?…?=`. */
function decodeHeaderValue(value: string): string | undefined {
  if (!value.startsWith('=?base64?') || !value.endsWith('?=')) return value;
  const b64 = value.slice(9, -2);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(b64, 'base64'));
  } catch {
    return undefined;
  }
}

/** The request as the 2025 child takes it: no envelope keys, no retry channel. */
function forChild(request: Request): Request {
  if (!request.params) return request;
  const { _meta, inputResponses: _responses, requestState: _state, ...params } = request.params;
  const meta: Json = { ..._meta };
  for (const key of ENVELOPE_KEYS) delete meta[key];
  return { ...request, params: Object.keys(meta).length > 0 ? { ...params, _meta: meta } : params };
}

/** A child's 2025 answer in 2026-07-28 terms: resultType, cache hints, serverInfo; no deleted fields. */
function forStatelessClient(method: string, response: Response, serverInfo: unknown): Response {
  if (response.error) {
    // The revision says resource-not-found is -32602 (2025 servers often sent -32002).
    return response.error.code === RESOURCE_NOT_FOUND_2025 ? { ...response, error: { ...response.error, code: INVALID_PARAMS } } : response;
  }
  if (!isObject(response.result)) return response;
  const result: Json = { resultType: 'complete', ...response.result };
  if (method === 'tools/list' && Array.isArray(result.tools)) {
    result.tools = result.tools.map((tool: unknown) => {
      if (!isObject(tool) || !('execution' in tool)) return tool;
      const { execution: _execution, ...rest } = tool;
      return rest;
    });
  }
  if (result.resultType === 'complete' && CACHEABLE_METHODS.has(method)) {
    if (!(Number.isSafeInteger(result.ttlMs) && (result.ttlMs as number) >= 0)) result.ttlMs = 0;
    if (result.cacheScope !== 'public' && result.cacheScope !== 'private') result.cacheScope = 'private';
  }
  return { ...response, result: withServerInfo(result, serverInfo) };
}

function withServerInfo(result: Json, serverInfo: unknown): Json {
  if (serverInfo === undefined) return result;
  if (result._meta === undefined) return { ...result, _meta: { [META_SERVER_INFO]: serverInfo } };
  if (!isObject(result._meta) || result._meta[META_SERVER_INFO] !== undefined) return result;
  return { ...result, _meta: { ...result._meta, [META_SERVER_INFO]: serverInfo } };
}

function progressTokenOf(request: Request): RequestId | undefined {
  const token = request.params?._meta?.progressToken;
  return isRequestId(token) ? token : undefined;
}

interface Exchange { res: ServerResponse; post: PostExchange; id: RequestId; progressToken: RequestId | undefined }

/**
 * One stateless call as a Router session: created for the POST, its `hello`
 * taken from the envelope, closed when the reply went out (or the client gave
 * up, which cancels the call upstream). When the child asks the client
 * something mid-call (sampling, elicitation), the POST is answered
 * `input_required` and the session waits, with the child's call still running,
 * for the client to retry with the answers; the retry's POST then carries on.
 */
class StatelessSession implements Session {
  readonly transport = 'stateless' as const;
  readonly id = randomUUID();
  /** The opaque requestState naming this call while it waits for a retry. */
  readonly token = randomUUID();
  /** The id the router knows this call by: the first POST's. */
  private clientId: RequestId | undefined;
  private exchange: Exchange | undefined;
  /** Child requests waiting for the client's answer, by inputRequests key. */
  private readonly awaiting = new Map<string, Request>();
  /** Keys of `awaiting` not yet put to the client. */
  private readonly unasked = new Set<string>();
  /** The call's reply, when it came while no POST was open. */
  private finalReply: Response | undefined;
  private waitTimer: NodeJS.Timeout | undefined;
  private nextKey = 1;
  private ended = false;

  constructor(private readonly endpoint: StatelessEndpoint, readonly hello: ClientHello, readonly method: string) {}

  private get router(): Router {
    return this.endpoint.router;
  }

  /** The first POST: forwards the request through the router. */
  start(res: ServerResponse, request: Request): void {
    this.clientId = request.id;
    this.attach(res, request);
    this.router.receive(this, forChild(request));
  }

  /** A retry of this call carrying `inputResponses`: hands the answers to the child and goes on on the new POST. */
  resume(res: ServerResponse, request: Request): void {
    clearTimeout(this.waitTimer);
    this.endpoint.waiting.delete(this.token);
    this.attach(res, request);
    const responses = isObject(request.params?.inputResponses) ? request.params.inputResponses : {};
    for (const [key, childRequest] of this.awaiting) {
      if (!(key in responses)) {
        this.unasked.add(key);
        continue;
      }
      this.awaiting.delete(key);
      this.router.receive(this, resultResponse(childRequest.id, responses[key]));
    }
    if (this.finalReply) this.deliver(this.finalReply);
    else if (this.unasked.size > 0) this.askForInput();
  }

  send(message: Message): void {
    if (this.ended) return;
    if (isResponse(message)) {
      if (message.id !== null && message.id === this.clientId) this.deliver(message);
    } else if (isRequest(message)) {
      this.childAsks(message);
    } else if (message.method === 'notifications/progress') {
      const exchange = this.exchange;
      if (exchange?.progressToken !== undefined) exchange.post.push({ ...message, params: { ...message.params, progressToken: exchange.progressToken } });
    } else if (message.method === 'notifications/cancelled') {
      // The child gave up on something it asked.
      for (const [key, childRequest] of this.awaiting) {
        if (childRequest.id !== message.params?.requestId) continue;
        this.awaiting.delete(key);
        this.unasked.delete(key);
      }
    }
    // Anything else (logging, list_changed) is not about this call: a stateless client gets those from subscriptions/listen.
  }

  private attach(res: ServerResponse, request: Request): void {
    const exchange: Exchange = { res, post: new PostExchange(res, 1, false, {}), id: request.id, progressToken: progressTokenOf(request) };
    this.exchange = exchange;
    res.once('close', () => {
      // Closed before its reply: the client gave up on the call.
      if (this.exchange === exchange) this.end('the client closed the request');
    });
  }

  private deliver(response: Response): void {
    const exchange = this.exchange;
    if (!exchange) {
      this.finalReply = response;
      return;
    }
    this.exchange = undefined;
    exchange.post.reply(forStatelessClient(this.method, { ...response, id: exchange.id }, this.endpoint.serverInfo));
    this.end();
  }

  private childAsks(request: Request): void {
    if (!INPUT_REQUEST_METHODS.has(request.method) || !MULTI_ROUND_METHODS.has(this.method)) {
      this.router.receive(this, errorResponse(request.id, METHOD_NOT_FOUND,
        `mcp-auto: ${request.method} cannot reach a client on protocol revision 2026-07-28 during ${this.method}`));
      return;
    }
    const key = `mcp-auto-${this.nextKey++}`;
    this.awaiting.set(key, request);
    this.unasked.add(key);
    if (this.exchange) this.askForInput();
  }

  /** Answers the open POST with input_required; the call keeps running upstream. */
  private askForInput(): void {
    const exchange = this.exchange!;
    this.exchange = undefined;
    const inputRequests: Json = {};
    for (const key of this.unasked) {
      const { method, params } = this.awaiting.get(key)!;
      inputRequests[key] = params ? { method, params } : { method };
    }
    this.unasked.clear();
    const result = withServerInfo({ resultType: 'input_required', inputRequests, requestState: this.token }, this.endpoint.serverInfo);
    this.endpoint.waiting.set(this.token, this);
    this.waitTimer = setTimeout(() => this.end(`no retry within ${INPUT_WAIT_MS / 60_000} min`), INPUT_WAIT_MS);
    this.waitTimer.unref();
    exchange.post.reply(resultResponse(exchange.id, result));
  }

  /** The call is over: what the child still asks is refused, the rest is cancelled upstream by the router. */
  end(why?: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.waitTimer);
    this.endpoint.waiting.delete(this.token);
    for (const childRequest of this.awaiting.values()) {
      this.router.receive(this, errorResponse(childRequest.id, INTERNAL_ERROR,
        `mcp-auto: the client did not answer ${childRequest.method}${why ? `: ${why}` : ''}`));
    }
    this.awaiting.clear();
    this.router.close(this);
  }
}

interface ListenFilter {
  toolsListChanged?: boolean;
  promptsListChanged?: boolean;
  resourcesListChanged?: boolean;
  resourceSubscriptions?: string[];
}

function listenFilterOf(value: unknown): ListenFilter | undefined {
  if (!isObject(value)) return undefined;
  for (const flag of ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') return undefined;
  }
  const uris = value.resourceSubscriptions;
  if (uris !== undefined && !(Array.isArray(uris) && uris.every((u) => typeof u === 'string'))) return undefined;
  return value as ListenFilter;
}

/** The part of a filter the child's capabilities can deliver (all of it when they are unknown). */
function honoured(filter: ListenFilter, capabilities: Json | undefined): ListenFilter {
  const can = (capability: string, bit: string) => {
    const entry = capabilities?.[capability];
    return capabilities === undefined || (isObject(entry) && entry[bit] === true);
  };
  const out: ListenFilter = {};
  if (filter.toolsListChanged && can('tools', 'listChanged')) out.toolsListChanged = true;
  if (filter.promptsListChanged && can('prompts', 'listChanged')) out.promptsListChanged = true;
  if (filter.resourcesListChanged && can('resources', 'listChanged')) out.resourcesListChanged = true;
  if (filter.resourceSubscriptions?.length && can('resources', 'subscribe')) out.resourceSubscriptions = [...filter.resourceSubscriptions];
  return out;
}

function accepts(filter: ListenFilter, notification: Notification): boolean {
  switch (notification.method) {
    case 'notifications/tools/list_changed': return filter.toolsListChanged === true;
    case 'notifications/prompts/list_changed': return filter.promptsListChanged === true;
    case 'notifications/resources/list_changed': return filter.resourcesListChanged === true;
    case 'notifications/resources/updated': return filter.resourceSubscriptions?.includes(notification.params?.uri as string) === true;
    default: return false;
  }
}

/** How long a listen stream's acknowledgement waits for the child to take its subscriptions. */
const SUBSCRIBE_WAIT_MS = 5_000;

/**
 * A `subscriptions/listen` stream as a Router session: it gets the child's
 * list_changed fan-out and, for its resource subscriptions (which the router
 * keeps with the child like any session's), resources/updated.
 */
class ListenSession implements Session {
  readonly transport = 'stateless' as const;
  readonly id = randomUUID();
  // No capabilities: a listen stream is never where the child's sampling or elicitation goes.
  readonly hello: ClientHello = { protocolVersion: FIRST_STATELESS_VERSION, capabilities: {} };

  constructor(private readonly router: Router, readonly res: ServerResponse, private readonly subscriptionId: RequestId,
    private readonly filter: ListenFilter, private readonly serverInfo: unknown) {}

  /** Subscriptions the child has not answered yet; until then what it sends waits here. */
  private unanswered = 0;
  private held: Message[] | undefined;
  private acknowledge: (() => void) | undefined;

  /**
   * The acknowledgement waits for the child's answers to `count` resource
   * subscriptions (at most SUBSCRIBE_WAIT_MS): a client that acts at once
   * (changes a resource) must find them in place upstream.
   */
  acknowledgeAfter(count: number, acknowledge: () => void): void {
    if (count === 0) return acknowledge();
    this.unanswered = count;
    this.held = [];
    this.acknowledge = acknowledge;
    setTimeout(() => this.release(), SUBSCRIBE_WAIT_MS).unref();
  }

  private release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.acknowledge?.();
    for (const message of held) this.send(message);
  }

  send(message: Message): void {
    if (isRequest(message)) {
      this.router.receive(this, errorResponse(message.id, INTERNAL_ERROR, `mcp-auto: ${message.method} cannot be answered on a subscriptions/listen stream`));
      return;
    }
    // Responses are the child's answers to the router's resources/subscribe on our behalf.
    if (!isNotification(message)) {
      if (this.held && --this.unanswered <= 0) this.release();
      return;
    }
    if (this.held) this.held.push(message);
    else if (accepts(this.filter, message)) this.write(message.method, message.params);
  }

  write(method: string, params: Json | undefined): void {
    writeEvent(this.res, { jsonrpc: '2.0', method, params: { ...params, _meta: { ...(params?._meta as Json), [META_SUBSCRIPTION_ID]: this.subscriptionId } } });
  }

  /** Ends the stream the way the revision says a server ends it: a final empty result. */
  finish(): void {
    writeEvent(this.res, resultResponse(this.subscriptionId, withServerInfo({ resultType: 'complete', _meta: { [META_SUBSCRIPTION_ID]: this.subscriptionId } }, this.serverInfo)));
    this.res.end();
  }
}

/**
 * The stateless revision's side of a server's /mcp endpoint. The 2025
 * StreamableEndpoint hands it every POST that isStatelessPost() claims.
 */
export class StatelessEndpoint {
  /** Calls that answered input_required, by their requestState. */
  readonly waiting = new Map<string, StatelessSession>();
  private readonly listeners = new Set<ListenSession>();
  private nextSubscribe = 1;

  constructor(private readonly name: string, readonly router: Router) {}

  /** Open subscriptions/listen streams (a client holding one is in use). */
  get listenCount(): number {
    return this.listeners.size;
  }

  get serverInfo(): unknown {
    return this.router.child.initResult?.serverInfo;
  }

  async post(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    const classified = classify(req, body);
    const id = isObject(body) && typeof body.method === 'string' && isRequestId(body.id) ? body.id : null;
    if ('status' in classified) return this.refuse(res, id, classified);
    const { message, version } = classified;
    if (!STATELESS_PROTOCOL_VERSIONS.includes(version)) {
      return this.refuse(res, id, {
        status: 400, code: UNSUPPORTED_PROTOCOL_VERSION, message: `Unsupported protocol version: ${version}`,
        data: { supported: STATELESS_PROTOCOL_VERSIONS, requested: version },
      });
    }
    // Notifications carry nothing a stateless call can act on (a client cancels by closing its POST).
    if (!isRequest(message)) return void res.writeHead(202).end();
    const refusal = checkStandardHeaders(req, message, version);
    if (refusal) return this.refuse(res, message.id, refusal);

    const meta = message.params!._meta!;
    const hello: ClientHello = {
      protocolVersion: version,
      capabilities: meta[META_CLIENT_CAPABILITIES] as Json,
      clientInfo: meta[META_CLIENT_INFO] as ClientHello['clientInfo'],
    };
    switch (message.method) {
      case 'server/discover': return this.discover(res, message);
      case 'subscriptions/listen': return this.listen(res, message);
    }
    if (GONE_METHODS.has(message.method)) {
      return sendJson(res, 404, errorResponse(message.id, METHOD_NOT_FOUND, `Method not found: ${message.method} is not part of protocol revision ${version}`));
    }
    const state = message.params?.requestState;
    if (state !== undefined) {
      const session = typeof state === 'string' ? this.waiting.get(state) : undefined;
      if (!session || session.method !== message.method) {
        return sendJson(res, 200, errorResponse(message.id, INVALID_PARAMS,
          `mcp-auto: requestState is unknown or has expired (calls wait ${INPUT_WAIT_MS / 60_000} min for their retry); call ${message.method} again without it`));
      }
      return session.resume(res, message);
    }
    new StatelessSession(this, hello, message.method).start(res, message);
  }

  private refuse(res: ServerResponse, id: RequestId | null, refusal: Refusal): void {
    sendJson(res, refusal.status, errorResponse(id, refusal.code, refusal.message, refusal.data));
  }

  /** The child's InitializeResult, waiting (bounded) while it starts. */
  private async initResult(): Promise<Json | undefined> {
    const child = this.router.child;
    if (child.state !== 'ready' && !child.replaysInit) await child.whenReady(child.def.startTimeoutMs);
    // As 2025 sessions get it: the gateway announces tool list changes (a filter edit) itself.
    return child.initResult && withToolsListChanged(child.initResult);
  }

  private unavailable(id: RequestId): Response {
    const child = this.router.child;
    return errorResponse(id, SERVER_UNAVAILABLE, `mcp-auto: server '${this.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ''}; see \`mcp-auto logs\``);
  }

  /** Answered from the InitializeResult the gateway cached when it initialized the child. */
  private async discover(res: ServerResponse, request: Request): Promise<void> {
    const init = await this.initResult();
    if (!init) return sendJson(res, 200, this.unavailable(request.id));
    const { tasks: _tasks, ...capabilities } = (isObject(init.capabilities) ? init.capabilities : {});
    const result = withServerInfo({
      resultType: 'complete',
      supportedVersions: STATELESS_PROTOCOL_VERSIONS,
      capabilities,
      ...(typeof init.instructions === 'string' ? { instructions: init.instructions } : {}),
      ttlMs: 0,
      cacheScope: 'private',
    }, init.serverInfo);
    sendJson(res, 200, resultResponse(request.id, result));
  }

  private async listen(res: ServerResponse, request: Request): Promise<void> {
    const filter = listenFilterOf(request.params?.notifications);
    if (!filter) {
      return sendJson(res, 200, errorResponse(request.id, INVALID_PARAMS, "Invalid params: 'notifications' is required and must be a valid SubscriptionFilter"));
    }
    const init = await this.initResult();
    if (!init) return sendJson(res, 200, this.unavailable(request.id));
    const honouredFilter = honoured(filter, isObject(init.capabilities) ? init.capabilities : undefined);
    const session = new ListenSession(this.router, res, request.id, honouredFilter, init.serverInfo);
    startEventStream(res);
    const acknowledge = () => session.write('notifications/subscriptions/acknowledged', { notifications: honouredFilter });
    if (Object.keys(honouredFilter).length === 0) {
      acknowledge();
      return session.finish();
    }
    keepAlive(res);
    this.listeners.add(session);
    this.router.open(session);
    const uris = honouredFilter.resourceSubscriptions ?? [];
    session.acknowledgeAfter(uris.length, acknowledge);
    for (const uri of uris) {
      this.router.receive(session, { jsonrpc: '2.0', id: `mcp-auto-listen-${this.nextSubscribe++}`, method: 'resources/subscribe', params: { uri } });
    }
    res.once('close', () => {
      this.listeners.delete(session);
      this.router.close(session);
    });
  }

  closeAll(): void {
    for (const session of this.listeners) session.finish();
    for (const session of this.waiting.values()) session.end('mcp-auto is stopping');
  }
}
