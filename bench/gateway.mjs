// Gateway benchmark: the same SDK client calling server-everything's `echo`
// directly over stdio, through mcp-auto (Streamable HTTP and legacy SSE), and
// through supergateway and mcp-proxy. Run alone: `node bench/gateway.mjs [--quick]`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import { setMaxListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import {
  repo, cli, everythingBin, now, sleep, percentile, median, withTimeout, nextPort, makeHome,
  startProcess, stopAll, rssMb, descendants, alive,
} from './lib.mjs';

// The SDK's Streamable HTTP client hands one AbortSignal to every fetch, and
// undici only drops its listener when the request is garbage-collected: after a
// few thousand calls Node warns about a leak that is not one. No limit for the bench.
setMaxListeners(0);

const CALL_TIMEOUT_MS = 5000;
const CONNECT_DEADLINE_MS = 20_000;
const everythingArgs = [everythingBin, 'stdio'];

const defaults = {
  warmup: 300,
  warmupCapMs: 3000,
  calls: 2000,
  /** No row spends more than this on its sequential calls, however slow the gateway. */
  latencyCapMs: 12_000,
  inFlight: 8,
  throughputCalls: 2000,
  throughputCapMs: 5000,
  twoClientCalls: 300,
  twoClientCapMs: 8000,
  startRuns: 5,
};

// ---- clients -------------------------------------------------------------

function transportFor(target) {
  if (target.kind === 'stdio') return new StdioClientTransport({ command: process.execPath, args: everythingArgs, stderr: 'ignore' });
  if (target.kind === 'http') return new StreamableHTTPClientTransport(new URL(target.url));
  return new SSEClientTransport(new URL(target.url));
}

