import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDef } from '../config/config.ts';
import { SupervisedChild, type ChildContext } from './child.ts';
import { sendError } from '../gateway/http-util.ts';
import { proxyToChild } from '../gateway/proxy.ts';
import { readJsonBody, sendJson } from '../gateway/http-util.ts';
import { asMessages, isRequest } from '../gateway/jsonrpc.ts';
import { SseBridge } from '../gateway/sse-bridge.ts';
import { unavailable } from '../gateway/unavailable.ts';
import type { CallStats } from '../gateway/call-log.ts';
import { Router } from '../gateway/router.ts';
import type { SessionStore } from '../gateway/session-store.ts';
import { SseEndpoint } from '../gateway/sse.ts';
import { StreamableEndpoint } from '../gateway/streamable.ts';
import type { ServerState, StartMode } from './server-state.ts';
import { ToolCatalog, type ToolStats } from '../gateway/tool-filter.ts';
import { fetchHttpTools, proxyEventStream, proxyWithToolFilter } from '../gateway/proxy-tool-filter.ts';
import type { Message } from '../gateway/jsonrpc.ts';

/**
 * A session with no stream open and no request for this long counts as idle:
 * Claude Code, Gemini CLI and Qwen never close theirs, so the session count
 * alone says nothing about who is connected. (MCP_AUTO_LIVE_WINDOW_MS: tests.)
 */
export const LIVE_WINDOW_MS = Number(process.env.MCP_AUTO_LIVE_WINDOW_MS) || 5 * 60_000;

export interface ServerHealth {
  name: string;
  transport: 'stdio' | 'http';
  /** Which endpoint client configs point at. */
  client: 'http' | 'sse';
  state: ServerState;
  /** How this server starts here: with the daemon, or with the first client session. */
  start: StartMode;
  /** It analyses or executes project content (eager only in the user's own roots). */
  analyses: boolean;
  pid: number | null;
  restarts: number;
  sessions: number;
  /** Of those, the ones in use (see LIVE_WINDOW_MS); the rest are sessions clients never closed. */
  liveSessions: number;
  lastError: string | null;
  stderrTail: string[];
  url: string;
  sseUrl: string;
  /** Requests through the shared child (null for an http child, which is proxied as is). */
  calls: CallStats | null;
  /** Tools exposed of listed and their definitions' size, from the tools/list replies seen (null: none seen yet). */
  tools: ToolStats | null;
}

/** A session that sent something this recently counts as live (clients rarely close theirs). */
const LIVE_MS = 5 * 60_000;

/**
 * One configured server as the daemon serves it: its supervised child and the
 * endpoints in front of it. A stdio child gets the router with Streamable HTTP
 * and SSE sessions; an http child is reverse-proxied.
 */
export class ServerUnit {
  readonly child: SupervisedChild;
  private readonly router: Router | undefined;
  private readonly streamable: StreamableEndpoint | undefined;
  private readonly sse: SseEndpoint | undefined;
  /** The tools the child listed, as seen through the gateway (unfiltered). */
  readonly tools = new ToolCatalog();
  /** An http child's open event streams, where the gateway can add a notification. */
  private readonly eventStreams = new Set<(message: Message) => void>();
  /** An http child's legacy SSE endpoints, bridged to its Streamable HTTP. */
  private readonly bridge: SseBridge | undefined;

  constructor(public def: ServerDef, ctx: ChildContext, private readonly base: string, store: SessionStore | undefined,
    /** Decided by the daemon (startMode): eager servers start now, lazy ones with their first session. */
    public startMode: StartMode,
    /** Started before the daemon held its port (early-start.ts), with this def. */
    child?: SupervisedChild) {
    this.child = child ?? new SupervisedChild(def, ctx);
    if (def.transport === 'stdio') {
      this.router = new Router(this.child, ctx.root, () => this.child.def.startTimeoutMs, this.tools);
      this.streamable = new StreamableEndpoint(def.name, this.router, store);
      this.sse = new SseEndpoint(`/servers/${def.name}`, this.router);
    } else {
      // A new http child may list other tools (the router sees to this for a stdio child).
      this.child.on('ready', () => this.tools.invalidate());
      this.bridge = new SseBridge(`/servers/${def.name}`, this.child, () => this.def.path, ctx.log, this.tools, this.eventStreams);
    }
  }

  /** Starts the child if it is eager; a lazy one waits for its first session. */
  startIfEager(): void {
    if (this.startMode === 'eager') this.child.start();
  }

  /** Same transport, new command/args/env: restart the child only (a child not started stays so until needed). */
  async redefine(def: ServerDef, startMode: StartMode): Promise<void> {
    this.def = def;
    this.startMode = startMode;
    await this.child.redefine(def);
    this.startIfEager();
  }

