import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { asMessages, errorResponse, INVALID_REQUEST, type Message } from './jsonrpc.ts';
import { acceptsEventStream, isJsonContentType, keepAlive, readJsonBody, sendError, sendJson, startEventStream, writeEvent } from './http-util.ts';
import type { Router } from './router.ts';
import type { ClientHello, Session } from './session.ts';

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
    if (req.method !== 'GET') return sendError(res, 405, 'use GET to open the event stream', { allow: 'GET' });
    if (!acceptsEventStream(req)) return sendError(res, 406, 'Accept must list text/event-stream');
    const session = new SseSession(res);
    this.sessions.set(session.id, session);
    this.router.open(session);
    startEventStream(res);
    keepAlive(res);
    res.write(`event: endpoint\ndata: ${this.base}/messages?sessionId=${session.id}\n\n`);
    res.once('close', () => {
      this.sessions.delete(session.id);
      this.router.close(session);
    });
  }

  /** POST <base>/messages?sessionId=… */
  async post(req: IncomingMessage, res: ServerResponse, sessionId: string | null): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'use POST', { allow: 'POST' });
    if (!sessionId) return sendError(res, 400, 'the sessionId query parameter is required');
    const session = this.sessions.get(sessionId);
    if (!session) return sendError(res, 404, 'Session not found: open a new event stream');
    if (!isJsonContentType(req)) return sendError(res, 415, 'Content-Type must be application/json');
    const body = await readJsonBody(req, res);
    if (!body) return;
    const parsed = body.value;
    const shaped = asMessages(parsed);
    if (!shaped) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, 'Invalid Request: not a JSON-RPC 2.0 message or batch'));
    res.writeHead(202, { 'content-type': 'text/plain' }).end('Accepted');
    for (const message of shaped.messages) this.router.receive(session, message);
  }

  closeAll(): void {
    for (const session of this.sessions.values()) session.res.end();
  }
}
