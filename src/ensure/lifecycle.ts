import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dirArg } from '../util/args.ts';
import { killGroupOf } from '../util/process.ts';
import { allRecords, daemonStatus, fetchHealth, pidAlive, recordFor, type DaemonRecord } from './daemon-state.ts';
import { UserError } from '../util/errors.ts';
import { locateRoot } from './ensure.ts';
import { IDLE_STOPPED, stateDirFor } from '../config/paths.ts';

/**
 * The project root for a command's DIR argument (at most one), or a one-line
 * error saying what to do. With allowGone, a deleted project is found by its
 * path in the state records (stop, logs, status, forget still reach it).
 */
export function rootArg(command: string, positionals: string[], opts: { allowGone?: boolean } = {}): string {
  const start = dirArg(command, positionals);
  if (!existsSync(start)) {
    const gone = opts.allowGone ? goneRoot(start) : undefined;
    if (gone) return gone;
    throw new UserError(`${command}: ${start} does not exist`, 2);
  }
  const project = locateRoot(start);
  if (!project) throw new UserError(`no project root above ${start}; run inside a project, or create .mcp-auto.json there (\`mcp-auto init\`)`);
  return project.root;
}

/**
 * Is `record.pid` this root's daemon, ours? A stale record may name a pid the
 * system has since given to another program (or another account's): on Linux
 * its command line must be `… daemon --root <root>` and its uid ours; without
 * /proc, the daemon on the record's port must prove itself and name that pid.
 */
export async function isOurDaemon(record: DaemonRecord): Promise<boolean> {
  let argv: string[] | undefined;
  let uid: number | undefined;
  try {
    argv = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').split('\0');
    uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${record.pid}/status`, 'utf8'))?.[1]);
  } catch { /* gone, or no /proc */ }
  if (argv) {
    const at = argv.indexOf('--root');
    const rootArg = at >= 0 ? argv[at + 1] : undefined;
    const sameRoot = rootArg !== undefined && (rootArg === record.root || safeRealpath(rootArg) === record.root);
    return argv.includes('daemon') && sameRoot && uid === process.getuid?.();
  }
  const health = await fetchHealth(record.port);
  return health?.root === record.root && health.pid === record.pid;
}

function safeRealpath(path: string): string | undefined {
  try { return realpathSync(path); } catch { return undefined; }
}

/** A deleted root that left state behind: its record, or its state folder (named by the path's hash). */
export function goneRoot(path: string): string | undefined {
  const records = allRecords();
  if (records.some((r) => r.root === path) || existsSync(stateDirFor(path))) return path;
  return records.find((r) => path.startsWith(`${r.root}/`) && !existsSync(r.root))?.root;
}

/** SIGTERM, wait (bounded), then SIGKILL the daemon's process group. True if one was running. */
export async function stopDaemon(record: DaemonRecord, graceMs = 5000): Promise<boolean> {
  forgetIdleStop(record.root);
  if (!pidAlive(record.pid)) return false;
  // Never a signal on the word of a record alone.
  if (!(await isOurDaemon(record))) return false;
  try { process.kill(record.pid, 'SIGTERM'); } catch { return false; }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!pidAlive(record.pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  killGroupOf(record.pid);
  return true;
}

export async function stopRoot(root: string): Promise<boolean> {
  forgetIdleStop(root);
  const status = await daemonStatus(root);
  const record = status.kind === 'none' ? undefined : status.record;
  if (!record) return false;
  // A stale record may name a pid that is now someone else's: only signal our own daemon.
  if (status.kind !== 'running') return false;
  return stopDaemon(record);
}

/** Stopped on purpose: a shell hook must not bring an idled-out daemon back at its next prompt. */
function forgetIdleStop(root: string): void {
  rmSync(join(stateDirFor(root), IDLE_STOPPED), { force: true });
}

export { recordFor };
