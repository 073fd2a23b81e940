// The pattern's headline claim: how long a new client session waits for its
// first tool result. Per-session stdio spawns server-everything for every
// session; with mcp-auto the server is already running in the project's daemon
// and a session only connects. Both in the same run, interleaved, so machine
// noise falls on both alike. Run alone: `node bench/first-result.mjs [--runs N]`.
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { cli, everythingBin, now, sleep, median, percentile, withTimeout, nextPort, makeHome, startProcess, alive } from './lib.mjs';

const STEP_TIMEOUT_MS = 20_000;

/** One session from nothing to the first `echo` result; returns ms and closes everything it opened. */
async function firstResult(makeTransport) {
  const t0 = now();
  const client = new Client({ name: 'mcp-auto-bench', version: '1.0.0' });
  const transport = makeTransport();
  try {
    await withTimeout(client.connect(transport), STEP_TIMEOUT_MS, 'initialize');
    const result = await client.callTool({ name: 'echo', arguments: { message: 'first' } }, undefined, { timeout: STEP_TIMEOUT_MS });
    if (result.content?.[0]?.text !== 'Echo: first') throw new Error(`wrong echo reply: ${JSON.stringify(result.content)}`);
    return now() - t0;
  } finally {
    const pid = transport.pid;
    await withTimeout(client.close(), 5000, 'close').catch(() => {});
    if (pid && alive(pid)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

const stdioSession = () => firstResult(() => new StdioClientTransport({ command: process.execPath, args: [everythingBin, 'stdio'], stderr: 'ignore' }));
const httpSession = (url) => firstResult(() => new StreamableHTTPClientTransport(new URL(url)));

/** A daemon serving only `everything`; resolves once /health says it is ready. */
async function startDaemon(home) {
  const port = await nextPort();
  const t0 = now();
  const proc = startProcess(process.execPath, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
  const deadline = t0 + STEP_TIMEOUT_MS;
  for (;;) {
    if (proc.exited()) throw new Error(`daemon exited: ${proc.stderrTail() || 'no stderr'}`);
    if (now() > deadline) throw new Error('daemon did not get ready');
    try {
      // Servers start lazily: start=1 starts it (a warm daemon, as after its first session).
      const health = await (await fetch(`http://127.0.0.1:${port}/health?start=1`)).json();
      const everything = health.servers.find((s) => s.name === 'everything');
      if (everything?.state === 'ready') return { proc, url: everything.url, readyMs: now() - t0 };
    } catch { /* not listening yet */ }
    await sleep(10);
  }
}

/** Cold path: no daemon yet; spawn it and open a session as soon as it listens. */
async function coldDaemonSession(home) {
  const port = await nextPort();
  const t0 = now();
  const proc = startProcess(process.execPath, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
  try {
    for (;;) {
      if (proc.exited()) throw new Error(`daemon exited: ${proc.stderrTail() || 'no stderr'}`);
      if (now() - t0 > STEP_TIMEOUT_MS) throw new Error('no first result from a cold daemon');
      try {
        await httpSession(`http://127.0.0.1:${port}/servers/everything/mcp`);
        return now() - t0;
      } catch {
        await sleep(10);
      }
    }
  } finally {
    await proc.stop();
  }
}

export async function runFirstResultBench({ runs = 20, coldRuns = 3 } = {}) {
  const home = makeHome({ portRange: [29000, 29499], defaults: ['everything'], idleTimeoutMinutes: 0 });
  try {
    const daemon = await startDaemon(home);
    const stdio = [];
    const http = [];
    try {
      // One warm-up each (module cache, first TCP connection), then interleaved runs.
      await stdioSession();
      await httpSession(daemon.url);
      for (let i = 0; i < runs; i++) {
        stdio.push(await stdioSession());
        http.push(await httpSession(daemon.url));
      }
    } finally {
      await daemon.proc.stop();
    }
    const cold = [];
    for (let i = 0; i < coldRuns; i++) cold.push(await coldDaemonSession(home));

    const row = (path, samples) => ({
      path,
      'new session → first tool result, median (ms)': median(samples),
      'p90 (ms)': percentile(samples, 90),
      runs: samples.length,
    });
    const rows = [
      row('stdio: spawn server-everything for the session', stdio),
      row('mcp-auto: connect to the running daemon (Streamable HTTP)', http),
      row('mcp-auto: daemon not running yet (spawn daemon → first result)', cold),
    ];
    const speedup = median(stdio) / median(http);
    return {
      title: 'New client session → first tool result',
      rows,
      notes: [
        `Connecting to the running daemon is ${speedup.toFixed(1)}× faster than spawning the server per session (medians, same run, runs interleaved).`,
        'Each session: SDK Client.connect (initialize) then one `echo` tools/call, then close; server-everything from node_modules, no npx.',
        'The cold row is paid once per project (after a cd or a reboot); every later session in any client takes the warm row.',
      ],
    };
  } finally {
    home.remove();
  }
}

const cell = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : String(v));

export function formatMarkdown(result) {
  const keys = Object.keys(result.rows[0]);
  return [
    `## ${result.title}`,
    '',
    `| ${keys.join(' | ')} |`,
    `| ${keys.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...result.rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 20;
  const { stopAll } = await import('./lib.mjs');
  try {
    process.stdout.write(formatMarkdown(await runFirstResultBench({ runs })));
  } finally {
    await stopAll();
  }
}
