import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asMessages, errorResponse, INVALID_REQUEST, type Message } from './jsonrpc.ts';
import { acceptsEventStream, isJsonContentType, keepAlive, readJsonBody, sendError, sendJson, startEventStream, writeEvent } from './http-util.ts';
import type { Router } from './router.ts';
import type { ClientHello, Session } from './session.ts';

// The legacy transport's HTTP side, shared with sse-bridge.ts (http children).

/** A stream's GET, checked: false, answered 405 or 406, when it is not one. */
export function isStreamRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET') {
    sendError(res, 405, 'use GET to open the event stream', { allow: 'GET' });
    return false;
  }
  if (!acceptsEventStream(req)) {
    sendError(res, 406, 'Accept must list text/event-stream');
    return false;
  }
  return true;
}

/** Opens the stream: its headers, keep-alive comments, and the endpoint event naming where to POST. */
export function startLegacyStream(res: ServerResponse, messagesUrl: string): void {
  startEventStream(res);
  keepAlive(res);
  res.write(`event: endpoint\ndata: ${messagesUrl}\n\n`);
}

/**
 * A POST to <base>/messages?sessionId=…, checked and answered 202: its
 * session and messages. Undefined once it was answered with an error
 * (405, 400, 404, 415, a body that is not JSON-RPC).
 */
export async function acceptLegacyPost<S>(req: IncomingMessage, res: ServerResponse, sessions: Map<string, S>, sessionId: string | null): Promise<{ session: S; messages: Message[] } | undefined> {
  const refuse = (status: number, message: string, headers?: Record<string, string>) => { sendError(res, status, message, headers); return undefined; };
  if (req.method !== 'POST') return refuse(405, 'use POST', { allow: 'POST' });
  if (!sessionId) return refuse(400, 'the sessionId query parameter is required');
  const session = sessions.get(sessionId);
  if (!session) return refuse(404, 'Session not found: open a new event stream');
  if (!isJsonContentType(req)) return refuse(415, 'Content-Type must be application/json');
  const body = await readJsonBody(req, res);
  if (!body) return undefined;
  const shaped = asMessages(body.value);
  if (!shaped) {
    sendJson(res, 400, errorResponse(null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message or batch'));
    return undefined;
  }
  res.writeHead(202, { 'content-type': 'text/plain' }).end('Accepted');
  return { session, messages: shaped.messages };
}

class SseSession implements Session {
  readonly transport = 'sse' as const;
  hello: ClientHello | undefined;
  readonly id = randomUUID();

  constructor(readonly res: ServerResponse) {}

  send(message: Message): void {
    writeEvent(this.res, message);
  }
}

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05): GET opens the stream and
 * names a POST endpoint; every reply travels on the stream. The session lives as
 * long as the stream.
 */
export class SseEndpoint {
  private readonly sessions = new Map<string, SseSession>();

  constructor(private readonly base: string, private readonly router: Router) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** GET <base>/sse */
  open(req: IncomingMessage, res: ServerResponse): void {
    if (!isStreamRequest(req, res)) return;
    const session = new SseSession(res);
    this.sessions.set(session.id, session);
    this.router.open(session);
    startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
    res.once('close', () => {
      this.sessions.delete(session.id);
      this.router.close(session);
    });
  }

  /** POST <base>/messages?sessionId=… */
  async post(req: IncomingMessage, res: ServerResponse, sessionId: string | null): Promise<void> {
    const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
    if (!accepted) return;
    for (const message of accepted.messages) this.router.receive(accepted.session, message);
  }

  closeAll(): void {
    for (const session of this.sessions.values()) session.res.end();
  }
}
