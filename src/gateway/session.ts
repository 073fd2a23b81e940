import type { Message, RequestId } from './jsonrpc.ts';

/** What a client declared in its `initialize`. */
export interface ClientHello {
  protocolVersion: string;
  capabilities: Record<string, unknown>;
  clientInfo?: { name?: string; version?: string };
}

/**
 * One client session, whatever transport carries it (Streamable HTTP or legacy
 * SSE). The router only ever talks to this: transport in, transport out.
 */
export interface Session {
  readonly id: string;
  readonly transport: 'streamable' | 'sse' | 'stateless';
  hello: ClientHello | undefined;
  /**
   * Delivers a message to the client. A message related to a request (its
   * response, progress, a sampling request made while it runs) goes on that
   * request's stream where the transport has one.
   */
  send(message: Message, relatedRequestId?: RequestId): void;
}
