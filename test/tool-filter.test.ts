// Tool filters (issue 18), through the daemon with real children: server-everything
// over stdio and in its streamableHttp mode, and the paged fixture (pages of 2,
// records every tools/call it gets) over stdio and http (SSE and JSON replies).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { daemonLog, everythingBin, makeEnv, repo, run, startDaemon, stopProcess, waitFor, type TestEnv } from './helpers.ts';

const PORT = 23510;
const RANGE: [number, number] = [23500, 23999];
const base = `http://127.0.0.1:${PORT}`;
const pagedBin = join(repo, 'test/fixtures/paged-server.mjs');

let env: TestEnv;
let root: string;
let daemon: ChildProcess;
const records = { paged: '', pagedweb: '', pagedjson: '' };

type Servers = Record<string, Record<string, unknown>>;
let servers: Servers;

function writeConfig(): void {
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers });
}

before(async () => {
  env = makeEnv({ portRange: RANGE });
  for (const name of Object.keys(records) as Array<keyof typeof records>) records[name] = join(env.home, `${name}.log`);
  const paged = (name: keyof typeof records, extra: Record<string, unknown>) => ({
    command: process.execPath, args: [pagedBin, ...(extra.transport === 'http' ? ['http'] : [])],
    ...extra, env: { PAGED_RECORD: records[name], PORT: '{port}', ...(extra.env as object ?? {}) },
  });
  servers = {
    everything: { command: process.execPath, args: [everythingBin, 'stdio'], tools: { allow: ['echo', 'get-*'] } },
    web: { command: process.execPath, args: [everythingBin, 'streamableHttp'], env: { PORT: '{port}' }, transport: 'http', tools: { deny: ['get-*', 'toggle-*'] } },
    paged: paged('paged', { tools: { deny: ['alpha-t*'] } }),
    pagedweb: paged('pagedweb', { transport: 'http', tools: { deny: ['alpha-t*'] } }),
    pagedjson: paged('pagedjson', { transport: 'http', env: { JSON_RESPONSE: '1' }, tools: { deny: ['alpha-t*'] } }),
    big: paged('paged', { env: { DESCRIPTION_BYTES: '25000' } }),
    // An http child no session lists: status has the daemon list it.
    quietweb: paged('pagedweb', { transport: 'http', tools: { allow: ['gamma'] } }),
  };
  writeConfig();
  root = env.project('proj');
  daemon = await startDaemon(root, PORT, env.env);
  // Servers start with their first session: start them all now, as `exec` does.
  await fetch(`${base}/health?start=1`);
  await waitFor(async () => (await health()).servers.every((s) => s.state === 'ready'), 30_000, 'servers ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  await env.cleanup();
});

interface Stats { exposed: number; total: number; bytes: number; tokens: number; totalBytes: number; totalTokens: number }
async function health(query = '') {
  return (await (await fetch(`${base}/health${query}`)).json()) as {
    servers: Array<{ name: string; state: string; pid: number; restarts: number; tools: Stats | null; calls: { recent: Array<{ method: string; target?: string }> } | null }>;
  };
}

async function connect(server: string, kind: 'http' | 'sse' = 'http') {
  const client = new Client({ name: 'filter-test', version: '1.0.0' });
  const url = new URL(`${base}/servers/${server}/${kind === 'http' ? 'mcp' : 'sse'}`);
  await client.connect(kind === 'http' ? new StreamableHTTPClientTransport(url) : new SSEClientTransport(url));
  return client;
}

/** Every page of tools/list; returns the names and how many pages it took. */
async function listAll(client: Client): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    pages++;
    names.push(...page.tools.map((t) => t.name));
    cursor = page.nextCursor;
  } while (cursor);
  return { names, pages };
}

async function refusedCall(client: Client, name: string): Promise<string> {
  const error = await client.callTool({ name, arguments: {} }).then(() => undefined, (e: Error) => e);
  assert.ok(error, `calling ${name} should have been refused`);
  return error.message;
}

const recorded = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

