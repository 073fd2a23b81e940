#!/usr/bin/env node
import {
  keepAlive,
  sendError,
  startEventStream
} from "./chunk-JU3CVJ6X.js";
import "./chunk-IO6PQGEU.js";
import "./chunk-TSVP3ZNH.js";

// src/daemon/page.ts
import { createHash } from "node:crypto";

// src/daemon/page.html
var page_default = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>mcp-auto</title>
<style>
  :root { color-scheme: light dark; --bg: #fafafa; --fg: #1d1d1f; --dim: #6e6e73; --line: #d8d8dc; --card: #fff;
    --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --accent: #0969da; }
  @media (prefers-color-scheme: dark) { :root { --bg: #111114; --fg: #e6e6e9; --dim: #9a9aa3; --line: #2e2e35; --card: #1a1a1f;
    --ok: #3fb950; --warn: #d29922; --bad: #f85149; --accent: #58a6ff; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
  header { padding: 14px 22px; border-bottom: 1px solid var(--line); display: flex; gap: 18px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 17px; margin: 0; font-weight: 600; word-break: break-all; }
  .meta { color: var(--dim); font-size: 13px; display: flex; gap: 14px; flex-wrap: wrap; }
  main { padding: 16px 22px 40px; display: grid; gap: 18px; max-width: 1200px; }
  h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--dim); margin: 6px 0 8px; font-weight: 600; }
  .servers { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
  .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
  .card .top { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  .card .name { font-weight: 600; font-size: 15px; }
  .state { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; }
  .state.ready { color: var(--ok); } .state.failed { color: var(--bad); } .state.other { color: var(--warn); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 10px 0 0; font-size: 13px; }
  dt { color: var(--dim); } dd { margin: 0; word-break: break-word; }
  .error { color: var(--bad); }
  details { margin-top: 8px; font-size: 12px; } summary { cursor: pointer; color: var(--dim); }
  pre { margin: 6px 0 0; padding: 8px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
    font: 12px/1.4 ui-monospace, "SF Mono", Menlo, monospace; white-space: pre-wrap; word-break: break-all; max-height: 320px; overflow: auto; }
  table { width: 100%; border-collapse: collapse; font-size: 13px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); }
  th { color: var(--dim); font-weight: 600; font-size: 12px; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .ok { color: var(--ok); } .bad { color: var(--bad); }
  .empty { color: var(--dim); font-style: italic; padding: 8px 0; }
  svg { width: 100%; height: 130px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  svg .mean { fill: none; stroke: var(--accent); stroke-width: 2; } svg .max { fill: none; stroke: var(--dim); stroke-width: 1; stroke-dasharray: 3 3; }
  svg text { fill: var(--dim); font-size: 11px; }
  #banner { display: none; background: var(--bad); color: #fff; padding: 6px 22px; font-size: 13px; }
  #banner.show { display: block; }
</style>
</head>
<body>
<div id="banner" role="status">Lost the daemon \u2014 retrying\u2026</div>
<header>
  <h1 id="root">mcp-auto</h1>
  <div class="meta" id="meta"></div>
</header>
<main>
  <section><h2>Servers</h2><div class="servers" id="servers"></div></section>
  <section><h2>Latency, last 10 minutes (mean and max per 10 s)</h2><svg id="chart"></svg></section>
  <section><h2>Recent calls</h2>
    <table><thead><tr><th>time</th><th>server</th><th>method</th><th>tool / resource</th><th class="num">ms</th><th>outcome</th></tr></thead>
    <tbody id="calls"></tbody></table>
  </section>
  <section><h2>Log</h2><pre id="log"></pre></section>
</main>
<script>
'use strict';
// Every value from the daemon is text (paths, stderr, tool names may come from
// a project): it goes in through textContent, never as markup.
const byId = (id) => document.getElementById(id);
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
const svgEl = (tag, props) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
  return node;
};
function duration(ms) {
  const s = Math.floor(ms / 1000);
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
}
const kb = (bytes) => bytes >= 1024 ? (bytes / 1024).toFixed(1) + ' KB' : bytes + ' B';

function toolsText(tools) {
  if (!tools) return 'not listed yet';
  let text = tools.exposed + (tools.total !== tools.exposed ? ' of ' + tools.total : '') + ' tools';
  if (typeof tools.bytes === 'number') text += ', ' + kb(tools.bytes) + (typeof tools.tokens === 'number' ? ' (~' + tools.tokens + ' tokens)' : '');
  return text;
}
function filterText(filter) {
  if (!filter) return '';
  if (filter.allow) return 'allow ' + filter.allow.join(', ');
  if (filter.deny) return 'deny ' + filter.deny.join(', ');
  return '';
}

function serverCard(s) {
  const stateClass = s.state === 'ready' ? 'ready' : s.state === 'failed' ? 'failed' : 'other';
  const rows = [
    ['transport', s.transport + (s.pid ? ' \xB7 pid ' + s.pid : '')],
    ['restarts', String(s.restarts)],
    ['tools', toolsText(s.tools)],
  ];
  const filter = filterText(s.toolFilter || (s.tools && s.tools.filter));
  if (filter) rows.push(['filter', filter]);
  const sessions = s.sessionList || [];
  const live = sessions.filter((x) => x.live).length;
  rows.push(['sessions', sessions.length ? live + ' live, ' + (sessions.length - live) + ' idle' : String(s.sessions || 0)]);
  const dl = el('dl');
  for (const [k, v] of rows) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  if (s.lastError) dl.append(el('dt', { text: 'last error' }), el('dd', { class: 'error', text: s.lastError }));
  const card = el('div', { class: 'card', 'data-server': s.name },
    el('div', { class: 'top' }, el('span', { class: 'name', text: s.name }), el('span', { class: 'state ' + stateClass, 'data-state': s.state, text: s.state })),
    dl);
  if (sessions.length) {
    const list = el('pre');
    list.textContent = sessions.map((x) => (x.live ? '\u25CF ' : '\u25CB ') + x.client + ' (' + x.transport + (x.inflight ? ', ' + x.inflight + ' in flight' : '') + ', last seen ' + duration(x.idleMs) + ' ago)').join('\\n');
    card.append(el('details', {}, el('summary', { text: 'clients' }), list));
  }
  if (s.stderrTail && s.stderrTail.length) {
    const pre = el('pre');
    pre.textContent = s.stderrTail.join('\\n');
    card.append(el('details', {}, el('summary', { text: 'stderr (last ' + s.stderrTail.length + ' lines)' }), pre));
  }
  return card;
}

function renderCalls(servers) {
  const calls = servers.flatMap((s) => ((s.calls && s.calls.recent) || []).map((c) => Object.assign({ server: s.name }, c)))
    .sort((a, b) => b.at - a.at).slice(0, 30);
  const body = byId('calls');
  body.replaceChildren(...(calls.length ? calls.map((c) => el('tr', {},
    el('td', { text: new Date(c.at).toLocaleTimeString() }),
    el('td', { text: c.server }),
    el('td', { text: c.method }),
    el('td', { text: c.target || '' }),
    el('td', { class: 'num', text: String(c.ms) }),
    el('td', { class: c.outcome === 'ok' ? 'ok' : 'bad', text: c.outcome }))) : [el('tr', {}, el('td', { colspan: '6', class: 'empty', text: 'no calls yet' }))]));
}

function renderChart(servers, now) {
  const slots = new Map();
  for (const s of servers) for (const b of s.buckets || []) {
    const slot = slots.get(b.at) || { count: 0, totalMs: 0, maxMs: 0 };
    slot.count += b.count; slot.totalMs += b.totalMs; slot.maxMs = Math.max(slot.maxMs, b.maxMs);
    slots.set(b.at, slot);
  }
  const chart = byId('chart');
  // Drawn in the element's own pixels, so text and lines keep their shape.
  const width = Math.max(200, chart.clientWidth || 600);
  const height = 130;
  chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  chart.replaceChildren();
  const text = (x, y, anchor, value) => {
    const t = svgEl('text', { x: String(x), y: String(y), 'text-anchor': anchor });
    t.textContent = value;
    chart.append(t);
  };
  const span = 600_000;
  const start = now - span;
  const points = [...slots.entries()].filter(([at]) => at >= start).sort((a, b) => a[0] - b[0]);
  text(10, height - 6, 'start', '10 min ago');
  text(width - 10, height - 6, 'end', 'now');
  if (points.length === 0) {
    text(width / 2, height / 2, 'middle', 'no calls in the last 10 minutes');
    return;
  }
  const top = Math.max(1, ...points.map(([, p]) => p.maxMs));
  const x = (at) => ((at + 5_000 - start) / span * (width - 20) + 10).toFixed(1);
  const y = (ms) => (height - 22 - ms / top * (height - 40)).toFixed(1);
  const line = (cls, pick) => {
    // A single slot is drawn as a short flat stroke, not an invisible point.
    const pts = points.length === 1 ? [[points[0][0] - 4_000, points[0][1]], [points[0][0] + 4_000, points[0][1]]] : points;
    chart.append(svgEl('polyline', { class: cls, points: pts.map(([at, p]) => x(at) + ',' + y(pick(p))).join(' ') }));
  };
  line('max', (p) => p.maxMs);
  line('mean', (p) => p.totalMs / p.count);
  text(10, 14, 'start', 'max ' + top + ' ms');
}

function render(state) {
  byId('banner').classList.remove('show');
  byId('root').textContent = state.root;
  document.title = 'mcp-auto \xB7 ' + state.root.split('/').pop();
  const mem = state.memoryMb ? state.memoryMb.rss + ' MB' : '';
  byId('meta').replaceChildren(...['127.0.0.1:' + state.port, 'pid ' + state.pid, 'mcp-auto ' + state.version, 'up ' + duration(state.uptimeMs), mem]
    .filter(Boolean).map((t) => el('span', { text: t })));
  byId('servers').replaceChildren(...(state.servers.length ? state.servers.map(serverCard) : [el('div', { class: 'empty', text: 'no servers configured' })]));
  renderCalls(state.servers);
  renderChart(state.servers, state.now);
}

const log = byId('log');
function appendLog(lines) {
  const follow = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.textContent = (log.textContent ? log.textContent + '\\n' : '') + lines.join('\\n');
  const all = log.textContent.split('\\n');
  if (all.length > 500) log.textContent = all.slice(-500).join('\\n');
  if (follow) log.scrollTop = log.scrollHeight;
}

const events = new EventSource('page/events');
events.addEventListener('state', (e) => render(JSON.parse(e.data)));
events.addEventListener('logs', (e) => { log.textContent = ''; appendLog(JSON.parse(e.data)); });
events.addEventListener('log', (e) => appendLog([JSON.parse(e.data)]));
events.onerror = () => byId('banner').classList.add('show');
</script>
</body>
</html>
`;

// src/daemon/page.ts
var UPDATE_MS = 1e3;
var MAX_STREAMS = 8;
var sha256 = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
var inline = (tag) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page_default)?.[1] ?? "";
var CSP = [
  "default-src 'none'",
  `script-src ${sha256(inline("script"))}`,
  `style-src ${sha256(inline("style"))}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
var HEADERS = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store"
};
var streams = 0;
function servePage(req, res, path, source) {
  if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, 405, "the page is read-only: use GET", { allow: "GET, HEAD" });
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(page_default), ...HEADERS });
    res.end(req.method === "HEAD" ? void 0 : page_default);
    return;
  }
  if (path === "/page/events") return events(res, source);
  sendError(res, 404, `no page at ${path}; the page is at /`);
}
function events(res, source) {
  if (streams >= MAX_STREAMS) return sendError(res, 429, `${MAX_STREAMS} pages are open already; close one`);
  streams++;
  startEventStream(res, HEADERS);
  keepAlive(res);
  const send = (event, data) => {
    if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}
data: ${JSON.stringify(data)}

`);
  };
  const update = () => send("state", source.state());
  send("logs", source.logTail.snapshot());
  update();
  const timer = setInterval(update, UPDATE_MS);
  const unfollow = source.logTail.follow((line) => send("log", line));
  const unsubscribe = source.onChange(update);
  res.once("close", () => {
    streams--;
    clearInterval(timer);
    unfollow();
    unsubscribe();
  });
}
export {
  servePage
};
//# sourceMappingURL=page-IYUOASNV.js.map
