import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The Host headers a daemon on `port` accepts: a loopback name with the port, and the --unsafe-expose host's. */
export function allowedHosts(port: number, exposedHost?: string): Set<string> {
  const hosts = [...LOOPBACK_NAMES].map((name) => `${name}:${port}`);
  if (exposedHost) hosts.push(`${exposedHost.includes(':') ? `[${exposedHost}]` : exposedHost}:${port}`);
  return new Set(hosts);
}

/**
 * DNS-rebinding defence (MCP spec: servers must validate Origin): the Host must
 * be a loopback name with our port, and an Origin, when sent, must be a
 * loopback page. Returns the reason to refuse, or undefined.
 */
export function checkHostAndOrigin(req: IncomingMessage, hosts: Set<string>): string | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return `Host '${host}' is not this daemon's loopback address`;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let hostname: string;
    try {
      const url = new URL(origin);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Origin '${origin}' is not allowed`;
      hostname = url.hostname;
    } catch {
      return `Origin '${origin}' is not a URL`;
    }
    if (!LOOPBACK_NAMES.has(hostname)) return `Origin '${origin}' is not a loopback page`;
  } else if (origin === 'null') {
    return 'Origin null (a sandboxed or file page) is not allowed';
  }
  return undefined;
}

/** Constant-time comparison of a presented bearer token with ours. */
export function bearerMatches(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const presented = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  // Hash both sides so the comparison takes the same time whatever their lengths.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return presented.length > 0 && timingSafeEqual(a, b);
}
