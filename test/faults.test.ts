// Reliability under faults and hostile input (issue 5), the fast parts: the
// full-size figures come from `npm run soak`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { connect as netConnect } from 'node:net';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { makeEnv, run, waitFor, everythingBin, sleep, type TestEnv } from './helpers.ts';
import { stateDirFor } from '../src/config/paths.ts';

const RANGE: [number, number] = [32600, 32767];
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });

function world() {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } } } });
  envs.push(env);
  return env;
}

async function ensure(env: TestEnv, root: string) {
  const r = await run(['ensure', '--json', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { port: number; pid: number; url: string };
}

const stateOf = (env: TestEnv, root: string) => {
  const saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = env.env.XDG_STATE_HOME;
  try { return stateDirFor(root); } finally { process.env.XDG_STATE_HOME = saved; }
};

async function client(url: string) {
  const c = new Client({ name: 'faults', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/servers/everything/mcp`));
  await c.connect(transport);
  return { c, transport };
}

test('kill -9 of the daemon: the next ensure brings it back on the same port and the old session keeps working', async () => {
  const env = world();
  const root = env.project('a');
  const first = await ensure(env, root);
  const { c, transport } = await client(first.url);
  await c.callTool({ name: 'echo', arguments: { message: 'before' } });
  const sessionId = transport.sessionId;
  process.kill(first.pid, 'SIGKILL');
  await waitFor(() => { try { process.kill(first.pid, 0); return false; } catch { return true; } }, 5000, 'daemon dead');
  const second = await ensure(env, root);
  assert.equal(second.port, first.port);
  const r = await c.callTool({ name: 'echo', arguments: { message: 'after' } });
  assert.match(JSON.stringify(r), /Echo: after/);
  assert.equal(transport.sessionId, sessionId);
  // The orphaned child of the killed daemon was reaped by the new one (whose own child that call started).
  const children = JSON.parse(readFileSync(join(stateOf(env, root), 'children.json'), 'utf8')) as Array<{ pid: number }>;
  assert.equal(children.length, 1);
  await c.close();
});

/**
 * Makes a state home whose writes can be made to fail. As root (CI),
 * permissions do not stop writes, so it is a small tmpfs that gets filled
 * (ENOSPC); otherwise a chmod 0500 (EACCES).
 */
function faultyFs(dir: string): { block(): void; unblock(): void; release(): void; kind: string } | undefined {
  const root = process.getuid?.() === 0;
  if (root) {
    try { execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' }); } catch { return undefined; }
  }
  const ballast = join(dir, 'ballast');
  return {
    kind: root ? 'full' : 'read-only',
    block: () => {
      if (!root) return chmodSync(dir, 0o500);
      try { writeFileSync(ballast, Buffer.alloc(2 * 1024 * 1024)); } catch { /* full now */ }
    },
    unblock: () => (root ? rmSync(ballast, { force: true }) : chmodSync(dir, 0o700)),
    release: () => { if (root) execFileSync('umount', ['-l', dir]); },
  };
}

test('a full or read-only state dir: the daemon serves on, errors are clear, no state file is corrupt', async (t) => {
  const env = world();
  const root = env.project('b');
  const stateHome = env.env.XDG_STATE_HOME!;
  mkdirSync(stateHome, { recursive: true });
  const fs = faultyFs(stateHome);
  if (!fs) return t.skip('needs root (tmpfs) or a non-root user (chmod)');
  try {
    const first = await ensure(env, root);
    const dir = stateOf(env, root);
    fs.block();
    // New sessions cannot be saved, not even a log line on a full disk: the daemon goes on regardless.
    const clients = [];
    for (let i = 0; i < 5; i++) clients.push(await client(first.url));
    for (const [i, { c }] of clients.entries()) {
      assert.match(JSON.stringify(await c.callTool({ name: 'echo', arguments: { message: `blocked ${i}` } })), /Echo: blocked/);
    }
    await sleep(300);
    fs.unblock();
    assert.match(JSON.stringify(await clients[0]!.c.callTool({ name: 'echo', arguments: { message: 'after' } })), /Echo: after/);
    for (const { c } of clients) await c.close();
    if (fs.kind === 'read-only') {
      assert.match(readFileSync(join(dir, 'daemon.log'), 'utf8'), /sessions: cannot save .*sessions will not survive a restart/);
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      assert.doesNotThrow(() => JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
    }
    const status = JSON.parse((await run(['status', '--json'], env.env)).stdout) as Array<{ state: string }>;
    assert.equal(status[0]!.state, 'running');
    await run(['stop', root], env.env);
  } finally {
    fs.release();
  }
  // A state home that cannot be created at all: one line, non-zero exit.
  const blocked = world();
  const broot = blocked.project('c');
  mkdirSync(join(blocked.env.XDG_STATE_HOME!, '..'), { recursive: true });
  writeFileSync(blocked.env.XDG_STATE_HOME!, 'a file where the state folder should be');
  const r = await run(['ensure', broot], blocked.env);
  assert.notEqual(r.code, 0);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^mcp-auto: .*(ENOTDIR|EEXIST|not a directory)/i);
});

test('hostile input: duplicate ids in flight, unknown methods forwarded, batches, a slow-loris connection', async () => {
  const env = world();
  const root = env.project('d');
  const { url } = await ensure(env, root);
  const mcp = `${url}/servers/everything/mcp`;
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await fetch(mcp, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }) });
  const sid = init.headers.get('mcp-session-id')!;
  const h = { ...headers, 'mcp-session-id': sid };

  // A slow-loris client dribbles its headers; the daemon cuts it off and serves others meanwhile.
  const loris = netConnect({ host: '127.0.0.1', port: Number(new URL(url).port) });
  const lorisClosed = new Promise<void>((r) => loris.on('close', () => r()));
  loris.on('error', () => { /* cut off */ });
  loris.write('POST /servers/everything/mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  const dribble = setInterval(() => loris.write('X-Slow: 1\r\n'), 500);

  // The same id twice in one batch: the second is refused, the first answered.
  const dup = await fetch(mcp, { method: 'POST', headers: h, body: JSON.stringify([
    { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo', arguments: { message: 'one' } } },
    { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'echo', arguments: { message: 'two' } } },
  ]) });
  const replies = await dup.json() as Array<{ id: number; result?: unknown; error?: { message: string } }>;
  assert.equal(replies.length, 2);
  assert.ok(replies.some((r) => r.error && /already in flight/.test(r.error.message)));
  assert.ok(replies.some((r) => JSON.stringify(r.result ?? '').includes('Echo: one')));

  // An unknown method reaches the child, whose own "method not found" comes back.
  const unknown = await (await fetch(mcp, { method: 'POST', headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'vendor/frobnicate', params: {} }) })).json() as { error: { code: number } };
  assert.equal(unknown.error.code, -32601);
  // Garbage shapes: 400, and the session goes on.
  for (const body of ['[]', '{"jsonrpc":"1.0","id":1,"method":"x"}', '{"jsonrpc":"2.0","id":{},"method":"x"}', 'null', '"str"']) {
    const r = await fetch(mcp, { method: 'POST', headers: h, body });
    assert.equal(r.status, 400, body);
  }
  const ok = await (await fetch(mcp, { method: 'POST', headers: h, body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/call', params: { name: 'echo', arguments: { message: 'still' } } }) })).json();
  assert.match(JSON.stringify(ok), /Echo: still/);

  await Promise.race([lorisClosed, sleep(15_000).then(() => { throw new Error('slow-loris connection was never cut off'); })]);
  clearInterval(dribble);
});
