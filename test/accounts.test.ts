// Other accounts on the machine get nothing (issue 13). Every attack runs for
// real as a second local account: the test (root) creates a user, runs the
// attacker with `runuser`, and removes the user at the end.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { makeEnv, run, waitFor, everythingBin, sleep, track, repo, type TestEnv } from './helpers.ts';
import { stateDirFor } from '../src/config/paths.ts';
import { hashedPort } from '../src/ensure/port.ts';

const RANGE: [number, number] = [21000, 21499];
const USER = `mcpatk${process.pid % 100000}`;
const isRoot = process.getuid?.() === 0;
const hasTools = ['useradd', 'userdel', 'runuser'].every((t) => { try { execFileSync('which', [t], { stdio: 'ignore' }); return true; } catch { return false; } });
const skip = !isRoot ? 'needs root: the attacks run as a second local account made with useradd' : !hasTools ? 'needs useradd, userdel and runuser' : process.platform !== 'linux' ? 'Linux only (peer uid from /proc/net/tcp)' : false;

const envs: TestEnv[] = [];
const attackers = new Set<ChildProcess>();
let attackDir = '';
let attackerUid = -1;


before(() => {
  if (skip) return;
  try { execFileSync('userdel', [USER], { stdio: 'ignore' }); } catch { /* not there */ }
  execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', USER]);
  attackerUid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8' }).trim());
  attackDir = mkdtempSync(join(tmpdir(), 'mcp-auto-attacker-'));
  chmodSync(attackDir, 0o755);
  copyFileSync(join(repo, 'test/fixtures/attacker.cjs'), join(attackDir, 'attacker.cjs'));
  chmodSync(join(attackDir, 'attacker.cjs'), 0o644);
  // The attacker must be able to run node.
  execFileSync('runuser', ['-u', USER, '--', process.execPath, '-e', '0']);
});

after(async () => {
  for (const a of attackers) { try { process.kill(-a.pid!, 'SIGKILL'); } catch { /* gone */ } }
  for (const e of envs) await e.cleanup();
  if (skip) return;
  try { execFileSync('pkill', ['-KILL', '-u', USER], { stdio: 'ignore' }); } catch { /* none left */ }
  try { execFileSync('userdel', [USER], { stdio: 'ignore' }); } catch { /* already gone */ }
  rmSync(attackDir, { recursive: true, force: true });
});

/** Runs the attacker as the second account; its stdout lines are JSON. */
function attacker(args: string[]): { child: ChildProcess; lines: Array<Record<string, unknown>>; done: Promise<void> } {
  const child = spawn('runuser', ['-u', USER, '--', process.execPath, join(attackDir, 'attacker.cjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  attackers.add(child);
  track(child.pid);
  const lines: Array<Record<string, unknown>> = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const p of parts) if (p) lines.push(JSON.parse(p) as Record<string, unknown>);
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const done = new Promise<void>((resolve, reject) => child.once('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`attacker exited ${code}: ${stderr}`)))));
  return { child, lines, done };
}

async function listening(a: ReturnType<typeof attacker>): Promise<void> {
  await waitFor(() => a.lines.some((l) => 'listening' in l), 10_000, 'the attacker listening');
}

function kill(a: ReturnType<typeof attacker>): void {
  try { process.kill(-a.child.pid!, 'SIGKILL'); } catch { /* gone */ }
}

const everything = { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } };

function world(config: Record<string, unknown> = {}) {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [], servers: everything, ...config } });
  envs.push(env);
  return env;
}

const stateOf = (env: TestEnv, root: string) => {
  const saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = env.env.XDG_STATE_HOME;
  try { return stateDirFor(root); } finally { process.env.XDG_STATE_HOME = saved; }
};

