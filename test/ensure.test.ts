// `mcp-auto ensure` and the lifecycle commands, against the real daemon and the
// default `memory` server (no config needed).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { cli, makeEnv, run, waitFor, type TestEnv } from './helpers.ts';
import { canBind, hashedPort, probeOrder } from '../src/ensure/port.ts';

const RANGE: [number, number] = [30500, 30999];
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });

function world() {
  const env = makeEnv({ portRange: RANGE });
  envs.push(env);
  return env;
}

async function ensureJson(env: TestEnv, dir: string) {
  const r = await run(['ensure', '--json', dir], env.env);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { root: string; port: number; pid: number; started: boolean; clients: Array<{ status: string; conflicts: string[]; error?: string }> };
}

const daemonCount = (root: string) => execFileSync('ps', ['-e', '-o', 'args=']).toString().split('\n')
  .filter((l) => l.includes(' daemon --root ') && l.includes(`--root ${root} `)).length;

test('ensure starts the daemon, writes .mcp.json; a second ensure writes and starts nothing', async () => {
  const env = world();
  const root = env.project('alpha');
  const first = await ensureJson(env, join(root));
  assert.equal(first.started, true);
  assert.equal(first.root, root);
  assert.equal(first.port, hashedPort(root, RANGE));
  const health = await (await fetch(`http://127.0.0.1:${first.port}/health`)).json() as { root: string };
  assert.equal(health.root, root);
  const mcpJson = join(root, '.mcp.json');
  assert.deepEqual(JSON.parse(readFileSync(mcpJson, 'utf8')), {
    mcpServers: { memory: { type: 'http', url: `http://127.0.0.1:${first.port}/servers/memory/mcp` } },
  });
  const mtime = statSync(mcpJson).mtimeMs;
  const second = await ensureJson(env, root);
  assert.equal(second.started, false);
  assert.equal(second.pid, first.pid);
  assert.equal(statSync(mcpJson).mtimeMs, mtime, '.mcp.json not rewritten');
  assert.equal(daemonCount(root), 1);
});

