// The stateless 2026-07-28 revision on the daemon's Streamable HTTP endpoint
// (issue 2), with real parts: server-everything and the probe server as
// children (initialized once, at 2025-11-25), the v2 SDK client in its modern
// mode and the v1 SDK client (2025) in front, raw HTTP for the refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { makeEnv, startDaemon, stopProcess, waitFor, everythingBin, repo, type TestEnv } from './helpers.ts';
import type { ChildProcess } from 'node:child_process';

const PORT = 29510;
const base = `http://127.0.0.1:${PORT}`;
const MODERN = '2026-07-28';
const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': MODERN,
  'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
};
let env: TestEnv;
let daemon: ChildProcess;
let recordFile: string;

before(async () => {
  env = makeEnv({ portRange: [29500, 29999] });
  recordFile = join(env.home, 'probe.log');
  env.writeUserConfig({
    portRange: [29500, 29999],
    defaults: [],
    servers: {
      everything: { command: process.execPath, args: [everythingBin, 'stdio'] },
      probe: { command: process.execPath, args: [join(repo, 'test/fixtures/probe-server.mjs')], env: { PROBE_RECORD: recordFile } },
    },
  });
  daemon = await startDaemon(env.project('proj'), PORT, env.env);
  await waitFor(async () => (await health()).servers.every((s) => s.state === 'ready'), 20_000, 'servers ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  await env.cleanup();
});

async function health() {
  return (await (await fetch(`${base}/health?start=1`)).json()) as {
    servers: Array<{ name: string; state: string; pid: number; restarts: number; sessions: number }>;
  };
}

async function everything() {
  return (await health()).servers.find((s) => s.name === 'everything')!;
}

/** A v2 SDK client pinned to 2026-07-28: it probes with server/discover and never falls back to initialize. */
async function modernClient(server = 'everything', options: ConstructorParameters<typeof Client>[1] = {}) {
  const client = new Client({ name: 'modern-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: MODERN } }, ...options });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/${server}/mcp`)));
  return client;
}

async function legacyClient() {
  const client = new LegacyClient({ name: 'legacy-test', version: '1.0.0' });
  await client.connect(new LegacyTransport(new URL(`${base}/servers/everything/mcp`)));
  return client;
}

function text(result: unknown): string {
  return (result as { content: Array<{ text: string }> }).content[0]!.text;
}

/** One raw POST to the everything endpoint; the modern headers unless overridden (null drops one). */
async function post(body: unknown, headers: Record<string, string | null> = {}) {
  const method = !Array.isArray(body) && typeof body === 'object' && body !== null ? (body as { method?: string }).method : undefined;
  const all: Record<string, string | null> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': MODERN,
    ...(method ? { 'mcp-method': method } : {}),
    ...headers,
  };
  const res = await fetch(`${base}/servers/everything/mcp`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null)),
    body: JSON.stringify(body),
  });
  const payload = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), sessionId: res.headers.get('mcp-session-id'), json: payload ? JSON.parse(payload) : undefined };
}

test('a 2026-07-28 client discovers the shared child (no initialize), lists tools and calls echo', async () => {
  const client = await modernClient();
  assert.equal(client.getProtocolEra(), 'modern');
  assert.equal(client.getNegotiatedProtocolVersion(), MODERN);
  assert.equal(client.getServerVersion()?.name, 'mcp-servers/everything');
  assert.match(client.getInstructions() ?? '', /Everything Server/);
  const discovered = client.getDiscoverResult()!;
  assert.deepEqual(discovered.supportedVersions, [MODERN]);
  assert.equal(discovered.capabilities.tools?.listChanged, true);
  const { tools } = await client.listTools();
  assert.ok(tools.some((t) => t.name === 'echo'));
  assert.equal(text(await client.callTool({ name: 'echo', arguments: { message: 'héllo 2026' } })), 'Echo: héllo 2026');
  // No session was made for it: /health counts 2025 sessions only.
  assert.equal((await everything()).sessions, 0);
  await client.close();

  // A client that negotiates ('auto') picks the stateless revision too.
  const auto = new Client({ name: 'auto-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await auto.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/everything/mcp`)));
  assert.equal(auto.getProtocolEra(), 'modern');
  await auto.close();
});

test('a 2025 client and a 2026-07-28 client at the same time share one child', async () => {
  const before = await everything();
  const [legacy, modern] = await Promise.all([legacyClient(), modernClient()]);
  const run = async (client: { callTool: (p: { name: string; arguments: Record<string, unknown> }) => Promise<unknown> }, who: string) => {
    let wrong = 0;
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < 100) {
        const message = `${who} ${next++}`;
        if (text(await client.callTool({ name: 'echo', arguments: { message } })) !== `Echo: ${message}`) wrong++;
      }
    }));
    return wrong;
  };
  const [wrongLegacy, wrongModern] = await Promise.all([run(legacy, 'legacy'), run(modern, 'modern')]);
  assert.equal(wrongLegacy, 0);
  assert.equal(wrongModern, 0);
  const after = await everything();
  assert.equal(after.pid, before.pid);
  assert.equal(after.restarts, before.restarts);
  assert.equal(after.sessions, 1, 'the 2025 client has its session, the 2026 one none');
  const children = execFileSync('ps', ['-e', '-o', 'ppid=,args=']).toString().split('\n')
    .filter((line) => line.includes(everythingBin) && Number(line.trim().split(/\s+/)[0]) === daemon.pid);
  assert.equal(children.length, 1, 'one server-everything under the daemon');
  await Promise.all([legacy.close(), modern.close()]);
});

