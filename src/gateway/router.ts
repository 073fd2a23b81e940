import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CallLog, targetOf, type CallRecord } from './call-log.ts';
import type { SupervisedChild } from '../daemon/child.ts';
import {
  errorResponse, isNotification, isRequest, isResponse, isRequestId, resultResponse,
  INTERNAL_ERROR, REQUEST_TIMEOUT, SERVER_UNAVAILABLE,
  type Message, type Notification, type Request, type RequestId, type Response,
} from './jsonrpc.ts';
import type { ClientHello, Session } from './session.ts';
import { ToolCatalog, toolCallRefusal, withToolsListChanged } from './tool-filter.ts';
import { unavailable } from './unavailable.ts';

/** Protocol versions a session may negotiate (the stateful 2025 revisions). */
export const SESSION_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];

interface Pending {
  session: Session;
  clientId: RequestId;
  method: string;
  /** The client's own progress token, when it asked for progress. */
  progressToken?: RequestId;
  started: number;
  target?: string;
  /** The cursor a tools/list asked for (its page is recorded under it). */
  cursor?: unknown;
}

interface SessionState {
  /** client request id → upstream id, for cancellation. */
  inflight: Map<RequestId, number>;
  subscriptions: Set<string>;
  /** Server→client requests sent to this session, awaiting its answer. */
  serverRequests: Set<RequestId>;
  /** When the client last sent something (for the page: live or idle). */
  lastSeen: number;
}

/** One client session as the page shows it: never its id, which is a credential. */
export interface SessionSummary { client: string; transport: Session['transport']; inflight: number; idleMs: number }

const LIST_CHANGED: Array<[capability: string, method: string]> = [
  ['tools', 'notifications/tools/list_changed'],
  ['resources', 'notifications/resources/list_changed'],
  ['prompts', 'notifications/prompts/list_changed'],
];

/** Server→client requests only a client that declared the capability may get. */
const CAPABILITY_OF: Record<string, string> = {
  'sampling/createMessage': 'sampling',
  'elicitation/create': 'elicitation',
};

/**
 * The client requests during which a server may ask the client to sample or
 * elicit: running a tool, getting a prompt, reading a resource. A list call or
 * a completion never does, so a session with only those in flight is never a
 * candidate.
 */
const CAN_ASK_CLIENT = new Set(['tools/call', 'prompts/get', 'resources/read']);

/**
 * The one place that routes between many client sessions and one shared stdio
 * child. Request ids are remapped into one upstream id space, so replies reach
 * only the session that asked; progress tokens and cancellations follow the same
 * map; list_changed and logging fan out; resources/updated goes to subscribers;
 * server→client requests go to the session whose request is in flight.
 */
export class Router {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly sessions = new Map<Session, SessionState>();
  /** Requests waiting for the child to become ready, in arrival order. */
  private queue: Array<{ session: Session; request: Request; deadline: number }> = [];
  private queueTimer: NodeJS.Timeout | undefined;
  private logLevel: string | undefined;
  private everReady = false;
  readonly calls = new CallLog();
  /** The gateway's own requests to the child (tools/list for status), by upstream id. */
  private readonly own = new Map<number, (response: Response) => void>();

