// Costs (issue 17) and issue 12 finding 2, the behaviour (timings are `npm run bench`'s):
// servers start with their first client session unless marked eager; an eager
// server that analyses project content starts on `cd` only in a root the user
// marked as theirs; the direnv fast path never takes a stale or impostor daemon
// for a running one.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { bashOnlyPath, cli, command, has, everythingBin, freePort, makeEnv, run, startDaemon, track, waitFor, sleep, type TestEnv } from './helpers.ts';
import { processStartTime, readFreshStamp } from '../src/ensure/stamp-check.ts';

const RANGE: [number, number] = [23000, 23499];
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });

/** A world whose servers are `everything`, started through a wrapper that counts its starts. */
function world(servers: Record<string, Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [], servers, ...extra } });
  envs.push(env);
  return env;
}

/** A server definition whose every start appends a line to `starts`. */
function counted(starts: string, more: Record<string, unknown> = {}) {
  return { command: '/bin/sh', args: ['-c', `echo start >> '${starts}'; exec '${process.execPath}' '${everythingBin}' stdio`], ...more };
}

const startsIn = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

interface Health { root: string; pid: number; port: number; servers: Array<{ name: string; state: string; start: string; analyses: boolean; pid: number | null }> }
const health = async (port: number) => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Health;

async function ensure(env: TestEnv, root: string) {
  const r = await run(['ensure', '--json', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as { port: number; pid: number; url: string };
  track(result.pid);
  return result;
}

async function connect(url: string, kind: 'http' | 'sse' = 'http') {
  const client = new Client({ name: `lazy-${kind}`, version: '1' });
  const [base, name] = [url.replace(/\/servers\/.*$/, ''), /\/servers\/([^/]+)/.exec(url)![1]];
  await client.connect(kind === 'http'
    ? new StreamableHTTPClientTransport(new URL(`${base}/servers/${name}/mcp`))
    : new SSEClientTransport(new URL(`${base}/servers/${name}/sse`)));
  return client;
}

const echo = async (client: Client, message: string) =>
  JSON.stringify(await client.callTool({ name: 'echo', arguments: { message } }));

test('a lazy server is not started by the daemon; its first session starts it and is served correctly', async () => {
  const env = world({});
  const starts = join(env.home, 'starts');
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { everything: counted(starts) } });
  const root = env.project('lazy');
  const { port, url } = await ensure(env, root);
  await sleep(300);
  const before = (await health(port)).servers[0]!;
  assert.deepEqual([before.state, before.start, before.pid], ['not-started', 'lazy', null]);
  assert.equal(startsIn(starts), 0, 'nothing started on ensure');

  const client = await connect(`${url}/servers/everything/mcp`);
  const init = client.getServerVersion();
  assert.ok(init?.name, 'the first session got the child\'s own InitializeResult');
  assert.match(await echo(client, 'first'), /Echo: first/);
  const afterwards = (await health(port)).servers[0]!;
  assert.equal(afterwards.state, 'ready');
  assert.ok(afterwards.pid);
  assert.equal(startsIn(starts), 1);
  await client.close();
});

test('two first sessions at once (Streamable HTTP and SSE) start one child, and each gets its own answers', async () => {
  const env = world({});
  const starts = join(env.home, 'starts');
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { everything: counted(starts) } });
  const root = env.project('twice');
  const { port, url } = await ensure(env, root);
  const mcp = `${url}/servers/everything/mcp`;
  const clients = await Promise.all([connect(mcp, 'http'), connect(mcp, 'sse'), connect(mcp, 'http')]);
  const answers = await Promise.all(clients.map((c, i) => echo(c, `session-${i}`)));
  answers.forEach((a, i) => assert.match(a, new RegExp(`Echo: session-${i}"`)));
  assert.equal(startsIn(starts), 1, 'one child for all first sessions');
  assert.equal((await health(port)).servers[0]!.state, 'ready');
  await Promise.all(clients.map((c) => c.close()));
});

test('exec starts the lazy servers and waits until they are ready', async () => {
  const env = world({});
  const starts = join(env.home, 'starts');
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { everything: counted(starts) } });
  const root = env.project('exec');
  const r = await run(['exec', '--root', root, '--', process.execPath, '-e',
    'fetch(process.env.MCP_AUTO_URL + "/health").then((r) => r.json()).then((h) => console.log(h.servers.map((s) => s.state).join()))'], env.env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'ready');
  assert.equal(startsIn(starts), 1);
});

