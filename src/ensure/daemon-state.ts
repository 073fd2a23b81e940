import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stateDirFor, stateHome } from '../config/paths.ts';
import { listenerOf, ownUid } from './peer.ts';
import { getHealth, type DaemonRecord, type Health } from './health-request.ts';

export type { DaemonRecord, Health, ServerHealth } from './health-request.ts';

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

/** What the daemon signs: a challenge only its own root's state dir can answer, bound to root and port (no relaying). */
export function identityProof(secret: string, nonce: string, root: string, port: number): string {
  return createHmac('sha256', secret).update(`${nonce}\n${root}\n${port}`).digest('base64url');
}

/** The root's identity secret (in its 0700 state dir); undefined when there is none yet. */
export function readIdentitySecret(root: string): string | undefined {
  try { return readFileSync(join(stateDirFor(root), IDENTITY_FILE), 'utf8').trim() || undefined; } catch { return undefined; }
}

export const IDENTITY_FILE = 'identity';

/** What answers on a port: a proven daemon of ours, or a listener that is not (and why). */
export type Probe =
  | { kind: 'proven'; health: Health }
  | { kind: 'impostor'; why: string; root?: string }
  | { kind: 'nothing' };

/**
 * GET /health with a challenge, and trust the answer only once proven: on
 * Linux the listening socket must be ours (/proc/net/tcp), and everywhere the
 * answer must carry the HMAC of our nonce under the secret in that root's
 * state dir. Whoever else answers (another account that took the port) is an
 * impostor: nothing is written for it and no token is ever sent to it.
 */
export async function probeHealth(port: number, opts: { timeoutMs?: number; ensure?: boolean; start?: boolean; tools?: boolean } = {}): Promise<Probe> {
  const listener = listenerOf(port);
  const me = ownUid();
  if (listener && me !== undefined && listener.uid !== me) return { kind: 'impostor', why: `port ${port} is held by another account (uid ${listener.uid})` };
  const nonce = randomBytes(18).toString('base64url');
  // tools=1: the daemon measures its servers' tool lists first (status, doctor; never ensure).
  const answer = await getHealth(port, `/health?challenge=${nonce}${healthQuery(opts)}`, opts.timeoutMs ?? 1000);
  if (answer === undefined) return { kind: 'nothing' };
  if (answer === 'not-health') return { kind: 'impostor', why: `port ${port} is held by a program that is not an mcp-auto daemon` };
  const secret = readIdentitySecret(answer.root);
  const proof = (answer as Health & { proof?: unknown }).proof;
  if (!secret || typeof proof !== 'string' || proof !== identityProof(secret, nonce, answer.root, port)) {
    return { kind: 'impostor', root: answer.root, why: `port ${port} answers as the daemon of ${answer.root} but cannot prove it` };
  }
  return { kind: 'proven', health: answer };
}

/**
 * A proven daemon's /health; undefined when nothing (or anything unproven)
 * answers. node:http, not fetch: it loads in a fraction of the time, and
 * `ensure` runs on every new directory. A token goes only to a proven daemon.
 */
export async function fetchHealth(port: number, opts: { timeoutMs?: number; ensure?: boolean; start?: boolean; token?: string; tools?: boolean } = {}): Promise<Health | undefined> {
  // Under token auth, start=1 needs the token: it goes with the second, proven request.
  const probe = await probeHealth(port, opts.token ? { ...opts, start: false } : opts);
  if (probe.kind !== 'proven') return undefined;
  if (!opts.token) return probe.health;
  const query = healthQuery(opts);
  const answer = await getHealth(port, query ? `/health?${query.slice(1)}` : '/health', opts.timeoutMs ?? 1000, opts.token);
  return typeof answer === 'object' && answer.root === probe.health.root ? answer : undefined;
}

/** `&ensure=1` (ensure's visit), `&start=1` (start every server not started yet, as exec needs them all), `&tools=1` (status, doctor: measure tool lists first). */
function healthQuery(opts: { ensure?: boolean; start?: boolean; tools?: boolean }): string {
  return `${opts.ensure ? '&ensure=1' : ''}${opts.start ? '&start=1' : ''}${opts.tools && !opts.ensure ? '&tools=1' : ''}`;
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
  const probe = await probeHealth(record.port, { ensure: opts.ensure, tools: opts.tools, timeoutMs: opts.tools ? 3000 : undefined });
  if (probe.kind === 'nothing') return { kind: 'stale', record, why: `nothing answers on port ${record.port}` };
  if (probe.kind === 'impostor') return { kind: 'stale', record, why: probe.why };
  const { health } = probe;
  if (health.root !== root) return { kind: 'stale', record, why: `port ${record.port} serves ${health.root}` };
  return { kind: 'running', record, health };
}

/** Every root that has a daemon record, alive or not. */
export function allRecords(): DaemonRecord[] {
  let dirs: string[] = [];
  try { dirs = readdirSync(stateHome()); } catch { return []; }
  return dirs.map((d) => readRecord(join(stateHome(), d))).filter((r): r is DaemonRecord => r !== undefined);
}
