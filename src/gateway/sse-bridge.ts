import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { SupervisedChild } from '../daemon/child.ts';
import type { Logger } from '../daemon/log.ts';
import { errorMessage } from '../util/errors.ts';
import { errorResponse, isRequest, isResponse, type Message } from './jsonrpc.ts';
import { writeEvent } from './http-util.ts';
import { acceptLegacyPost, isStreamRequest, startLegacyStream } from './sse.ts';
import { unavailable } from './unavailable.ts';
import { toolCallRefusal, type ToolCatalog } from './tool-filter.ts';

/**
 * One legacy SSE client session, carried to an http child as its own
 * Streamable HTTP session (the SDK's client transport: session id, the
 * server's GET stream, SSE or JSON replies). Messages go through as they are
 * — so whatever the child keeps per session stays this client's — but for the
 * config's tool filter, applied as on /mcp. Only the headers the transport
 * makes itself reach the child, never the client's.
 */
class BridgedSession {
  readonly id = randomUUID();
  private upstream: Promise<StreamableHTTPClientTransport | undefined> | undefined;
  private closed = false;
  /** tools/list requests in flight → their cursor (the reply is filtered and recorded). */
  private readonly lists = new Map<unknown, unknown>();

  constructor(readonly res: ServerResponse, private readonly child: SupervisedChild, private readonly path: string,
    private readonly log: Logger, private readonly tools: ToolCatalog) {}

  async forward(message: Message): Promise<void> {
    if (isRequest(message)) {
      const refusal = toolCallRefusal(this.child.def, message);
      if (refusal) return void writeEvent(this.res, refusal);
      if (message.method === 'tools/list') this.lists.set(message.id, message.params?.cursor);
    }
    const upstream = await (this.upstream ??= this.connect());
    if (!upstream) {
      // The child cannot start (or failed): a request gets its last error, as on /mcp.
      if (isRequest(message)) writeEvent(this.res, unavailable(this.child, message.id));
      this.upstream = undefined;
      return;
    }
    try {
      await upstream.send(message as JSONRPCMessage);
    } catch (error) {
      if (isRequest(message)) writeEvent(this.res, errorResponse(message.id, -32000, `mcp-auto: server '${this.child.def.name}' did not take the request: ${errorMessage(error)}`));
    }
  }

  private async connect(): Promise<StreamableHTTPClientTransport | undefined> {
    const child = this.child;
    if (child.state !== 'ready' && !(await child.whenReady(child.def.startTimeoutMs))) return undefined;
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${child.internalPort!}${this.path}`));
    transport.onmessage = (received) => {
      let message = received as Message;
      if (isResponse(message) && 'result' in message) {
        // The negotiated version goes on every later request, as the spec asks.
        const version = (message.result as { protocolVersion?: unknown } | undefined)?.protocolVersion;
        if (typeof version === 'string') transport.setProtocolVersion(version);
        if (this.lists.has(message.id)) {
          message = { ...message, result: this.tools.seen(this.lists.get(message.id), message.result, child.def.tools) };
        }
      }
      if (isResponse(message)) this.lists.delete(message.id);
      writeEvent(this.res, message);
    };
    transport.onerror = (error) => this.log(`server ${child.def.name}: sse bridge: ${errorMessage(error)}`);
    // The child's session is gone (it restarted): the client must open a new one.
    transport.onclose = () => { if (!this.closed) this.res.end(); };
    await transport.start();
    return transport;
  }

  async close(): Promise<void> {
    this.closed = true;
    const upstream = await this.upstream?.catch(() => undefined);
    if (!upstream) return;
    await upstream.terminateSession().catch(() => { /* the child may be gone */ });
    await upstream.close().catch(() => { /* already closed */ });
  }
}

/**
 * The legacy HTTP+SSE endpoints (/sse + /messages) for an http child, which
 * itself speaks only Streamable HTTP.
 */
export class SseBridge {
  private readonly sessions = new Map<string, BridgedSession>();

  constructor(private readonly base: string, private readonly child: SupervisedChild, private readonly path: () => string, private readonly log: Logger,
    private readonly tools: ToolCatalog, private readonly streams: Set<(message: Message) => void>) {}

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** GET <base>/sse: the stream opens at once; the child is reached on the first message. */
  open(req: IncomingMessage, res: ServerResponse): void {
    if (!isStreamRequest(req, res)) return;
    const session = new BridgedSession(res, this.child, this.path(), this.log, this.tools);
    this.sessions.set(session.id, session);
    // Where the gateway adds a tools/list_changed when the tool filter changes.
    const add = (message: Message) => { writeEvent(res, message); };
    this.streams.add(add);
    startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
    res.once('close', () => {
      this.sessions.delete(session.id);
      this.streams.delete(add);
      void session.close();
    });
  }

  /** POST <base>/messages?sessionId=… */
  async post(req: IncomingMessage, res: ServerResponse, sessionId: string | null): Promise<void> {
    const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
    if (!accepted) return;
    // In order: initialize must reach the child before what follows it.
    for (const message of accepted.messages) await accepted.session.forward(message);
  }

  closeAll(): void {
    for (const session of this.sessions.values()) session.res.end();
  }
}
