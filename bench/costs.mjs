// What a user pays without noticing (issue 17), each beside its floor in the
// same run: direnv with and without `use mcp`; `exec` and `mcp-config`; the
// daemon's cold start by phase; memory after visiting 10 projects; idle CPU; and
// the gateway's own share of a call measured with a lean keep-alive HTTP client
// (no SDK). Run alone: `node bench/costs.mjs [direnv|exec|cold|memory|share]...`.
import http from 'node:http';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, command, repo, everythingBin, eachLine, makeHome, median, percentile, now, sleep, nextPort, startProcess, rssMb, descendants, procStat } from './lib.mjs';

const node = process.execPath;
const mark = (ok) => (ok ? 'met' : 'NOT met');
const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const f2 = (n) => (Number.isFinite(n) ? n.toFixed(2) : '—');
const f3 = (n) => (Number.isFinite(n) ? n.toFixed(3) : '—');

function timeRuns(command, args, opts, runs, { warmup = 3, before } = {}) {
  const times = [];
  for (let i = 0; i < runs + warmup; i++) {
    before?.();
    const t = now();
    const r = spawnSync(command, args, { ...opts, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
    if (i >= warmup) times.push(now() - t);
  }
  return times;
}

const stat = (times) => ({ p50: median(times), p90: percentile(times, 90) });

/** A private home with `mcp-auto` on PATH (the built command, linked as npm installs it) and use_mcp in direnv's lib folder. */
function toolHome(config) {
  const home = makeHome(config);
  const bin = join(home.home, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(command, join(bin, 'mcp-auto'));
  home.env.PATH = `${bin}:${process.env.PATH}`;
  for (const name of Object.keys(home.env)) if (name.startsWith('DIRENV_')) delete home.env[name];
  home.env.DIRENV_LOG_FORMAT = '';
  const lib = join(home.env.XDG_CONFIG_HOME, 'direnv/lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'use_mcp.sh'), execFileSync(node, [cli, 'direnv'], { env: home.env }));
  return home;
}

const stopDaemon = (env, root) => spawnSync(node, [cli, 'stop', root], { env, stdio: 'ignore' });

// ---- direnv, exec, mcp-config ---------------------------------------------

export async function benchDirenv({ runs = 30 } = {}) {
  if (spawnSync('direnv', ['version']).status !== 0) return { title: 'direnv with `use mcp`', rows: [], note: 'direnv is not installed: skipped' };
  const home = toolHome({ portRange: [29400, 29499] });
  const { env, root } = home;
  const plain = join(home.home, 'plain');
  mkdirSync(join(plain, '.git'), { recursive: true });
  try {
    writeFileSync(join(plain, '.envrc'), 'export FOO=1\n');
    writeFileSync(join(root, '.envrc'), 'export FOO=1\nuse mcp\n');
    for (const dir of [plain, root]) execFileSync('direnv', ['allow', dir], { env, cwd: dir });
    const load = (cwd, o = {}, n = runs) => timeRuns('direnv', ['export', 'bash'], { env, cwd }, n, o);
    // Daemon up and settled (its start-up work and first collections over), then
    // the two loads alternate: the comparison does not ride on drift between blocks.
    load(root, { warmup: 0 }, 2);
    await sleep(10_000);
    const without = [];
    const up = [];
    for (let i = 0; i < runs + 3; i++) {
      const a = load(plain, { warmup: 0 }, 1);
      const b = load(root, { warmup: 0 }, 1);
      if (i >= 3) { without.push(...a); up.push(...b); }
    }
    const down = load(root, { warmup: 1, before: () => stopDaemon(env, root) });
    // The fast path's own decision, alone: 200 calls of the check in one bash.
    load(root, { warmup: 1 });
    const lib = join(env.XDG_CONFIG_HOME, 'direnv/lib/use_mcp.sh');
    const stamp = join(env.XDG_STATE_HOME, 'mcp-auto/direnv', root.replaceAll('%', '%25').replaceAll('/', '%2F'));
    const loop = spawnSync('bash', ['-c', `source '${lib}'; t0=$EPOCHREALTIME; for i in {1..200}; do _mcp_auto_stamp_fresh "$1" "$2" || exit 1; done; echo "$t0 $EPOCHREALTIME"`, 'bash', stamp, root], { env, encoding: 'utf8' });
    const [t0, t1] = loop.stdout.trim().split(' ').map(Number);
    const checkMs = loop.status === 0 ? ((t1 - t0) * 1000) / 200 : NaN;
    stopDaemon(env, root);
    const rows = [
      { what: 'direnv, .envrc without `use mcp`', ...stat(without) },
      { what: 'direnv, `use mcp`, daemon up (fast path)', ...stat(up) },
      { what: 'direnv, `use mcp`, daemon down (ensure starts it)', ...stat(down) },
    ].map((r) => ({ what: r.what, 'p50 (ms)': f1(r.p50), 'p90 (ms)': f1(r.p90) }));
    rows.push({ what: 'the fast path\'s check alone (bash builtins, mean of 200)', 'p50 (ms)': f2(checkMs), 'p90 (ms)': '—' });
    const added = median(up) - median(without);
    return {
      title: 'direnv with `use mcp`',
      rows,
      notes: [`median of ${runs} loads each (\`direnv export bash\`), the two kinds alternating, the daemon up for 10 s before`,
        `target: \`use mcp\` with the daemon up adds ≤ 10 ms to direnv's own load: ${f1(added)} ms — ${mark(added <= 10)}`],
    };
  } finally {
    stopDaemon(env, root);
    home.remove();
  }
}

export async function benchExec({ runs = 30 } = {}) {
  const home = toolHome({ portRange: [29400, 29499], defaults: [], servers: { everything: { command: node, args: [everythingBin, 'stdio'] } } });
  const { env, root } = home;
  try {
    execFileSync(node, [cli, 'exec', '--root', root, '--', 'true'], { env, cwd: root, stdio: 'ignore' });
    // The five alternate, run by run: the comparison does not ride on drift between blocks.
    const floor = [];
    const exec = [];
    const config = [];
    const nodeExec = [];
    const nodeConfig = [];
    const mcpAuto = join(home.home, 'bin/mcp-auto');
    for (let i = 0; i < runs + 3; i++) {
      const keep = (into, times) => { if (i >= 3) into.push(...times); };
      keep(floor, timeRuns(node, ['-e', '0'], { env }, 1, { warmup: 0 }));
      keep(exec, timeRuns(mcpAuto, ['exec', '--root', root, '--', 'true'], { env, cwd: root }, 1, { warmup: 0 }));
      keep(config, timeRuns(mcpAuto, ['mcp-config', root], { env, cwd: root }, 1, { warmup: 0 }));
      keep(nodeExec, timeRuns(node, [cli, 'exec', '--root', root, '--', 'true'], { env, cwd: root }, 1, { warmup: 0 }));
      keep(nodeConfig, timeRuns(node, [cli, 'mcp-config', root], { env, cwd: root }, 1, { warmup: 0 }));
    }
    const rows = [
      { what: 'node -e 0', ...stat(floor) },
      { what: 'mcp-auto exec -- true (daemon up, servers ready)', ...stat(exec) },
      { what: 'mcp-auto mcp-config (daemon up)', ...stat(config) },
      { what: 'the same exec in Node (node dist/mcp-auto.cjs: no bash 4.1, no /proc)', ...stat(nodeExec) },
      { what: 'the same mcp-config in Node', ...stat(nodeConfig) },
    ].map((r) => ({ what: r.what, 'p50 (ms)': f1(r.p50), 'p90 (ms)': f1(r.p90) }));
    const limit = median(floor) + 20;
    return {
      title: '`exec` and `mcp-config`',
      rows,
      notes: [`median of ${runs} runs each, the five alternating (exec's \`true\` itself included). \`mcp-auto\` is the installed command (dist/mcp-auto, linked as npm links it): with the stamp ensure left still holding, bash answers it (shell/bin.bash: one request over /dev/tcp, then exec's CMD takes its place); the Node rows are where it hands over (no bash 4.1 or /proc, macOS), from the same stamp`,
        `target exec ≤ node -e 0 + 20 ms: ${f1(median(exec))} vs ${f1(limit)} — ${mark(median(exec) <= limit)}`,
        `target mcp-config ≤ node -e 0 + 20 ms: ${f1(median(config))} vs ${f1(limit)} — ${mark(median(config) <= limit)}`,
        `for information, the Node rows against the same limit: exec ${f1(median(nodeExec))}, mcp-config ${f1(median(nodeConfig))} vs ${f1(limit)}`],
    };
  } finally {
    stopDaemon(env, root);
    home.remove();
  }
}

// ---- the lean client ---------------------------------------------------------

const ACCEPT = 'application/json, text/event-stream';

/** One keep-alive connection; POSTs JSON and returns status, headers and the body's JSON-RPC message. */
function leanHttp(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path, message, headers = {}) => new Promise((resolve, reject) => {
    const body = JSON.stringify(message);
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', accept: ACCEPT, 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => {
        let reply;
        if (text) {
          const data = (res.headers['content-type'] ?? '').includes('text/event-stream')
            ? text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).at(-1) : text;
          try { reply = JSON.parse(data); } catch { /* empty or 202 */ }
        }
        resolve({ status: res.statusCode, headers: res.headers, reply });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
  return { post, close: () => agent.destroy() };
}

const initialize = (id) => ({ jsonrpc: '2.0', id, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lean', version: '1' } } });
const echoCall = (id) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { message: `m${id}` } } });
const echoed = (reply, id) => reply?.result?.content?.[0]?.text === `Echo: m${id}`;

/** A Streamable HTTP session: call() resolves with ms per echo. */
async function streamableSession(port, path) {
  const c = leanHttp(port);
  const init = await c.post(path, initialize(0));
  if (init.status !== 200) throw new Error(`initialize: HTTP ${init.status}`);
  const session = init.headers['mcp-session-id'];
  const headers = { ...(session ? { 'mcp-session-id': session } : {}), 'mcp-protocol-version': '2025-06-18' };
  await c.post(path, { jsonrpc: '2.0', method: 'notifications/initialized' }, headers);
  let id = 1;
  return {
    async call() {
      const n = id++;
      const t = now();
      const r = await c.post(path, echoCall(n), headers);
      const ms = now() - t;
      if (!echoed(r.reply, n)) throw new Error(`wrong reply: ${JSON.stringify(r.reply)?.slice(0, 200)}`);
      return ms;
    },
    close: c.close,
  };
}

/** A legacy SSE session: POSTs to the endpoint the stream names; replies come on the stream. */
async function sseSession(port, path) {
  const waiting = new Map();
  let endpoint;
  const streamAgent = new http.Agent({ keepAlive: false });
  const ready = new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: streamAgent, headers: { accept: 'text/event-stream' } }, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(event)?.[1] ?? 'message';
          const data = event.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (type === 'endpoint') { endpoint = new URL(data, `http://127.0.0.1:${port}${path}`); resolve(); continue; }
          try {
            const message = JSON.parse(data);
            waiting.get(message.id)?.(message);
            waiting.delete(message.id);
          } catch { /* keep-alive comment */ }
        }
      });
    });
    req.on('error', reject);
  });
  await ready;
  const c = leanHttp(port);
  const target = `${endpoint.pathname}${endpoint.search}`;
  const send = (message) => new Promise((resolve, reject) => {
    waiting.set(message.id, resolve);
    c.post(target, message).then((r) => { if (r.status >= 300) reject(new Error(`POST: HTTP ${r.status}`)); }, reject);
  });
  await send(initialize(0));
  await c.post(target, { jsonrpc: '2.0', method: 'notifications/initialized' });
  let id = 1;
  return {
    async call() {
      const n = id++;
      const t = now();
      const reply = await send(echoCall(n));
      const ms = now() - t;
      if (!echoed(reply, n)) throw new Error(`wrong reply: ${JSON.stringify(reply)?.slice(0, 200)}`);
      return ms;
    },
    close() { c.close(); streamAgent.destroy(); },
  };
}

