// `mcp-auto exec` (issue 6): it starts the project's daemon, waits until every
// server is ready, runs CMD with MCP_AUTO_PORT/MCP_AUTO_URL and passes its
// exit code and signals through. The servers are real; one starts slowly on
// purpose, so a CMD that ran too early would see it still starting.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bashOnlyPath, cli, command, has, everythingBin, makeEnv, repo, run, track, waitFor } from './helpers.ts';
import { rootHash } from '../src/config/paths.ts';

const env = makeEnv({
  portRange: [31580, 31599],
  config: {
    defaults: [],
    servers: {
      // Ready only after ~1.5 s: exec must wait for it.
      slow: { command: 'sh', args: ['-c', `sleep 1.5; exec '${process.execPath}' '${everythingBin}' stdio`] },
    },
  },
});
after(() => env.cleanup());

/** A node one-liner CMD: prints what it sees of the daemon when it starts. */
const probe = `
const port = process.env.MCP_AUTO_PORT;
const health = await (await fetch(process.env.MCP_AUTO_URL + '/health')).json();
console.log(JSON.stringify({ port, url: process.env.MCP_AUTO_URL, states: health.servers.map((s) => s.name + ':' + s.state), root: health.root }));
`;

test('exec starts the daemon, runs CMD once every server is ready, with MCP_AUTO_PORT and MCP_AUTO_URL', async () => {
  const root = env.project('ready');
  const started = Date.now();
  const result = await run(['exec', '--root', root, '--', process.execPath, '--input-type=module', '-e', probe], env.env);
  assert.equal(result.code, 0, result.stderr);
  const seen = JSON.parse(result.stdout) as { port: string; url: string; states: string[]; root: string };
  assert.deepEqual(seen.states, ['slow:ready']);
  assert.equal(seen.root, root);
  assert.ok(Date.now() - started >= 1500, 'it waited for the slow server');
  const record = JSON.parse(readFileSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto', rootHash(root), 'daemon.json'), 'utf8')) as { port: number };
  assert.equal(seen.port, String(record.port));
  assert.equal(seen.url, `http://127.0.0.1:${record.port}`);
  assert.equal(result.stderr, '', 'no progress line when stderr is not a terminal');
});

test("exec passes CMD's exit code through; 127 for a missing command", async () => {
  const root = env.project('codes');
  assert.equal((await run(['exec', '--root', root, '--', 'sh', '-c', 'exit 7'], env.env)).code, 7);
  assert.equal((await run(['exec', '--root', root, '--', 'true'], env.env)).code, 0);
  // Flags after -- are CMD's, --help included.
  assert.equal((await run(['exec', '--root', root, '--', 'printf', '%s|', '--help', '-h'], env.env)).stdout, '--help|-h|');
  const missing = await run(['exec', '--root', root, '--', 'no-such-command-mcp-auto'], env.env);
  assert.equal(missing.code, 127);
  assert.match(missing.stderr, /no-such-command-mcp-auto: command not found/);
  const usage = await run(['exec', '--root', root, 'sh'], env.env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /after --/);
});

test('exec forwards SIGTERM to CMD and exits with its code', async () => {
  const root = env.project('signals');
  const child = spawn(process.execPath, [cli, 'exec', '--root', root, '--', 'sh', '-c',
    'trap "echo got TERM; exit 42" TERM; echo started; while :; do sleep 0.05; done'], { env: env.env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child.pid);
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await waitFor(() => out.includes('started'), 15_000, 'CMD to start');
  child.kill('SIGTERM');
  assert.equal(await exited, 42);
  assert.match(out, /got TERM/);
});

test('exec gives up after --timeout with 125 and never runs CMD', async () => {
  const root = env.project('timeout');
  const marker = join(env.home, 'ran');
  const result = await run(['exec', '--root', root, '--timeout', '0.5', '--', 'touch', marker], env.env);
  assert.equal(result.code, 125);
  assert.match(result.stderr, /^mcp-auto: exec: not ready after \d+ s: slow \(starting\); see `mcp-auto logs`/);
  assert.equal(existsSync(marker), false);
});

test('with "auth": "token", CMD gets MCP_AUTO_TOKEN and the daemon accepts it', async () => {
  const tokenEnv = makeEnv({ portRange: [31600, 31619], config: { auth: 'token' } });
  try {
    const root = tokenEnv.project('token');
    const call = `
const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
const post = (headers) => fetch(process.env.MCP_AUTO_URL + '/servers/memory/mcp', { method: 'POST', body: JSON.stringify(init),
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }).then((r) => r.status);
console.log(await post({ authorization: 'Bearer ' + process.env.MCP_AUTO_TOKEN }), await post({}));
`;
    // The second run answers from the stamp ensure left: the token comes from it.
    for (const time of ['first', 'second']) {
      const result = await run(['exec', '--root', root, '--', process.execPath, '--input-type=module', '-e', call], tokenEnv.env);
      assert.equal(result.code, 0, `${time}: ${result.stderr}`);
      assert.equal(result.stdout.trim(), '200 401', time);
    }
  } finally {
    await tokenEnv.cleanup();
  }
});

// ---- the stamp: exec and mcp-config with their daemon up (issue 17) --------

for (const installed of [false, true]) {
  test(`${installed ? 'installed command (bash)' : 'Node entry'}: exec and mcp-config answer from the stamp while all holds; a changed client file, a dead daemon or mcp-config's own stamp go back to ensure`, async () => {
    const warm = makeEnv({ portRange: installed ? [31660, 31679] : [31620, 31639], config: { defaults: [], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } } } });
    try {
      const root = warm.project('stamped');
      const stamp = join(warm.env.XDG_STATE_HOME!, 'mcp-auto/direnv', root.replaceAll('%', '%25').replaceAll('/', '%2F'));
      // ensure's path always writes the stamp anew (a new file); the stamp's answer leaves it be.
      const written = () => { try { const s = statSync(stamp, { bigint: true }); return `${s.ino}/${s.mtimeNs}`; } catch { return undefined; } };
      const seen = `
  const health = await (await fetch(process.env.MCP_AUTO_URL + '/health')).json();
  console.log(JSON.stringify({ port: Number(process.env.MCP_AUTO_PORT), pid: health.pid, states: health.servers.map((s) => s.name + ':' + s.state) }));
  `;
      const exec = async () => {
        const r = await run(['exec', '--root', root, '--', process.execPath, '--input-type=module', '-e', seen], warm.env, { installed });
        assert.equal(r.code, 0, r.stderr);
        return JSON.parse(r.stdout) as { port: number; pid: number; states: string[] };
      };
      const first = await exec();
      track(first.pid);
      assert.deepEqual(first.states, ['everything:ready']);
      const stamped = written();
      assert.ok(stamped, 'exec left a stamp');
      assert.deepEqual(await exec(), first);
      assert.equal(written(), stamped, 'the second exec answered from the stamp');

      // mcp-config: the same answer from the stamp and from ensure's path.
      const fromStamp = await run(['mcp-config', root], warm.env, { installed });
      assert.equal(fromStamp.code, 0, fromStamp.stderr);
      assert.equal(written(), stamped);
      assert.equal(JSON.parse(fromStamp.stdout).mcpServers.everything.url, `http://127.0.0.1:${first.port}/servers/everything/mcp`);
      rmSync(stamp);
      const fromEnsure = await run(['mcp-config', root], warm.env, { installed });
      assert.equal(fromEnsure.stdout, fromStamp.stdout);
      assert.match(readFileSync(stamp, 'utf8'), /^scope=daemon$/m, 'mcp-config checked no client file, and its stamp says so');

      // ...which exec does not take: the client file it needs comes back.
      rmSync(join(root, '.mcp.json'));
      assert.deepEqual(await exec(), first);
      assert.ok(existsSync(join(root, '.mcp.json')), 'exec went through ensure');
      assert.doesNotMatch(readFileSync(stamp, 'utf8'), /^scope=/m);

      // A client file changed behind mcp-auto's back.
      const again = written();
      writeFileSync(join(root, '.mcp.json'), '{"mcpServers": {}}\n');
      await exec();
      assert.match(readFileSync(join(root, '.mcp.json'), 'utf8'), /servers\/everything\/mcp/);
      assert.notEqual(written(), again);

      // A dead daemon is never taken for up: exec brings it back, on the port clients know.
      process.kill(first.pid, 'SIGKILL');
      await waitFor(() => { try { process.kill(first.pid, 0); return false; } catch { return true; } }, 5000, 'the daemon dead');
      const revived = await exec();
      track(revived.pid);
      assert.notEqual(revived.pid, first.pid);
      assert.equal(revived.port, first.port);
      const restamped = written();
      assert.deepEqual(await exec(), revived);
      assert.equal(written(), restamped);
    } finally {
      await warm.cleanup();
    }
  });
}

