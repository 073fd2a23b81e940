import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  asMessages, errorResponse, isRequest, isResponse, INVALID_REQUEST,
  type Message, type RequestId,
} from './jsonrpc.ts';
import {
  acceptsEventStream, isJsonContentType, keepAlive, readJsonBody, sendError, sendJson, startEventStream, writeEvent,
} from './http-util.ts';
import { PostExchange } from './post-exchange.ts';
import { isStatelessPost, StatelessEndpoint } from './stateless.ts';
import type { Router } from './router.ts';
import type { ClientHello, Session } from './session.ts';
import type { SessionStore } from './session-store.ts';

/** Messages kept for a session that has no stream open yet (list_changed before its GET). */
const BACKLOG_LIMIT = 64;
const SESSION_HEADER = 'mcp-session-id';

class StreamableSession implements Session {
  readonly transport = 'streamable' as const;
  hello: ClientHello | undefined;
  lastUsed = Date.now();
  /** client request id → the POST that carries its reply. */
  readonly exchanges = new Map<RequestId, PostExchange>();
  private stream: ServerResponse | undefined;
  private backlog: Message[] = [];

  constructor(readonly id: string) {}

  send(message: Message, relatedRequestId?: RequestId): void {
    if (isResponse(message) && message.id !== null) {
      const exchange = this.exchanges.get(message.id);
      if (exchange) {
        this.exchanges.delete(message.id);
        exchange.reply(message);
        return;
      }
    }
    if (relatedRequestId !== undefined && this.exchanges.get(relatedRequestId)?.push(message)) return;
    if (this.stream && writeEvent(this.stream, message)) return;
    if (this.backlog.length < BACKLOG_LIMIT) this.backlog.push(message);
  }

  get hasStream(): boolean {
    return this.stream !== undefined;
  }

  attachStream(res: ServerResponse): void {
    // A client that reconnects its GET stream replaces the old one.
    this.stream?.end();
    this.stream = res;
    startEventStream(res, { [SESSION_HEADER]: this.id });
    keepAlive(res);
    for (const message of this.backlog.splice(0)) writeEvent(res, message);
    res.once('close', () => { if (this.stream === res) this.stream = undefined; });
  }

  end(): void {
    this.stream?.end();
    this.stream = undefined;
  }
}

/**
 * Streamable HTTP (protocol 2025-03-26 … 2025-11-25): POST carries messages,
 * GET opens the session's stream for unrelated messages, DELETE ends it.
 *
 * mcp-auto serves this itself rather than through the SDK's
 * StreamableHTTPServerTransport: sessions are persisted so a client keeps its
 * Mcp-Session-Id across a daemon restart (the SDK keeps them in memory only),
 * one JSON.parse per message with no Web-Request conversion, and a reply
 * answered as JSON unless something must be streamed first.
 */
export class StreamableEndpoint {
  private readonly sessions = new Map<string, StreamableSession>();
  private readonly stateless: StatelessEndpoint;

  constructor(private readonly name: string, private readonly router: Router, private readonly store: SessionStore | undefined) {
    this.stateless = new StatelessEndpoint(name, router);
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Sessions in use: a stream open, a request in flight, or one within the last windowMs. */
  liveCount(windowMs: number): number {
    const since = Date.now() - windowMs;
    let n = 0;
    for (const s of this.sessions.values()) if (s.hasStream || s.exchanges.size > 0 || s.lastUsed >= since) n++;
    return n;
  }

  get streamCount(): number {
    let n = 0;
    for (const s of this.sessions.values()) if (s.hasStream) n++;
    return n + this.stateless.listenCount;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    switch (req.method) {
      case 'POST': return this.post(req, res);
      case 'GET': return this.get(req, res);
      case 'DELETE': return this.delete(req, res);
      default: sendError(res, 405, 'use POST, GET or DELETE', { allow: 'GET, POST, DELETE' });
    }
  }

  private async post(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isJsonContentType(req)) return sendError(res, 415, 'Content-Type must be application/json');
    const accept = req.headers.accept ?? '';
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
      return sendError(res, 406, 'Accept must list application/json and text/event-stream');
    }
    const body = await readJsonBody(req, res);
    if (!body) return;
    const parsed = body.value;
    // The stateless 2026-07-28 revision has no session: its own rules (stateless.ts).
    if (isStatelessPost(req, parsed)) return this.stateless.post(req, res, parsed);
    const shaped = asMessages(parsed);
    if (!shaped) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message or batch'));
    const { messages, batch } = shaped;