test('issue 12 finding 2: an eager server that analyses project content does not start on cd in an unmarked root; it does in a marked one', async () => {
  const env = world({});
  const analysing = join(env.home, 'analysing');
  const plain = join(env.home, 'plain');
  const servers = {
    // analyses is not said: a user's own command counts as analysing (the safe side).
    indexer: counted(analysing, { start: 'eager' }),
    notes: counted(plain, { start: 'eager', analyses: false }),
  };
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers, trustedRoots: ['~/mine/*'] });

  const clone = env.project('clones/hostile');
  const cloned = await ensure(env, clone);
  await waitFor(async () => (await health(cloned.port)).servers.find((s) => s.name === 'notes')!.state === 'ready', 15_000, 'the non-analysing eager server');
  await sleep(300);
  const indexer = (await health(cloned.port)).servers.find((s) => s.name === 'indexer')!;
  assert.deepEqual([indexer.state, indexer.start, indexer.analyses, indexer.pid], ['not-started', 'lazy', true, null]);
  assert.equal(startsIn(analysing), 0, 'nothing that analyses ran on cd in an unmarked root');
  // The client the user opened there starts it.
  const client = await connect(`${cloned.url}/servers/indexer/mcp`);
  assert.match(await echo(client, 'asked'), /Echo: asked/);
  assert.equal(startsIn(analysing), 1);
  await client.close();

  const mine = env.project('mine/app');
  const own = await ensure(env, mine);
  await waitFor(async () => (await health(own.port)).servers.every((s) => s.state === 'ready'), 15_000, 'both eager servers in the marked root');
  assert.equal((await health(own.port)).servers.find((s) => s.name === 'indexer')!.start, 'eager');
  assert.equal(startsIn(analysing), 2);
});

test('the new server keys are validated with a one-line error', async () => {
  const env = world({});
  env.writeUserConfig({ portRange: RANGE, servers: { x: { command: 'true', start: 'sometimes' } } });
  const root = env.project('bad');
  const r = await run(['ensure', root], env.env);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /servers\.x\.start.*"lazy".*"eager"/);
  env.writeUserConfig({ portRange: RANGE, servers: { x: { command: 'true', analyses: 'no' } } });
  const r2 = await run(['ensure', root], env.env);
  assert.notEqual(r2.code, 0);
  assert.match(r2.stderr, /servers\.x\.analyses.*true/);
});

test('eager children are spawned before the daemon loads its own code and binds its port; a daemon whose port is taken exits 3 and stops them', async () => {
  const env = world({ everything: { command: process.execPath, args: [everythingBin, 'stdio'], start: 'eager', analyses: false } });
  const root = env.project('early');
  const held = await freePort(RANGE[0] + 300, RANGE[1]);
  try {
    // The port is taken: the child spawned at once must not outlive the daemon.
    const pidFile = join(env.home, 'child.pid');
    env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { early: { command: '/bin/sh', args: ['-c', `echo $$ > '${pidFile}'; exec sleep 60`], start: 'eager', analyses: false } } });
    const taken = spawnSync(process.execPath, [cli, 'daemon', '--root', root, '--port', String(held.port)], { env: env.env, encoding: 'utf8', timeout: 20_000 });
    assert.equal(taken.status, 3, taken.stderr);
    assert.match(taken.stderr, /port \d+ is already in use/);
    const childPid = Number(readFileSync(pidFile, 'utf8'));
    track(childPid);
    await waitFor(() => dead(childPid), 5000, 'the early child stopped');
  } finally {
    await held.release();
  }
  // On a free port: the phases the daemon reports put the spawn first.
  env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'], start: 'eager', analyses: false } } });
  const port = (await freePort(RANGE[0] + 300, RANGE[1]));
  await port.release();
  const daemon = await startDaemon(root, port.port, env.env);
  const health = await (await fetch(`http://127.0.0.1:${port.port}/health`)).json() as { startup: Record<string, number>; servers: Array<{ pid: number | null }> };
  assert.ok(health.startup.childrenSpawned! < health.startup.loaded!, JSON.stringify(health.startup));
  assert.ok(health.startup.childrenSpawned! < health.startup.listening!, JSON.stringify(health.startup));
  // The early child is the daemon's: recorded, supervised, stopped with it.
  const childPid = await waitFor(() => health.servers[0]?.pid ?? undefined, 5000, 'the child pid');
  const recorded = JSON.parse(readFileSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto', readdirSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto')).find((d) => existsSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto', d, 'children.json')))!, 'children.json'), 'utf8')) as Array<{ pid: number }>;
  assert.deepEqual(recorded.map((c) => c.pid), [childPid]);
  daemon.kill('SIGTERM');
  await waitFor(() => dead(childPid), 5000, 'the child stopped with the daemon');
});

