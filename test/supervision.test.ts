// Supervision, live config, idle shutdown, persisted sessions and token auth:
// one real daemon per test, each on its own port.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { makeEnv, daemonLog, startDaemon, stopProcess, waitFor, everythingBin, repo, type TestEnv } from './helpers.ts';
import { stateDirFor } from '../src/config/paths.ts';
import type { ChildProcess } from 'node:child_process';

const probeBin = join(repo, 'test/fixtures/probe-server.mjs');
const probe = (extra: Record<string, unknown> = {}) => ({ command: process.execPath, args: [probeBin], ...extra });
const envs: TestEnv[] = [];
const daemons: ChildProcess[] = [];

after(async () => {
  for (const d of daemons) await stopProcess(d);
  for (const e of envs) await e.cleanup();
});

async function setup(port: number, servers: Record<string, unknown>, extra: Record<string, unknown> = {}, args: string[] = []) {
  const env = makeEnv({ portRange: [30000, 30499] });
  envs.push(env);
  env.writeUserConfig({ portRange: [30000, 30499], defaults: [], servers, ...extra });
  const root = env.project(`p${port}`);
  const daemon = await startDaemon(root, port, env.env, args);
  daemons.push(daemon);
  return { env, root, daemon, base: `http://127.0.0.1:${port}` };
}

type Health = { servers: Array<{ name: string; state: string; pid: number; restarts: number; lastError: string | null; stderrTail: string[] }> };
const health = async (base: string, headers: Record<string, string> = {}) => (await (await fetch(`${base}/health?start=1`, { headers })).json()) as Health;
const server = async (base: string, name: string) => (await health(base)).servers.find((s) => s.name === name);

test('a crash loop ends in state failed, with the last stderr lines in /health and a clear error for clients', async () => {
  const { base } = await setup(30100, {
    crashy: { command: process.execPath, args: ['-e', "console.error('boom-123'); process.exit(1)"] },
  });
  const s = await waitFor(async () => { const c = await server(base, 'crashy'); return c?.state === 'failed' ? c : undefined; }, 15_000, 'failed state');
  assert.ok(s.restarts >= 4, `restarts ${s.restarts}`);
  assert.ok(s.stderrTail.includes('boom-123'));
  assert.match(s.lastError ?? '', /boom-123/);
  const res = await fetch(`${base}/servers/crashy/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
  });
  const body = await res.json() as { error: { message: string } };
  assert.match(body.error.message, /server 'crashy' is failed.*boom-123/);
});

test('a child that never answers initialize: bounded wait, state failed, clear error', async () => {
  const { base } = await setup(30110, { silent: probe({ env: { PROBE_SILENT: '1' }, startTimeoutMs: 800 }) });
  const s = await waitFor(async () => { const c = await server(base, 'silent'); return c?.state === 'failed' ? c : undefined; }, 5000, 'failed state');
  assert.match(s.lastError ?? '', /did not answer initialize within 1 s/);
});

test('a command that cannot start fails at once with the reason, no restart loop; the other server runs', async () => {
  const { base } = await setup(30160, {
    gone: { command: 'mcp-auto-test-no-such-command' },
    nul: { command: process.execPath, args: [probeBin], env: { BAD: 'a\u0000b' } },
    fine: probe(),
  });
  const gone = await waitFor(async () => { const c = await server(base, 'gone'); return c?.state === 'failed' ? c : undefined; }, 3000, 'gone failed');
  assert.match(gone.lastError ?? '', /command not found: mcp-auto-test-no-such-command/);
  assert.equal(gone.restarts, 0);
  const nul = await waitFor(async () => { const c = await server(base, 'nul'); return c?.state === 'failed' ? c : undefined; }, 3000, 'nul failed');
  assert.match(nul.lastError ?? '', /cannot start/);
  await waitFor(async () => (await server(base, 'fine'))?.state === 'ready', 10_000, 'fine ready');
});

test('live config: a changed server restarts alone, added/removed ones follow, a broken config is ignored', async () => {
  const { env, base } = await setup(30120, { a: probe(), b: probe() });
  await waitFor(async () => (await health(base)).servers.every((s) => s.state === 'ready'), 10_000, 'ready');
  const before = await health(base);
  const pidOf = (h: Health, n: string) => h.servers.find((s) => s.name === n)?.pid;
  const client = new Client({ name: 't', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/servers/b/mcp`));
  await client.connect(transport);

  env.writeUserConfig({ portRange: [30000, 30499], defaults: [], servers: { a: probe({ env: { CHANGED: '1' } }), b: probe(), c: probe() } });
  const after = await waitFor(async () => {
    const h = await health(base);
    return h.servers.length === 3 && h.servers.every((s) => s.state === 'ready') && pidOf(h, 'a') !== pidOf(before, 'a') ? h : undefined;
  }, 10_000, 'a restarted and c added');
  assert.equal(pidOf(after, 'b'), pidOf(before, 'b'), 'b was not disturbed');
  const r = await client.callTool({ name: 'pid', arguments: {} }) as { content: Array<{ text: string }> };
  assert.equal(Number(r.content[0]!.text), pidOf(before, 'b'), 'the session on b goes on');

  env.writeUserConfig({ portRange: [30000, 30499], defaults: [], servers: { b: probe() } });
  await waitFor(async () => (await health(base)).servers.map((s) => s.name).join() === 'b', 10_000, 'a and c removed');

  // A config that no longer parses: logged, the last good one keeps running.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(env.env.XDG_CONFIG_HOME!, 'mcp-auto/config.json'), '{ "servers": ');
  await new Promise((r) => setTimeout(r, 800));
  const still = await health(base);
  assert.deepEqual(still.servers.map((s) => [s.name, s.state, s.pid]), [['b', 'ready', pidOf(before, 'b')]]);
  await client.close();
});

