// The shared daemon (issue 2), with real parts: server-everything and a probe
// server built on the SDK as children, the SDK's own clients in front.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { CreateMessageRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { makeEnv, startDaemon, stopProcess, waitFor, everythingBin, repo, sleep, type TestEnv } from './helpers.ts';
import type { ChildProcess } from 'node:child_process';

const probeBin = join(repo, 'test/fixtures/probe-server.mjs');
const PORT = 30010;
let env: TestEnv;
let root: string;
let daemon: ChildProcess;
let recordFile: string;
const base = `http://127.0.0.1:${PORT}`;

before(async () => {
  env = makeEnv({ portRange: [30000, 30499] });
  recordFile = join(env.home, 'probe.log');
  env.writeUserConfig({
    portRange: [30000, 30499],
    defaults: [],
    servers: {
      everything: { command: process.execPath, args: [everythingBin, 'stdio'] },
      probe: { command: process.execPath, args: [probeBin], env: { PROBE_RECORD: recordFile } },
      web: { command: process.execPath, args: [everythingBin, 'streamableHttp'], env: { PORT: '{port}' }, transport: 'http' },
    },
  });
  root = env.project('proj');
  daemon = await startDaemon(root, PORT, env.env);
  await waitFor(async () => (await health()).servers.every((s: { state: string }) => s.state === 'ready'), 20_000, 'servers ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  await env.cleanup();
});

async function health() {
  return (await (await fetch(`${base}/health?start=1`)).json()) as {
    root: string; pid: number;
    servers: Array<{ name: string; state: string; pid: number; restarts: number; sessions: number; lastError: string | null; stderrTail: string[] }>;
  };
}

async function connect(server: string, kind: 'http' | 'sse', capabilities: Record<string, unknown> = {}) {
  const client = new Client({ name: `test-${kind}`, version: '1.0.0' }, { capabilities });
  const transport = kind === 'http'
    ? new StreamableHTTPClientTransport(new URL(`${base}/servers/${server}/mcp`))
    : new SSEClientTransport(new URL(`${base}/servers/${server}/sse`));
  await client.connect(transport);
  return { client, transport };
}

function childPidsOf(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args=']).toString();
  return out.split('\n').map((l) => l.trim().split(/\s+/)).filter((f) => Number(f[1]) === pid).map((f) => Number(f[0]));
}

test('8 concurrent clients, Streamable HTTP and SSE mixed, 500 echo calls each with 8 in flight: every reply to its own caller, one child', async () => {
  const clients = await Promise.all(Array.from({ length: 8 }, (_, i) => connect('everything', i % 2 ? 'sse' : 'http')));
  let wrong = 0;
  let missing = 0;
  await Promise.all(clients.map(async ({ client }, c) => {
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < 500) {
        const i = next++;
        const message = `client ${c} call ${i}`;
        try {
          const result = await client.callTool({ name: 'echo', arguments: { message } }) as { content: Array<{ text: string }> };
          if (result.content[0]?.text !== `Echo: ${message}`) wrong++;
        } catch {
          missing++;
        }
      }
    }));
  }));
  assert.equal(wrong, 0, 'wrong replies');
  assert.equal(missing, 0, 'missing replies');
  const h = await health();
  const everything = h.servers.find((s) => s.name === 'everything')!;
  // Exactly one server-everything process under this daemon: none per session.
  // (Other test files may run their own daemons at the same time: count only ours.)
  const processes = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args=']).toString().split('\n')
    .map((l) => l.trim().split(/\s+/)).filter((f) => Number(f[1]) === h.pid && f.join(' ').includes('server-everything/dist/index.js stdio'));
  assert.equal(processes.length, 1, processes.join('\n'));
  assert.ok(childPidsOf(h.pid).includes(everything.pid));
  assert.equal(everything.sessions >= 8, true);
  await Promise.all(clients.map(({ client }) => client.close()));
});

test('later sessions get the child InitializeResult with its instructions, without a new child', async () => {
  const before = (await health()).servers.find((s) => s.name === 'probe')!.pid;
  const a = await connect('probe', 'http');
  const b = await connect('probe', 'sse');
  assert.equal(a.client.getInstructions(), 'probe instructions');
  assert.equal(b.client.getInstructions(), 'probe instructions');
  assert.equal(a.client.getServerVersion()?.name, 'probe');
  assert.equal((await health()).servers.find((s) => s.name === 'probe')!.pid, before);
  await a.client.close();
  await b.client.close();
});

