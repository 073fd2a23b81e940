// Process trees from /proc, with no side effects on import: the bench's
// plumbing (lib.mjs) and the tests' clean-up (test/helpers.ts) both use it.
import { readFileSync, readdirSync } from 'node:fs';

/** /proc/<pid>/stat fields we need: state, ppid, pgid (null when gone). */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parens: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are in clock ticks (10 ms).
    return { state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return null;
  }
}

export const alive = (pid) => {
  const stat = procStat(pid);
  return stat !== null && stat.state !== 'Z';
};

/** Every live descendant of pid, found through /proc (children may sit in other process groups). */
export function descendants(pid) {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (!stat || stat.state === 'Z') continue;
    if (!byParent.has(stat.ppid)) byParent.set(stat.ppid, []);
    byParent.get(stat.ppid).push(Number(entry));
  }
  const found = [];
  const queue = [pid];
  while (queue.length) {
    for (const child of byParent.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
