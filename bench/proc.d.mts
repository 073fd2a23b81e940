// Types of proc.mjs for the TypeScript tests that import it.
export function procStat(pid: number): { state: string; ppid: number; pgid: number; cpuMs: number } | null;
export function alive(pid: number): boolean;
export function descendants(pid: number): number[];