test('the installed command answers exec and mcp-config without Node: CMD takes its place (same pid, its own exit status), with the token; what it cannot confirm is Node\'s', async () => {
  const w = makeEnv({ portRange: [31680, 31699], config: { auth: 'token', defaults: [], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } } } });
  try {
    const root = w.project('no-node');
    const first = await run(['exec', '--root', root, '--', 'true'], w.env, { installed: true });
    assert.equal(first.code, 0, first.stderr);
    track((JSON.parse(readFileSync(join(w.env.XDG_STATE_HOME!, 'mcp-auto', rootHash(root), 'daemon.json'), 'utf8')) as { pid: number }).pid);
    // A PATH with bash and no node: were the command to hand over to Node, it would fail (127).
    const noNode = { ...w.env, PATH: bashOnlyPath(w.home) };
    // Async: the listeners below live in this process.
    const noNodeRun = (args: string[], cwd?: string) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = execFile(command, args, { env: noNode, cwd, encoding: 'utf8' }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
      track(c.pid);
    });
    const probe = `
const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'probe', version: '1' } } };
const r = await fetch(process.env.MCP_AUTO_URL + '/servers/everything/mcp', { method: 'POST', body: JSON.stringify(init),
  headers: { authorization: 'Bearer ' + process.env.MCP_AUTO_TOKEN, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } });
await r.body?.cancel();
console.log(JSON.stringify({ pid: process.pid, port: process.env.MCP_AUTO_PORT, status: r.status }));
process.exit(7);
`;
    const child = spawn(command, ['exec', '--root', root, '--', process.execPath, '--input-type=module', '-e', probe], { env: noNode, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child.pid);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 7, `CMD's own exit status: ${err}`);
    const seen = JSON.parse(out) as { pid: number; port: string; status: number };
    assert.equal(seen.pid, child.pid, 'CMD is the process the caller started: nothing stands between them');
    assert.equal(seen.status, 200, 'the daemon takes the token CMD got');
    const port = Number(seen.port);

    // From a directory in the project, --root relative, or none (the working directory).
    for (const [args, cwd] of [[['--root', 'no-node'], w.home], [[], root]] as const) {
      const r = await noNodeRun(['exec', ...args, '--', '/bin/sh', '-c', 'echo "$MCP_AUTO_URL"'], cwd);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `http://127.0.0.1:${port}\n`);
    }
    // mcp-config: Node's bytes exactly, with no Node.
    const config = await noNodeRun(['mcp-config', root]);
    assert.equal(config.code, 0, config.stderr);
    assert.equal(config.stdout, (await run(['mcp-config', root], w.env)).stdout);
    assert.match(config.stdout, /"Authorization": "Bearer \$\{MCP_AUTO_TOKEN\}"/);

    // What the fast path does not confirm is Node's, with Node's answer: a
    // CMD that is not there, a usage error, --help, an option it does not know.
    const missing = await run(['exec', '--root', root, '--', 'no-such-command-mcp-auto'], w.env, { installed: true });
    assert.equal(missing.code, 127);
    assert.match(missing.stderr, /mcp-auto: exec: no-such-command-mcp-auto: command not found/);
    assert.equal((await run(['exec', '--root', root, 'true'], w.env, { installed: true })).code, 2);
    assert.match((await run(['exec', '--help'], w.env, { installed: true })).stdout, /^Usage: mcp-auto exec/m);
    assert.equal((await noNodeRun(['exec', '--root', root, '--timeout', '0', '--', '/bin/sh', '-c', 'exit 0'])).code, 127, 'a --timeout Node must judge goes to Node');
    assert.equal((await run(['--version'], w.env, { installed: true })).stdout.trim(), JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);

    // A listener that does not answer as this root's daemon is Node's to judge
    // too (the stamp's pid is alive, the listener is ours): one that answers
    // JSON, as an older daemon does, and one that answers for another root.
    const stamp = join(w.env.XDG_STATE_HOME!, 'mcp-auto/direnv', root.replaceAll('%', '%25').replaceAll('/', '%2F'));
    const { createServer } = await import('node:http');
    let answer = '';
    const other = createServer((_q, r) => r.end(answer)).listen(0, '127.0.0.1');
    try {
      await new Promise((r) => other.once('listening', r));
      const otherPort = (other.address() as { port: number }).port;
      writeFileSync(stamp, readFileSync(stamp, 'utf8').replace(/^port=.*$/m, `port=${otherPort}`), { mode: 0o600 });
      const shellForm = (forRoot: string) => `root=${forRoot}\nport=${otherPort}\nready=1\n\n${config.stdout}`;
      for (const body of [JSON.stringify({ root, port: otherPort }), shellForm(`${root}-other`)]) {
        answer = body;
        assert.equal((await noNodeRun(['exec', '--root', root, '--', '/bin/sh', '-c', 'exit 0'])).code, 127, `exec not answered without Node: ${body}`);
        assert.equal((await noNodeRun(['mcp-config', root])).code, 127);
      }
      // The control: the same listener answering for this root is taken.
      answer = shellForm(root);
      assert.equal((await noNodeRun(['exec', '--root', root, '--', '/bin/sh', '-c', 'exit 0'])).code, 0);
      assert.equal((await noNodeRun(['mcp-config', root])).stdout, config.stdout);
    } finally {
      other.close();
    }
  } finally {
    await w.cleanup();
  }
});

