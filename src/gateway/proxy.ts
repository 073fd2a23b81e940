import { Agent, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { SupervisedChild } from '../daemon/child.ts';
import { sendError } from './http-util.ts';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host'];
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** For a request the gateway had to read first (see proxy-tool-filter.ts): its body, and who writes the reply. */
export interface ProxyHooks {
  body?: Buffer;
  reply?: (reply: IncomingMessage, res: ServerResponse, headers: Record<string, string | string[] | undefined>) => void;
}

/**
 * Reverse-proxies a request to an http child on its internal port. Bodies
 * stream both ways (SSE events go out as the child writes them); the child
 * sees a loopback Host, as its own DNS-rebinding check expects.
 */
export async function proxyToChild(req: IncomingMessage, res: ServerResponse, child: SupervisedChild, path: string, hooks?: ProxyHooks): Promise<void> {
  // A lazy http child starts with the first request proxied to it (whenReady starts it).
  if (child.state !== 'ready' && !(await child.whenReady(child.def.startTimeoutMs))) {
    return sendError(res, 503, `server '${child.def.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ''}; see \`mcp-auto logs\``);
  }
  const port = child.internalPort!;
  if (!child.listenerStillOurs()) {
    return sendError(res, 502, `server '${child.def.name}': its port ${port} is no longer held by it; not forwarding (mcp-auto restart)`);
  }
  const headers: Record<string, string | string[] | undefined> = { ...req.headers, host: `127.0.0.1:${port}` };
  for (const name of HOP_BY_HOP.slice(0, -1)) delete headers[name];
  delete headers.origin;
  // mcp-auto's credentials are for mcp-auto: the child never sees them.
  delete headers.authorization;
  delete headers['proxy-authorization'];
  delete headers.cookie;
  const upstream = request({ host: '127.0.0.1', port, method: req.method, path, headers, agent }, (reply) => {
    const out: Record<string, string | string[] | undefined> = { ...reply.headers };
    for (const name of HOP_BY_HOP) delete out[name];
    if (hooks?.reply) return hooks.reply(reply, res, out);
    res.writeHead(reply.statusCode ?? 502, out);
    res.flushHeaders();
    reply.pipe(res);
    reply.on('error', () => res.destroy());
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) sendError(res, 502, `server '${child.def.name}' did not answer: ${error.message}`);
    else res.destroy();
  });
  // The client went away: stop the child's side too (ends its SSE stream).
  res.once('close', () => { if (!res.writableFinished) upstream.destroy(); });
  if (hooks?.body) upstream.end(hooks.body);
  else req.pipe(upstream);
}