test('progress reaches only the session that asked, with its own token', async () => {
  const a = await connect('everything', 'http');
  const b = await connect('everything', 'sse');
  const seen: Record<string, number[]> = { a: [], b: [] };
  // The SDK client reports a progress notification whose token it does not know as an error.
  const strays: string[] = [];
  a.client.onerror = (e) => strays.push(`a: ${e.message}`);
  b.client.onerror = (e) => strays.push(`b: ${e.message}`);
  const call = (who: 'a' | 'b', client: Client) => client.callTool(
    { name: 'trigger-long-running-operation', arguments: { duration: 1, steps: 4 } },
    undefined,
    { onprogress: (p) => { seen[who]!.push(p.progress); } },
  );
  await b.client.ping();
  await b.client.ping();
  const [ra, rb] = await Promise.all([call('a', a.client), call('b', b.client)]);
  assert.match(JSON.stringify(ra), /Long running operation completed/);
  assert.match(JSON.stringify(rb), /Long running operation completed/);
  // The last step may race the result inside the SDK client (it dispatches notifications
  // a tick later than responses), so the first three are what every client must see.
  assert.deepEqual(seen.a.slice(0, 3), [1, 2, 3]);
  assert.deepEqual(seen.b.slice(0, 3), [1, 2, 3]);
  // a's call has id 1; b pinged twice first so its call has id 3. A late step
  // may be reported as unknown, but only ever with the client's own token.
  for (const stray of strays) {
    const token = /"progressToken":(\d+)/.exec(stray)?.[1];
    assert.equal(token, stray.startsWith('a:') ? '1' : '3', stray);
  }
  await a.client.close();
  await b.client.close();
});

test('a cancelled request is cancelled upstream, for that session only; closing a session cancels its calls', async () => {
  writeFileSync(recordFile, '');
  const a = await connect('probe', 'http');
  const b = await connect('probe', 'http');
  const controller = new AbortController();
  const ca = a.client.callTool({ name: 'wait', arguments: { tag: 'A' } }, undefined, { signal: controller.signal });
  const cb = b.client.callTool({ name: 'wait', arguments: { tag: 'B' } }, undefined, { timeout: 60_000 });
  cb.catch(() => { /* ends when its session closes */ });
  await waitFor(() => /started A/.test(readFileSync(recordFile, 'utf8')) && /started B/.test(readFileSync(recordFile, 'utf8')), 5000, 'both started');
  controller.abort('user pressed escape');
  await assert.rejects(ca);
  await waitFor(() => /cancelled A/.test(readFileSync(recordFile, 'utf8')), 5000, 'A cancelled upstream');
  await sleep(200);
  assert.doesNotMatch(readFileSync(recordFile, 'utf8'), /cancelled B/);
  // B's session goes away (DELETE): its in-flight call is cancelled upstream too.
  await (b.transport as StreamableHTTPClientTransport).terminateSession();
  await b.client.close();
  await waitFor(() => /cancelled B/.test(readFileSync(recordFile, 'utf8')), 5000, 'B cancelled when its session closed');
  await a.client.close();
});

test('roots/list is answered with the project root; sampling goes to the session whose request is in flight', async () => {
  const a = await connect('everything', 'http', { sampling: {} });
  let sampled = 0;
  a.client.setRequestHandler(CreateMessageRequestSchema, async () => {
    sampled++;
    return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled reply' } };
  });
  const tools = (await a.client.listTools()).tools.map((t) => t.name);
  assert.ok(tools.includes('get-roots-list'), tools.join(','));
  const roots = await a.client.callTool({ name: 'get-roots-list', arguments: {} });
  assert.match(JSON.stringify(roots), new RegExp(`file://${root}`));
  const result = await a.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hello', maxTokens: 10 } });
  assert.equal(sampled, 1);
  assert.match(JSON.stringify(result), /sampled reply/);
  // A session without the sampling capability gets a clear error, not a hang.
  const b = await connect('everything', 'sse');
  const refused = await b.client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hello', maxTokens: 10 } })
    .then((r) => JSON.stringify(r), (e: Error) => e.message);
  assert.match(refused, /mcp-auto: cannot route sampling\/createMessage/);
  await a.client.close();
  await b.client.close();
});