/** One initialize attempt; the client is closed again when it fails. */
async function connectOnce(target) {
  const client = new Client({ name: 'mcp-auto-bench', version: '1.0.0' });
  const transport = transportFor(target);
  try {
    await withTimeout(client.connect(transport, { timeout: CALL_TIMEOUT_MS }), CALL_TIMEOUT_MS, 'initialize');
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  client.childPid = transport.pid ?? undefined;
  return client;
}

/** Retries initialize until it succeeds (the gateway may not listen yet) or the gateway dies. */
async function pollConnect(target, proc) {
  const deadline = now() + CONNECT_DEADLINE_MS;
  let last;
  while (now() < deadline) {
    if (proc?.exited()) throw new Error(`exited before it answered: ${proc.stderrTail() || 'no stderr'}`);
    try {
      return await connectOnce(target);
    } catch (error) {
      // A JSON-RPC error is the gateway's answer, not a gateway still starting.
      if (error instanceof McpError) throw new Error(`initialize refused: ${short(error.message)}`);
      last = error;
      await sleep(10);
    }
  }
  const why = proc?.stderrTail();
  throw new Error(`no initialize within ${CONNECT_DEADLINE_MS / 1000} s: ${short(last?.message ?? String(last))}${why ? ` (${why})` : ''}`);
}

const short = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

async function closeClient(client) {
  await withTimeout(client.close(), 5000, 'client close').catch(() => {});
  // A stdio child the SDK failed to stop must not outlive the bench.
  if (client.childPid && alive(client.childPid)) {
    try { process.kill(client.childPid, 'SIGKILL'); } catch { /* gone */ }
  }
}

/** One echo call; true when the reply carries our own message back. */
async function echo(client, message) {
  const result = await client.callTool({ name: 'echo', arguments: { message } }, undefined, { timeout: CALL_TIMEOUT_MS });
  return result.content?.[0]?.text === `Echo: ${message}`;
}

// ---- measurements ----------------------------------------------------------

async function sequentialLatency(client, o) {
  const warmupEnd = now() + o.warmupCapMs;
  for (let i = 0; i < o.warmup && now() < warmupEnd; i++) await echo(client, 'hi');
  const samples = [];
  let wrong = 0;
  const end = now() + o.latencyCapMs;
  while (samples.length < o.calls && now() < end) {
    const t = now();
    if (!(await echo(client, 'hi'))) wrong++;
    samples.push(now() - t);
  }
  if (wrong) throw new Error(`${wrong} wrong replies to a single client`);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}

async function throughput(client, o) {
  let started = 0;
  let done = 0;
  const t0 = now();
  const end = t0 + o.throughputCapMs;
  const worker = async () => {
    while (started < o.throughputCalls && now() < end) {
      started++;
      if (await echo(client, 'hi')) done++;
    }
  };
  await Promise.all(Array.from({ length: o.inFlight }, worker));
  return done / ((now() - t0) / 1000);
}

/**
 * Two sessions calling at once, each with messages nobody else sends: a reply
 * that does not echo the caller's own message, or no reply at all, is wrong.
 */
async function twoClients(target, o) {
  const clients = [await connectOnce(target), await connectOnce(target)];
  const samples = [];
  let wrong = 0;
  let total = 0;
  const end = now() + o.twoClientCapMs;
  const session = async (client, id) => {
    for (let i = 0; i < o.twoClientCalls && now() < end; i++) {
      const message = `client${id}-call${i}-${Math.random().toString(36).slice(2)}`;
      const t = now();
      total++;
      try {
        if (!(await echo(client, message))) wrong++;
      } catch {
        wrong++;
      }
      samples.push(now() - t);
    }
  };
  try {
    await Promise.all(clients.map((client, id) => session(client, id)));
  } finally {
    await Promise.all(clients.map(closeClient));
  }
  return { p50: percentile(samples, 50), wrong, total };
}

/** Starts the gateway and times spawn → first successful initialize. */
async function startAndConnect(gateway) {
  const port = await nextPort();
  const proc = gateway.start(port);
  const target = { kind: gateway.kind, url: `http://127.0.0.1:${port}${gateway.path}` };
  try {
    const client = await pollConnect(target, proc);
    return { proc, client, target, ms: now() - proc.spawnedAt };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/** Direct stdio: the client spawns the server itself, so start → initialize is one connect. */
async function benchDirect(o) {
  const firstInit = [];
  let result;
  for (let run = 0; run < o.startRuns; run++) {
    const t0 = now();
    const client = await connectOnce({ kind: 'stdio' });
    firstInit.push(now() - t0);
    try {
      if (run === 0) result = { ...(await sequentialLatency(client, o)), callsPerSec: await throughput(client, o) };
    } finally {
      await closeClient(client);
    }
  }
  return { ...result, firstInitMs: median(firstInit), firstInitRuns: firstInit };
}

async function benchGateway(gateway, o) {
  const firstInit = [];
  let result;
  for (let run = 0; run < o.startRuns; run++) {
    const { proc, client, target, ms } = await startAndConnect(gateway);
    firstInit.push(ms);
    try {
      if (run === 0) {
        result = { ...(await sequentialLatency(client, o)), callsPerSec: await throughput(client, o) };
        await closeClient(client);
        const two = await twoClients(target, o);
        result.twoClientP50 = two.p50;
        result.wrong = two.wrong;
        result.twoClientCalls = two.total;
        if (gateway.afterLoad) Object.assign(result, gateway.afterLoad(proc));
      } else {
        await closeClient(client);
      }
    } finally {
      await proc.stop();
    }
  }
  return { ...result, firstInitMs: median(firstInit), firstInitRuns: firstInit };
}

// ---- the gateways ----------------------------------------------------------

const node = process.execPath;
const shellQuote = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const childCommand = [node, ...everythingArgs].map(shellQuote).join(' ');
const supergatewayBin = join(repo, 'node_modules/supergateway/dist/index.js');
const mcpProxyBin = join(repo, 'node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs');
// supergateway has no --host: this preload makes its listen() bind 127.0.0.1 only.
const loopbackOnly = 'data:text/javascript,' + encodeURIComponent(
  'import net from "node:net";const listen=net.Server.prototype.listen;'
  + 'net.Server.prototype.listen=function(...a){if(typeof a[0]==="number"&&typeof a[1]!=="string")a.splice(1,0,"127.0.0.1");return listen.apply(this,a)};',
);

function mcpAutoGateways(home) {
  const start = (port) => startProcess(node, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
  // The daemon's own memory once it has served the load (its children are separate processes).
  const afterLoad = (proc) => ({ daemonRssLoadedMb: rssMb(proc.pid) });
  return [
    { name: 'mcp-auto', transportLabel: 'Streamable HTTP', kind: 'http', path: '/servers/everything/mcp', start, afterLoad },
    { name: 'mcp-auto', transportLabel: 'SSE', kind: 'sse', path: '/servers/everything/sse', start, afterLoad },
  ];
}

/** No gateway and no child: what the client and loopback HTTP cost on their own. */
const floorGateway = {
  name: 'reference', transportLabel: 'canned HTTP replies', kind: 'http', path: '/mcp',
  note: "the client's floor: no gateway, no child",
  start: (port) => startProcess(node, [join(repo, 'bench/canned-server.mjs'), String(port)]),
};

const peerGateways = [
  {
    name: 'supergateway', transportLabel: 'SSE', kind: 'sse', path: '/sse',
    start: (port) => startProcess(node, ['--import', loopbackOnly, supergatewayBin, '--stdio', childCommand,
      '--port', String(port), '--logLevel', 'none']),
  },
  {
    // Stateless mode spawns a child per request; stateful spawns one per session.
    name: 'supergateway', transportLabel: 'Streamable HTTP', kind: 'http', path: '/mcp',
    note: 'stateful: one child per session',
    start: (port) => startProcess(node, ['--import', loopbackOnly, supergatewayBin, '--stdio', childCommand,
      '--outputTransport', 'streamableHttp', '--stateful', '--port', String(port), '--logLevel', 'none']),
  },
  {
    name: 'mcp-proxy', transportLabel: 'SSE', kind: 'sse', path: '/sse',
    start: (port) => startProcess(node, [mcpProxyBin, '--host', '127.0.0.1', '--port', String(port), '--server', 'sse',
      '--', ...[node, ...everythingArgs]]),
  },
  {
    name: 'mcp-proxy', transportLabel: 'Streamable HTTP', kind: 'http', path: '/mcp',
    start: (port) => startProcess(node, [mcpProxyBin, '--host', '127.0.0.1', '--port', String(port), '--server', 'stream',
      '--', ...[node, ...everythingArgs]]),
  },
];

/** RSS of a daemon whose config has no servers, read once it answers /health. */
async function daemonRssWithoutChildren() {
  const home = makeHome({ defaults: [], servers: {}, portRange: [29000, 29499] });
  const port = await nextPort();
  const proc = startProcess(node, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
  try {
    const deadline = now() + CONNECT_DEADLINE_MS;
    for (;;) {
      if (proc.exited()) throw new Error(`daemon exited: ${proc.stderrTail() || 'no stderr'}`);
      if (now() > deadline) throw new Error('daemon did not answer /health');
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(20);
    }
    await sleep(500); // let start-up garbage settle
    const children = descendants(proc.pid).length;
    return { mb: rssMb(proc.pid), children };
  } finally {
    await proc.stop();
    home.remove();
  }
}

function mcpAutoMissing() {
  if (!existsSync(cli)) return 'dist/mcp-auto.cjs not built (run npm run bundle)';
  if (!existsSync(join(repo, 'src/commands/daemon.ts'))) return 'no daemon command yet (src/commands/daemon.ts)';
  return undefined;
}

/**
 * Runs every row in one process, one after another. A row whose gateway
 * fails is reported with the reason; the others still run.
 */
export async function runGatewayBench(options = {}) {
  const o = { ...defaults, ...options };
  const log = o.log ?? ((line) => process.stderr.write(`${line}\n`));
  const rows = [];
  const home = makeHome({
    defaults: [],
    // Eager, as the peers spawn their child when they start: the row measures a
    // gateway's start on top of its child's. A lazy server's start (the first
    // session starts it) is in costs.mjs's "Cold start by phase".
    servers: { everything: { command: node, args: everythingArgs, start: 'eager' } },
    portRange: [29000, 29499],
  });
  const attempt = async (row, fn) => {
    const t0 = now();
    log(`bench: ${row.name} ${row.transport} ...`);
    try {
      Object.assign(row, await fn());
    } catch (error) {
      row.failed = String(error?.message ?? error).split('\n')[0];
    }
    log(`bench: ${row.name} ${row.transport} ${row.failed ? `failed: ${row.failed}` : 'done'} (${((now() - t0) / 1000).toFixed(1)} s)`);
    rows.push(row);
  };
  try {
    await attempt({ name: 'direct', transport: 'stdio' }, () => benchDirect(o));
    const missing = mcpAutoMissing();
    let rss;
    if (!missing) {
      try { rss = await daemonRssWithoutChildren(); } catch (error) { rss = { error: error.message }; }
    }
    for (const gateway of [floorGateway, ...mcpAutoGateways(home), ...peerGateways]) {
      const row = { name: gateway.name, transport: gateway.transportLabel, note: gateway.note };
      if (gateway.name === 'mcp-auto') {
        if (missing) {
          row.failed = missing;
          rows.push(row);
          continue;
        }
        if (rss?.error) row.rssError = rss.error;
        else Object.assign(row, { daemonRssMb: rss.mb, daemonRssChildren: rss.children });
      }
      await attempt(row, () => benchGateway(gateway, o));
    }
  } finally {
    await stopAll();
    home.remove();
  }
  return rows;
}

// ---- report ------------------------------------------------------------

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const whole = (v) => (Number.isFinite(v) ? Math.round(v).toString() : '—');

export function machineNote() {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return `Machine: ${os.cpus().length} cores (nproc ${os.availableParallelism()}), ${cpu}, Node ${process.version}, ${os.platform()} ${os.release()}.`;
}

/** The gateway table, the targets from issue 2 with pass/fail, and how it was measured. */
export function formatGatewayReport(rows, options = {}) {
  const o = { ...defaults, ...options };
  const lines = [
    '| path | tools/call p50 (ms) | p99 (ms) | calls/s, 8 in flight | start → first initialize (ms) | 2 clients: p50 (ms) | 2 clients: wrong/missing replies | daemon RSS, no children / after load (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const label = `${r.name} ${r.transport}${r.note ? ` (${r.note})` : ''}`;
    if (r.failed) {
      lines.push(`| ${label} | failed: ${r.failed.replaceAll('|', '\\|')} | | | | | | |`);
      continue;
    }
    const two = r.wrong === undefined ? '—' : `${r.wrong} of ${r.twoClientCalls}`;
    const rss = r.name === 'mcp-auto'
      ? `${r.rssError ? `failed: ${r.rssError}` : ms(r.daemonRssMb)} / ${ms(r.daemonRssLoadedMb)}`
      : '—';
    lines.push(`| ${label} | ${ms(r.p50)} | ${ms(r.p99)} | ${whole(r.callsPerSec)} | ${whole(r.firstInitMs)} | ${ms(r.twoClientP50)} | ${two} | ${rss} |`);
  }
  lines.push('', ...targetLines(rows).map((l) => `- ${l}`));
  lines.push('', `${o.machine === false ? '' : `${machineNote()} `}Calls: ${o.warmup} warm-up + up to ${o.calls} sequential \`echo\` calls (p50/p99), `
    + `then ${o.throughputCalls} with ${o.inFlight} in flight; 2 clients: ${o.twoClientCalls} sequential calls each, at the same time, `
    + `unique messages. Start → first initialize: spawn of the gateway until an SDK client's initialize succeeds `
    + `(median of ${o.startRuns}; for direct stdio, the child's own start; mcp-auto's server marked eager, as the peers spawn theirs at start). Same SDK client (@modelcontextprotocol/sdk) for every row; loopback only.`,
    '', 'Peers as run: supergateway with `--logLevel none` (its default logs every message) and bound to 127.0.0.1 by a preload '
    + '(it has no --host); its Streamable HTTP row is `--stateful`, as stateless mode spawns a child per request. '
    + 'mcp-proxy with `--host 127.0.0.1 --server sse|stream`, otherwise defaults. The machine is shared with other work, so figures vary between runs.');
  return lines.join('\n');
}

function targetLines(rows) {
  const find = (name, transport) => rows.find((r) => r.name === name && r.transport === transport && !r.failed);
  const mark = (ok) => (ok ? 'met' : 'NOT met');
  const direct = find('direct', 'stdio');
  const floor = find('reference', 'canned HTTP replies');
  const out = [];
  if (floor) out.push(`the SDK client's own floor over Streamable HTTP (canned replies, no gateway, no child): p50 ${ms(floor.p50)} ms — part of every HTTP row, whatever the gateway`);
  for (const transport of ['Streamable HTTP', 'SSE']) {
    const ours = find('mcp-auto', transport);
    if (!ours) {
      out.push(`mcp-auto ${transport}: no result, targets not checked`);
      continue;
    }
    const proxy = find('mcp-proxy', transport);
    out.push(`p50 ≤ 1.0 ms (mcp-auto ${transport}): ${ms(ours.p50)} ms — ${mark(ours.p50 <= 1.0)}`);
    if (proxy) {
      const factor = proxy.p50 / ours.p50;
      out.push(`≥ 3× faster than mcp-proxy ${transport}: ${factor.toFixed(2)}× — ${mark(factor >= 3)}`);
      // The same client and child are in both figures: what each gateway itself adds over direct stdio.
      if (direct) {
        const added = (proxy.p50 - direct.p50) / (ours.p50 - direct.p50);
        out.push(`latency each gateway adds over direct stdio (p50): mcp-auto ${ms(ours.p50 - direct.p50)} ms, mcp-proxy ${ms(proxy.p50 - direct.p50)} ms (${added.toFixed(2)}×)`);
      }
      if (floor && transport === 'Streamable HTTP') {
        const over = (proxy.p50 - floor.p50) / (ours.p50 - floor.p50);
        out.push(`gateway + child over the client's floor (p50): mcp-auto ${ms(ours.p50 - floor.p50)} ms, mcp-proxy ${ms(proxy.p50 - floor.p50)} ms (${over.toFixed(2)}×)`);
      }
    }
    if (direct) {
      const limit = direct.firstInitMs + 150;
      out.push(`first initialize ≤ child start + 150 ms (mcp-auto ${transport}): ${whole(ours.firstInitMs)} ms vs ${whole(direct.firstInitMs)} + 150 ms — ${mark(ours.firstInitMs <= limit)}`);
    }
    out.push(`0 wrong replies with 2 clients (mcp-auto ${transport}): ${ours.wrong} — ${mark(ours.wrong === 0)}`);
  }
  const rssRow = rows.find((r) => r.name === 'mcp-auto' && Number.isFinite(r.daemonRssMb));
  if (rssRow) out.push(`daemon RSS without children ≤ 60 MB: ${ms(rssRow.daemonRssMb)} MB — ${mark(rssRow.daemonRssMb <= 60)}`);
  return out;
}

export const quickOptions = { warmup: 50, calls: 300, throughputCalls: 300, twoClientCalls: 50, startRuns: 1 };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = process.argv.includes('--quick') ? quickOptions : {};
  const rows = await runGatewayBench(options);
  process.stdout.write(`${formatGatewayReport(rows, options)}\n`);
}