test('an SDK client connects to the URL written in .mcp.json and lists the tools', async () => {
  const env = world();
  const root = env.project('beta');
  await ensureJson(env, root);
  const { url } = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8')).mcpServers.memory as { url: string };
  const client = new Client({ name: 't', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const tools = (await client.listTools()).tools.map((t) => t.name);
  assert.ok(tools.includes('create_entities'), tools.join());
  await client.close();
});

test('20 concurrent ensures on one root start exactly one daemon', async () => {
  const env = world();
  const root = env.project('gamma');
  const results = await Promise.all(Array.from({ length: 20 }, () => run(['ensure', '--json', root], env.env)));
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const pids = new Set(results.map((r) => (JSON.parse(r.stdout) as { pid: number }).pid));
  assert.equal(pids.size, 1);
  assert.equal(results.filter((r) => (JSON.parse(r.stdout) as { started: boolean }).started).length, 1);
  assert.equal(daemonCount(root), 1);
});

test('a daemon killed -9 leaves a stale record: the next ensure replaces it on the same port', async () => {
  const env = world();
  const root = env.project('delta');
  const first = await ensureJson(env, root);
  process.kill(first.pid, 'SIGKILL');
  await waitFor(() => { try { process.kill(first.pid, 0); return false; } catch { return true; } }, 5000, 'daemon gone');
  const status = await run(['status', '--json'], env.env);
  assert.equal((JSON.parse(status.stdout) as Array<{ state: string }>)[0]!.state, 'stale');
  const second = await ensureJson(env, root);
  assert.equal(second.started, true);
  assert.equal(second.port, first.port);
  assert.notEqual(second.pid, first.pid);
});

test('a foreign process on the hashed port: the probe takes the next one, the same on every run', async () => {
  const env = world();
  const squatter = createServer((s) => s.end('HTTP/1.1 200 OK\r\n\r\nnot mcp-auto'));
  // The squatter binds the root's port the moment it is chosen; a root whose
  // port another test's daemon holds already is passed over for the next.
  let root = '';
  let hashed = 0;
  for (let i = 0; ; i++) {
    assert.ok(i < 50, 'a root whose hashed port is free');
    root = env.project(`epsilon-${i}`);
    hashed = hashedPort(root, RANGE);
    const bound = await new Promise<boolean>((r) => {
      squatter.once('error', () => r(false));
      squatter.listen(hashed, '127.0.0.1', () => r(true));
    });
    if (bound) break;
  }
  try {
    const first = await ensureJson(env, root);
    assert.notEqual(first.port, hashed);
    // The next free port in the probe order: usually hashed + 1, unless an
    // earlier test's daemon happens to hold that one (the paths are random).
    const order = probeOrder(root, RANGE);
    assert.equal(order[1], hashed === RANGE[1] ? RANGE[0] : hashed + 1);
    const taken = order.indexOf(first.port);
    assert.ok(taken >= 1, `port ${first.port} is in the probe order`);
    for (const skipped of order.slice(0, taken)) assert.equal(await canBind(skipped), false, `the probe skipped ${skipped}, which is free`);
    assert.match(readFileSync(join(root, '.mcp.json'), 'utf8'), new RegExp(`127\\.0\\.0\\.1:${first.port}/`));
    const again = await ensureJson(env, root);
    assert.equal(again.port, first.port);
    const port = await run(['port', root], env.env);
    assert.equal(port.stdout.trim(), String(first.port));
  } finally {
    squatter.close();
  }
});

test('.mcp.json merge: other servers and keys kept, odd formatting, unicode, 1 MB; only our entry changes', async () => {
  const env = world();
  const root = env.project('zeta');
  const big = 'x'.repeat(1024 * 1024);
  const original = {
    '$schema': 'ünïcödé ✓ 🚀',
    mcpServers: {
      mine: { command: 'uvx', args: ['--from', 'git+https://example.invalid/serena', 'serena'], env: { KEY: 'välue' } },
      other: { type: 'http', url: 'http://127.0.0.1:9/x', blob: big },
    },
    trailing: [1, 2.5, null, true],
  };
  const text = `{\r\n\t"$schema": ${JSON.stringify(original.$schema)},\r\n\t"mcpServers": ${JSON.stringify(original.mcpServers)},\r\n\t"trailing": [1, 2.5, null, true]\r\n}`;
  writeFileSync(join(root, '.mcp.json'), text);
  const r = await ensureJson(env, root);
  const after = readFileSync(join(root, '.mcp.json'), 'utf8');
  const parsed = JSON.parse(after);
  assert.deepEqual(parsed.mcpServers.mine, original.mcpServers.mine);
  assert.deepEqual(parsed.mcpServers.other, original.mcpServers.other);
  assert.deepEqual(parsed.trailing, original.trailing);
  assert.equal(parsed.$schema, original.$schema);
  assert.deepEqual(Object.keys(parsed), ['$schema', 'mcpServers', 'trailing']);
  assert.deepEqual(Object.keys(parsed.mcpServers), ['mine', 'other', 'memory']);
  assert.equal(parsed.mcpServers.memory.url, `http://127.0.0.1:${r.port}/servers/memory/mcp`);
  assert.ok(after.includes('\r\n\t"mcpServers"'), 'CRLF and tab indentation kept');
  assert.ok(!after.endsWith('\n'), 'no final newline added where there was none');
});

test('a hand-formatted .mcp.json: only our entry\'s bytes change, and taking it out gives the original back byte-for-byte', async () => {
  const env = world();
  const original = [
    '{',
    '  "mcpServers": {',
    '    "mine": { "command": "uvx", "args": ["a", "b"] },',
    '    "num":  {"command": "x", "env": {"N": 1.0, "BIG": 12345678901234567890}}',
    '  },',
    '  "esc": "caf\\u00e9 \\/ \\ud83d\\ude00"',
    '}',
    '',
  ].join('\r\n');
  const root = env.project('hand', { '.mcp.json': original });
  const file = join(root, '.mcp.json');
  const r = await run(['ensure', '--json', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  const port = (JSON.parse(r.stdout) as { port: number }).port;
  const entry = [
    ',',
    '    "memory": {',
    '      "type": "http",',
    `      "url": "http://127.0.0.1:${port}/servers/memory/mcp"`,
    '    }',
  ].join('\r\n');
  const at = original.indexOf('\r\n  },');
  assert.equal(readFileSync(file, 'utf8'), original.slice(0, at) + entry + original.slice(at));

  // No longer managed: ensure takes our entry out, and the user's bytes are all that is left.
  env.writeUserConfig({ portRange: RANGE, defaults: [] });
  const again = await run(['ensure', root], env.env);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(file, 'utf8'), original);
});

test('a .mcp.json linked inside the project stays a link and its target is updated; one linked out of it (a dotfiles repo) is left alone with a notice', async () => {
  const env = world();
  const root = env.project('linked');
  mkdirSync(join(root, 'config'));
  writeFileSync(join(root, 'config', 'mcp.json'), '{\n  "mcpServers": {}\n}\n');
  symlinkSync('config/mcp.json', join(root, '.mcp.json'));
  await ensureJson(env, root);
  assert.ok(lstatSync(join(root, '.mcp.json')).isSymbolicLink(), 'the link was replaced by a file');
  assert.ok((JSON.parse(readFileSync(join(root, 'config', 'mcp.json'), 'utf8')) as { mcpServers: Record<string, unknown> }).mcpServers.memory);

  // Out of the project: what the project holds never makes mcp-auto write elsewhere (issue 12).
  const other = env.project('linked-out');
  const target = join(env.home, 'dotfiles', 'mcp.json');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, '{\n  "mcpServers": {}\n}\n');
  symlinkSync(target, join(other, '.mcp.json'));
  const r = await run(['ensure', other], env.env);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /\.mcp\.json is a symlink out of the project .*nothing written/);
  assert.equal(readFileSync(target, 'utf8'), '{\n  "mcpServers": {}\n}\n');
  assert.ok(lstatSync(join(other, '.mcp.json')).isSymbolicLink());
});

test('a malformed .mcp.json is refused with one clear line and left byte-for-byte', async () => {
  const env = world();
  const root = env.project('eta');
  const bad = Buffer.from('{ "mcpServers": { "a": 1, }\n');
  writeFileSync(join(root, '.mcp.json'), bad);
  const r = await run(['ensure', root], env.env);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /\.mcp\.json is not valid JSON .*; fix it and run `mcp-auto ensure`/);
  assert.deepEqual(readFileSync(join(root, '.mcp.json')), bad);
});

