import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { projectConfigPath, userConfigPath } from '../config/config.ts';
import { IDLE_STOPPED, stateDirFor, stateHome } from '../config/paths.ts';
import { processStartTime, stampFor, stampsDir } from './stamp-check.ts';
import { ensureRoot, locateRoot } from './ensure.ts';
import { UserError } from '../util/errors.ts';
import type { EnsureResult } from './ensure.ts';

// The fast paths of `use mcp` (shell/use_mcp.sh), `exec` and `mcp-config`
// (stamp-check.ts): what `ensure` last found right for one directory, written
// so that bash builtins alone can tell next time whether anything changed.
// The readers check every line; anything they cannot confirm sends them back
// to `ensure`, which rewrites the stamp.
//
//   dir=, root=, port=, token=   what `use mcp` exports (and the dir it was for)
//   pid=, start=, uid=           the daemon: alive, the same process (start time
//                                in /proc/<pid>/stat), ours; and the listener on
//                                the port belongs to our uid (/proc/net/tcp)
//   have=FILE                    exists and is not newer than the stamp
//                                (client files, configs, daemon.json, the CLI)
//   absent=FILE                  does not exist (configs, the idle-stop marker)
//   scope=daemon                 mcp-config's stamp: no client file was checked
//                                (use_mcp.sh and exec take it as stale)

/** A stamp path from the command line is taken only inside the stamps folder (as --notice-file). */
export function checkStampPath(file: string): string {
  if (dirname(file) !== stampsDir() || file.endsWith('/')) throw new UserError(`ensure: --stamp must be a file in ${stampsDir()}`, 2);
  return file;
}

export function removeStamp(file: string): void {
  rmSync(file, { force: true });
}

/** Removes every stamp (and its direnv watches) that names this root: `forget`. Returns how many. */
export function removeStampsFor(root: string): number {
  let names: string[];
  try { names = readdirSync(stampsDir()); } catch { return 0; }
  let removed = 0;
  for (const name of names.filter((n) => !n.endsWith('.watches'))) {
    const file = join(stampsDir(), name);
    try {
      if (!lstatSync(file).isFile() || !readFileSync(file, 'utf8').split('\n').includes(`root=${root}`)) continue;
    } catch {
      continue;
    }
    removeStamp(file);
    rmSync(`${file}.watches`, { force: true });
    removed++;
  }
  return removed;
}

/**
 * ensure for the project around `dir` (exec, mcp-config), with `dir`'s stamp
 * renewed: removed first (a stamp is only ever what this run found right),
 * written after. Without client files written (mcp-config), the stamp says it
 * covers the daemon only. Undefined when no project root is above `dir`.
 */
export async function ensureStamped(dir: string, opts: { writeClients?: boolean } = {}): Promise<EnsureResult | undefined> {
  const stamp = stampFor(dir);
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) return undefined;
  const result = await ensureRoot(project, opts);
  if (stamp) writeStamp(stamp, dir, result, opts.writeClients === false ? 'daemon' : 'all');
  return result;
}

/**
 * Writes the stamp once all is right: nothing for the user to see, every
 * client file written or unchanged. Otherwise there is none, and the next
 * `use mcp` runs ensure again.
 */
export function writeStamp(file: string, dir: string, result: EnsureResult, scope: 'all' | 'daemon' = 'all'): void {
  const start = processStartTime(result.pid);
  const clean = result.notices.length === 0 && result.clients.every((c) => c.status !== 'refused' && !c.error && c.conflicts.length === 0);
  const values = [dir, result.root, ...result.clients.map((c) => c.file)];
  // Paths the shell reads one per line, and Linux only (/proc).
  if (!start || !clean || !dir.startsWith('/') || values.some((v) => v.includes('\n'))) return;
  const stateDir = stateDirFor(result.root);
  const maybe = (f: string) => (existsSync(f) ? `have=${f}` : `absent=${f}`);
  const lines = [
    'v=1',
    `dir=${dir}`,
    `root=${result.root}`,
    `port=${result.port}`,
    `pid=${result.pid}`,
    `start=${start}`,
    `uid=${process.getuid?.() ?? -1}`,
    `token=${result.token ?? ''}`,
    ...(scope === 'daemon' ? ['scope=daemon'] : []),
    // A client file ensure had nothing to write into (no servers) may not exist: it must stay so.
    ...result.clients.map((c) => maybe(c.file)),
    `have=${join(stateDir, 'daemon.json')}`,
    `absent=${join(stateDir, IDLE_STOPPED)}`,
    maybe(projectConfigPath(result.root)),
    maybe(userConfigPath()),
    maybe(join(stateHome(), 'trust')),
    // An upgrade of mcp-auto goes through ensure once (it replaces older daemons).
    `have=${process.argv[1]}`,
  ];
  try {
    mkdirSync(stampsDir(), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${lines.join('\n')}\n`, 0o600);
  } catch {
    // Without a stamp the next call only takes the slow path.
  }
}