    const init = messages.find((m) => isRequest(m) && m.method === 'initialize');
    let session: StreamableSession | undefined;
    if (init) {
      if (messages.length > 1) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, 'Invalid Request: initialize must be sent alone'));
      session = new StreamableSession(randomUUID());
      this.sessions.set(session.id, session);
    } else {
      const id = req.headers[SESSION_HEADER];
      if (typeof id !== 'string' || !id) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, 'Bad Request: Mcp-Session-Id header is required'));
      session = this.session(id);
      if (!session) return sendJson(res, 404, errorResponse(null, -32001, 'Session not found: initialize a new session'));
    }
    session.lastUsed = Date.now();

    const requests = messages.filter(isRequest);
    if (requests.length === 0) {
      res.writeHead(202).end();
      for (const message of messages) this.router.receive(session, message);
      return;
    }
    const exchange = new PostExchange(res, requests.length, batch, { [SESSION_HEADER]: session.id });
    for (const message of messages) {
      if (isRequest(message)) {
        if (session.exchanges.has(message.id)) {
          // Two requests with one id in flight would make replies ambiguous.
          exchange.reply(errorResponse(message.id, INVALID_REQUEST, `Invalid Request: id ${JSON.stringify(message.id)} is already in flight`));
          continue;
        }
        session.exchanges.set(message.id, exchange);
      }
      this.router.receive(session, message);
    }
    if (init && session.hello) this.store?.save(this.name, session.id, session.hello);
  }

  private get(req: IncomingMessage, res: ServerResponse): void {
    if (!acceptsEventStream(req)) return sendError(res, 406, 'Accept must list text/event-stream');
    const session = this.sessionFromHeader(req, res);
    if (!session) return;
    session.lastUsed = Date.now();
    session.attachStream(res);
  }

  private delete(req: IncomingMessage, res: ServerResponse): void {
    const session = this.sessionFromHeader(req, res);
    if (!session) return;
    this.drop(session);
    this.store?.remove(session.id);
    res.writeHead(200).end();
  }

  private sessionFromHeader(req: IncomingMessage, res: ServerResponse): StreamableSession | undefined {
    const id = req.headers[SESSION_HEADER];
    if (typeof id !== 'string' || !id) {
      sendError(res, 400, 'Mcp-Session-Id header is required');
      return undefined;
    }
    const session = this.session(id);
    if (!session) sendError(res, 404, 'Session not found: initialize a new session');
    return session;
  }

  /** A live session, or one brought back from the store after a daemon restart. */
  private session(id: string): StreamableSession | undefined {
    const live = this.sessions.get(id);
    if (live) return live;
    const hello = this.store?.load(this.name, id);
    if (!hello) return undefined;
    const session = new StreamableSession(id);
    session.hello = hello;
    this.sessions.set(id, session);
    this.router.open(session);
    return session;
  }

  private drop(session: StreamableSession): void {
    this.sessions.delete(session.id);
    session.end();
    this.router.close(session);
  }

  /** Forgets sessions idle longer than maxIdleMs with no stream open (the store can bring them back). */
  sweep(maxIdleMs: number): void {
    const cutoff = Date.now() - maxIdleMs;
    for (const session of this.sessions.values()) {
      if (!session.hasStream && session.exchanges.size === 0 && session.lastUsed < cutoff) this.drop(session);
    }
  }

  closeAll(): void {
    this.stateless.closeAll();
    for (const session of this.sessions.values()) this.drop(session);
  }
}
