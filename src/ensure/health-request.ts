import { connect } from 'node:net';
import type { ServerState, StartMode } from '../daemon/server-state.ts';
import type { ToolStats } from '../gateway/tool-filter.ts';

// One GET of a daemon's /health, apart from daemon-state.ts: the fast paths of
// `exec` and `mcp-config` (identity already proven by the stamp) need no crypto.

/** What daemon.json holds (written by the daemon once its port is bound). */
export interface DaemonRecord { root: string; port: number; pid: number; version: string; startedAt: string }

export interface ServerHealth {
  name: string; transport: string; client: 'http' | 'sse'; state: ServerState; start?: StartMode; analyses?: boolean; pid: number | null; restarts: number;
  sessions: number; liveSessions?: number; lastError: string | null; stderrTail: string[]; url: string; sseUrl: string;
  calls?: { total: number; failed: number; recent: Array<{ at: number; method: string; target?: string; ms: number; outcome: string }>;
    /** Sampling/elicitation requests refused because several sessions could have asked (older daemons: absent). */
    ambiguous?: number; lastAmbiguous?: { at: number; method: string; candidates: number } } | null;
  /** Tools exposed of listed, and the size of their definitions (absent from older daemons). */
  tools?: ToolStats | null;
}

export interface Health {
  root: string; port: number; pid: number; version: string; uptimeMs: number; idleTimeoutMinutes: number;
  auth: string; servers: ServerHealth[];
}

const MAX_ANSWER = 1 << 20;

/**
 * GET `path` on 127.0.0.1:port: the parsed /health, 'not-health' for any
 * other answer, undefined for none. HTTP/1.1 by hand over node:net, not
 * node:http: loading node:http and its agent cost every ensure, exec and
 * mcp-config ~7 ms (scripts measured side by side), and /health is one
 * JSON body, sent whole (Content-Length, as our daemon does) or chunked.
 */
export function getHealth(port: number, path: string, timeoutMs: number, token?: string): Promise<Health | 'not-health' | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: Health | 'not-health' | undefined) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => settle(undefined));
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${token ? `Authorization: Bearer ${token}\r\n` : ''}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER) return settle('not-health');
      chunks.push(chunk);
      // Done once the whole body is in: no wait for the server's close.
      const answer = parseHealth(Buffer.concat(chunks));
      if (answer !== undefined) settle(answer);
    });
    socket.on('error', () => settle(undefined));
    socket.on('close', () => settle(chunks.length ? parseHealth(Buffer.concat(chunks)) : undefined));
  });
}

/** An answer that is not whole HTTP (cut short, or not HTTP at all) is no answer, as node:http would have it. */
function parseHealth(answer: Buffer): Health | 'not-health' | undefined {
  const head = answer.toString('latin1', 0, Math.min(answer.length, 8192));
  const end = head.indexOf('\r\n\r\n');
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1];
  if (end < 0 || status === undefined) return undefined;
  const headers = head.slice(0, end + 2);
  const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(headers)?.[1];
  const rest = answer.subarray(end + 4);
  let body: Buffer | undefined;
  if (length !== undefined) body = rest.length === Number(length) ? rest : undefined;
  else if (/\r\ntransfer-encoding: *chunked\r\n/i.test(headers)) body = unchunk(rest);
  else return 'not-health';
  if (body === undefined) return undefined;
  if (status !== '200') return 'not-health';
  try {
    const health = JSON.parse(body.toString('utf8')) as Health;
    return typeof health.root === 'string' && Array.isArray(health.servers) ? health : 'not-health';
  } catch {
    return 'not-health';
  }
}

/** A chunked body, once its last (empty) chunk is in; undefined before. */
function unchunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const line = data.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = Number.parseInt(data.toString('latin1', at, line), 16);
    if (!Number.isFinite(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < line + 2 + size + 2) return undefined;
    parts.push(data.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}