test('a user-written entry with a managed name is never touched; the conflict is reported', async () => {
  const env = world();
  const root = env.project('theta');
  const mine = { mcpServers: { memory: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] } } };
  writeFileSync(join(root, '.mcp.json'), JSON.stringify(mine, null, 2));
  const before = readFileSync(join(root, '.mcp.json'));
  const r = await ensureJson(env, root);
  assert.deepEqual(r.clients[0]!.conflicts, ['memory']);
  assert.deepEqual(readFileSync(join(root, '.mcp.json')), before);
});

test('entries mcp-auto wrote and no longer manages are removed; edited ones become the user\'s', async () => {
  const env = world();
  const root = env.project('iota');
  const first = await ensureJson(env, root);
  // memory is switched off: our entry goes, a user entry stays.
  const doc = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8'));
  doc.mcpServers.keep = { type: 'http', url: 'http://127.0.0.1:1/keep' };
  writeFileSync(join(root, '.mcp.json'), JSON.stringify(doc, null, 2));
  env.writeUserConfig({ portRange: RANGE, defaults: [] });
  await run(['restart', root], env.env);
  const after = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8'));
  assert.deepEqual(Object.keys(after.mcpServers), ['keep']);
  void first;
});

test('status, port, logs, stop and restart', async () => {
  const env = world();
  const root = env.project('kappa');
  const first = await ensureJson(env, root);
  const status = JSON.parse((await run(['status', '--json'], env.env)).stdout) as Array<{ root: string; port: number; state: string; rssMb: number; servers: Array<{ name: string }> }>;
  assert.equal(status.length, 1);
  assert.equal(status[0]!.root, root);
  assert.equal(status[0]!.state, 'running');
  assert.ok(status[0]!.rssMb > 0);
  assert.deepEqual(status[0]!.servers.map((s) => s.name), ['memory']);
  assert.equal((await run(['port'], env.env, { cwd: root })).stdout.trim(), String(first.port));
  const logs = await run(['logs', root, '-n', '5'], env.env);
  assert.match(logs.stdout, /daemon .* for /);
  const restarted = await run(['restart', root, '--json'], env.env);
  const after = JSON.parse(restarted.stdout) as { port: number; pid: number };
  assert.equal(after.port, first.port);
  assert.notEqual(after.pid, first.pid);
  const stop = await run(['stop', root], env.env);
  assert.match(stop.stdout, /stopped/);
  assert.throws(() => process.kill(after.pid, 0));
  assert.equal(existsSync(join(root, '.mcp.json')), true);
  const none = await run(['stop', '--all'], env.env);
  assert.match(none.stdout, /no daemon was running/);
});

