/** SIGKILL a process and the group it leads (a daemon and its children). */
export function killGroupOf(pid: number): void {
  for (const target of [-pid, pid]) {
    try { process.kill(target, 'SIGKILL'); } catch { /* gone */ }
  }
}

/** Resident memory of a process in MB, from /proc (Linux) or ps. */
export async function rssMb(pid: number): Promise<number | undefined> {
  try {
    const { readFileSync } = await import('node:fs');
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 102.4) / 10;
  } catch { /* not Linux */ }
  try {
    const { execFileSync } = await import('node:child_process');
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return kb > 0 ? Math.round(kb / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}