test('idle shutdown: no client and no ensure for the timeout, the daemon stops itself and its children', async () => {
  const { root, daemon, base, env } = await setup(30130, { a: probe() }, {}, ['--idle-timeout', '0.03']);
  const childPid = await waitFor(async () => (await server(base, 'a'))?.pid, 5000, 'child');
  const code = await new Promise<number | null>((r) => daemon.once('exit', (c) => r(c)));
  assert.equal(code, 0);
  assert.throws(() => process.kill(childPid, 0));
  const stateDir = withEnv(env, () => stateDirFor(root));
  assert.equal(existsSync(join(stateDir, 'daemon.json')), false);
  assert.match(daemonLog(daemon), /idle for 0.03 min/);
});

test('a client keeps its Mcp-Session-Id across a daemon restart, without initializing again', async () => {
  const { env, root, daemon, base } = await setup(30140, { a: probe() });
  const client = new Client({ name: 't', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${base}/servers/a/mcp`));
  await client.connect(transport);
  await client.callTool({ name: 'pid', arguments: {} });
  const sessionId = transport.sessionId;
  await stopProcess(daemon);
  const again = await startDaemon(root, 30140, env.env);
  daemons.push(again);
  const r = await client.callTool({ name: 'pid', arguments: {} }) as { content: Array<{ text: string }> };
  assert.equal(Number(r.content[0]!.text), (await server(base, 'a'))!.pid);
  assert.equal(transport.sessionId, sessionId);
  await client.close();
});

test('token auth: requests need the bearer token, the token file is 0600, /health hides stderr without it', async () => {
  const { env, root, base, daemon } = await setup(30150, { a: probe() }, { auth: 'token' });
  const tokenFile = join(withEnv(env, () => stateDirFor(root)), 'token');
  const token = readFileSync(tokenFile, 'utf8').trim();
  assert.equal(statSync(tokenFile).mode & 0o777, 0o600);
  const res = await fetch(`${base}/servers/a/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: '{}' });
  assert.equal(res.status, 401);
  const client = new Client({ name: 't', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/a/mcp`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  assert.ok((await client.listTools()).tools.length > 0);
  await client.close();
  assert.deepEqual((await server(base, 'a'))!.stderrTail, []);
  const withToken = (await health(base, { authorization: `Bearer ${token}` })).servers[0]!;
  assert.equal(withToken.state, 'ready');
  assert.ok(daemonLog(daemon).length > 0);
  assert.equal(daemonLog(daemon).includes(token), false, 'no token in the log');
});

function withEnv<T>(env: TestEnv, fn: () => T): T {
  const saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = env.env.XDG_STATE_HOME;
  try { return fn(); } finally { process.env.XDG_STATE_HOME = saved; }
}
void everythingBin;
