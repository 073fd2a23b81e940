import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { readFileSync, rmSync, unlinkSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../util/atomic.ts';
import { loadConfig, type EffectiveConfig, type ServerDef } from '../config/config.ts';
import { errorMessage } from '../util/errors.ts';
import { IDLE_STOPPED } from '../config/paths.ts';
import { isUsersRoot } from '../config/roots.ts';
import { ClientRefresh } from './client-refresh.ts';
import { watchConfig } from './config-watch.ts';
import { VERSION } from '../util/version.ts';
import { killGroup } from './child.ts';
import { MAX_BODY_BYTES, sendError, sendJson } from '../gateway/http-util.ts';
import { KEEP_ALIVE_MS, LeanFront } from '../gateway/lean-http.ts';
import type { LogTail, Logger } from './log.ts';
import { allowedHosts, bearerMatches, checkHostAndOrigin } from './security.ts';
import { Access } from './access.ts';
import { IDENTITY_FILE, identityProof } from '../ensure/daemon-state.ts';
import { SessionStore } from '../gateway/session-store.ts';
import { ServerUnit } from './server-unit.ts';
import { startMode, type StartMode } from './server-state.ts';
import { onlyToolsDiffer } from '../gateway/tool-filter.ts';
import { EarlyStart, readDaemonConfig } from './early-start.ts';
import { entriesFor, mcpConfigText } from '../clients/entries.ts';

export interface DaemonOptions {
  root: string;
  port: number;
  /** Listen address: loopback unless --unsafe-expose. */
  host?: string;
  /** Overrides the config's idle timeout (a service-managed daemon never idles out). */
  idleTimeoutMinutes?: number;
  /** A full garbage collection (V8's gc, when exposed): run once a burst of requests is over. */
  collectGarbage?: () => void;
  /** The config, log and eager children started before this module loaded (early-start.ts). */
  early?: EarlyStart;
}

/** The period of the daemon's chores, and of Node's connections check: the same, so they share a wake-up. */
const CHORE_MS = 30_000;

/** A client has this long to send a request's headers. */
const HEADERS_TIMEOUT_MS = 10_000;
/** /servers/<name>/<endpoint>, the path of every MCP request. */
const SERVER_PATH = /^\/servers\/([^/]+)(\/[^/]*)$/;

/** Quiet this long after a request, a burst is over and the daemon collects garbage. */
const BURST_OVER_MS = 3_000;
/**
 * The second collection comes this long after the first: V8 shrinks its young
 * generation only when a collection finds the allocation rate of the last 5 s
 * low, and only a collection resets that count.
 */
const SECOND_COLLECTION_MS = 6_000;

/** What daemon.json holds: how `ensure`, `status` and `stop` find a daemon. */
export interface DaemonRecord { root: string; port: number; pid: number; version: string; startedAt: string }

/** Streamable HTTP sessions idle this long with no stream are dropped from memory (the store keeps them). */
const SESSION_SWEEP_MS = 10 * 60_000;

export class Daemon {
  readonly stateDir: string;
  readonly log: Logger;
  private readonly server: Server;
  /** Listens, and serves the hot path (lean-http.ts); hands other connections to `server`. */
  private readonly listener: NetServer;
  private readonly front: LeanFront;
  private readonly units = new Map<string, ServerUnit>();
  private readonly store: SessionStore;
  private config: EffectiveConfig;
  private token: string | undefined;
  private lastActivity = Date.now();
  private lastRequest = 0;
  private requestsSinceCollect = 0;
  private firstCollectionAt: number | undefined;
  private readonly startedAt = Date.now();
  private timers: NodeJS.Timeout[] = [];
  private stopping: Promise<void> | undefined;
  private closeWatcher: (() => Promise<void>) | undefined;
  /** True once the project folder is gone (the daemon is then stopping). */
  private checkRoot: () => boolean = () => false;
  private readonly access: Access;
  /** Answers /health's challenge: proves to ensure, exec, doctor and stop that this is the root's daemon. */
  private readonly identity: string;
  /** The Host headers a request may carry (DNS rebinding). */
  private readonly hosts: Set<string>;
  /** Milliseconds since the process started at each start-up phase (/health; the bench's cold-start rows). */
  private readonly startup: Record<string, number> = { loaded: round1(performance.now()) };
  /** The latest log lines, for the page. */
  private readonly logTail: LogTail;
  private readonly early: EarlyStart;
  private page: Promise<typeof import('./page.ts')> | undefined;

  constructor(readonly options: DaemonOptions) {
    const early = this.early = options.early ?? new EarlyStart(options.root, { spawn: false });
    this.stateDir = early.stateDir;
    this.log = early.log;
    this.logTail = early.logTail;
    this.store = new SessionStore(join(this.stateDir, 'sessions.json'), this.log);
    this.config = early.config ?? loadConfig();
    this.identity = this.loadSecret(IDENTITY_FILE);
    this.access = new Access(this.log);
    this.hosts = allowedHosts(options.port, options.host);
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      clearTimeout(firstHeaders.get(req.socket));
      this.route(req, res).catch((error: unknown) => {
        this.log(`request ${req.method} ${req.url} failed: ${errorMessage(error)}`);
        if (!res.headersSent) sendError(res, 500, 'internal error');
        else res.destroy();
      });
    };
    // Node's http server serves what the lean front hands it (it never listens itself).
    // requestTimeout stays 0 (event streams live long); a body's own deadline is Access.bodyDeadline.
    this.server = createServer({ noDelay: true, keepAliveTimeout: KEEP_ALIVE_MS, requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: CHORE_MS }, handle);
    this.front = new LeanFront(this.server, (path) => this.servesWhole(path), handle, MAX_BODY_BYTES);
    // Slow-loris: a client that never finishes its headers is cut off. Node
    // checks headersTimeout on a timer that runs with or without connections
    // (every 30 s here: an idle daemon must not wake up for it), so a
    // connection's first headers get a timer of their own, alive only with it.
    const firstHeaders = new WeakMap<object, NodeJS.Timeout>();
    this.listener = createNetServer({ noDelay: true }, (socket) => {
      this.access.accept(socket);
      const timer = setTimeout(() => socket.destroy(), HEADERS_TIMEOUT_MS);
      firstHeaders.set(socket, timer);
      socket.once('close', () => clearTimeout(timer));
      this.front.accept(socket);
    });
  }

  /** Whether the lean front may serve requests to this path: not an http child's, whose bodies stream through. */
  private servesWhole(path: string): boolean {
    const match = SERVER_PATH.exec(path);
    if (!match) return false;
    try {
      return this.units.get(decodeURIComponent(match[1]!))?.streamsBodies !== true;
    } catch {
      return false;
    }
  }

  private get base(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** The project config is read only once the user trusted it. */
  private readConfig(): EffectiveConfig | undefined {
    return readDaemonConfig(this.options.root, this.log);
  }

  /**
   * Binds the port first (a millisecond; only the daemon that holds the port
   * may reap and record children), then takes over the eager children that
   * early-start.ts spawned before this module loaded — their start-up is what
   * a first client waits for — and only then does the rest. Clients can
   * connect while children start; a lazy child starts with its first session.
   */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.listener.once('error', reject);
      this.listener.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        this.listener.off('error', reject);
        // Node's server starts its headers-timeout checks on 'listening': it
        // listens through the front, so it is told so.
        this.server.emit('listening');
        this.startChores();
        resolve();
      });
    });
    this.startup.listening = round1(performance.now());
    this.reapOrphans(this.early.pids);
    this.early.adopt({
      onSpawn: (pid, command) => this.recordChild(pid, command),
      usersRoot: this.usersRoot,
    });
    for (const def of this.config.servers.values()) this.addUnit(def);
    this.startup.childrenSpawned = round1(this.early.spawnedAt ?? performance.now());
    if (this.config.settings.auth === 'token') this.token = this.loadToken();
    this.log(`daemon ${VERSION} for ${this.options.root} on ${this.base} (pid ${process.pid})`);
    // The record's fsync runs while children boot (ensure waits on /health, not on it).
    const record: DaemonRecord = { root: this.options.root, port: this.options.port, pid: process.pid, version: VERSION, startedAt: new Date(this.startedAt).toISOString() };
    writeFileAtomic(join(this.stateDir, 'daemon.json'), `${JSON.stringify(record, null, 2)}\n`, 0o600);
    rmSync(join(this.stateDir, IDLE_STOPPED), { force: true });
    await this.watchConfig();
  }

  /** Read at each child's start: marks and trustedRoots may change while the daemon runs. */
  private readonly usersRoot = () => isUsersRoot(this.options.root, this.config.settings.trustedRoots);

  private addUnit(def: ServerDef): void {
    const usersRoot = this.usersRoot;
    const unit = new ServerUnit(def, {
      root: this.options.root,
      stateDir: this.stateDir,
      log: this.log,
      get usersRoot() { return usersRoot(); },
      onSpawn: (pid, command) => this.recordChild(pid, command),
    }, this.base, this.store, this.startModeOf(def), this.early.take(def.name));
    this.units.set(def.name, unit);
    unit.startIfEager();
  }

  /** Eager servers that analyse project content start with the daemon only in the user's own roots. */
  private startModeOf(def: ServerDef): StartMode {
    const mode = startMode(def, this.usersRoot);
    if (mode === 'lazy' && def.start === 'eager') {
      this.log(`server ${def.name}: starts when the first client connects (it analyses project content, and ${this.options.root} is not marked as yours in "trustedRoots")`);
    }
    return mode;
  }

  /** Starts every server not started yet (`exec` and `/health?start=1`: whoever asks needs them all). */
  private startAll(): void {
    for (const unit of this.units.values()) unit.child.start();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The body's deadline runs from the request's arrival.
    this.access.bodyDeadline(req, res);
    if (this.access.refuse(req, res)) return;
    const refusal = checkHostAndOrigin(req, this.hosts);
    if (refusal) {
      this.log(`refused ${req.method} ${req.url}: ${refusal}`);
      return sendError(res, 403, refusal);
    }
    // Every call comes this way: a plain /servers/<name>/<endpoint> is split by
    // hand (no URL object per call); anything else is parsed and normalized.
    const raw = req.url ?? '/';
    const query = raw.indexOf('?');
    let match = SERVER_PATH.exec(query < 0 ? raw : raw.slice(0, query));
    let search = query < 0 ? '' : raw.slice(query);
    if (!match) {
      const url = new URL(raw, this.base);
      const path = url.pathname;
      if (path === '/health') return this.health(req, res, url);
      if (path === '/' || path.startsWith('/page/')) return this.servePage(req, res, path);
      match = SERVER_PATH.exec(path);
      if (!match) return sendError(res, 404, `no such path ${path}; servers are under /servers/<name>/mcp, status at /health`);
      search = url.search;
    }
    if (this.token !== undefined && !bearerMatches(req, this.token)) {
      return sendError(res, 401, 'missing or wrong bearer token', { 'www-authenticate': 'Bearer' });
    }
    const unit = this.units.get(decodeURIComponent(match[1]!));
    if (!unit) {
      const names = [...this.units.keys()];
      return sendError(res, 404, `no server '${match[1]}' here; servers: ${names.length ? names.join(', ') : '(none configured)'}`);
    }
    this.lastActivity = this.lastRequest = Date.now();
    this.requestsSinceCollect++;
    if (this.access.limitStreams(req, res)) return;
    // Armed by requests only: an idle daemon has no second-scale timer.
    if (this.options.collectGarbage && !this.gcTimer) this.scheduleCollection(BURST_OVER_MS);
    return unit.handle(req, res, match[2]!, search);
  }

  private async health(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.searchParams.get('ensure') === '1') this.lastActivity = Date.now();
    // status and doctor ask for tool stats: stdio children not measured yet are listed now (never on ensure's path).
    if (url.searchParams.get('tools') === '1') await Promise.all([...this.units.values()].map((u) => u.measureTools(2_000)));
    const authorized = this.token === undefined || bearerMatches(req, this.token);
    // Starting servers is what a client session does: it takes what a session takes (the token, if any).
    if (url.searchParams.get('start') === '1' && authorized) {
      this.lastActivity = Date.now();
      this.startAll();
    }
    const servers = [...this.units.values()].map((u) => u.health());
    if (url.searchParams.get('form') === 'shell') return this.shellHealth(res, servers);
    const challenge = url.searchParams.get('challenge');
    sendJson(res, 200, {
      ...(challenge ? { proof: identityProof(this.identity, challenge.slice(0, 128), this.options.root, this.options.port) } : {}),
      root: this.options.root,
      port: this.options.port,
      pid: process.pid,
      version: VERSION,
      uptimeMs: Date.now() - this.startedAt,
      startup: this.startup,
      idleTimeoutMinutes: this.idleMinutes,
      memoryMb: memoryMb(),
      auth: this.config.settings.auth,
      // With token auth, stderr lines, errors and recent calls (which may hold paths or secrets) need the token.
      servers: authorized ? servers : servers.map((s) => ({ ...s, lastError: s.lastError ? '(needs the token)' : null, stderrTail: [], calls: s.calls && { ...s.calls, recent: [] } })),
    });
  }

  /**
   * /health for the installed command's fast path (shell/bin.bash), which
   * reads it with bash builtins: `key=value` lines (the root, the port,
   * whether every server is ready), a blank line, then what `mcp-config`
   * prints. Nothing in it needs the token: /health without one says as much.
   */
  private shellHealth(res: ServerResponse, servers: Array<{ name: string; client: 'http' | 'sse'; state: string }>): void {
    const ready = servers.every((s) => s.state === 'ready') ? 1 : 0;
    const config = mcpConfigText(entriesFor(servers, this.options.port, this.config.settings.auth));
    const text = `root=${this.options.root}\nport=${this.options.port}\nready=${ready}\n\n${config}`;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  /** The page's code loads on its first request only: a daemon nobody looks at pays nothing. */
  private async servePage(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    // Browsers cannot send the bearer token: under token auth the page stays shut.
    if (this.token !== undefined && !bearerMatches(req, this.token)) {
      return sendError(res, 401, 'the page is not served under token auth (see SECURITY.md)', { 'www-authenticate': 'Bearer' });
    }
    this.page ??= import('./page.ts');
    const { servePage } = await this.page;
    servePage(req, res, path, { state: () => this.pageState(), logTail: this.logTail, onChange: (fn) => this.onServerChange(fn) });
  }

  /** Calls fn after any server's child goes down or becomes ready. */
  private onServerChange(fn: () => void): () => void {
    const later = () => setImmediate(fn);
    const children = [...this.units.values()].map((u) => u.child);
    for (const child of children) child.on('down', later).on('ready', later);
    return () => { for (const child of children) child.off('down', later).off('ready', later); };
  }

  /** What the page shows: /health's view with each server's clients and call history. */
  private pageState(): Record<string, unknown> {
    return {
      root: this.options.root,
      port: this.options.port,
      pid: process.pid,
      version: VERSION,
      now: Date.now(),
      uptimeMs: Date.now() - this.startedAt,
      memoryMb: memoryMb(),
      servers: [...this.units.values()].map((u) => u.pageView()),
    };
  }

  /** Reloads config and applies the difference: only changed servers restart. */
  reload(): void {
    const next = this.readConfig();
    if (!next) return;
    this.config = next;
    this.applyAuth();
    for (const [name, unit] of this.units) {
      const def = next.servers.get(name);
      if (!def) {
        this.log(`config: server ${name} removed`);
        this.units.delete(name);
        this.store.removeServer(name);
        void unit.stop();
      } else if (JSON.stringify(def) !== JSON.stringify(unit.def) && onlyToolsDiffer(def, unit.def)) {
        this.log(`config: server ${name}: tool filter changed; applied without a restart, sessions told to list again`);
        unit.setToolFilter(def);
      } else if (JSON.stringify(def) !== JSON.stringify(unit.def)) {
        this.log(`config: server ${name} changed; restarting it`);
        if (def.transport === unit.def.transport) void unit.redefine(def, this.startModeOf(def));
        else {
          void unit.stop();
          this.addUnit(def);
        }
      }
    }
    for (const def of next.servers.values()) {
      if (!this.units.has(def.name)) {
        this.log(`config: server ${def.name} added`);
        this.addUnit(def);
      }
    }
    this.onReload?.();
  }

  /** Set in start(): brings the client files in step after a reload (client-refresh.ts). */
  onReload: (() => void) | undefined;

  /** "auth" switched while running: applied at once (the token file made on the way to token). */
  private applyAuth(): void {
    if (this.config.settings.auth === 'token') {
      if (this.token === undefined) this.log('config: auth is now "token"; clients need the bearer token');
      this.token ??= this.loadToken();
    } else if (this.token !== undefined) {
      // --unsafe-expose was allowed only with a token: never drop it then.
      const exposed = this.options.host !== undefined && !['127.0.0.1', '::1', 'localhost'].includes(this.options.host);
      if (exposed) this.log('config: auth "none" ignored: this daemon listens beyond loopback (--unsafe-expose) and keeps its token');
      else {
        this.log('config: auth is now "none"');
        this.token = undefined;
      }
    }
  }

  /**
   * Every periodic chore on one timer, at most every 30 s. Created in the same
   * 'listening' emit as Node's own 30 s connections check, so the two share
   * their start and fire in one wake-up: an idle daemon's own timers wake it
   * twice a minute (V8 may add a garbage-collection task after a chore).
   */
  private startChores(): void {
    let lastSweep = Date.now();
    this.timers.push(setInterval(() => {
      if (this.checkRoot()) return;
      if (Date.now() - lastSweep >= 60_000) {
        lastSweep = Date.now();
        for (const u of this.units.values()) u.sweep(SESSION_SWEEP_MS);
      }
      this.checkIdle();
    }, this.idleCheckMs()).unref());
  }

  private async watchConfig(): Promise<void> {
    const refresh = new ClientRefresh(this.options.root, this.stateDir, this.options.port, this.log, this.config, () => this.readConfig());
    this.onReload = () => void refresh.refresh(this.config);
    const watch = await watchConfig(this.options.root, this.log, {
      change: () => this.reload(),
      rootGone: () => {
        this.log(`${this.options.root} was deleted; stopping (\`mcp-auto forget ${this.options.root}\` removes its state)`);
        // The record stays: status, stop, logs and doctor find the deleted root by it.
        void this.stop({ keepRecord: true }).then(() => process.exit(0));
      },
    });
    this.closeWatcher = () => watch.close();
    this.checkRoot = () => watch.checkRoot();
  }

  private get idleMinutes(): number {
    return this.options.idleTimeoutMinutes ?? this.config.settings.idleTimeoutMinutes;
  }

  private idleCheckMs(): number {
    const minutes = this.idleMinutes;
    return minutes > 0 ? Math.max(250, Math.min(CHORE_MS, (minutes * 60_000) / 4)) : CHORE_MS;
  }

  private checkIdle(): void {
    const minutes = this.idleMinutes;
    if (minutes <= 0) return;
    let streams = 0;
    for (const unit of this.units.values()) streams += unit.openStreams;
    if (streams > 0) {
      this.lastActivity = Date.now();
      return;
    }
    if (Date.now() - this.lastActivity >= minutes * 60_000) {
      this.log(`idle for ${minutes} min with no client; stopping (the next cd or prompt in the project brings it back)`);
      void this.stop().then(async () => {
        await this.withdrawClientEntries();
        // What a hook's link points at: its next prompt sees it and ensures again.
        try { writeFileSync(join(this.stateDir, IDLE_STOPPED), '', { mode: 0o600 }); } catch { /* the next cd still works */ }
        process.exit(0);
      });
    }
  }

  /**
   * Once the port is let go, client files must not name it: whoever binds it
   * next would get every client started without a cd (an IDE). The entries
   * come back with the next ensure (the hook's next prompt, a cd, exec).
   */
  private async withdrawClientEntries(): Promise<void> {
    const started = Date.now();
    try {
      const { adapters, syncClients } = await import('../clients/index.ts');
      const chosen = this.config.settings.clients.map((name) => adapters[name]).filter((a) => a !== undefined);
      const results = await syncClients(this.options.root, this.stateDir, chosen, []);
      const written = results.filter((r) => r.status === 'written').map((r) => r.file);
      this.log(`took mcp-auto's entries out of ${written.length ? written.join(', ') : 'no client file'} in ${Date.now() - started} ms (the next ensure puts them back)`);
    } catch (error) {
      this.log(`could not take the entries out of the client files: ${errorMessage(error)}`);
    }
  }

  /**
   * V8 keeps the heap it grew during a burst for the next one; a daemon is idle
   * most of its life, so once a burst is over it hands that memory back: a
   * first collection, then a second one that can shrink the young generation
   * (the memory row of `npm run soak`).
   */
  private collectAfterBurst(): void {
    const now = Date.now();
    if (this.requestsSinceCollect > 0) {
      const quiet = now - this.lastRequest;
      if (quiet < BURST_OVER_MS) return this.scheduleCollection(BURST_OVER_MS - quiet);
      this.requestsSinceCollect = 0;
      this.firstCollectionAt = now;
      this.scheduleCollection(SECOND_COLLECTION_MS);
    } else if (this.firstCollectionAt !== undefined) {
      this.firstCollectionAt = undefined;
    } else {
      return;
    }
    this.options.collectGarbage?.();
  }

  private gcTimer: NodeJS.Timeout | undefined;

  private scheduleCollection(ms: number): void {
    clearTimeout(this.gcTimer);
    this.gcTimer = setTimeout(() => { this.gcTimer = undefined; this.collectAfterBurst(); }, ms).unref();
  }

  private loadToken(): string {
    return this.loadSecret('token');
  }

  /** A secret kept in the 0700 state dir (0600): the bearer token, the identity secret. */
  private loadSecret(name: string): string {
    const file = join(this.stateDir, name);
    try {
      const secret = readFileSync(file, 'utf8').trim();
      if (secret.length >= 32) return secret;
    } catch { /* make one */ }
    const secret = randomBytes(32).toString('base64url');
    writeFileAtomic(file, `${secret}\n`, 0o600);
    chmodSync(file, 0o600);
    return secret;
  }

  /**
   * Children of a daemon that was killed -9 survive in their own process
   * groups (children.json): stop them, sparing `ours` (spawned by this daemon
   * before it held its port, should a pid have been reused).
   */
  private reapOrphans(ours: number[]): void {
    const file = join(this.stateDir, 'children.json');
    let old: Array<{ pid: number; command: string }> = [];
    try { old = JSON.parse(readFileSync(file, 'utf8')) as typeof old; } catch { /* none */ }
    for (const { pid, command } of old) {
      if (ours.includes(pid)) continue;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
        if (cmdline && (cmdline === command || cmdline.endsWith(`/${command}`))) {
          this.log(`stopping leftover child ${pid} (${command}) of an earlier daemon`);
          killGroup(pid, 'SIGKILL');
        }
      } catch { /* gone, or no /proc: nothing to do */ }
    }
    this.children = [];
    // Nothing to forget on a clean start: no write (and no fsync) before the children spawn.
    if (old.length > 0) this.writeChildren();
  }

  private children: Array<{ pid: number; command: string }> = [];

  private recordChild(pid: number, command: string): void {
    this.children = this.children.filter((c) => { try { process.kill(c.pid, 0); return true; } catch { return false; } });
    this.children.push({ pid, command });
    this.writeChildren();
  }

  private writeChildren(): void {
    try {
      writeFileAtomic(join(this.stateDir, 'children.json'), JSON.stringify(this.children), 0o600);
    } catch (error) {
      this.log(`cannot record children: ${errorMessage(error)}`);
    }
  }

  stop(opts: { keepRecord?: boolean } = {}): Promise<void> {
    this.stopping ??= (async () => {
      this.log('stopping');
      for (const t of this.timers) clearInterval(t);
      clearTimeout(this.gcTimer);
      this.listener.close();
      this.front.closeAll();
      this.server.close();
      this.server.closeAllConnections();
      await Promise.all([...this.units.values()].map((u) => u.stop()));
      await this.closeWatcher?.();
      this.store.flush();
      this.children = [];
      this.writeChildren();
      const record = join(this.stateDir, 'daemon.json');
      if (!opts.keepRecord) try {
        const { pid } = JSON.parse(readFileSync(record, 'utf8')) as DaemonRecord;
        if (pid === process.pid) unlinkSync(record);
      } catch { /* already gone */ }
      this.log('stopped');
    })();
    return this.stopping;
  }
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

/** The daemon's own memory (MB): for status, doctor and the soak's leak check. */
function memoryMb(): { rss: number; heapUsed: number; heapTotal: number; external: number } {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external + m.arrayBuffers) };
}
