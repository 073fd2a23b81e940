import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dirArg } from '../util/args.ts';
import { killGroupOf } from '../util/process.ts';
import { allRecords, daemonStatus, pidAlive, recordFor, type DaemonRecord } from './daemon-state.ts';
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