test('a child that prints garbage to stdout is logged, and the session goes on', async () => {
  const { client } = await connect('probe', 'http');
  const r = await client.callTool({ name: 'garbage', arguments: {} });
  assert.match(JSON.stringify(r), /still here/);
  const again = await client.callTool({ name: 'pid', arguments: {} });
  assert.ok(again);
  await client.close();
});

test('an http child is reverse-proxied at the stable path and usable, progress streamed', async () => {
  const { client } = await connect('web', 'http');
  const tools = await client.listTools();
  assert.ok(tools.tools.some((t) => t.name === 'echo'));
  const r = await client.callTool({ name: 'echo', arguments: { message: 'through the proxy' } });
  assert.match(JSON.stringify(r), /Echo: through the proxy/);
  const progress: number[] = [];
  await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.4, steps: 2 } }, undefined, { onprogress: (p) => progress.push(p.progress) });
  assert.deepEqual(progress, [1, 2]);
  await client.close();
});

test('bad input: parse error, oversized body, unknown server, unknown or missing session, wrong headers', async () => {
  const url = `${base}/servers/everything/mcp`;
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  let res = await fetch(url, { method: 'POST', headers, body: '{"jsonrpc":"2.0",' });
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: { code: number } }).error.code, -32700);
  res = await fetch(url, { method: 'POST', headers, body: `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}` });
  assert.equal(res.status, 413);
  res = await fetch(`${base}/servers/nope/mcp`, { method: 'POST', headers, body: '{}' });
  assert.equal(res.status, 404);
  assert.match(await res.text(), /everything.*probe.*web|servers: /);
  res = await fetch(url, { method: 'POST', headers: { ...headers, 'mcp-session-id': 'no-such-session' }, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
  assert.equal(res.status, 404);
  res = await fetch(url, { method: 'POST', headers, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' });
  assert.equal(res.status, 400);
  res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', accept: headers.accept }, body: '{}' });
  assert.equal(res.status, 415);
  res = await fetch(url, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: '{}' });
  assert.equal(res.status, 403);
  // fetch will not send a foreign Host header: a raw request does, as a rebinding page's would.
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: PORT, path: '/health', headers: { host: `evil.example:${PORT}` } }, (r) => { r.resume(); resolve(r.statusCode!); });
    req.on('error', reject);
    req.end();
  });
  assert.equal(status, 403);
});

test('legacy SSE endpoint, alike for a stdio server and an http child: what is not a stream GET or a message POST is refused with its status; a message POST gets 202 and its reply on the stream', async () => {
  for (const server of ['everything', 'web']) {
    const sse = `${base}/servers/${server}/sse`;
    const messages = `${base}/servers/${server}/messages`;
    const json = { 'content-type': 'application/json' };
    const ping = '{"jsonrpc":"2.0","id":7,"method":"ping"}';
    assert.equal((await fetch(sse, { method: 'POST', headers: json, body: ping })).status, 405, `${server}: POST to the stream`);
    assert.equal((await fetch(sse, { headers: { accept: 'application/json' } })).status, 406, `${server}: a GET that does not take event streams`);
    assert.equal((await fetch(messages, { method: 'POST', headers: json, body: ping })).status, 400, `${server}: no sessionId`);
    assert.equal((await fetch(`${messages}?sessionId=nope`, { method: 'POST', headers: json, body: ping })).status, 404, `${server}: unknown session`);
    // A real stream: its endpoint event names where to POST.
    const stream = await fetch(sse, { headers: { accept: 'text/event-stream' } });
    assert.equal(stream.status, 200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`${server}: the stream ended before ${pattern}: ${seen}`);
        seen += value;
      }
      return pattern.exec(seen)!;
    };
    const endpoint = (await until(/event: endpoint\ndata: (\S+)\n/))[1]!;
    const post = (headers: Record<string, string>, body: string, method = 'POST') => fetch(`http://127.0.0.1:${PORT}${endpoint}`, { method, headers, ...(method === 'POST' ? { body } : {}) });
    assert.equal((await post(json, ping, 'GET')).status, 405, `${server}: GET on the message endpoint`);
    assert.equal((await post({ 'content-type': 'text/plain' }, ping)).status, 415, `${server}: not JSON`);
    const notRpc = await post(json, '{"x":1}');
    assert.equal(notRpc.status, 400, `${server}: not JSON-RPC`);
    assert.equal(((await notRpc.json()) as { error: { code: number } }).error.code, -32600);
    assert.equal((await post(json, '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}')).status, 202);
    await until(/"id":0,/);
    assert.equal((await post(json, ping)).status, 202, `${server}: a message`);
    await until(/"id":7,"result":\{\}|"result":\{\},"jsonrpc":"2.0","id":7/);
    await reader.cancel();
  }
});