test('status counts each server\'s calls; --watch redraws them with the most recent calls', async () => {
  const env = world();
  const root = env.project('mu');
  const { port } = await ensureJson(env, root);
  const client = new Client({ name: 'watch', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/servers/memory/mcp`)));
  await client.callTool({ name: 'read_graph', arguments: {} });
  await client.callTool({ name: 'search_nodes', arguments: { query: 'x' } });
  await assert.rejects(client.request({ method: 'no/such/method', params: {} }, ResultSchema));
  await client.close();

  const [row] = JSON.parse((await run(['status', '--json'], env.env)).stdout) as Array<{ servers: Array<{ calls: { total: number; failed: number; recent: Array<{ method: string; target?: string; outcome: string }> } }> }>;
  const calls = row!.servers[0]!.calls;
  assert.equal(calls.total, 3);
  assert.equal(calls.failed, 1);
  assert.deepEqual(calls.recent.slice(-3).map((c) => [c.method, c.target ?? '', c.outcome]),
    [['tools/call', 'read_graph', 'ok'], ['tools/call', 'search_nodes', 'ok'], ['no/such/method', '', 'error']]);

  const watch = spawn(process.execPath, [cli, 'status', '--watch'], { env: env.env, stdio: ['ignore', 'pipe', 'ignore'] });
  let screen = '';
  watch.stdout.on('data', (d: Buffer) => { screen += d.toString(); });
  try {
    await waitFor(() => /recent calls/.test(screen) && /tools\/call search_nodes .* ok/.test(screen) && /no\/such\/method .* error/.test(screen), 5000, 'the recent calls on the watch screen');
    assert.match(screen, /memory +ready +sessions \d+(?: live(?:, \d+ idle)?)? +restarts 0 +calls \d+ \(1 failed\)/);
  } finally {
    watch.kill();
  }
});

test('outside any project ensure does nothing; $HOME with a .git is not a root', async () => {
  const env = world();
  writeFileSync(join(env.home, '.git'), '');
  const r = await run(['ensure', '--json', env.home], env.env);
  assert.equal(r.code, 0);
  assert.equal(JSON.parse(r.stdout).root, null);
});

test('idle shutdown: a daemon with no clients stops itself; the next ensure brings it back on the same port', async () => {
  const env = makeEnv({ portRange: RANGE, config: { idleTimeoutMinutes: 0.03 } });
  envs.push(env);
  const root = env.project('lambda');
  const first = await ensureJson(env, root);
  await waitFor(() => { try { process.kill(first.pid, 0); return false; } catch { return true; } }, 10_000, 'idle daemon gone');
  const second = await ensureJson(env, root);
  assert.equal(second.started, true);
  assert.equal(second.port, first.port);
});