  constructor(readonly child: SupervisedChild, private readonly root: string, private readonly waitMs: () => number,
    readonly tools = new ToolCatalog()) {
    child.on('message', (m: Message) => this.fromChild(m));
    child.on('ready', () => this.onChildReady());
    child.on('down', (reason: string) => this.onChildDown(reason));
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  open(session: Session): void {
    if (!this.sessions.has(session)) {
      this.sessions.set(session, { inflight: new Map(), subscriptions: new Set(), serverRequests: new Set(), lastSeen: Date.now() });
    }
  }

  /** Who is connected, for the page. */
  describeSessions(now = Date.now()): SessionSummary[] {
    return [...this.sessions].map(([session, state]) => {
      const info = session.hello?.clientInfo;
      return {
        client: info?.name ? `${info.name}${info.version ? ` ${info.version}` : ''}` : 'unknown client',
        transport: session.transport,
        inflight: state.inflight.size,
        idleMs: now - state.lastSeen,
      };
    });
  }

  /** A session ended: its in-flight requests are cancelled upstream, its subscriptions dropped. */
  close(session: Session): void {
    const state = this.sessions.get(session);
    if (!state) return;
    this.sessions.delete(session);
    for (const upstreamId of state.inflight.values()) {
      this.logCall(upstreamId, 'cancelled');
      this.pending.delete(upstreamId);
      this.child.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: upstreamId, reason: 'client session closed' } });
    }
    for (const uri of state.subscriptions) this.unsubscribeIfUnused(uri);
    this.queue = this.queue.filter((q) => q.session !== session);
  }

  /** A message from a client session. */
  receive(session: Session, message: Message): void {
    this.open(session);
    this.sessions.get(session)!.lastSeen = Date.now();
    if (isRequest(message)) this.fromClientRequest(session, message);
    else if (isNotification(message)) this.fromClientNotification(session, message);
    else if (isResponse(message)) this.fromClientResponse(session, message);
  }

  private fromClientRequest(session: Session, request: Request): void {
    switch (request.method) {
      case 'initialize':
        this.initialize(session, request);
        return;
      case 'ping':
        session.send(resultResponse(request.id, {}), request.id);
        return;
      case 'tools/call': {
        // A tool the config filters out never reaches the child.
        const refusal = toolCallRefusal(this.child.def, request);
        if (refusal) return void session.send(refusal, request.id);
        break;
      }
      case 'resources/subscribe':
      case 'resources/unsubscribe': {
        const uri = request.params?.uri;
        if (typeof uri === 'string') {
          const subs = this.sessions.get(session)!.subscriptions;
          if (request.method === 'resources/subscribe') subs.add(uri);
          else {
            subs.delete(uri);
            // Others still want it: the child must keep sending updates.
            if (this.subscribers(uri).length > 0) {
              session.send(resultResponse(request.id, {}), request.id);
              return;
            }
          }
        }
        break;
      }
      case 'logging/setLevel':
        if (typeof request.params?.level === 'string') this.logLevel = request.params.level;
        break;
    }
    this.forward(session, request);
  }

  /** Answers from the child's cached InitializeResult: the child is initialized once. */
  private initialize(session: Session, request: Request): void {
    const params = request.params ?? {};
    const requested = typeof params.protocolVersion === 'string' ? params.protocolVersion : SESSION_PROTOCOL_VERSIONS[0]!;
    const protocolVersion = SESSION_PROTOCOL_VERSIONS.includes(requested) ? requested : SESSION_PROTOCOL_VERSIONS[0]!;
    session.hello = {
      protocolVersion,
      capabilities: (params.capabilities as Record<string, unknown>) ?? {},
      clientInfo: params.clientInfo as ClientHello['clientInfo'],
    };
    const answer = () => {
      // A server that could not start, or failed after it had run, fails the
      // handshake with its last error: the client shows one failure with the
      // reason, never a connected session whose every call fails. Restarting
      // after a crash: the cached result holds (the session survives it).
      const result = this.child.state === 'ready' || this.child.replaysInit ? this.child.initResult : undefined;
      if (!result) {
        session.send(this.unavailable(request.id), request.id);
        return;
      }
      session.send(resultResponse(request.id, { ...withToolsListChanged(result), protocolVersion }), request.id);
    };
    if (this.child.state === 'ready' || this.child.replaysInit) answer();
    // A lazy server starts here, with its first session (whenReady starts it).
    else void this.child.whenReady(this.waitMs()).then(answer);
  }

  private forward(session: Session, request: Request): void {
    if (this.child.state !== 'ready') {
      if (this.child.state === 'failed' || this.child.state === 'stopped') {
        session.send(this.unavailable(request.id), request.id);
        return;
      }
      // Not started, starting or starting again after a crash: wait (bounded) rather than refuse.
      this.child.start();
      this.queue.push({ session, request, deadline: Date.now() + this.waitMs() });
      this.armQueueTimer();
      return;
    }
    const upstreamId = this.nextId++;
    const entry: Pending = { session, clientId: request.id, method: request.method, started: Date.now(), target: targetOf(request.method, request.params) };
    if (request.method === 'tools/list') entry.cursor = request.params?.cursor;
    let params = request.params;
    const token = params?._meta?.progressToken;
    if (isRequestId(token)) {
      // Two sessions may both use token 1: the upstream token is our own id.
      entry.progressToken = token;
      params = { ...params, _meta: { ...params!._meta, progressToken: upstreamId } };
    }
    this.pending.set(upstreamId, entry);
    this.sessions.get(session)?.inflight.set(request.id, upstreamId);
    if (!this.child.send({ jsonrpc: '2.0', id: upstreamId, method: request.method, ...(params ? { params } : {}) })) {
      this.settle(upstreamId);
      session.send(this.unavailable(request.id), request.id);
    }
  }

  private fromClientNotification(session: Session, notification: Notification): void {
    switch (notification.method) {
      case 'notifications/initialized':
      case 'notifications/roots/list_changed':
        // The child was initialized by the gateway, and its root is the project root.
        return;
      case 'notifications/cancelled': {
        const requestId = notification.params?.requestId;
        if (!isRequestId(requestId)) return;
        const state = this.sessions.get(session);
        const upstreamId = state?.inflight.get(requestId);
        if (upstreamId === undefined) return;
        this.logCall(upstreamId, 'cancelled');
        this.settle(upstreamId);
        this.child.send({ ...notification, params: { ...notification.params, requestId: upstreamId } });
        return;
      }
      default:
        this.child.send(notification);
    }
  }

  private fromClientResponse(session: Session, response: Response): void {
    const state = this.sessions.get(session);
    // Only the session that was asked may answer.
    if (response.id === null || !state?.serverRequests.delete(response.id)) return;
    this.child.send(response);
  }

  private fromChild(message: Message): void {
    if (isResponse(message)) {
      if (typeof message.id !== 'number') return;
      const own = this.own.get(message.id);
      if (own) {
        this.own.delete(message.id);
        own(message);
        return;
      }
      const entry = this.pending.get(message.id);
      if (!entry) return; // cancelled, or one of our own re-subscribes
      this.logCall(message.id, 'error' in message ? 'error' : 'ok');
      this.settle(message.id);
      // tools/list: measured whole, seen through the filter.
      const reply = entry.method === 'tools/list' && 'result' in message
        ? { ...message, result: this.tools.seen(entry.cursor, message.result, this.child.def.tools) }
        : message;
      entry.session.send({ ...reply, id: entry.clientId }, entry.clientId);
    } else if (isRequest(message)) {
      this.serverRequest(message);
    } else if (isNotification(message)) {
      this.serverNotification(message);
    }
  }

  private serverRequest(request: Request): void {
    if (request.method === 'roots/list') {
      this.child.send(resultResponse(request.id, { roots: [{ uri: pathToFileURL(this.root).href, name: basename(this.root) }] }));
      return;
    }
    if (request.method === 'ping') {
      this.child.send(resultResponse(request.id, {}));
      return;
    }
    // Sampling, elicitation and anything else: the session whose request is in flight.
    const capability = CAPABILITY_OF[request.method];
    const candidates: Array<{ session: Session; state: SessionState; related: RequestId }> = [];
    for (const [session, state] of this.sessions) {
      if (capability && session.hello?.capabilities?.[capability] === undefined) continue;
      const asking = [...state.inflight].filter(([, upstreamId]) => !capability || CAN_ASK_CLIENT.has(this.pending.get(upstreamId)?.method ?? ''));
      if (asking.length > 0) candidates.push({ session, state, related: asking.at(-1)![0] });
    }
    if (candidates.length !== 1) {
      // One stdio child cannot say which session it means: refusing is the only
      // answer that cannot reach the wrong client. Such servers belong in
      // http-child mode, where every session is its own upstream session.
      if (candidates.length > 1) this.calls.refusedAsAmbiguous({ at: Date.now(), method: request.method, candidates: candidates.length });
      const why = candidates.length === 0
        ? `no client session${capability ? ` that supports ${capability}` : ''} has a request in flight that could have asked for it`
        : `${candidates.length} client sessions have requests in flight that could have asked for it; mcp-auto cannot tell which (run this server with "transport": "http" to give every session its own)`;
      this.child.send(errorResponse(request.id, INTERNAL_ERROR, `mcp-auto: cannot route ${request.method}: ${why}`));
      return;
    }
    const { session, state, related } = candidates[0]!;
    state.serverRequests.add(request.id);
    session.send(request, related);
  }

  private serverNotification(notification: Notification): void {
    const params = notification.params ?? {};
    switch (notification.method) {
      case 'notifications/progress': {
        const token = params.progressToken;
        const entry = typeof token === 'number' ? this.pending.get(token) : undefined;
        if (!entry || entry.progressToken === undefined) return;
        entry.session.send({ ...notification, params: { ...params, progressToken: entry.progressToken } }, entry.clientId);
        return;
      }
      case 'notifications/cancelled': {
        // The child gave up on a request it sent to a client.
        const requestId = params.requestId;
        for (const [session, state] of this.sessions) {
          if (isRequestId(requestId) && state.serverRequests.delete(requestId)) session.send(notification);
        }
        return;
      }
      case 'notifications/resources/updated': {
        if (typeof params.uri === 'string') for (const session of this.subscribers(params.uri)) session.send(notification);
        return;
      }
      case 'notifications/tools/list_changed':
        // Forwarded as is: sessions list again, and that list goes through the filter.
        this.tools.invalidate();
        for (const session of this.sessions.keys()) session.send(notification);
        return;
      default:
        // list_changed, logging and whatever else the child announces: everyone.
        for (const session of this.sessions.keys()) session.send(notification);
    }
  }

  private subscribers(uri: string): Session[] {
    return [...this.sessions].filter(([, state]) => state.subscriptions.has(uri)).map(([session]) => session);
  }

  private unsubscribeIfUnused(uri: string): void {
    if (this.subscribers(uri).length > 0 || this.child.state !== 'ready') return;
    this.child.send({ jsonrpc: '2.0', id: this.nextId++, method: 'resources/unsubscribe', params: { uri } });
  }

  private logCall(upstreamId: number, outcome: CallRecord['outcome']): void {
    const entry = this.pending.get(upstreamId);
    if (!entry) return;
    const at = Date.now();
    this.calls.add({ at, method: entry.method, ...(entry.target ? { target: entry.target } : {}), ms: at - entry.started, outcome });
  }

  private settle(upstreamId: number): void {
    const entry = this.pending.get(upstreamId);
    if (!entry) return;
    this.pending.delete(upstreamId);
    this.sessions.get(entry.session)?.inflight.delete(entry.clientId);
  }

  /** The child went away: nothing in flight may hang. */
  private onChildDown(reason: string): void {
    for (const [id, done] of this.own) done(errorResponse(id, SERVER_UNAVAILABLE, reason));
    this.own.clear();
    for (const upstreamId of this.pending.keys()) this.logCall(upstreamId, 'lost');
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const state of this.sessions.values()) {
      state.inflight.clear();
      state.serverRequests.clear();
    }
    for (const entry of pending) {
      entry.session.send(errorResponse(entry.clientId, SERVER_UNAVAILABLE,
        `mcp-auto: server '${this.child.def.name}' ${reason} while handling ${entry.method}; it is being restarted, try again`), entry.clientId);
    }
    if (this.child.state === 'failed' || this.child.state === 'stopped') this.drainQueue();
  }

  private onChildReady(): void {
    this.tools.invalidate();
    if (this.everReady) {
      // A new child: restore what sessions had asked of the old one, then tell them lists may differ.
      for (const uri of new Set([...this.sessions.values()].flatMap((s) => [...s.subscriptions]))) {
        this.child.send({ jsonrpc: '2.0', id: this.nextId++, method: 'resources/subscribe', params: { uri } });
      }
      if (this.logLevel) this.child.send({ jsonrpc: '2.0', id: this.nextId++, method: 'logging/setLevel', params: { level: this.logLevel } });
      const capabilities = (this.child.initResult?.capabilities ?? {}) as Record<string, unknown>;
      for (const [capability, method] of LIST_CHANGED) {
        if (capabilities[capability] === undefined) continue;
        for (const session of this.sessions.keys()) session.send({ jsonrpc: '2.0', method });
      }
    }
    this.everReady = true;
    this.drainQueue();
  }

  /** The tool filter changed (config reload, child untouched): sessions list again. */
  toolFilterChanged(): void {
    for (const session of this.sessions.keys()) session.send({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
  }

  /**
   * Lists the child's tools for the gateway itself (every page), so status can
   * measure them before any client asked. Only on demand (status, doctor):
   * never on the ensure path. False when the child is not ready or is slow.
   */
  async fetchTools(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      if (this.child.state !== 'ready') return false;
      const id = this.nextId++;
      const response = await new Promise<Response | undefined>((resolve) => {
        const timer = setTimeout(() => { this.own.delete(id); resolve(undefined); }, Math.max(0, deadline - Date.now()));
        this.own.set(id, (r) => { clearTimeout(timer); resolve(r); });
        if (!this.child.send({ jsonrpc: '2.0', id, method: 'tools/list', ...(cursor ? { params: { cursor } } : {}) })) {
          this.own.delete(id);
          clearTimeout(timer);
          resolve(undefined);
        }
      });
      if (!response || !('result' in response)) return false;
      this.tools.seen(cursor, response.result, undefined);
      const next = (response.result as { nextCursor?: unknown } | null)?.nextCursor;
      if (typeof next !== 'string') return true;
      cursor = next;
    }
    return false;
  }

  private drainQueue(): void {
    const queue = this.queue;
    this.queue = [];
    for (const { session, request } of queue) this.forward(session, request);
  }

  private armQueueTimer(): void {
    if (this.queueTimer) return;
    this.queueTimer = setInterval(() => {
      const now = Date.now();
      const expired = this.queue.filter((q) => q.deadline <= now);
      this.queue = this.queue.filter((q) => q.deadline > now);
      for (const { session, request } of expired) {
        session.send(errorResponse(request.id, REQUEST_TIMEOUT,
          `mcp-auto: server '${this.child.def.name}' is still ${this.child.state}; see \`mcp-auto logs\``), request.id);
      }
      if (this.queue.length === 0) {
        clearInterval(this.queueTimer);
        this.queueTimer = undefined;
      }
    }, 250);
  }

  private unavailable(id: RequestId): Response {
    return unavailable(this.child, id);
  }
}
