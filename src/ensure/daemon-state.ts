import { readFileSync, readdirSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { stateDirFor, stateHome } from '../config/paths.ts';
import type { ToolStats } from '../gateway/tool-filter.ts';

/** What daemon.json holds (written by the daemon once its port is bound). */
export interface DaemonRecord { root: string; port: number; pid: number; version: string; startedAt: string }

export interface ServerHealth {
  name: string; transport: string; client: 'http' | 'sse'; state: string; pid: number | null; restarts: number;
  sessions: number; lastError: string | null; stderrTail: string[]; url: string; sseUrl: string;
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

export function readRecord(stateDir: string): DaemonRecord | undefined {
  try {
    const data = JSON.parse(readFileSync(join(stateDir, 'daemon.json'), 'utf8')) as DaemonRecord;
    return typeof data.port === 'number' && typeof data.pid === 'number' && typeof data.root === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}

export function recordFor(root: string): DaemonRecord | undefined {
  return readRecord(stateDirFor(root));
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * GET /health with a short timeout; undefined when nothing (or not an
 * mcp-auto daemon) answers. node:http, not fetch: it loads in a fraction of
 * the time, and `ensure` runs on every new directory.
 */
export function fetchHealth(port: number, opts: { timeoutMs?: number; ensure?: boolean; token?: string; tools?: boolean } = {}): Promise<Health | undefined> {
  return new Promise((resolve) => {
    const req = get({
      // tools=1: the daemon measures its servers' tool lists first (status, doctor; never ensure).
      host: '127.0.0.1', port, path: opts.ensure ? '/health?ensure=1' : opts.tools ? '/health?tools=1' : '/health',
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
      timeout: opts.timeoutMs ?? 1000,
    }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => {
        try {
          const health = JSON.parse(body) as Health;
          resolve(res.statusCode === 200 && typeof health.root === 'string' && Array.isArray(health.servers) ? health : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

export type DaemonStatus =
  | { kind: 'running'; record: DaemonRecord; health: Health }
  | { kind: 'stale'; record: DaemonRecord; why: string }
  | { kind: 'none' };

/** Is this root's daemon alive? A dead pid, or a port answering for another root, makes the record stale. */
export async function daemonStatus(root: string, opts: { ensure?: boolean; tools?: boolean } = {}): Promise<DaemonStatus> {
  const record = recordFor(root);
  if (!record) return { kind: 'none' };
  if (!pidAlive(record.pid)) return { kind: 'stale', record, why: `pid ${record.pid} is not running` };
  const health = await fetchHealth(record.port, { ensure: opts.ensure, tools: opts.tools, timeoutMs: opts.tools ? 3000 : undefined });
  if (!health) return { kind: 'stale', record, why: `nothing answers on port ${record.port}` };
  if (health.root !== root) return { kind: 'stale', record, why: `port ${record.port} serves ${health.root}` };
  return { kind: 'running', record, health };
}

/** Every root that has a daemon record, alive or not. */
export function allRecords(): DaemonRecord[] {
  let dirs: string[] = [];
  try { dirs = readdirSync(stateHome()); } catch { return []; }
  return dirs.map((d) => readRecord(join(stateHome(), d))).filter((r): r is DaemonRecord => r !== undefined);
}
