import { lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stateHome } from '../config/dirs.ts';
import { listenerOf } from './peer.ts';

// The Node twin of use_mcp.sh's _use_mcp_fresh, for `exec` and `mcp-config`:
// does what `ensure` last found right for a directory (its stamp; stamp.ts
// writes it) still hold? Decided from the stamp, stat and /proc alone: no
// request, no hash, none of ensure's modules loaded. Anything it cannot
// confirm is a "no", and the caller runs ensure (which writes the stamp anew).

export interface FreshStamp {
  root: string;
  port: number;
  token?: string;
  /** 'daemon': written by mcp-config, which checks no client file (exec must not take it). */
  scope: 'all' | 'daemon';
}

/** Where stamps live: one file per directory, named by its path (`%` → %25, `/` → %2F). */
export function stampsDir(): string {
  return join(stateHome(), 'direnv');
}

/** The stamp for a directory, named as use_mcp.sh names it; undefined when it cannot have one. */
export function stampFor(dir: string): string | undefined {
  const name = dir.replaceAll('%', '%25').replaceAll('/', '%2F');
  // A file name holds 255 bytes at most.
  return dir.startsWith('/') && Buffer.byteLength(name) <= 255 ? join(stampsDir(), name) : undefined;
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined without /proc. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * The stamp's root, port and token when every line of it still holds: the
 * stamp is ours and a regular file; each `have=` file exists and is not newer
 * than the stamp, each `absent=` file does not exist; the daemon's pid is
 * alive, ours and the same process (start time); and whoever listens on the
 * port is our account, not an impostor that took it.
 */
export function readFreshStamp(file: string, dir: string): FreshStamp | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  let text: string;
  let stampTime: bigint;
  try {
    const stamp = lstatSync(file, { bigint: true });
    if (!stamp.isFile() || stamp.uid !== BigInt(uid)) return undefined;
    stampTime = stamp.mtimeNs;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!text.endsWith('\n')) return undefined;
  const fields = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    const at = line.indexOf('=');
    const key = at < 0 ? line : line.slice(0, at);
    const value = line.slice(at + 1);
    switch (key) {
      case 'have': if (!notNewer(value, stampTime)) return undefined; break;
      case 'absent': if (exists(value)) return undefined; break;
      case 'v': case 'dir': case 'root': case 'port': case 'pid': case 'start': case 'uid': case 'token': case 'scope':
        if (fields.has(key)) return undefined;
        fields.set(key, value);
        break;
      default: return undefined;
    }
  }
  const [root, port, pid, start, token] = ['root', 'port', 'pid', 'start', 'token'].map((k) => fields.get(k) ?? '');
  const scope = fields.get('scope') ?? 'all';
  if (fields.get('v') !== '1' || fields.get('dir') !== dir || fields.get('uid') !== String(uid) || !root.startsWith('/')) return undefined;
  if (!/^\d+$/.test(port!) || !/^\d+$/.test(pid!) || !/^\d+$/.test(start!) || (scope !== 'all' && scope !== 'daemon')) return undefined;
  // The daemon: alive, ours, and the same process (a reused pid starts later).
  try {
    if (statSync(`/proc/${pid}`).uid !== uid) return undefined;
  } catch {
    return undefined;
  }
  if (processStartTime(Number(pid)) !== start) return undefined;
  // The listener on the port is our account's (the daemon holds its port for life).
  if (listenerOf(Number(port))?.uid !== uid) return undefined;
  return { root: root!, port: Number(port), ...(token ? { token } : {}), scope };
}

function notNewer(file: string, than: bigint): boolean {
  try {
    return statSync(file, { bigint: true }).mtimeNs <= than;
  } catch {
    return false;
  }
}

/** As the shell's `-e || -L`: anything there, a dangling link included. */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