test('a stamp that cannot answer is read once a process: the full CLI the bin hands over to goes straight to ensure', { skip: has('strace') ? false : 'strace not installed' }, async () => {
  const w = makeEnv({ portRange: [31640, 31659], config: { defaults: [], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } } } });
  try {
    const root = w.project('once');
    const stamp = join(w.env.XDG_STATE_HOME!, 'mcp-auto/direnv', root.replaceAll('%', '%25').replaceAll('/', '%2F'));
    const first = await run(['exec', '--root', root, '--', 'true'], w.env);
    assert.equal(first.code, 0, first.stderr);
    track((JSON.parse(readFileSync(join(w.env.XDG_STATE_HOME!, 'mcp-auto', rootHash(root), 'daemon.json'), 'utf8')) as { pid: number }).pid);
    for (const args of [['exec', '--root', root, '--', 'true'], ['mcp-config', root]]) {
      // Stale: a client file changed after the stamp was written.
      assert.ok(existsSync(stamp), 'a stamp to read');
      writeFileSync(join(root, '.mcp.json'), '{"mcpServers": {}}\n');
      const trace = join(w.home, 'trace');
      const r = spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', trace, process.execPath, cli, ...args], { env: w.env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 0, r.stderr);
      const reads = readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes(`"${stamp}", O_RDONLY`));
      assert.equal(reads.length, 1, `${args[0]} read the stamp ${reads.length} times`);
    }
  } finally {
    await w.cleanup();
  }
});