  /** Only the tool filter changed: applied at once, the child keeps running; sessions list again. */
  setToolFilter(def: ServerDef): void {
    this.def = def;
    this.child.def = def;
    this.router?.toolFilterChanged();
    for (const add of this.eventStreams) add({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
  }

  /** Makes sure the tool stats are known: the gateway lists the child's tools itself when no session did yet (status, doctor). */
  async measureTools(timeoutMs: number): Promise<void> {
    if (this.tools.complete) return;
    if (this.router) await this.router.fetchTools(timeoutMs);
    else await fetchHttpTools(this.child, this.tools, timeoutMs);
  }

  /** An http child's requests stream through to it (the daemon's lean front then leaves them to Node's server). */
  get streamsBodies(): boolean {
    return !this.router;
  }

  /** `rest` is the path after /servers/<name>, e.g. "/mcp"; `search` its query, "?…" or empty. */
  async handle(req: IncomingMessage, res: ServerResponse, rest: string, search: string): Promise<void> {
    if (!this.router) {
      if (rest === '/sse') return this.bridge!.open(req, res);
      if (rest === '/messages') return this.bridge!.post(req, res, new URLSearchParams(search).get('sessionId'));
      if (rest === '/mcp' && req.method === 'POST' && !(await this.childUp())) return this.refuseHttp(req, res);
      const path = (rest === '/mcp' ? this.def.path : rest) + search;
      // tools/list and tools/call go through the filter; the rest streams as is.
      if (req.method === 'POST') return proxyWithToolFilter(req, res, this.child, path, this.tools, rest !== '/mcp');
      if (req.method === 'GET') return proxyEventStream(req, res, this.child, path, this.tools, this.eventStreams);
      return proxyToChild(req, res, this.child, path);
    }
    switch (rest) {
      case '/mcp': return this.streamable!.handle(req, res);
      case '/sse': return this.sse!.open(req, res);
      case '/messages': return this.sse!.post(req, res, new URLSearchParams(search).get('sessionId'));
      default: sendError(res, 404, `no endpoint ${rest}; use /servers/${this.def.name}/mcp or /servers/${this.def.name}/sse`);
    }
  }

  private async childUp(): Promise<boolean> {
    return this.child.state === 'ready' || this.child.whenReady(this.child.def.startTimeoutMs);
  }

  /**
   * An http child that cannot start or has failed: a JSON-RPC request (above
   * all `initialize`) gets the server's last error as a JSON-RPC error, as a
   * stdio child's sessions do, so a client shows the reason.
   */
  private async refuseHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, res);
    if (!body) return;
    const request = asMessages(body.value)?.messages.find(isRequest);
    if (!request) return sendError(res, 503, unavailable(this.child, null).error!.message);
    sendJson(res, 200, unavailable(this.child, request.id));
  }

  /** Client sessions now connected (for /health and the idle timer). */
  get sessions(): number {
    return (this.streamable?.sessionCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
  }

  /** Sessions with a stream open or a request in flight, or used within LIVE_WINDOW_MS (an SSE session is its stream). */
  get liveSessions(): number {
    return (this.streamable?.liveCount(LIVE_WINDOW_MS) ?? 0) + (this.sse?.sessionCount ?? 0);
  }

  /** Open event streams: a client that holds one is in use even when quiet. */
  get openStreams(): number {
    return (this.streamable?.streamCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
  }

  sweep(maxIdleMs: number): void {
    this.streamable?.sweep(maxIdleMs);
  }

  health(): ServerHealth {
    const c = this.child;
    return {
      name: this.def.name,
      transport: this.def.transport,
      client: this.def.client,
      state: c.state,
      start: this.startMode,
      analyses: this.def.analyses,
      pid: c.pid ?? null,
      restarts: c.restarts,
      sessions: this.sessions,
      liveSessions: this.liveSessions,
      lastError: c.lastError ?? null,
      stderrTail: c.stderrTail.slice(-10),
      url: `${this.base}/servers/${this.def.name}/mcp`,
      sseUrl: `${this.base}/servers/${this.def.name}/sse`,
      calls: this.router?.calls.stats() ?? null,
      tools: this.tools.stats(this.def.tools),
    };
  }

  /** health() plus who is connected and the call history, for the page. */
  pageView(): Record<string, unknown> {
    const now = Date.now();
    return {
      ...this.health(),
      toolFilter: this.def.tools ?? null,
      sessionList: (this.router?.describeSessions(now) ?? []).map((s) => ({ ...s, live: s.inflight > 0 || s.transport === 'sse' || s.idleMs < LIVE_MS })),
      buckets: this.router?.calls.buckets(now) ?? [],
    };
  }

  async stop(): Promise<void> {
    this.streamable?.closeAll();
    this.sse?.closeAll();
    this.bridge?.closeAll();
    await this.child.stop();
  }
}