async function ensure(env: TestEnv, root: string) {
  const r = await run(['ensure', '--json', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { port: number; pid: number; url: string; notices: string[] };
}

interface Health { servers: Array<{ name: string; state: string; lastError: string | null; stderrTail: string[]; calls: { total: number } | null }> }
const health = async (port: number) => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Health;

function mcpJsonUrl(root: string, name: string): string | undefined {
  if (!existsSync(join(root, '.mcp.json'))) return undefined;
  const data = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8')) as { mcpServers?: Record<string, { url: string; headers?: unknown }> };
  return data.mcpServers?.[name]?.url;
}

// Each finding has its own daemon: they run side by side (the 408 test waits its 10 s meanwhile).
describe('another local account gets nothing', { concurrency: 4 }, () => {
test('1. another account gets no tool call: refused at accept, also when it sends and closes at once; the owner\'s entry works as written', { skip }, async () => {
  const env = world();
  const root = env.project('one');
  const { port } = await ensure(env, root);
  // The entry mcp-auto wrote works for the owner with no extra environment.
  const url = mcpJsonUrl(root, 'everything')!;
  const c = new Client({ name: 'owner', version: '1' });
  await c.connect(new StreamableHTTPClientTransport(new URL(url)));
  assert.match(JSON.stringify(await c.callTool({ name: 'echo', arguments: { message: 'mine' } })), /Echo: mine/);
  await c.close();
  const before = (await health(port)).servers[0]!.calls!.total;
  // The attacker's exact request, sent by the owner, is a tool call: the attack is real.
  const control = await fetch(`http://127.0.0.1:${port}/servers/everything/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'echo' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { message: 'pwned' }, _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } } }),
  });
  assert.match(await control.text(), /Echo: pwned/);
  const counted = (await health(port)).servers[0]!.calls!.total;
  assert.equal(counted, before + 1, 'the control call is counted');

  const a = attacker(['attack', String(port), '10']);
  await a.done;
  const result = a.lines[0] as { statuses: Array<number | string>; echoed: number; health: number | string };
  assert.equal(result.echoed, 0);
  assert.deepEqual([...new Set(result.statuses)], [403]);
  assert.equal(result.health, 403);
  await sleep(300);
  assert.equal((await health(port)).servers[0]!.calls!.total, counted, 'no call of the attacker reached the server');
  const log = readFileSync(join(stateOf(env, root), 'daemon.log'), 'utf8');
  assert.match(log, new RegExp(`connections from uid ${attackerUid} are refused|its socket is gone`));
});

test('2. an impostor on the hashed port is not taken for the daemon: ensure moves on and says so, exec sends it no token, doctor does not say ✔', { skip }, async () => {
  const env = world({ auth: 'token' });
  const root = env.project('two');
  const squatted = hashedPort(root, RANGE);
  const a = attacker(['impostor', String(squatted), root]);
  try {
    await listening(a);
    const doctor = await run(['doctor', '--json', root], env.env);
    const report = JSON.parse(doctor.stdout) as { checks: Array<{ id: string; status: string; message: string }> };
    const portCheck = report.checks.find((c) => c.id === 'port')!;
    assert.notEqual(portCheck.status, 'ok');
    assert.match(portCheck.message, new RegExp(`port ${squatted} is held by another account \\(uid ${attackerUid}\\)`));
    assert.notEqual(report.checks.find((c) => c.id === 'daemon')!.status, 'ok');

    const result = await ensure(env, root);
    assert.notEqual(result.port, squatted);
    assert.ok(result.notices.some((n) => n.includes(`held by another account (uid ${attackerUid})`)), result.notices.join('\n'));
    assert.equal(mcpJsonUrl(root, 'everything'), `http://127.0.0.1:${result.port}/servers/everything/mcp`);
    const exec = await run(['exec', '--root', root, '--', process.execPath, '-e', 'process.exit(process.env.MCP_AUTO_TOKEN && process.env.MCP_AUTO_PORT !== process.argv[1] ? 0 : 9)', String(squatted)], env.env);
    assert.equal(exec.code, 0, exec.stderr);
    // stop signals nothing of the impostor's.
    await run(['stop', root], env.env);
    assert.doesNotThrow(() => process.kill(a.child.pid!, 0));
  } finally {
    kill(a);
  }
  // Its socket is another account's: nothing was even sent to it.
  assert.deepEqual(a.lines.filter((l) => 'request' in l), [], 'nothing reached the impostor');

  // Where the listener's uid cannot tell (macOS), the challenge does: an
  // impostor that answers /health with the right root cannot prove it.
  const root2 = env.project('two-b');
  const squatted2 = hashedPort(root2, RANGE);
  const local = spawn(process.execPath, [join(attackDir, 'attacker.cjs'), 'impostor', String(squatted2), root2], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  track(local.pid);
  try {
    let said = '';
    local.stdout!.on('data', (d: Buffer) => { said += d.toString(); });
    await waitFor(() => said.includes('listening'), 10_000, 'the local impostor');
    const result2 = await ensure(env, root2);
    assert.notEqual(result2.port, squatted2);
    assert.ok(result2.notices.some((n) => n.includes(`port ${squatted2} answers as the daemon of ${root2} but cannot prove it`)), result2.notices.join('\n'));
    assert.match(said, /GET \/health\?challenge=/);
    assert.doesNotMatch(said, /"authorization":"Bearer/);
  } finally {
    try { process.kill(-local.pid!, 'SIGKILL'); } catch { /* gone */ }
  }
});

test('3. idle stop takes the entries out of the client files; the next ensure puts them back on a port that is ours', { skip }, async () => {
  const env = world({ idleTimeoutMinutes: 0.03 });
  const root = env.project('three');
  const first = await ensure(env, root);
  assert.equal(mcpJsonUrl(root, 'everything'), `${first.url}/servers/everything/mcp`);
  await waitFor(() => { try { process.kill(first.pid, 0); return false; } catch { return true; } }, 15_000, 'the idle stop');
  assert.equal(mcpJsonUrl(root, 'everything'), undefined, 'no client file names the freed port');
  const log = readFileSync(join(stateOf(env, root), 'daemon.log'), 'utf8');
  const took = /took mcp-auto's entries out of .*\.mcp\.json in (\d+) ms/.exec(log);
  assert.ok(took, log);
  console.log(`# idle stop: entries taken out of .mcp.json in ${took[1]} ms`);
  // Another account takes the freed port; the next ensure does not go there.
  const a = attacker(['impostor', String(first.port), root]);
  try {
    await listening(a);
    const second = await ensure(env, root);
    assert.notEqual(second.port, first.port);
    assert.equal(mcpJsonUrl(root, 'everything'), `${second.url}/servers/everything/mcp`);
  } finally {
    kill(a);
  }
  assert.deepEqual(a.lines.filter((l) => 'request' in l && !String(l.request).startsWith('GET /health')), []);
});

test('4. an http child: mcp-auto\'s credentials are not forwarded, and a port another account took first is not used', { skip }, async () => {
  const fixtureDir = mkdtempSync(join(tmpdir(), 'mcp-auto-httpchild-'));
  const seen = join(fixtureDir, 'headers.jsonl');
  const portFile = join(fixtureDir, 'port');
  // A child that records the headers it gets (the real part here is the proxy).
  const recorder = `const http=require('http');const fs=require('fs');http.createServer((q,s)=>{fs.appendFileSync(${JSON.stringify(seen)},JSON.stringify(q.headers)+'\\n');q.resume();q.on('end',()=>{s.writeHead(200,{'content-type':'application/json'});s.end('{"jsonrpc":"2.0","id":1,"result":{}}')})}).listen(Number(process.argv[1]),'127.0.0.1')`;
  // A child that is slow to bind: it only says which port it was given.
  const slow = `require('fs').writeFileSync(${JSON.stringify(portFile)},process.argv[1]);setInterval(()=>{},1e9)`;
  const env = world({
    auth: 'token',
    servers: {
      rec: { command: process.execPath, args: ['-e', recorder, '{port}'], transport: 'http', start: 'eager', analyses: false },
      slow: { command: process.execPath, args: ['-e', slow, '{port}'], transport: 'http', startTimeoutMs: 20_000, start: 'eager', analyses: false },
    },
  });
  const root = env.project('four');
  const { port } = await ensure(env, root);
  const token = readFileSync(join(stateOf(env, root), 'token'), 'utf8').trim();
  const squatted = Number(await waitFor(() => (existsSync(portFile) ? readFileSync(portFile, 'utf8') : undefined), 10_000, 'the slow child'));
  const a = attacker(['bind', String(squatted)]);
  try {
    await listening(a);
    const res = await fetch(`http://127.0.0.1:${port}/servers/rec/mcp`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, cookie: 'x=1', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    assert.equal(res.status, 200, await res.text());
    const headers = readFileSync(seen, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    assert.ok(headers.length > 0);
    for (const h of headers) {
      assert.equal(h.authorization, undefined);
      assert.equal(h.cookie, undefined);
    }
    const slowServer = await waitFor(async () => {
      const r = await fetch(`http://127.0.0.1:${port}/health`, { headers: { authorization: `Bearer ${token}` } });
      const s = ((await r.json()) as Health).servers.find((x) => x.name === 'slow')!;
      return s.state === 'failed' ? s : undefined;
    }, 15_000, 'the slow child marked failed');
    assert.match(slowServer.lastError!, new RegExp(`port ${squatted} is held by another account \\(uid ${attackerUid}\\)`));
    const refused = await fetch(`http://127.0.0.1:${port}/servers/slow/mcp`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
    // A failed http child answers a JSON-RPC request with its last error (as a stdio child does).
    const reply = await refused.json() as { error?: { message: string } };
    assert.equal(refused.status, 200);
    assert.match(reply.error?.message ?? '', /held by another account/);
  } finally {
    kill(a);
    rmSync(fixtureDir, { recursive: true, force: true });
  }
  assert.deepEqual(a.lines.filter((l) => 'request' in l), [], 'nothing was forwarded to the account that took the port');
});

test('5. the session store: at most 8 KB per session and 1,000 sessions, /health quick at the cap', { skip }, async () => {
  const env = world();
  const root = env.project('five');
  const { port } = await ensure(env, root);
  const url = `http://127.0.0.1:${port}/servers/everything/mcp`;
  const init = async (capabilities: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities, clientInfo: { name: 'x'.repeat(5000), version: '1' } } }),
    });
    await res.text();
    assert.equal(res.status, 200);
    return res.headers.get('mcp-session-id')!;
  };
  const big = { sampling: { blob: 'x'.repeat(1 << 20) }, roots: { listChanged: true }, elicitation: { form: {} } };
  for (let i = 0; i < 5; i++) await init(big);
  const file = join(stateOf(env, root), 'sessions.json');
  const stored = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, { hello: { capabilities: Record<string, unknown> } }>;
  await waitFor(() => existsSync(file) && Object.keys(stored()).length === 5, 5000, 'five sessions saved');
  for (const s of Object.values(stored())) {
    assert.ok(JSON.stringify(s).length <= 8192, `${JSON.stringify(s).length} bytes`);
    assert.deepEqual(Object.keys(s.hello.capabilities).sort(), ['elicitation', 'roots', 'sampling'], 'what the router routes on is kept');
  }
  // Past the cap: the oldest go.
  const small = { roots: { listChanged: true } };
  for (let done = 0; done < 1_050; done += 25) await Promise.all(Array.from({ length: 25 }, () => init(small)));
  await waitFor(() => Object.keys(stored()).length === 1_000, 10_000, 'the store at its cap');
  assert.ok(statSync(file).size <= 1_000 * 8192);
  // The figure is the soak's (`npm run soak`); here only that /health stays an instant at the cap (5.2 s before).
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/health`)).arrayBuffer();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const [p50, p99] = [times[49]!, times[98]!];
  console.log(`# session store at its cap (1,000): sessions.json ${Math.round(statSync(file).size / 1024)} KB, /health p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
  assert.ok(p50 < 50, `/health p50 ${p50.toFixed(1)} ms`);
});

test('6. stop --all signals no process a stale record names unless it is our daemon for that root', { skip }, async () => {
  const env = world();
  const real = env.project('six');
  await ensure(env, real);
  const mine = spawn(process.execPath, ['-e', 'setInterval(()=>{},1e9)', 'daemon', '--root', '/elsewhere'], { stdio: 'ignore', detached: true });
  track(mine.pid);
  const theirs = attacker(['sleep']);
  await waitFor(() => theirs.child.pid !== undefined, 2000, 'the other account\'s process');
  // Its node process (runuser's child) is what a stale record would name.
  const theirPid = Number(await waitFor(() => {
    try { return execFileSync('pgrep', ['-u', USER, '-f', 'attacker.cjs sleep'], { encoding: 'utf8' }).trim().split('\n')[0]; } catch { return undefined; }
  }, 5000, 'the other account\'s node'));
  try {
    for (const [name, pid] of [['stale-a', mine.pid!], ['stale-b', theirPid]] as const) {
      const root = env.project(name);
      const dir = stateOf(env, root);
      execFileSync('mkdir', ['-p', dir]);
      writeFileSync(join(dir, 'daemon.json'), JSON.stringify({ root, port: 21499, pid, version: '0', startedAt: new Date().toISOString() }));
    }
    const r = await run(['stop', '--all'], env.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /stopped 1 daemon/);
    assert.doesNotThrow(() => process.kill(mine.pid!, 0), 'an unrelated process of ours was not signalled');
    assert.doesNotThrow(() => process.kill(theirPid, 0), 'another account\'s process was not signalled');
  } finally {
    try { process.kill(-mine.pid!, 'SIGKILL'); } catch { /* gone */ }
    kill(theirs);
  }
});

test('7. a body that does not arrive in 10 s gets 408; the 65th open stream of one account gets 429', { skip }, async () => {
  const env = world();
  const root = env.project('seven');
  const { port } = await ensure(env, root);
  const started = Date.now();
  const slow = new Promise<string>((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.write(`POST /servers/everything/mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\ncontent-length: 100\r\n\r\n{"jsonrpc"`));
    let got = '';
    s.on('data', (d) => { got += d.toString(); });
    s.on('close', () => resolve(got));
    s.on('error', () => resolve(got));
  });
  const streams: AbortController[] = [];
  // Held (and read), so that no stream is cancelled when its Response is collected.
  const open: Array<ReadableStreamDefaultReader<Uint8Array>> = [];
  try {
    for (let i = 0; i < 64; i++) {
      const ctl = new AbortController();
      streams.push(ctl);
      const res = await fetch(`http://127.0.0.1:${port}/servers/everything/sse`, { headers: { accept: 'text/event-stream' }, signal: ctl.signal });
      assert.equal(res.status, 200, `stream ${i + 1}`);
      const reader = res.body!.getReader();
      open.push(reader);
      void reader.read().catch(() => { /* aborted at the end */ });
    }
    const over = await fetch(`http://127.0.0.1:${port}/servers/everything/sse`, { headers: { accept: 'text/event-stream' } });
    assert.equal(over.status, 429);
    assert.match(((await over.json()) as { error: string }).error, /too many open event streams from this account \(at most 64\)/);
    assert.equal(open.length, 64);
  } finally {
    for (const ctl of streams) ctl.abort();
  }
  const answer = await slow;
  const waited = Date.now() - started;
  assert.match(answer, /^HTTP\/1\.1 408/);
  assert.match(answer, /the request body did not arrive within 10 s/);
  // Not before 10 s; the upper bound is loose (a loaded 2-core machine).
  assert.ok(waited >= 9_500 && waited < 20_000, `408 after ${waited} ms`);
  // Streams closed: room again.
  await waitFor(async () => {
    const ctl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/servers/everything/sse`, { headers: { accept: 'text/event-stream' }, signal: ctl.signal });
    ctl.abort();
    return res.status === 200;
  }, 5000, 'streams counted down');
});

test('8. secrets in a child\'s output are redacted in the daemon log and /health; no body in mcp-auto\'s own lines', { skip }, async () => {
  // The secrets are put together at run time: what is checked is the child's output, not its arguments.
  const leaky = `const j=(...p)=>p.join('');console.error(j('GITHUB_TOKEN=ghp_','abcdefghijklmnopqrstuvwxyz0123 Authorization: Bearer sekr3t','bearer0123456 api_key="k3y-','value-99" password: hunter2','hunter2'));console.log(j('{"result":"BODY-OF-','A-RESULT"'));setInterval(()=>{},1e9)`;
  const env = world({ servers: { leaky: { command: process.execPath, args: ['-e', leaky], startTimeoutMs: 60_000, start: 'eager', analyses: false } } });
  const root = env.project('eight');
  const { port } = await ensure(env, root);
  const tail = await waitFor(async () => {
    const s = (await health(port)).servers.find((x) => x.name === 'leaky')!;
    return s.stderrTail.length ? s.stderrTail : undefined;
  }, 10_000, 'the child\'s stderr');
  const logFile = join(stateOf(env, root), 'daemon.log');
  await waitFor(() => /ignored \d+ characters/.test(readFileSync(logFile, 'utf8')), 5000, 'the stdout line logged');
  const shown = `${tail.join('\n')}\n${readFileSync(logFile, 'utf8')}`;
  for (const secret of ['ghp_abcdefghijklmnopqrstuvwxyz0123', 'sekr3tbearer0123456', 'k3y-value-99', 'hunter2hunter2', 'BODY-OF-A-RESULT']) {
    assert.ok(!shown.includes(secret), `${secret} shown`);
  }
  assert.match(tail.join('\n'), /GITHUB_TOKEN=\[redacted\]/);
  assert.match(tail.join('\n'), /Bearer \[redacted\]/);
});
});