test('allow list with a glob, stdio server-everything: only echo and get-* are listed; a filtered call is refused naming the filter', async () => {
  const client = await connect('everything');
  try {
    const { names } = await listAll(client);
    assert.ok(names.includes('echo'));
    assert.ok(names.filter((n) => n.startsWith('get-')).length >= 4, names.join(' '));
    assert.deepEqual(names.filter((n) => n !== 'echo' && !n.startsWith('get-')), []);
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'hi' } }) as { content: Array<{ text: string }> };
    assert.equal(echo.content[0]!.text, 'Echo: hi');
    const message = await refusedCall(client, 'toggle-simulated-logging');
    assert.match(message, /toggle-simulated-logging.*filtered out.*tools\.allow \["echo","get-\*"\]/);
    // It never went through the child: the daemon's call log has the echo, not the refused tool.
    const recent = (await health()).servers.find((s) => s.name === 'everything')!.calls!.recent;
    assert.ok(recent.some((c) => c.target === 'echo'));
    assert.ok(!recent.some((c) => c.target === 'toggle-simulated-logging'));
  } finally {
    await client.close();
  }
});

test('deny list with globs, http server-everything (proxied SSE replies): get-* and toggle-* hidden and refused', async () => {
  const client = await connect('web');
  try {
    const { names } = await listAll(client);
    assert.ok(names.includes('echo') && names.includes('trigger-long-running-operation'), names.join(' '));
    assert.deepEqual(names.filter((n) => n.startsWith('get-') || n.startsWith('toggle-')), []);
    const echo = await client.callTool({ name: 'echo', arguments: { message: 'via http' } }) as { content: Array<{ text: string }> };
    assert.equal(echo.content[0]!.text, 'Echo: via http');
    assert.match(await refusedCall(client, 'get-sum'), /get-sum.*filtered out.*tools\.deny \["get-\*","toggle-\*"\]/);
  } finally {
    await client.close();
  }
});

for (const [server, how] of [['paged', 'stdio'], ['pagedweb', 'http, SSE replies'], ['pagedjson', 'http, JSON replies']] as const) {
  test(`pagination through the filter (${how}): every page filtered, a denied call never reaches the child`, async () => {
    const client = await connect(server);
    try {
      const { names, pages } = await listAll(client);
      assert.equal(pages, 3);
      assert.deepEqual(names, ['alpha-one', 'beta-one', 'beta-two', 'gamma']);
      assert.match(await refusedCall(client, 'alpha-two'), /alpha-two.*filtered out.*tools\.deny \["alpha-t\*"\]/);
      const ok = await client.callTool({ name: 'beta-one', arguments: {} }) as { content: Array<{ text: string }> };
      assert.equal(ok.content[0]!.text, 'beta-one ran');
      const log = recorded(records[server]);
      assert.match(log, /called beta-one/);
      assert.doesNotMatch(log, /alpha-two/);
    } finally {
      await client.close();
    }
  });
}

test('the filter of an http child is not bypassed: a compressed body is refused, a batch holding a refused call sends nothing', async () => {
  const { gzipSync } = await import('node:zlib');
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const call = (id: number, name: string) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: {} } });
  const gz = await fetch(`${base}/servers/pagedjson/mcp`, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify(call(1, 'alpha-two'))) });
  assert.equal(gz.status, 415);
  const batch = await fetch(`${base}/servers/pagedjson/mcp`, { method: 'POST', headers, body: JSON.stringify([call(1, 'beta-two'), call(2, 'alpha-two')]) });
  const replies = await batch.json() as Array<{ id: number; error: { message: string } }>;
  assert.match(replies.find((r) => r.id === 2)!.error.message, /alpha-two.*filtered out/);
  assert.match(replies.find((r) => r.id === 1)!.error.message, /none of it was sent/);
  const log = recorded(records.pagedjson);
  assert.doesNotMatch(log, /alpha-two|beta-two/);
});

test('legacy SSE sessions of a stdio child get the same filter', async () => {
  const client = await connect('paged', 'sse');
  try {
    assert.deepEqual((await listAll(client)).names, ['alpha-one', 'beta-one', 'beta-two', 'gamma']);
    assert.match(await refusedCall(client, 'alpha-three'), /filtered out/);
    assert.doesNotMatch(recorded(records.paged), /alpha-three/);
  } finally {
    await client.close();
  }
});