test('request paths: a query string, a percent-encoded name and dot segments reach the server; other paths get 404 with a hint', async () => {
  // Raw requests: fetch would normalize the path itself.
  const post = (path: string) => new Promise<{ status: number; body: string }>((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'paths', version: '1' } } });
    const req = httpRequest({ host: '127.0.0.1', port: PORT, path, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (r) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => { text += c; });
      r.on('end', () => resolve({ status: r.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
  for (const path of ['/servers/everything/mcp?client=x', '/servers/every%74hing/mcp', '/servers/probe/../everything/mcp', '/servers/./everything/mcp']) {
    const r = await post(path);
    assert.equal(r.status, 200, `${path}: ${r.body}`);
    assert.match(r.body, /"serverInfo":\{"name":"mcp-servers\/everything"/, path);
  }
  for (const path of ['/servers/everything', '/servers/everything/mcp/extra', '/elsewhere']) {
    const r = await post(path);
    assert.equal(r.status, 404, path);
    assert.match(r.body, /servers are under \/servers\/<name>\/mcp/, path);
  }
  assert.match((await post('/servers/everything/nope')).body, /no endpoint \/nope; use \/servers\/everything\/mcp/);
});

test('kill -9 of the child under load: in-flight calls fail within 2 s, sessions survive, later calls succeed', async () => {
  const clients = await Promise.all([connect('probe', 'http'), connect('probe', 'sse'), connect('probe', 'http')]);
  const sessionIds = clients.map(({ transport }) => (transport as { sessionId?: string }).sessionId);
  const oldPid = (await health()).servers.find((s) => s.name === 'probe')!.pid;
  writeFileSync(recordFile, '');
  // Every client has a call in flight that only ends when the child dies.
  const inflight = clients.map(({ client }, i) => {
    const started = Date.now();
    return client.callTool({ name: 'wait', arguments: { tag: `k${i}` } }, undefined, { timeout: 30_000 })
      .then(() => ({ ok: true, ms: Date.now() - started }), (e: Error) => ({ ok: false, ms: Date.now() - started, message: e.message }));
  });
  await waitFor(() => (readFileSync(recordFile, 'utf8').match(/started k/g) ?? []).length === 3, 5000, 'calls in flight');
  const killedAt = Date.now();
  process.kill(oldPid, 'SIGKILL');
  const results = await Promise.all(inflight);
  for (const r of results) {
    assert.equal(r.ok, false);
    assert.ok(Date.now() - killedAt < 2000, `answered ${Date.now() - killedAt} ms after the kill`);
    assert.match((r as { message: string }).message, /server 'probe' exited/);
  }
  const h = await waitFor(async () => {
    const p = (await health()).servers.find((s) => s.name === 'probe')!;
    return p.state === 'ready' && p.pid !== oldPid ? p : undefined;
  }, 5000, 'probe restarted');
  assert.ok(h.restarts >= 1);
  assert.ok(Date.now() - killedAt < 2000, 'restarted within 2 s');
  for (const [i, { client, transport }] of clients.entries()) {
    const r = await client.callTool({ name: 'pid', arguments: {} }) as { content: Array<{ text: string }> };
    assert.equal(Number(r.content[0]!.text), h.pid);
    assert.equal((transport as { sessionId?: string }).sessionId, sessionIds[i], 'same session, not re-created');
  }
  await Promise.all(clients.map(({ client }) => client.close()));
});

test('SIGTERM stops every child and removes daemon.json', async () => {
  const h = await health();
  const pids = h.servers.map((s) => s.pid).filter(Boolean);
  const record = join(env.env.XDG_STATE_HOME!, 'mcp-auto');
  const exited = new Promise<number | null>((r) => daemon.once('exit', (code) => r(code)));
  process.kill(h.pid, 'SIGTERM');
  assert.equal(await exited, 0);
  for (const pid of pids) {
    assert.throws(() => process.kill(pid, 0), `child ${pid} still running`);
  }
  const dirs = execFileSync('ls', [record]).toString().trim().split('\n');
  for (const d of dirs) assert.equal(existsSync(join(record, d, 'daemon.json')), false);
});