test('progress of trigger-long-running-operation reaches the 2026-07-28 client on its POST stream', async () => {
  const client = await modernClient();
  const progress: Array<{ progress: number; total?: number }> = [];
  const result = await client.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 0.6, steps: 3 } },
    { onprogress: (p) => progress.push({ progress: p.progress, total: p.total }) });
  assert.match(text(result), /Long running operation completed/);
  assert.deepEqual(progress, [{ progress: 1, total: 3 }, { progress: 2, total: 3 }, { progress: 3, total: 3 }]);
  await client.close();
});

test('closing a 2026-07-28 POST mid-call cancels the call upstream', async () => {
  writeFileSync(recordFile, '');
  const client = await modernClient('probe');
  const controller = new AbortController();
  const call = client.callTool({ name: 'wait', arguments: { tag: 'M' } }, { signal: controller.signal });
  await waitFor(() => /started M/.test(readFileSync(recordFile, 'utf8')), 5000, 'call started');
  controller.abort('user pressed escape');
  await assert.rejects(call);
  await waitFor(() => /cancelled M/.test(readFileSync(recordFile, 'utf8')), 5000, 'cancelled upstream');
  await client.close();
});

test('sampling asked by the child mid-call reaches the 2026-07-28 client as input_required, and the call completes', async () => {
  const client = await modernClient('everything', { capabilities: { sampling: {} } });
  const asked: string[] = [];
  client.setRequestHandler('sampling/createMessage', async (request) => {
    const content = request.params.messages.at(-1)!.content as { text: string };
    asked.push(content.text);
    return { model: 'test-model', role: 'assistant', content: { type: 'text', text: 'sampled by the 2026 client' } };
  });
  const result = await client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'ping?' } });
  assert.match(text(result), /sampled by the 2026 client/);
  assert.equal(asked.length, 1);
  assert.match(asked[0]!, /ping\?/);
  await client.close();

  // Raw: the first answer is input_required with the child's request; a stale requestState is refused.
  const first = await post({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: {
    name: 'trigger-sampling-request', arguments: { prompt: 'raw' },
    _meta: { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': { sampling: {} } },
  } }, { 'mcp-name': 'trigger-sampling-request' });
  assert.equal(first.status, 200);
  assert.equal(first.json.result.resultType, 'input_required');
  const [key, input] = Object.entries(first.json.result.inputRequests as Record<string, { method: string }>)[0]!;
  assert.equal(input.method, 'sampling/createMessage');
  const retry = (requestState: string, id: number) => post({ jsonrpc: '2.0', id, method: 'tools/call', params: {
    name: 'trigger-sampling-request', arguments: { prompt: 'raw' }, requestState,
    inputResponses: { [key]: { model: 'm', role: 'assistant', content: { type: 'text', text: 'raw answer' } } },
    _meta: { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': { sampling: {} } },
  } }, { 'mcp-name': 'trigger-sampling-request' });
  const done = await retry(first.json.result.requestState, 2);
  assert.equal(done.json.id, 2);
  assert.equal(done.json.result.resultType, 'complete');
  assert.match(done.json.result.content[0].text, /raw answer/);
  const stale = await retry(first.json.result.requestState, 3);
  assert.equal(stale.json.error.code, -32602);
});

test('subscriptions/listen streams list_changed and resources/updated from the shared child', async () => {
  let changed = 0;
  const client = await modernClient('everything', {
    listChanged: { tools: { autoRefresh: false, debounceMs: 0, onChanged: () => { changed++; } } },
  });
  assert.deepEqual(client.autoOpenedSubscription?.honoredFilter, { toolsListChanged: true });
  const uri = 'demo://resource/static/document/architecture.md';
  const updated: string[] = [];
  client.setNotificationHandler('notifications/resources/updated', (n) => { updated.push(n.params.uri); });
  const subscription = await client.listen({ resourceSubscriptions: [uri] });
  assert.deepEqual(subscription.honoredFilter, { resourceSubscriptions: [uri] });
  // server-everything sends resources/updated for subscribed URIs when this is switched on.
  await client.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
  await client.callTool({ name: 'toggle-subscriber-updates', arguments: {} });
  await waitFor(() => updated.includes(uri), 5000, 'resources/updated on the listen stream');

  // A new child (kill -9): the gateway re-initializes it and tells every stream the lists may differ.
  const { pid } = await everything();
  process.kill(pid, 'SIGKILL');
  await waitFor(() => changed > 0, 10_000, 'tools list_changed after the child restarted');
  await waitFor(async () => (await everything()).state === 'ready', 10_000, 'child ready again');
  assert.equal(text(await client.callTool({ name: 'echo', arguments: { message: 'after' } })), 'Echo: after');
  await subscription.close();
  await client.close();
});