test('the stateless 2026-07-28 path goes through the same filter', async () => {
  const envelope = {
    'io.modelcontextprotocol/protocolVersion': '2026-07-28',
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
    'io.modelcontextprotocol/clientCapabilities': {},
  };
  const post = async (method: string, params: Record<string, unknown>, name?: string) => {
    const res = await fetch(`${base}/servers/paged/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...(name ? { 'mcp-name': name } : {}),
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: { ...params, _meta: envelope } }),
    });
    const text = await res.text();
    // A reply may come as one SSE event.
    return JSON.parse(text.startsWith('{') ? text : text.split('\n').find((l) => l.startsWith('data:'))!.slice(5)) as { result?: { tools: Array<{ name: string }>; nextCursor?: string }; error?: { message: string } };
  };
  const first = await post('tools/list', {});
  assert.deepEqual(first.result!.tools.map((t) => t.name), ['alpha-one']);
  assert.equal(first.result!.nextCursor, '2');
  const refused = await post('tools/call', { name: 'alpha-two', arguments: {} }, 'alpha-two');
  assert.match(refused.error!.message, /alpha-two.*filtered out/);
  assert.doesNotMatch(recorded(records.paged), /alpha-two/);
});

test('status shows tools exposed of listed and their size (bytes, tokens = bytes/4); children no session listed are measured on demand', async () => {
  assert.equal((await health()).servers.find((s) => s.name === 'quietweb')!.tools, null);
  const result = await run(['status', '--json'], env.env);
  assert.equal(result.code, 0, result.stderr);
  const rows = JSON.parse(result.stdout) as Array<{ servers: Array<{ name: string; tools: Stats | null }> }>;
  const byName = new Map(rows[0]!.servers.map((s) => [s.name, s.tools]));
  const everything = byName.get('everything')!;
  assert.ok(everything.total > everything.exposed && everything.exposed >= 5, JSON.stringify(everything));
  assert.ok(everything.totalBytes > everything.bytes && everything.bytes > 0);
  assert.equal(everything.tokens, Math.ceil(everything.bytes / 4));
  assert.deepEqual([byName.get('paged')!.exposed, byName.get('paged')!.total], [4, 6]);
  // The http child was listed by the earlier test's client: seen in its replies.
  const web = byName.get('web')!;
  assert.ok(web.total > web.exposed, JSON.stringify(web));
  // This one by the daemon itself, in a short session of its own.
  assert.deepEqual([byName.get('quietweb')!.exposed, byName.get('quietweb')!.total], [1, 6]);
  const text = await run(['status'], env.env);
  assert.match(text.stdout, new RegExp(`everything .*tools ${everything.exposed}/${everything.total} [\\d.]+ k?B ~${everything.tokens} tok`));
});

test('a live filter change: no restart, sessions (stdio and http) get list_changed, the next list and call follow the new filter', async () => {
  const before = await health();
  const pidOf = (h: typeof before, name: string) => h.servers.find((s) => s.name === name)!;
  const stdio = await connect('everything');
  const web = await connect('web');
  const paged = await connect('pagedweb');
  const changed = { stdio: 0, web: 0, paged: 0 };
  stdio.setNotificationHandler(ToolListChangedNotificationSchema, () => { changed.stdio++; });
  web.setNotificationHandler(ToolListChangedNotificationSchema, () => { changed.web++; });
  paged.setNotificationHandler(ToolListChangedNotificationSchema, () => { changed.paged++; });
  try {
    // The http clients' GET streams are open once they can carry notifications.
    await new Promise((r) => setTimeout(r, 500));
    servers.everything = { ...servers.everything, tools: { deny: ['echo'] } };
    servers.web = { ...servers.web, tools: { allow: ['echo'] } };
    servers.pagedweb = { ...servers.pagedweb, tools: { allow: ['gamma', 'alpha-t*'] } };
    writeConfig();
    await waitFor(() => changed.stdio > 0 && changed.web > 0 && changed.paged > 0, 10_000, `list_changed in every session (${JSON.stringify(changed)})`);
    const names = (await listAll(stdio)).names;
    assert.ok(!names.includes('echo') && names.includes('get-sum'), names.join(' '));
    assert.match(await refusedCall(stdio, 'echo'), /tools\.deny \["echo"\]/);
    assert.deepEqual((await listAll(web)).names, ['echo']);
    assert.deepEqual((await listAll(paged)).names, ['alpha-two', 'alpha-three', 'gamma']);
    const after = await health();
    for (const name of ['everything', 'web', 'pagedweb']) {
      assert.equal(pidOf(after, name).pid, pidOf(before, name).pid, `${name} kept its child`);
      assert.equal(pidOf(after, name).restarts, pidOf(before, name).restarts);
    }
    // The stats follow the new filter without asking the child again.
    const stats = (await health()).servers.find((s) => s.name === 'web')!.tools!;
    assert.equal(stats.exposed, 1);
  } finally {
    await Promise.all([stdio.close(), web.close(), paged.close()]);
  }
});

test('doctor warns when definitions are large (> 20 k tokens) and its one line trims them under the limit', async () => {
  const doctor = async () => {
    const result = await run(['doctor', '--json'], env.env, { cwd: root });
    return (JSON.parse(result.stdout) as { checks: Array<{ id: string; status: string; message: string; fix?: string }> }).checks;
  };
  const checks = await doctor();
  const big = checks.find((c) => c.id === 'tools:big');
  assert.ok(big, JSON.stringify(checks.map((c) => c.id)));
  assert.equal(big.status, 'warn');
  assert.match(big.message, /6 tool definitions take .* tokens/);
  assert.ok(!checks.some((c) => c.id === 'tools:everything'), 'a small server is not flagged');
  const line = /add "tools": (\{.*?\}) to servers\.big/.exec(big.fix!);
  assert.ok(line, big.fix);
  servers.big = { ...servers.big, tools: JSON.parse(line[1]!) };
  writeConfig();
  await waitFor(async () => {
    const tools = (await health()).servers.find((s) => s.name === 'big')!.tools;
    return tools && tools.exposed < 6;
  }, 10_000, 'the new filter applied');
  const after = (await health()).servers.find((s) => s.name === 'big')!.tools!;
  assert.ok(after.tokens <= 20_000 && after.exposed >= 1, JSON.stringify(after));
  assert.ok(!(await doctor()).some((c) => c.id === 'tools:big'));
});

test('a bad filter in the config is refused with a one-line error; the daemon keeps the last good config', async () => {
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { ...servers, everything: { ...servers.everything, tools: { allow: ['echo'], deny: ['x'] } } } });
  const result = await run(['ensure'], env.env, { cwd: root });
  assert.notEqual(result.code, 0);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /servers\.everything\.tools: give either "allow" or "deny"/);
  await waitFor(() => daemonLog(daemon).includes('keeping the last good config'), 10_000, 'the daemon to refuse the config');
  const client = await connect('everything');
  try {
    assert.match(await refusedCall(client, 'echo'), /tools\.deny \["echo"\]/);
  } finally {
    await client.close();
    writeConfig();
  }
});

test('a trusted project config sets a filter on a server of the user config: applied live once trusted, not before', async () => {
  const client = await connect('paged');
  let changed = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => { changed++; });
  try {
    const pid = (await health()).servers.find((s) => s.name === 'paged')!.pid;
    writeFileSync(join(root, '.mcp-auto.json'), JSON.stringify({ servers: { paged: { tools: { allow: ['gamma'] } } } }));
    await new Promise((r) => setTimeout(r, 1000));
    // Untrusted: ignored.
    assert.deepEqual((await listAll(client)).names, ['alpha-one', 'beta-one', 'beta-two', 'gamma']);
    const trust = await run(['trust', root], env.env);
    assert.equal(trust.code, 0, trust.stderr);
    await waitFor(() => changed > 0, 10_000, 'list_changed after trust');
    assert.deepEqual((await listAll(client)).names, ['gamma']);
    assert.match(await refusedCall(client, 'beta-two'), /tools\.allow \["gamma"\]/);
    assert.equal((await health()).servers.find((s) => s.name === 'paged')!.pid, pid);
  } finally {
    await client.close();
  }
});