test('the daemon runs alike from the bin (CommonJS, dist/daemon.cjs) and from the ESM CLI; its errors are one line with an exit code from both', async () => {
  const env = world({ everything: { command: process.execPath, args: [everythingBin, 'stdio'], start: 'eager', analyses: false } });
  const root = env.project('entries');
  const esm = join(dirname(cli), 'mcp-auto.js');
  for (const entry of [cli, esm]) {
    const bad = spawnSync(process.execPath, [entry, 'daemon', '--root', root, '--port', 'eighty'], { env: env.env, encoding: 'utf8', timeout: 20_000 });
    assert.deepEqual([bad.status, bad.stderr], [2, "mcp-auto: daemon: --port must be a port number, not 'eighty'\n"], entry);
    const held = await freePort(RANGE[0] + 300, RANGE[1]);
    try {
      const taken = spawnSync(process.execPath, [entry, 'daemon', '--root', root, '--port', String(held.port)], { env: env.env, encoding: 'utf8', timeout: 20_000 });
      // A daemon run by hand logs to the terminal too (the eager child's start); the error is the last line.
      assert.deepEqual([taken.status, taken.stderr.split('\n').at(-2)], [3, `mcp-auto: daemon: port ${held.port} is already in use`], entry);
    } finally {
      await held.release();
    }
    const port = await freePort(RANGE[0] + 300, RANGE[1]);
    await port.release();
    const daemon = spawn(process.execPath, [entry, 'daemon', '--root', root, '--port', String(port.port)], { env: env.env, stdio: 'ignore', detached: true });
    track(daemon.pid);
    try {
      const url = `http://127.0.0.1:${port.port}`;
      await waitFor(async () => (await health(port.port).catch(() => undefined))?.pid === daemon.pid, 15_000, `the daemon from ${entry}`);
      const started = await (await fetch(`${url}/health`)).json() as { startup: Record<string, number> };
      assert.ok(started.startup.childrenSpawned! < started.startup.listening!, `${entry}: ${JSON.stringify(started.startup)}`);
      const client = await connect(`${url}/servers/everything/mcp`);
      assert.ok((await echo(client, entry)).includes(`Echo: ${entry}`), entry);
      await client.close();
    } finally {
      daemon.kill('SIGTERM');
      await waitFor(() => daemon.exitCode !== null || daemon.signalCode !== null, 10_000, 'the daemon stopped');
    }
  }
});

// ---- the direnv fast path ------------------------------------------------

const hasDirenv = has('direnv');

/** direnv with `use mcp`, and a `mcp-auto` on PATH that logs each run of it (the fast path runs none). */
async function direnvWorld() {
  const env = world({ everything: { command: process.execPath, args: [everythingBin, 'stdio'] } });
  const bin = join(env.home, 'bin');
  const calls = join(env.home, 'mcp-auto-calls');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'mcp-auto'), `#!/bin/sh\necho "$*" >> '${calls}'\nexec '${process.execPath}' '${cli}' "$@"\n`);
  chmodSync(join(bin, 'mcp-auto'), 0o755);
  const e: NodeJS.ProcessEnv = { ...env.env, PATH: `${bin}:${process.env.PATH}` };
  for (const name of Object.keys(e)) if (name.startsWith('DIRENV_')) delete e[name];
  const printed = await run(['direnv'], e);
  const lib = join(e.XDG_CONFIG_HOME!, 'direnv/lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'use_mcp.sh'), printed.stdout);
  const root = env.project('envrc');
  writeFileSync(join(root, '.envrc'), 'use mcp\n');
  assert.equal(spawnSync('direnv', ['allow', '.'], { env: e, cwd: root }).status, 0);
  /** Loads the .envrc; returns MCP_AUTO_PORT and whether mcp-auto ran. */
  const load = () => {
    const before = startsIn(calls);
    const res = spawnSync('direnv', ['exec', '.', 'sh', '-c', 'echo "$MCP_AUTO_PORT"'], { env: e, cwd: root, encoding: 'utf8', timeout: 20_000 });
    assert.equal(res.status, 0, res.stderr);
    return { port: Number(res.stdout.trim()), ranEnsure: startsIn(calls) > before, said: res.stderr };
  };
  const stamps = join(e.XDG_STATE_HOME!, 'mcp-auto/direnv');
  const record = () => {
    const dir = join(e.XDG_STATE_HOME!, 'mcp-auto');
    for (const d of readdirSync(dir)) {
      try { return JSON.parse(readFileSync(join(dir, d, 'daemon.json'), 'utf8')) as { pid: number; port: number }; } catch { /* not a daemon dir */ }
    }
    throw new Error('no daemon record');
  };
  return { env, e, root, load, stamps, record };
}

