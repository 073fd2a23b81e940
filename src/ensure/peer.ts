// Who is on the other end of a loopback TCP socket, from /proc/net/tcp and
// tcp6 (as identd finds it). Linux only: elsewhere every lookup says
// "unknown" and callers fall back to the challenge (and token auth).
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, readlinkSync } from 'node:fs';

/** One socket as the kernel lists it; uid 0 with inode 0 means "no owner" (an orphaned, closing socket). */
export interface SocketEntry { uid: number; inode: number }

const LISTEN = '0A';

/** True where the kernel's socket tables can be read (Linux). */
export function canSeeSockets(): boolean {
  // Existence only: reading the table costs the kernel milliseconds.
  return existsSync('/proc/net/tcp');
}

/** /proc/net/tcp's form of an address: IPv4 as one little-endian word, IPv6 as four. */
function hexAddress(address: string): { v4?: string; v6: string } {
  const mapped = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (mapped) {
    const v4 = mapped.slice(1, 5).reverse().map((n) => Number(n).toString(16).padStart(2, '0')).join('').toUpperCase();
    return { v4, v6: `0000000000000000FFFF0000${v4}` };
  }
  // Full IPv6: expand, then each 32-bit word in host (little-endian) order.
  const [head = '', tail = ''] = address.split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t].map((g) => g.padStart(4, '0'));
  let v6 = '';
  for (let w = 0; w < 4; w++) {
    const word = groups[w * 2]! + groups[w * 2 + 1]!;
    v6 += word.match(/../g)!.reverse().join('');
  }
  return { v6: v6.toUpperCase() };
}

const hexPort = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');

/**
 * Scans a table for the line whose local end is `local` (and remote end is
 * `remote`, when given; or which listens, when `listening`). Plain string
 * search, no parse of the whole table: this runs once per accepted connection.
 */
function scan(table: string, local: string, remote: string | undefined, listening: boolean): SocketEntry | undefined {
  const needle = ` ${local} `;
  let at = table.indexOf(needle);
  while (at >= 0) {
    const end = table.indexOf('\n', at);
    const line = table.slice(at + 1, end < 0 ? undefined : end);
    const fields = line.trim().split(/\s+/);
    // local rem st tx:rx tr:when retrnsmt uid timeout inode
    if (fields.length >= 9 && (remote === undefined || fields[1] === remote) && (!listening || fields[2] === LISTEN)) {
      return { uid: Number(fields[6]), inode: Number(fields[8]) };
    }
    at = table.indexOf(needle, at + 1);
  }
  return undefined;
}

const buffer = Buffer.allocUnsafe(4096);

/**
 * A table, read in pieces until `enough` finds in the text so far what is
 * sought (or to its end). The kernel's cost is a walk of its connection hash
 * (4–12 ms for a whole table here, whatever the read size): stopping early
 * saves the rest of the walk. `from` is where the new piece begins; `piece`
 * is the size of each read (the kernel fills each read whole, walking on).
 */
