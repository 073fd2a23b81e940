// Who may use the daemon: on Linux only the owner's processes (the peer's uid
// from /proc/net/tcp, looked up once per TCP connection); a body that must
// arrive in time; a bound on open event streams per account.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { canSeeSockets, ownUid, peerOf } from '../ensure/peer.ts';
import { sendError } from '../gateway/http-util.ts';
import type { Logger } from './log.ts';

/** A non-streaming request's body must be in within this (else 408). */
export const BODY_TIMEOUT_MS = 10_000;
/** Open event streams one account may hold at once (else 429). */
export const MAX_STREAMS_PER_PEER = 64;
const LOG_EVERY_MS = 10_000;

interface Peer { uid: number | undefined; refused?: string }

export class Access {
  /** Each accepted connection's account, looked up once (keep-alive requests reuse it). */
  private readonly peers = new WeakMap<Socket, Peer>();
  private readonly streams = new Map<string, number>();
  private readonly me = ownUid();
  /** Linux: the kernel's socket tables say who connects. Elsewhere token auth is the default. */
  readonly ownerOnly = canSeeSockets() && this.me !== undefined;
  private lastLogged = 0;
  private unlogged = 0;

  constructor(private readonly log: Logger) {}

  /**
   * At accept: the one lookup of this connection's account, synchronous (a
   * few ms, once per connection). Not in the thread pool: queued behind a
   * slow fsync there, a verdict could take seconds.
   */
  accept(socket: Socket): void {
    if (!this.ownerOnly) return;
    const remote = socket.remoteAddress ?? '';
    // Only loopback peers are in the table as local sockets; other hosts reach
    // us only with --unsafe-expose, which needs the token.
    if (!isLoopback(remote)) return;
    const remotePort = socket.remotePort ?? 0;
    const entry = peerOf(remote, remotePort, socket.localAddress ?? '', socket.localPort ?? 0);
    let peer: Peer;
    if (!entry) peer = { uid: undefined, refused: 'cannot tell which account this connection comes from (its socket is gone); refused' };
    else if (entry.uid !== this.me) peer = { uid: entry.uid, refused: `this daemon serves only its owner (uid ${this.me}); connections from uid ${entry.uid} are refused` };
    else peer = { uid: entry.uid };
    this.peers.set(socket, peer);
    if (peer.refused) this.note(`refused a connection from ${remote}:${remotePort}: ${peer.refused}`);
  }

  /** Answers 403 (and closes) when the connection's account, looked up at accept, may not get in: true when refused. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    const refused = this.peers.get(req.socket)?.refused;
    if (!refused) return false;
    res.shouldKeepAlive = false;
    sendError(res, 403, refused, { connection: 'close' });
    req.resume();
    return true;
  }

  /** 408 when a request's body is not in within BODY_TIMEOUT_MS. */
  bodyDeadline(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET' || req.method === 'HEAD' || req.complete) return;
    const timer = setTimeout(() => {
      if (req.complete) return;
      this.note(`${req.method} ${req.url}: the body did not arrive within ${BODY_TIMEOUT_MS / 1000} s; answered 408`);
      if (!res.headersSent) {
        res.shouldKeepAlive = false;
        sendError(res, 408, `the request body did not arrive within ${BODY_TIMEOUT_MS / 1000} s`, { connection: 'close' });
        res.once('finish', () => req.socket.destroy());
      } else {
        req.socket.destroy();
      }
    }, BODY_TIMEOUT_MS);
    const clear = () => clearTimeout(timer);
    req.once('end', clear);
    res.once('close', clear);
  }

  /**
   * Counts an event stream (GET on an endpoint) against its account while it
   * is open; 429 and true when the account already holds the maximum.
   */
  limitStreams(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET') return false;
    const key = String(this.peers.get(req.socket)?.uid ?? req.socket.remoteAddress ?? 'unknown');
    const open = this.streams.get(key) ?? 0;
    if (open >= MAX_STREAMS_PER_PEER) {
      this.note(`refused a stream: ${open} already open for ${key}`);
      sendError(res, 429, `too many open event streams from this account (at most ${MAX_STREAMS_PER_PEER}); close some clients`);
      return true;
    }
    this.streams.set(key, open + 1);
    res.once('close', () => {
      const left = (this.streams.get(key) ?? 1) - 1;
      if (left > 0) this.streams.set(key, left);
      else this.streams.delete(key);
    });
    return false;
  }

  /** Logs refusals, at most one line per LOG_EVERY_MS (a flood must not fill the log). */
  private note(line: string): void {
    const now = Date.now();
    if (now - this.lastLogged < LOG_EVERY_MS) {
      this.unlogged++;
      return;
    }
    this.log(this.unlogged ? `${line} (and ${this.unlogged} more since the last such line)` : line);
    this.lastLogged = now;
    this.unlogged = 0;
  }
}

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}