/** The stamps, without the direnv watches `use mcp` keeps beside each (none while the folder is not there). */
const stampFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []).filter((f) => !f.endsWith('.watches'));

const dead = (pid: number) => { try { process.kill(pid, 0); return false; } catch { return true; } };

test('direnv fast path: nothing to do runs no mcp-auto; any change, a dead daemon or a reused port goes back to ensure', { skip: hasDirenv ? false : 'direnv is not installed', timeout: 90_000 }, async () => {
  const { root, load, stamps, record } = await direnvWorld();
  const first = load();
  assert.ok(first.ranEnsure, 'the first load runs ensure');
  track(record().pid);
  // (What direnv said is in the message: a notice from ensure means no stamp, by design.)
  assert.equal(stampFiles(stamps).length, 1, `ensure left a stamp; direnv said: ${first.said}`);
  const warm = load();
  assert.deepEqual([warm.port, warm.ranEnsure], [first.port, false], 'the daemon is up and all is right: no process');
  // exec's and mcp-config's check of the same stamp (stamp-check.ts) agrees at each step.
  const stampFile = join(stamps, stampFiles(stamps)[0]!);
  const nodeCheck = () => readFreshStamp(stampFile, readFileSync(stampFile, 'utf8').match(/^dir=(.*)$/m)![1]!)?.port;
  assert.equal(nodeCheck(), first.port);

  // A client file changed behind mcp-auto's back: ensure checks it again.
  writeFileSync(join(root, '.mcp.json'), '{"mcpServers": {}}\n');
  assert.equal(nodeCheck(), undefined);
  assert.equal(load().ranEnsure, true);
  assert.match(readFileSync(join(root, '.mcp.json'), 'utf8'), /servers\/everything\/mcp/);
  assert.equal(load().ranEnsure, false);
  rmSync(join(root, '.mcp.json'));
  assert.equal(load().ranEnsure, true);
  assert.ok(existsSync(join(root, '.mcp.json')));

  // A stale daemon: killed -9, its record left behind.
  const { pid } = record();
  process.kill(pid, 'SIGKILL');
  await waitFor(() => dead(pid), 5000, 'daemon dead');
  assert.equal(nodeCheck(), undefined);
  const after = load();
  assert.equal(after.ranEnsure, true, 'a dead daemon is never reported up');
  const revived = record();
  track(revived.pid);
  assert.notEqual(revived.pid, pid);
  assert.equal(after.port, revived.port);
  assert.equal(load().ranEnsure, false);
  assert.equal(nodeCheck(), revived.port);
});

