// The serena preset's session cost, measured with the test suite's stand-in
// (test/fixtures/serena-standin.mjs: serena's command line, a start delay of
// --start-ms, per-session state) — not serena itself, which needs PyPI. What
// a new session waits for its first `find_symbol` result:
// - stdio: the client spawns its own server (what every session pays without a daemon);
// - mcp-auto, preset mode (http child): the daemon's serena is running, the session connects;
// - mcp-auto, daemon not running yet: the first session of a project after a cd or a reboot.
// Run alone: `node bench/serena.mjs [--runs N] [--start-ms MS]`.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { cli, repo, now, sleep, median, percentile, withTimeout, nextPort, makeHome, startProcess, alive } from './lib.mjs';

const standin = join(repo, 'test/fixtures/serena-standin.mjs');
const STEP_TIMEOUT_MS = 60_000;

async function firstResult(makeTransport) {
  const t0 = now();
  const client = new Client({ name: 'mcp-auto-bench', version: '1.0.0' });
  const transport = makeTransport();
  try {
    await withTimeout(client.connect(transport), STEP_TIMEOUT_MS, 'initialize');
    const result = await client.callTool({ name: 'find_symbol', arguments: { name_path: 'main' } }, undefined, { timeout: STEP_TIMEOUT_MS });
    if (!JSON.stringify(result).includes('"name_path\\": \\"main')) throw new Error(`wrong find_symbol reply: ${JSON.stringify(result).slice(0, 200)}`);
    return now() - t0;
  } finally {
    const pid = transport.pid;
    await withTimeout(client.close(), 5000, 'close').catch(() => {});
    if (pid && alive(pid)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  }
}

export async function runSerenaBench({ runs = 10, coldRuns = 3, startMs = 800 } = {}) {
  const home = makeHome({ portRange: [29000, 29499], defaults: ['serena'], idleTimeoutMinutes: 0 });
  // `serena` on PATH is the stand-in: the preset prefers it to uvx.
  const bin = join(home.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'serena'), `#!/bin/sh\nexec '${process.execPath}' '${standin}' "$@"\n`);
  chmodSync(join(bin, 'serena'), 0o755);
  const env = { ...home.env, PATH: `${bin}:${home.env.PATH}`, STANDIN_START_MS: String(startMs) };
  const stdioArgs = [standin, 'start-mcp-server', '--context', 'claude-code', '--project', home.root, '--open-web-dashboard', 'false', '--log-level', 'WARNING'];
  const stdioSession = () => firstResult(() => new StdioClientTransport({ command: process.execPath, args: stdioArgs, env, stderr: 'ignore' }));
  const httpSession = (url) => firstResult(() => new StreamableHTTPClientTransport(new URL(url)));
  const daemonAt = async (port) => {
    const proc = startProcess(process.execPath, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env });
    return proc;
  };
  try {
    const port = await nextPort();
    const daemon = await daemonAt(port);
    const url = `http://127.0.0.1:${port}/servers/serena/mcp`;
    const stdio = [];
    const warm = [];
    try {
      await withTimeout((async () => { for (;;) { try { await httpSession(url); return; } catch { await sleep(50); } } })(), STEP_TIMEOUT_MS, 'daemon ready');
      await stdioSession();
      for (let i = 0; i < runs; i++) {
        stdio.push(await stdioSession());
        warm.push(await httpSession(url));
      }
    } finally {
      await daemon.stop();
    }
    const cold = [];
    for (let i = 0; i < coldRuns; i++) {
      const coldPort = await nextPort();
      const t0 = now();
      const proc = await daemonAt(coldPort);
      try {
        for (;;) {
          if (now() - t0 > STEP_TIMEOUT_MS) throw new Error('no first result from a cold daemon');
          try { await httpSession(`http://127.0.0.1:${coldPort}/servers/serena/mcp`); break; } catch { await sleep(10); }
        }
        cold.push(now() - t0);
      } finally {
        await proc.stop();
      }
    }
    const row = (path, samples) => ({ path, 'new session → first find_symbol, median (ms)': median(samples), 'p90 (ms)': percentile(samples, 90), runs: samples.length });
    return {
      title: `serena preset, with the stand-in server (start delay ${startMs} ms) — not serena's own figures`,
      rows: [
        row('stdio: the session spawns its own (stand-in) serena', stdio),
        row('mcp-auto preset (http child): connect to the running daemon', warm),
        row('mcp-auto: daemon not running yet (spawn daemon → first result)', cold),
      ],
      notes: [
        `A later session saves ${(median(stdio) - median(warm)).toFixed(0)} ms (median) with the stand-in; with serena the saving is its whole start-up (language server included), which the stand-in only imitates with a fixed delay.`,
        'Each session: SDK Client.connect (initialize) then one find_symbol, then close; runs interleaved.',
      ],
    };
  } finally {
    home.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => { const at = process.argv.indexOf(name); return at > 0 ? Number(process.argv[at + 1]) : fallback; };
  const { stopAll } = await import('./lib.mjs');
  try {
    const result = await runSerenaBench({ runs: arg('--runs', 10), startMs: arg('--start-ms', 800) });
    const keys = Object.keys(result.rows[0]);
    process.stdout.write([`## ${result.title}`, '', `| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`,
      ...result.rows.map((r) => `| ${keys.map((k) => (typeof r[k] === 'number' && !Number.isInteger(r[k]) ? r[k].toFixed(1) : r[k])).join(' | ')} |`),
      '', ...result.notes.map((n) => `- ${n}`), ''].join('\n'));
  } finally {
    await stopAll();
  }
}
