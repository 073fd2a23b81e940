import { resolve } from 'node:path';
import { parse } from '../util/args.ts';
import { UserError } from '../util/errors.ts';
import { runCommand } from '../util/run-command.ts';
import { entriesFor, mcpConfigText } from '../clients/entries.ts';
import type { ManagedEntry } from '../clients/adapter.ts';
import { getHealth } from '../ensure/health-request.ts';
import { readFreshStamp, stampFor, type FreshStamp } from '../ensure/stamp-check.ts';

// `exec` and `mcp-config` answered from a stamp: when what ensure last found
// right for the directory still holds (stamp-check.ts), one request to the
// daemon is all they need. Scripts call them again and again, so this module
// loads nothing of ensure's; the small CommonJS bin (bin.ts) holds it too.
// Each returns undefined when the stamp cannot answer: the command's own
// run() then takes ensure's path.

/** Set once a process has looked at its stamp (the bin and the full CLI are separate bundles: a registered symbol). */
const STAMP_TRIED = Symbol.for('mcp-auto.stamp-tried');

/**
 * `dir`'s stamp when it still holds, looked at once a process: when the
 * bin's look did not answer, the full CLI it hands over to goes straight to
 * ensure rather than checking the stamp and asking the daemon again.
 */
function freshStampOnce(dir: string): FreshStamp | undefined {
  const global = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (global[STAMP_TRIED]) return undefined;
  global[STAMP_TRIED] = true;
  const stamp = stampFor(dir);
  return stamp ? readFreshStamp(stamp, dir) : undefined;
}

export interface ExecOptions { dir: string; timeoutS: number; command: string[] }

export function parseExec(argv: string[]): ExecOptions {
  const dashes = argv.indexOf('--');
  if (dashes < 0 || dashes === argv.length - 1) {
    throw new UserError('exec: give the command after --, e.g. mcp-auto exec -- npm test', 2);
  }
  const { values } = parse('exec', argv.slice(0, dashes), { root: { type: 'string' }, timeout: { type: 'string' } }, false);
  const timeoutS = values.timeout === undefined ? 120 : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UserError(`exec: --timeout must be a number of seconds, not '${values.timeout}'`, 2);
  return { dir: resolve(values.root ?? '.'), timeoutS, command: argv.slice(dashes + 1) };
}

/** The variables CMD gets: with token auth, client configs name ${MCP_AUTO_TOKEN}, so it gets its value. */
export function execEnv(port: number, token: string | undefined): Record<string, string> {
  return { MCP_AUTO_PORT: String(port), MCP_AUTO_URL: `http://127.0.0.1:${port}`, ...(token ? { MCP_AUTO_TOKEN: token } : {}) };
}

/** exec with its daemon up and every server ready: one request (which starts what is not started), then CMD. */
export async function execFromStamp(options: ExecOptions): Promise<number | undefined> {
  const fresh = freshStampOnce(options.dir);
  // A stamp of mcp-config's checked no client file: CMD may read them.
  if (fresh?.scope !== 'all') return undefined;
  const health = await getHealth(fresh.port, '/health?start=1', 2000, fresh.token);
  if (typeof health !== 'object' || health.root !== fresh.root || !health.servers.every((s) => s.state === 'ready')) return undefined;
  return runCommand(options.command, execEnv(fresh.port, fresh.token));
}

/** mcp-config's entries from the stamp's daemon: its /health lists the servers it serves. */
export async function configFromStamp(dir: string): Promise<ManagedEntry[] | undefined> {
  const fresh = freshStampOnce(dir);
  if (!fresh) return undefined;
  const health = await getHealth(fresh.port, '/health?ensure=1', 1000, fresh.token);
  if (typeof health !== 'object' || health.root !== fresh.root || health.port !== fresh.port) return undefined;
  return entriesFor(health.servers, fresh.port, health.auth);
}

/** What mcp-config prints (entries.ts renders it). */
export function printConfig(entries: ManagedEntry[]): void {
  process.stdout.write(mcpConfigText(entries));
}
