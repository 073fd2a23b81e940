import type { SupervisedChild } from '../daemon/child.ts';
import { errorResponse, SERVER_UNAVAILABLE, type RequestId, type Response } from './jsonrpc.ts';

/**
 * The answer to a request a server cannot take: its state and last error, in
 * the JSON-RPC error message, so that a client shows the reason — the same
 * words whether the server never started or failed after it had run, and
 * whether it is a stdio or an http child.
 */
export function unavailable(child: SupervisedChild, id: RequestId | null): Response {
  const detail = child.lastError ? `: ${child.lastError}` : '';
  return errorResponse(id, SERVER_UNAVAILABLE, `mcp-auto: server '${child.def.name}' is ${child.state}${detail}; see \`mcp-auto logs\``,
    { stderr: child.stderrTail.slice(-5) });
}