function read(file: string, enough: (text: string, from: number) => boolean = () => false, piece = buffer.length): string {
  let fd: number | undefined;
  let text = '';
  try {
    fd = openSync(file, 'r');
    let got: number;
    while ((got = readSync(fd, buffer, 0, piece, null)) > 0) {
      const from = text.length;
      text += buffer.toString('latin1', 0, got);
      if (enough(text, from)) break;
    }
    return text;
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Enough once `needle` stands in a whole line (a needle may straddle two pieces). */
const holds = (needle: string) => (text: string, from: number) => {
  const at = text.indexOf(needle, Math.max(0, from - needle.length));
  return at >= 0 && text.indexOf('\n', at) >= 0;
};

/**
 * One line a read for the listening part (a tcp line is 150 bytes; a longer
 * tcp6 line comes in two): the kernel makes what a read asks for and one step
 * more, so stopping at our port's line spares it the walk into the
 * connections that a larger read, or the end of the listening part, costs
 * (milliseconds with few connections; 0.1 ms this way).
 */
const LISTENING_PIECE = 150;

/**
 * Enough at the listening line of one of `locals` (address:port in the
 * table's hex), or once past the listening sockets: the kernel lists them
 * first, so the first line in another state ends them. use_mcp.sh reads the
 * table the same way.
 */
function listeningUntil(locals: string[]): (text: string, from: number) => boolean {
  let checked = 0; // where the next unchecked line starts (0: the header)
  return (text) => {
    for (let end = text.indexOf('\n', checked); end >= 0; end = text.indexOf('\n', checked)) {
      const [, local = '', , state] = text.slice(checked, end).trim().split(/\s+/);
      if (checked > 0 && (state !== LISTEN || locals.includes(local))) return true;
      checked = end + 1;
    }
    return false;
  };
}

/**
 * The owner of the client socket of a connection we accepted: the line whose
 * local end is the client's address and whose remote end is ours.
 * Undefined when it cannot be found, or when the socket has no owner any more
 * (closed right after sending: uid 0, inode 0 — never taken for root).
 */
export function peerOf(remoteAddress: string, remotePort: number, localAddress: string, localPort: number): SocketEntry | undefined {
  const peer = hexAddress(remoteAddress);
  const us = hexAddress(localAddress);
  const find = (file: string, local: string, remote: string) => scan(read(file, holds(` ${local} ${remote} `)), local, remote, false);
  let entry: SocketEntry | undefined;
  if (peer.v4 && us.v4) entry = find('/proc/net/tcp', `${peer.v4}:${hexPort(remotePort)}`, `${us.v4}:${hexPort(localPort)}`);
  entry ??= find('/proc/net/tcp6', `${peer.v6}:${hexPort(remotePort)}`, `${us.v6}:${hexPort(localPort)}`);
  return entry && entry.inode !== 0 ? entry : undefined;
}

/** The owner of the socket listening on 127.0.0.1:port (or on every address), if any is seen. */
export function listenerOf(port: number, address = '127.0.0.1'): SocketEntry | undefined {
  const p = hexPort(port);
  const { v4, v6 } = hexAddress(address);
  // Each table read once, tcp6 only when needed, and only as far as the line sought.
  // (On one port, a listener on the address and one on every address exclude each other.)
  const v4Locals = [...(v4 ? [`${v4}:${p}`] : []), `00000000:${p}`];
  const tcp = read('/proc/net/tcp', listeningUntil(v4Locals), LISTENING_PIECE);
  let entry = v4Locals.map((local) => scan(tcp, local, undefined, true)).find((e) => e !== undefined);
  if (!entry) {
    const v6Locals = [`${v6}:${p}`, `00000000000000000000000000000000:${p}`];
    const tcp6 = read('/proc/net/tcp6', listeningUntil(v6Locals), LISTENING_PIECE);
    entry = v6Locals.map((local) => scan(tcp6, local, undefined, true)).find((e) => e !== undefined);
  }
  return entry && entry.inode !== 0 ? entry : undefined;
}

/** The uid of whoever listens on 127.0.0.1:port; undefined when nobody is seen (or not on Linux). */
export function listenerUid(port: number): number | undefined {
  return listenerOf(port)?.uid;
}

/** Does process `pid` hold the socket with this inode (/proc/<pid>/fd)? */
export function pidHoldsSocket(pid: number, inode: number): boolean {
  const target = `socket:[${inode}]`;
  let fds: string[];
  try { fds = readdirSync(`/proc/${pid}/fd`); } catch { return false; }
  for (const fd of fds) {
    try { if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return true; } catch { /* closed meanwhile */ }
  }
  return false;
}

/** Our own uid (undefined where there are no uids). */
export function ownUid(): number | undefined {
  return process.getuid?.();
}

/**
 * Is the socket listening on 127.0.0.1:port ours and held by process `pid`
 * or one of its process group (npx → node, uvx → python)? Returns the
 * listener's inode when so. Linux only (elsewhere: undefined, not checked).
 */
export function listenerOwnedBy(port: number, pid: number): { inode: number } | { foreign: string } | undefined {
  if (!canSeeSockets()) return undefined;
  const entry = listenerOf(port);
  if (!entry) return { foreign: `nothing is seen listening on port ${port}` };
  if (entry.uid !== ownUid()) return { foreign: `port ${port} is held by another account (uid ${entry.uid})` };
  for (const candidate of groupOf(pid)) if (pidHoldsSocket(candidate, entry.inode)) return { inode: entry.inode };
  return { foreign: `port ${port} is held by a process outside the server's process group` };
}

/** `pid` and every process in the group it leads. */
function groupOf(pid: number): number[] {
  const pids = [pid];
  let entries: string[] = [];
  try { entries = readdirSync('/proc'); } catch { return pids; }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so count from its ')'.
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp === pid) pids.push(Number(name));
    } catch { /* gone */ }
  }
  return pids;
}
