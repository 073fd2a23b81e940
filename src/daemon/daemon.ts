import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdirSync, readFileSync, rmSync, unlinkSync, chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../util/atomic.ts';
import { loadConfig, projectConfigPath, userConfigPath, type EffectiveConfig, type ServerDef } from '../config/config.ts';
import { errorMessage } from '../util/errors.ts';
import { IDLE_STOPPED, stateDirFor, stateHome } from '../config/paths.ts';
import { trustState } from '../config/trust.ts';
import { VERSION } from '../util/version.ts';
import { killGroup } from './child.ts';
import { sendError, sendJson } from '../gateway/http-util.ts';
import { LogTail, makeLogger, type Logger } from './log.ts';
import { bearerMatches, checkHostAndOrigin } from './security.ts';
import { SessionStore } from '../gateway/session-store.ts';
import { ServerUnit } from './server-unit.ts';
import { onlyToolsDiffer } from '../gateway/tool-filter.ts';

export interface DaemonOptions {
  root: string;
  port: number;
  /** Listen address: loopback unless --unsafe-expose. */
  host?: string;
  /** Overrides the config's idle timeout (a service-managed daemon never idles out). */
  idleTimeoutMinutes?: number;
  /** A full garbage collection (V8's gc, when exposed): run once a burst of requests is over. */
  collectGarbage?: () => void;
}

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
  /** The latest log lines, for the page. */
  private readonly logTail = new LogTail();
  private page: Promise<typeof import('./page.ts')> | undefined;

  constructor(readonly options: DaemonOptions) {
    this.stateDir = stateDirFor(options.root);
    mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
    this.log = makeLogger((line) => {
      this.logTail.push(line);
      process.stderr.write(line);
    });
    this.store = new SessionStore(join(this.stateDir, 'sessions.json'), this.log);
    this.config = this.readConfig() ?? loadConfig();
    this.server = createServer({ noDelay: true, keepAliveTimeout: 60_000, requestTimeout: 0, headersTimeout: 10_000, connectionsCheckingInterval: 1000 }, (req, res) => {
      this.route(req, res).catch((error: unknown) => {
        this.log(`request ${req.method} ${req.url} failed: ${errorMessage(error)}`);
        if (!res.headersSent) sendError(res, 500, 'internal error');
        else res.destroy();
      });
    });
    // Slow-loris: a client that never finishes its headers is cut off.
    this.server.headersTimeout = 10_000;
  }

  private get base(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** The project config is read only once the user trusted it. */
  private readConfig(): EffectiveConfig | undefined {
    const projectFile = projectConfigPath(this.options.root);
    const trusted = trustState(projectFile) === 'trusted';
    try {
      return loadConfig({ projectFile: trusted ? projectFile : undefined });
    } catch (error) {
      this.log(`config: ${errorMessage(error)}; keeping the last good config`);
      return undefined;
    }
  }

  /** Binds the port first — clients can connect while children start. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.reapOrphans();
    if (this.config.settings.auth === 'token') this.token = this.loadToken();
    this.log(`daemon ${VERSION} for ${this.options.root} on ${this.base} (pid ${process.pid})`);
    // Children first: their start-up is what a first client waits for; the
    // record's fsync can run while they boot (ensure waits on /health, not on it).
    for (const def of this.config.servers.values()) this.addUnit(def);
    const record: DaemonRecord = { root: this.options.root, port: this.options.port, pid: process.pid, version: VERSION, startedAt: new Date(this.startedAt).toISOString() };
    writeFileAtomic(join(this.stateDir, 'daemon.json'), `${JSON.stringify(record, null, 2)}\n`, 0o600);
    rmSync(join(this.stateDir, IDLE_STOPPED), { force: true });
    this.timers.push(setInterval(() => this.checkIdle(), this.idleCheckMs()).unref());
    this.timers.push(setInterval(() => { for (const u of this.units.values()) u.sweep(SESSION_SWEEP_MS); }, 60_000).unref());
    if (this.options.collectGarbage) this.timers.push(setInterval(() => this.collectAfterBurst(), 1_000).unref());
    await this.watchConfig();
  }

  private addUnit(def: ServerDef): void {
    const unit = new ServerUnit(def, {
      root: this.options.root,
      stateDir: this.stateDir,
      log: this.log,
      onSpawn: (pid, command) => this.recordChild(pid, command),
    }, this.base, this.store);
    this.units.set(def.name, unit);
    unit.start();
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const exposed = this.options.host ? [`${this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host}:${this.options.port}`] : [];
    const refusal = checkHostAndOrigin(req, this.options.port, exposed);
    if (refusal) {
      this.log(`refused ${req.method} ${req.url}: ${refusal}`);
      return sendError(res, 403, refusal);
    }
    const url = new URL(req.url ?? '/', this.base);
    const path = url.pathname;
    if (path === '/health') return this.health(req, res, url);
    if (path === '/' || path.startsWith('/page/')) return this.servePage(req, res, path);
    const match = /^\/servers\/([^/]+)(\/[^/]*)$/.exec(path);
    if (!match) return sendError(res, 404, `no such path ${path}; servers are under /servers/<name>/mcp, status at /health`);
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
    return unit.handle(req, res, match[2]!, url);
  }

  private async health(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.searchParams.get('ensure') === '1') this.lastActivity = Date.now();
    // status and doctor ask for tool stats: stdio children not measured yet are listed now (never on ensure's path).
    if (url.searchParams.get('tools') === '1') await Promise.all([...this.units.values()].map((u) => u.measureTools(2_000)));
    const authorized = this.token === undefined || bearerMatches(req, this.token);
    const servers = [...this.units.values()].map((u) => u.health());
    sendJson(res, 200, {
      root: this.options.root,
      port: this.options.port,
      pid: process.pid,
      version: VERSION,
      uptimeMs: Date.now() - this.startedAt,
      idleTimeoutMinutes: this.idleMinutes,
      memoryMb: memoryMb(),
      auth: this.config.settings.auth,
      // With token auth, stderr lines, errors and recent calls (which may hold paths or secrets) need the token.
      servers: authorized ? servers : servers.map((s) => ({ ...s, lastError: s.lastError ? '(needs the token)' : null, stderrTail: [], calls: s.calls && { ...s.calls, recent: [] } })),
    });
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
        if (def.transport === unit.def.transport) void unit.redefine(def);
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

  /** Set by the composer: refresh client configs after a reload. */
  onReload: (() => void) | undefined;

  private async watchConfig(): Promise<void> {
    const { watch } = await import('chokidar');
    const files = [userConfigPath(), projectConfigPath(this.options.root), join(stateHome(), 'trust')];
    const watcher = watch(files, {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
      depth: 0,
    });
    let timer: NodeJS.Timeout | undefined;
    watcher.on('all', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.reload(), 150);
    });
    watcher.on('error', (error) => this.log(`config watch: ${errorMessage(error)}`));
    this.closeWatcher = () => watcher.close();
  }

  private get idleMinutes(): number {
    return this.options.idleTimeoutMinutes ?? this.config.settings.idleTimeoutMinutes;
  }

  private idleCheckMs(): number {
    const minutes = this.idleMinutes;
    return minutes > 0 ? Math.max(250, Math.min(30_000, (minutes * 60_000) / 4)) : 30_000;
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
      void this.stop().then(() => {
        // What a hook's link points at: its next prompt sees it and ensures again.
        try { writeFileSync(join(this.stateDir, IDLE_STOPPED), '', { mode: 0o600 }); } catch { /* the next cd still works */ }
        process.exit(0);
      });
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
      if (now - this.lastRequest < BURST_OVER_MS) return;
      this.requestsSinceCollect = 0;
      this.firstCollectionAt = now;
    } else if (this.firstCollectionAt !== undefined && now - this.firstCollectionAt >= SECOND_COLLECTION_MS) {
      this.firstCollectionAt = undefined;
    } else {
      return;
    }
    this.options.collectGarbage?.();
  }

  private loadToken(): string {
    const file = join(this.stateDir, 'token');
    try {
      const token = readFileSync(file, 'utf8').trim();
      if (token.length >= 32) return token;
    } catch { /* make one */ }
    const token = randomBytes(32).toString('base64url');
    writeFileAtomic(file, `${token}\n`, 0o600);
    chmodSync(file, 0o600);
    return token;
  }

  /** Children of a daemon that was killed -9 survive in their own process groups: stop them. */
  private reapOrphans(): void {
    const file = join(this.stateDir, 'children.json');
    let old: Array<{ pid: number; command: string }> = [];
    try { old = JSON.parse(readFileSync(file, 'utf8')) as typeof old; } catch { /* none */ }
    for (const { pid, command } of old) {
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

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.log('stopping');
      for (const t of this.timers) clearInterval(t);
      this.server.close();
      this.server.closeAllConnections();
      await Promise.all([...this.units.values()].map((u) => u.stop()));
      await this.closeWatcher?.();
      this.store.flush();
      this.children = [];
      this.writeChildren();
      const record = join(this.stateDir, 'daemon.json');
      try {
        const { pid } = JSON.parse(readFileSync(record, 'utf8')) as DaemonRecord;
        if (pid === process.pid) unlinkSync(record);
      } catch { /* already gone */ }
      this.log('stopped');
    })();
    return this.stopping;
  }
}

/** The daemon's own memory (MB): for status, doctor and the soak's leak check. */
function memoryMb(): { rss: number; heapUsed: number; heapTotal: number; external: number } {
  const m = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 104_857.6) / 10;
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external + m.arrayBuffers) };
}