/** Direct stdio with the same lean framing: one JSON line out, one back. */
async function stdioSession() {
  const child = spawn(node, [everythingBin, 'stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const waiting = new Map();
  eachLine(child.stdout, (line) => {
    try { const m = JSON.parse(line); waiting.get(m.id)?.(m); waiting.delete(m.id); } catch { /* not JSON */ }
  });
  const send = (message) => new Promise((resolve) => { waiting.set(message.id, resolve); child.stdin.write(`${JSON.stringify(message)}\n`); });
  await send(initialize(0));
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  let id = 1;
  return {
    async call() {
      const n = id++;
      const t = now();
      const reply = await send(echoCall(n));
      const ms = now() - t;
      if (!echoed(reply, n)) throw new Error('wrong reply');
      return ms;
    },
    /** Resolves once the child is gone (a timed run after this one must not share the machine with its exit). */
    close() {
      child.kill('SIGKILL');
      return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function until(fn, ms = 20_000) {
  const end = now() + ms;
  let last;
  while (now() < end) {
    try { return await fn(); } catch (error) { last = error; }
    await sleep(50);
  }
  throw last ?? new Error('timed out');
}

// ---- the gateway's own share ------------------------------------------------

const supergatewayBin = join(repo, 'node_modules/supergateway/dist/index.js');
const mcpProxyBin = join(repo, 'node_modules/mcp-proxy/dist/bin/mcp-proxy.mjs');
const childCommand = [node, everythingBin, 'stdio'].map((s) => `'${s}'`).join(' ');
const loopbackOnly = 'data:text/javascript,' + encodeURIComponent(
  'import net from "node:net";const listen=net.Server.prototype.listen;'
  + 'net.Server.prototype.listen=function(...a){if(typeof a[0]==="number"&&typeof a[1]!=="string")a.splice(1,0,"127.0.0.1");return listen.apply(this,a)};',
);

export async function benchShare({ repeats = 7, calls = 300, rounds = 10, warmup = 100 } = {}) {
  const home = makeHome({ portRange: [29000, 29499], defaults: [], servers: { everything: { command: node, args: [everythingBin, 'stdio'], start: 'eager', analyses: false } } });
  const targets = [];
  const add = async (name, transport, start, open) => {
    const port = start ? await nextPort() : 0;
    const proc = start?.(port);
    try {
      const session = await until(() => open(port));
      targets.push({ name, transport, session, proc, p50s: [] });
    } catch (error) {
      targets.push({ name, transport, failed: String(error?.message ?? error).split('\n')[0], proc, p50s: [] });
    }
  };
  try {
    await add('canned floor', 'HTTP', (port) => startProcess(node, [join(repo, 'bench/canned-server.mjs'), String(port)]), (port) => streamableSession(port, '/mcp'));
    await add('direct', 'stdio', undefined, () => stdioSession());
    const daemon = (port) => startProcess(node, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
    let daemonPort;
    await add('mcp-auto', 'Streamable HTTP', (port) => { daemonPort = port; return daemon(port); }, (port) => streamableSession(port, '/servers/everything/mcp'));
    targets.push({ ...targets.at(-1), transport: 'SSE', session: await until(() => sseSession(daemonPort, '/servers/everything/sse')), proc: undefined, p50s: [] });
    await add('bare Node proxy', 'HTTP', (port) => startProcess(node, [join(repo, 'bench/bare-proxy.mjs'), String(port), everythingBin, 'stdio']), (port) => streamableSession(port, '/mcp'));
    await add('mcp-proxy', 'Streamable HTTP', (port) => startProcess(node, [mcpProxyBin, '--host', '127.0.0.1', '--port', String(port), '--server', 'stream', '--', node, everythingBin, 'stdio']), (port) => streamableSession(port, '/mcp'));
    await add('mcp-proxy', 'SSE', (port) => startProcess(node, [mcpProxyBin, '--host', '127.0.0.1', '--port', String(port), '--server', 'sse', '--', node, everythingBin, 'stdio']), (port) => sseSession(port, '/sse'));
    await add('supergateway', 'SSE', (port) => startProcess(node, ['--import', loopbackOnly, supergatewayBin, '--stdio', childCommand, '--port', String(port), '--logLevel', 'none']), (port) => sseSession(port, '/sse'));
    await add('supergateway', 'Streamable HTTP (stateful)', (port) => startProcess(node, ['--import', loopbackOnly, supergatewayBin, '--stdio', childCommand, '--outputTransport', 'streamableHttp', '--stateful', '--port', String(port), '--logLevel', 'none']), (port) => streamableSession(port, '/mcp'));
    const live = targets.filter((t) => t.session);
    for (const t of live) for (let i = 0; i < warmup; i++) await t.session.call();
    // Interleaved finely: a repeat is `rounds` rounds, each giving every target
    // calls/rounds calls in turn, so that the floors a repeat subtracts were
    // measured in the same moments as the gateways (the machine's noisy
    // stretches last longer than one call, shorter than one target's 300).
    for (let r = 0; r < repeats; r++) {
      const samples = new Map(live.map((t) => [t, []]));
      for (let k = 0; k < rounds; k++) {
        for (const t of live) {
          if (!t.session) continue;
          try {
            for (let i = 0; i < calls / rounds; i++) samples.get(t).push(await t.session.call());
          } catch (error) { t.failed = String(error?.message ?? error); t.session = undefined; }
        }
      }
      for (const t of live) if (t.session) t.p50s.push(median(samples.get(t)));
    }
    const floor = targets[0].p50s;
    const direct = targets[1].p50s;
    const share = (t, r) => t.p50s[r] - floor[r] - direct[r];
    const rows = targets.map((t) => {
      const shares = t.p50s.map((_, r) => share(t, r));
      const row = { path: `${t.name} ${t.transport}`, 'p50 (ms), median of repeats': f3(median(t.p50s)) };
      row['own share (ms), median'] = t.name === 'canned floor' || t.name === 'direct' ? '—' : f3(median(shares));
      row['own share spread (min–max)'] = row['own share (ms), median'] === '—' ? '—' : `${f3(Math.min(...shares))}–${f3(Math.max(...shares))}`;
      if (t.failed) row['own share (ms), median'] = `failed: ${t.failed.slice(0, 80)}`;
      return row;
    });
    const ours = targets.filter((t) => t.name === 'mcp-auto' && t.p50s.length);
    const notes = [`lean keep-alive HTTP client (node:http, no SDK); ${repeats} repeats of ${calls} sequential tools/call echo per target, after ${warmup} warm-up calls; each repeat interleaves the targets in ${rounds} rounds of ${calls / rounds} calls`,
      'the bare Node proxy (bench/bare-proxy.mjs: Node\'s http module, no checks, no id remapping, one client) shows what a hop through Node\'s http module alone costs on this machine by the same formula; mcp-auto serves these calls with its own HTTP/1.1 front (src/gateway/lean-http.ts)',
      'own share = p50 through the gateway − p50 of the canned floor − p50 of direct stdio, per repeat; call recording and session bookkeeping on and the owner check on (issue 13: once per connection, which the keep-alive client holds)'];
    for (const t of ours) {
      const m = median(t.p50s.map((_, r) => share(t, r)));
      notes.push(`target own share ≤ 0.15 ms (mcp-auto ${t.transport}): ${f3(m)} ms — ${mark(m <= 0.15)}`);
    }
    return { title: 'Gateway own share (lean client)', rows, notes };
  } finally {
    for (const t of targets) { try { t.session?.close(); } catch { /* closed */ } await t.proc?.stop(); }
    home.remove();
  }
}

// ---- cold start ---------------------------------------------------------------

/** spawn → the first initialize answered, polling with a lean client. */
async function firstInitialize(port, path, t0, proc) {
  const c = leanHttp(port);
  try {
    for (;;) {
      if (proc.exited()) throw new Error(`daemon exited: ${proc.stderrTail()}`);
      if (now() - t0 > 20_000) throw new Error('no initialize within 20 s');
      try {
        const r = await c.post(path, initialize(0));
        if (r.status === 200 && r.reply?.result) return now() - t0;
      } catch { /* not listening yet */ }
      await sleep(2);
    }
  } finally { c.close(); }
}

async function childOwnStart() {
  const t0 = now();
  const s = await stdioSession();
  const ms = now() - t0;
  await s.close();
  return ms;
}

export async function benchCold({ runs = 9 } = {}) {
  const server = { command: node, args: [everythingBin, 'stdio'], analyses: false };
  const eager = makeHome({ portRange: [29000, 29499], defaults: [], servers: { everything: { ...server, start: 'eager' } } });
  const lazy = makeHome({ portRange: [29000, 29499], defaults: [], servers: { everything: { ...server, start: 'lazy' } } });
  const m = { node: [], child: [], eager: [], lazy: [], loaded: [], listening: [], spawned: [] };
  try {
    for (let r = 0; r < runs; r++) {
      // Each timed start on a settled machine: the last one's processes are gone, their exit work done.
      await sleep(200);
      m.node.push(timeRuns(node, ['-e', '0'], {}, 1, { warmup: 0 })[0]);
      await sleep(200);
      m.child.push(await childOwnStart());
      for (const [home, key] of [[eager, 'eager'], [lazy, 'lazy']]) {
        const port = await nextPort();
        await sleep(200);
        const t0 = now();
        const proc = startProcess(node, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
        try {
          m[key].push(await firstInitialize(port, '/servers/everything/mcp', t0, proc));
          if (key === 'eager') {
            const health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
            m.loaded.push(health.startup.loaded);
            m.listening.push(health.startup.listening);
            m.spawned.push(health.startup.childrenSpawned);
          }
        } finally { await proc.stop(); }
      }
    }
    const rows = [
      ['node -e 0', m.node],
      ["the child's own start (spawn → initialize answered, direct stdio)", m.child],
      ['daemon: code loaded (since its process started)', m.loaded],
      ['daemon: port bound', m.listening],
      ['daemon: eager children spawned', m.spawned],
      ['daemon spawn → first initialize answered, eager server', m.eager],
      ['daemon spawn → first initialize answered, lazy server (the session starts it)', m.lazy],
    ].map(([what, v]) => ({ what, 'p50 (ms)': f1(median(v)), 'min–max': `${f1(Math.min(...v))}–${f1(Math.max(...v))}` }));
    const limit = median(m.node) + median(m.child) + 50;
    return {
      title: 'Cold start by phase',
      rows,
      notes: [`median of ${runs} interleaved runs, each timed start 200 ms after the last one's processes are gone; phases from the daemon's /health \`startup\` (ms since its process started)`,
        `target spawn → first initialize (eager) ≤ node -e 0 + child's own start + 50 ms: ${f1(median(m.eager))} vs ${f1(limit)} — ${mark(median(m.eager) <= limit)}`,
        `lazy: ${f1(median(m.lazy))} vs the same ${f1(limit)} — ${mark(median(m.lazy) <= limit)}`],
    };
  } finally {
    eager.remove();
    lazy.remove();
  }
}

// ---- memory and idle CPU -------------------------------------------------------

/** utime + stime of a process in ms. */
const cpuMs = (pid) => procStat(pid)?.cpuMs ?? 0;

/** Times the main thread went to sleep and woke again (its context switches). */
function wakeups(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
    return Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(s)[1]) + Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(s)[1]);
  } catch { return NaN; }
}

const treeRss = (pid) => [pid, ...descendants(pid)].reduce((sum, p) => { try { return sum + rssMb(p); } catch { return sum; } }, 0);

export async function benchMemory({ projects = 10, idleSeconds = 60 } = {}) {
  // The default config: `memory`, lazy.
  const home = makeHome({ portRange: [29000, 29499] });
  const bare = startProcess(node, ['-e', "require('node:http').createServer().listen(0, '127.0.0.1')"]);
  const roots = Array.from({ length: projects }, (_, i) => {
    const root = join(home.home, `p${i}`);
    mkdirSync(join(root, '.git'), { recursive: true });
    return root;
  });
  try {
    const daemons = roots.map((root) => JSON.parse(execFileSync(node, [cli, 'ensure', '--json', root], { env: home.env, encoding: 'utf8' })));
    // At rest: after the collections a daemon makes once its start-up burst is
    // over (3 s quiet, then 6 s later), as any daemon is soon after a `cd`.
    await sleep(12_000);
    const bareRss = rssMb(bare.pid);
    const restRss = daemons.map((d) => rssMb(d.pid));
    const noClient = daemons.reduce((sum, d) => sum + treeRss(d.pid), 0);
    // Idle: no client, no request, for a minute.
    const cpu0 = daemons.map((d) => cpuMs(d.pid));
    const wake0 = daemons.map((d) => wakeups(d.pid));
    const bare0 = cpuMs(bare.pid);
    await sleep(idleSeconds * 1000);
    const idleCpu = daemons.reduce((sum, d, i) => sum + cpuMs(d.pid) - cpu0[i], 0);
    const idleWakeups = median(daemons.map((d, i) => wakeups(d.pid) - wake0[i]));
    const bareCpu = cpuMs(bare.pid) - bare0;
    // One client each: a session that lists the tools (it starts the lazy `memory`).
    for (const d of daemons) {
      const s = await streamableSession(d.port, '/servers/memory/mcp');
      s.close();
    }
    await sleep(3000);
    const withClient = daemons.reduce((sum, d) => sum + treeRss(d.pid), 0);
    const limit = bareRss + 10;
    const rest = median(restRss);
    return {
      title: 'Memory and idle cost',
      rows: [
        { what: 'bare Node HTTP server (the floor)', value: `${f1(bareRss)} MB` },
        { what: 'one daemon at rest (median of the 10)', value: `${f1(rest)} MB` },
        { what: `${projects} projects visited, no client (daemons + children)`, value: `${f1(noClient)} MB` },
        { what: `${projects} projects, one client session each (memory started)`, value: `${f1(withClient)} MB` },
        { what: `CPU of ${projects} idle daemons over ${idleSeconds} s`, value: `${idleCpu} ms` },
        { what: `CPU of the bare Node HTTP server over the same ${idleSeconds} s`, value: `${bareCpu} ms` },
        { what: `wake-ups of an idle daemon's main thread over ${idleSeconds} s (median)`, value: String(idleWakeups) },
      ],
      notes: [`target daemon at rest ≤ bare Node HTTP server + 10 MB: ${f1(rest)} vs ${f1(limit)} MB — ${mark(rest <= limit)}`,
        `target an idle daemon wakes at most every 30 s: ${idleWakeups} wake-ups in ${idleSeconds} s — ${mark(idleWakeups <= idleSeconds / 30)} (its chores and Node's connections check share one 30 s timer; V8 may wake it once more, ~1 s after a chore, for a garbage-collection task of its own)`],
    };
  } finally {
    for (const root of roots) stopDaemon(home.env, root);
    await bare.stop();
    home.remove();
  }
}

export async function runCostsBench(only = ['direnv', 'exec', 'cold', 'memory', 'share']) {
  const parts = { direnv: benchDirenv, exec: benchExec, cold: benchCold, memory: benchMemory, share: benchShare };
  const out = [];
  for (const name of only) {
    process.stderr.write(`bench: costs ${name} ...\n`);
    const r = await parts[name]();
    out.push(`### ${r.title}\n\n${table(r.rows)}\n\n${r.notes ? r.notes.map((n) => `- ${n}`).join('\n') : `- ${r.note}`}`);
  }
  return `## Costs a user never feels (issue 17)\n\n${out.join('\n\n')}`;
}

function table(rows) {
  if (!rows.length) return '(no rows)';
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [`| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${keys.map((k) => String(r[k] ?? '—')).join(' | ')} |`)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  console.log(await runCostsBench(args.length ? args : undefined));
  const { stopAll } = await import('./lib.mjs');
  await stopAll();
}