test('refusals the revision prescribes: malformed envelope, unsupported version, header rules, removed methods', async () => {
  const list = (meta: unknown, id = 1) => ({ jsonrpc: '2.0', id, method: 'tools/list', params: { _meta: meta } });

  const unsupported = await post(list({ ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2027-01-01' }), { 'mcp-protocol-version': '2027-01-01' });
  assert.equal(unsupported.status, 400);
  assert.equal(unsupported.json.error.code, -32022);
  assert.deepEqual(unsupported.json.error.data, { supported: [MODERN], requested: '2027-01-01' });
  assert.equal(unsupported.json.id, 1);
  // A 2025 version named in the envelope is not served this way either (2025 uses initialize).
  assert.equal((await post(list({ ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2025-11-25' }), { 'mcp-protocol-version': null })).json.error.code, -32022);

  const noCapabilities = await post(list({ 'io.modelcontextprotocol/protocolVersion': MODERN }));
  assert.equal(noCapabilities.status, 400);
  assert.equal(noCapabilities.json.error.code, -32602);
  assert.deepEqual(noCapabilities.json.error.data.envelope, { key: 'io.modelcontextprotocol/clientCapabilities', problem: 'missing' });
  const badVersion = await post(list({ ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': 20260728 }), { 'mcp-protocol-version': null });
  assert.equal(badVersion.json.error.code, -32602);
  assert.equal(badVersion.json.error.data.envelope.key, 'io.modelcontextprotocol/protocolVersion');
  const badInfo = await post(list({ ...ENVELOPE, 'io.modelcontextprotocol/clientInfo': { name: 7 } }));
  assert.equal(badInfo.json.error.data.envelope.key, 'io.modelcontextprotocol/clientInfo.name');
  const headerOnly = await post({ jsonrpc: '2.0', id: 4, method: 'tools/list' });
  assert.equal(headerOnly.status, 400);
  assert.equal(headerOnly.json.error.code, -32602);
  assert.deepEqual(headerOnly.json.error.data.envelope, { missing: ['_meta'] });

  for (const headers of <Array<Record<string, string | null>>>[
    { 'mcp-protocol-version': '2025-11-25' }, // disagrees with the envelope
    { 'mcp-method': 'tools/call' }, // disagrees with the body
    { 'mcp-protocol-version': null }, // required on requests
    { 'mcp-method': null },
  ]) {
    const answer = await post(list(ENVELOPE), headers);
    assert.equal(answer.status, 400, JSON.stringify(headers));
    assert.equal(answer.json.error.code, -32020, JSON.stringify(headers));
    assert.ok(answer.json.error.data.mismatch, JSON.stringify(headers));
  }
  const call = { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'echo', arguments: { message: 'x' }, _meta: ENVELOPE } };
  assert.equal((await post(call)).json.error.code, -32020, 'Mcp-Name is required for tools/call');
  assert.equal((await post(call, { 'mcp-name': 'get-sum' })).json.error.code, -32020, 'Mcp-Name must match');
  assert.equal(text((await post(call, { 'mcp-name': '=?base64?ZWNobw==?=' })).json.result), 'Echo: x', 'Mcp-Name may be base64');

  const ping = await post({ jsonrpc: '2.0', id: 6, method: 'ping', params: { _meta: ENVELOPE } });
  assert.equal(ping.status, 404);
  assert.equal(ping.json.error.code, -32601);
  const batch = await post([list(ENVELOPE)], { 'mcp-method': null });
  assert.equal(batch.status, 400);
  assert.equal(batch.json.error.code, -32600);
  const initialize = await post({ jsonrpc: '2.0', id: 7, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'x', version: '1' } } });
  assert.equal(initialize.json.error.code, -32020, 'initialize with a modern header');
  const notification = await post({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, _meta: ENVELOPE } });
  assert.equal(notification.status, 202);

  // The cached InitializeResult in 2026 terms, as JSON; results carry resultType, cache hints and serverInfo.
  const discover = await post({ jsonrpc: '2.0', id: 8, method: 'server/discover', params: { _meta: ENVELOPE } });
  assert.equal(discover.contentType, 'application/json');
  assert.equal(discover.sessionId, null);
  assert.equal(discover.json.result.resultType, 'complete');
  assert.equal(discover.json.result._meta['io.modelcontextprotocol/serverInfo'].name, 'mcp-servers/everything');
  const tools = (await post(list(ENVELOPE, 9))).json.result;
  assert.equal(tools.resultType, 'complete');
  assert.equal(tools.ttlMs, 0);
  assert.equal(tools.cacheScope, 'private');

  // 2025 traffic is untouched: no envelope, no modern header → the session rules.
  const legacy = await post({ jsonrpc: '2.0', id: 10, method: 'tools/list' }, { 'mcp-protocol-version': '2025-11-25', 'mcp-method': null });
  assert.equal(legacy.status, 400);
  assert.match(legacy.json.error.message, /Mcp-Session-Id/);
});