test('direnv fast path: a listener of another account on the recorded port is never taken for the daemon', { skip: !hasDirenv ? 'direnv is not installed' : process.getuid?.() !== 0 ? 'needs root to create a second account (useradd/runuser)' : false, timeout: 90_000 }, async () => {
  const { e, load, stamps, record } = await direnvWorld();
  const first = load();
  const daemon = record();
  track(daemon.pid);
  assert.equal(load().ranEnsure, false);

  const user = `mcpimp${process.pid % 100000}`;
  assert.equal(spawnSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user]).status, 0, 'useradd');
  let impostor: ReturnType<typeof spawn> | undefined;
  try {
    // The daemon dies; another account takes its port at once. (What it answers
    // on /health is the daemon identity work's matter, issue 13: this one
    // answers nothing useful, the fast path must not even ask.)
    process.kill(daemon.pid, 'SIGKILL');
    await waitFor(() => dead(daemon.pid), 5000, 'daemon dead');
    const fake = `require('http').createServer((q, r) => r.end('{}')).listen(${first.port}, '127.0.0.1', () => console.log('up'))`;
    impostor = spawn('runuser', ['-u', user, '--', process.execPath, '-e', fake], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    track(impostor.pid);
    await new Promise<void>((resolve) => impostor!.stdout!.once('data', () => resolve()));

    // The component check alone, with a stamp that names a live process of ours
    // (this test's own) and the impostor's port: the listener's uid says no.
    const [stamp] = stampFiles(stamps);
    const file = join(stamps, stamp!);
    const fields = readFileSync(file, 'utf8');
    const startTime = processStartTime(process.pid);
    const forged = fields.replace(/^pid=.*$/m, `pid=${process.pid}`).replace(/^start=.*$/m, `start=${startTime}`).replace(/^have=.*daemon\.json$/m, '');
    writeFileSync(file, forged.replace(/\n\n/g, '\n'), { mode: 0o600 });
    const lib = join(e.XDG_CONFIG_HOME!, 'direnv/lib/use_mcp.sh');
    const dir = readFileSync(file, 'utf8').match(/^dir=(.*)$/m)![1]!;
    const check = (stampFile: string) => spawnSync('bash', ['-c', `source '${lib}'; _mcp_auto_stamp_fresh "$1" "$2" && echo "up $port"`, 'bash', stampFile, dir], { encoding: 'utf8', env: e });
    assert.equal(check(file).stdout.trim(), '', 'an impostor listener is not our daemon');
    // exec's and mcp-config's check (stamp-check.ts) says the same of the same stamp.
    assert.equal(readFreshStamp(file, dir), undefined, 'nor for exec and mcp-config');
    // So does the installed command's (bash, the same function): with no node
    // on PATH it cannot hand over, so a 127 means it did not answer itself.
    const onlyBash = bashOnlyPath(e.HOME!);
    const installedAsync = (args: string[]) => new Promise<number | null>((resolve) => {
      const c = spawn(command, args, { env: { ...e, PATH: onlyBash }, cwd: dir, stdio: 'ignore' });
      track(c.pid);
      c.on('exit', resolve);
    });
    assert.equal(await installedAsync(['exec', '--', '/bin/sh', '-c', 'exit 0']), 127, 'the installed exec does not take it');
    assert.equal(await installedAsync(['mcp-config']), 127, 'nor its mcp-config');
    // The same stamp with the port of a listener of ours passes: the check is what refused it.
    const { createServer } = await import('node:http');
    // (It answers the installed command's request as the root's daemon would.)
    const stampRoot = readFileSync(file, 'utf8').match(/^root=(.*)$/m)![1]!;
    const ours = createServer((_q, r) => r.end(`root=${stampRoot}\nport=${ourPort}\nready=1\n\n{}\n`)).listen(0, '127.0.0.1');
    await new Promise((r) => ours.once('listening', r));
    const ourPort = (ours.address() as { port: number }).port;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^port=.*$/m, `port=${ourPort}`), { mode: 0o600 });
    assert.equal(check(file).stdout.trim(), `up ${ourPort}`);
    assert.equal(readFreshStamp(file, dir)?.port, ourPort);
    assert.equal(await installedAsync(['exec', '--', '/bin/sh', '-c', 'exit 0']), 0, 'the installed exec takes it');
    ours.close();

    // And the whole `use mcp`: it goes back to ensure rather than export the impostor's port as up.
    rmSync(file);
    const loaded = load();
    assert.equal(loaded.ranEnsure, true);
    const revived = record();
    track(revived.pid);
    assert.notEqual(revived.pid, daemon.pid);
    assert.equal(loaded.port, revived.port, 'the port exported is the new daemon\'s');
  } finally {
    if (impostor?.pid) { try { process.kill(-impostor.pid, 'SIGKILL'); } catch { /* gone */ } }
    await sleep(200);
    spawnSync('userdel', ['-f', user]);
  }
});
