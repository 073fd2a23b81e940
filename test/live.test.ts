// What the user changes reaches the clients, and what goes wrong reaches the
// user (issue 14): live reloads rewrite the client files, config errors show
// where the user looks (the hook's notice, doctor), the lifecycle's loose ends
// (a deleted project, forget, live sessions, restart's port). Every test
// asserts what the user sees: file contents, notice text, exit codes, pids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { cli, command, everythingBin, makeEnv, run, sleep, track, waitFor, type TestEnv } from './helpers.ts';
import { rootHash } from '../src/config/paths.ts';
import { hashedPort } from '../src/ensure/port.ts';

// This file's ports: 21500-21999, 35 per world.
let slot = 0;
function world(config: Record<string, unknown> = {}, extraEnv: NodeJS.ProcessEnv = {}): TestEnv & { range: [number, number] } {
  const low = 21500 + 35 * slot++;
  assert.ok(low + 34 <= 21999, 'out of this file\'s port range');
  const range: [number, number] = [low, low + 34];
  const w = makeEnv({ portRange: range, config });
  Object.assign(w.env, extraEnv);
  return Object.assign(w, { range });
}

const stateHome = (w: TestEnv) => join(w.env.XDG_STATE_HOME!, 'mcp-auto');
const stateDir = (w: TestEnv, root: string) => join(stateHome(w), rootHash(root));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
const servers = (root: string, file = '.mcp.json') => readJson(join(root, file)).mcpServers as Record<string, any>;
const daemonPid = (w: TestEnv, root: string) => (readJson(join(stateDir(w, root), 'daemon.json')) as { pid: number }).pid;
const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/** Polls `ok` until it holds; fails if that takes longer than the 2 s the user may wait after a command. */
async function within2s(ok: () => boolean, what: string): Promise<number> {
  const start = Date.now();
  for (;;) {
    let holds = false;
    try { holds = ok(); } catch { /* not yet readable */ }
    const elapsed = Date.now() - start;
    if (holds) return elapsed;
    assert.ok(elapsed < 2000, `${what}: not within 2 s of the command`);
    await sleep(25);
  }
}

async function ensure(w: TestEnv, root: string): Promise<number> {
  const r = await run(['ensure', root], w.env);
  assert.equal(r.code, 0, r.stderr);
  return Number(/127\.0\.0\.1:(\d+)/.exec(servers(root).memory.url)![1]);
}

async function health(port: number): Promise<{ servers: Array<{ name: string }> }> {
  return (await fetch(`http://127.0.0.1:${port}/health`)).json() as Promise<{ servers: Array<{ name: string }> }>;
}

const initialize = (port: number, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}/servers/memory/mcp`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
});

test('trust and untrust reach .mcp.json within 2 s, on a machine that had no trust folder when the daemon started', async () => {
  const w = world();
  try {
    const root = w.project('app', { '.mcp-auto.json': JSON.stringify({ servers: { everything: true } }) });
    assert.equal(existsSync(join(stateHome(w), 'trust')), false, 'a first-time user: no trust folder');
    const port = await ensure(w, root);
    assert.deepEqual(Object.keys(servers(root)), ['memory']);

    const trusted = await run(['trust', root], w.env);
    assert.equal(trusted.code, 0, trusted.stderr);
    await within2s(() => servers(root).everything?.url === `http://127.0.0.1:${port}/servers/everything/mcp`, 'the trusted server in .mcp.json');
    assert.ok((await health(port)).servers.some((s) => s.name === 'everything'), 'and the daemon serves it');

    const untrusted = await run(['untrust', root], w.env);
    assert.equal(untrusted.code, 0, untrusted.stderr);
    await within2s(() => !('everything' in servers(root)) && 'memory' in servers(root), 'the untrusted server gone from .mcp.json');
    assert.ok(!(await health(port)).servers.some((s) => s.name === 'everything'), 'and the daemon stopped serving it');
  } finally {
    await w.cleanup();
  }
});

test('switching "auth" applies live: none→token locks the daemon, writes the header and the token file; token→none opens it again', async () => {
  const w = world();
  try {
    const root = w.project('app');
    const port = await ensure(w, root);
    assert.equal((await initialize(port)).status, 200);

    w.writeUserConfig({ portRange: w.range, auth: 'token' });
    await within2s(() => servers(root).memory.headers?.Authorization === 'Bearer ${MCP_AUTO_TOKEN}', 'the bearer header in .mcp.json');
    const token = readFileSync(join(stateDir(w, root), 'token'), 'utf8').trim();
    assert.ok(token.length >= 32);
    assert.equal((await initialize(port)).status, 401, 'no token, no entry');
    assert.equal((await initialize(port, { authorization: `Bearer ${token}` })).status, 200);
    const exec = await run(['exec', '--root', root, '--', 'sh', '-c', 'printf %s "$MCP_AUTO_TOKEN"'], w.env);
    assert.equal(exec.code, 0, exec.stderr);
    assert.equal(exec.stdout, token, 'exec exports the token');

    w.writeUserConfig({ portRange: w.range });
    await within2s(() => servers(root).memory.headers === undefined, 'the header gone from .mcp.json');
    assert.equal((await initialize(port)).status, 200, 'open again without a token');
  } finally {
    await w.cleanup();
  }
});

/** A real bash with the hook loaded: cd into root, then prompts until the notice is shown. */
async function throughTheHook(w: TestEnv, root: string): Promise<{ stderr: string }> {
  const bin = join(w.home, 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    symlinkSync(command, join(bin, 'mcp-auto'));
  }
  const script = `eval "$(mcp-auto hook bash)"; cd "$1"; _mcp_auto_hook
    for _ in $(seq 600); do sleep 0.05; if [[ -e $_mcp_auto_notice ]]; then sleep 0.1; _mcp_auto_hook; break; fi; done`;
  const r = await new Promise<{ stderr: string }>((resolve) => {
    const child = execFile('bash', ['--norc', '--noprofile', '-i', '-c', script, 'bash', root], {
      env: { ...w.env, PATH: `${bin}:${process.env.PATH}` }, encoding: 'utf8', timeout: 40_000,
    }, (_error, _stdout, stderr) => resolve({ stderr }));
    track(child.pid);
  });
  // Only the notice: `mcp-auto hook bash` itself warns (on its own line) when the user config is broken.
  return { stderr: r.stderr.split('\n').filter((l) => l.startsWith('mcp-auto:') && !l.endsWith('the hook uses the default markers')).join('\n') };
}

test('through the hook, a broken config is shown at the next prompt (one line) and no daemon starts', async () => {
  const cases: Array<{ name: string; setup: (w: ReturnType<typeof world>, root: string) => Promise<void> | void; expect: RegExp }> = [
    {
      name: 'a trailing comma in the user config',
      setup: (w) => writeFileSync(join(w.env.XDG_CONFIG_HOME!, 'mcp-auto/config.json'), `{ "portRange": [${w.range.join(', ')}], }\n`),
      expect: /^mcp-auto: \S+\/mcp-auto\/config\.json: not valid JSON \(.+\)$/,
    },
    {
      name: 'an unknown preset',
      setup: (w) => w.writeUserConfig({ portRange: w.range, servers: { serna: true } }),
      expect: /^mcp-auto: \S+config\.json: servers\.serna: no preset named 'serna' \(did you mean serena\?\)/,
    },
    {
      name: 'an invalid trusted project file',
      setup: async (w, root) => {
        writeFileSync(join(root, '.mcp-auto.json'), JSON.stringify({ servers: { serna: true } }));
        assert.equal((await run(['trust', root], w.env)).code, 0);
      },
      expect: /^mcp-auto: \S+\/\.mcp-auto\.json: servers\.serna: no preset named 'serna' \(did you mean serena\?\)/,
    },
  ];
  // In parallel; cleaned up together at the end (a cleanup kills every tracked process).
  const worlds = cases.map(() => world());
  const outcomes = await Promise.allSettled(cases.map(async (c, i) => {
    const w = worlds[i]!;
    const root = w.project('app');
    await c.setup(w, root);
    const { stderr } = await throughTheHook(w, root);
    assert.match(stderr, c.expect, c.name);
    assert.equal(stderr.split('\n').length, 1, `${c.name}: one line`);
    assert.equal(existsSync(join(stateDir(w, root), 'daemon.json')), false, `${c.name}: no daemon`);
  }));
  for (const w of worlds) await w.cleanup();
  for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
});

test('doctor on a broken config: the whole checklist, every problem one ✖ line with its fix, did-you-mean, defaults named', async () => {
  const w = world();
  try {
    const root = w.project('app');
    const file = join(w.env.XDG_CONFIG_HOME!, 'mcp-auto/config.json');
    writeFileSync(file, `{ "portRange": [${w.range.join(', ')}],\n}\n`);
    let r = await run(['doctor', root], w.env);
    assert.equal(r.code, 1);
    let lines = r.stdout.split('\n');
    const json = lines.findIndex((l) => l.includes('not valid JSON'));
    assert.match(lines[json]!, /^✖ \S+config\.json: not valid JSON \(.+\)$/);
    assert.equal(lines[json + 1], `    fix: edit ${file} (a running daemon keeps its last good config meanwhile)`);
    for (const rest of [/^✔ Node/, /^✔ project root /, /no daemon running/, /stale state|deleted/]) assert.ok(lines.some((l) => rest.test(l)), `checklist goes on: ${rest}`);

    writeFileSync(file, JSON.stringify({ portRange: w.range, defaults: ['memroy'], servers: { serna: true }, idleTimeoutMinute: 5 }));
    r = await run(['doctor', root], w.env);
    assert.equal(r.code, 1);
    lines = r.stdout.split('\n');
    const fails = lines.filter((l) => l.startsWith('✖ ') && l.includes('config.json'));
    assert.equal(fails.length, 3, r.stdout);
    assert.ok(fails.some((l) => /: defaults: 'memroy' .*\(did you mean memory\?\)/.test(l)), 'defaults named as defaults');
    assert.ok(fails.some((l) => /: servers\.serna: .*\(did you mean serena\?\)/.test(l)));
    assert.ok(fails.some((l) => /: idleTimeoutMinute: unknown key \(did you mean idleTimeoutMinutes\?\)/.test(l)));
    assert.ok(lines.some((l) => /^✔ project root /.test(l)), 'the checklist goes on');
    const asJson = await run(['doctor', root, '--json'], w.env);
    assert.equal((JSON.parse(asJson.stdout) as { checks: Array<{ id: string }> }).checks.filter((c) => c.id === 'user-config').length, 3);
  } finally {
    await w.cleanup();
  }
});

test('one-line errors: a read-only project, .mcp.json a directory, a DIR that does not exist; doctor quotes paths; extra arguments refused', async (t) => {
  const w = world();
  try {
    const missing = join(w.home, 'no such dir');
    for (const command of ['ensure', 'doctor']) {
      const r = await run([command, missing], w.env);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `mcp-auto: ${command}: ${missing} does not exist\n`);
    }

    const dirRoot = w.project('dir-json');
    mkdirSync(join(dirRoot, '.mcp.json'));
    const r = await run(['ensure', dirRoot], w.env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^mcp-auto: \S+\/\.mcp\.json is a directory, not a file; remove or rename it, then run `mcp-auto ensure`\n$/);
    const doc = await run(['doctor', dirRoot], w.env);
    assert.match(doc.stdout, /^✖ \S+\/\.mcp\.json is a directory, not a file(;|$)/m);

    const canMount = spawnSync('unshare', ['--mount', 'true']).status === 0;
    if (canMount) {
      const ro = w.project('read-only');
      const inNs = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c',
        'mount --bind -o ro "$1" "$1" && exec "$2" "$3" ensure "$1"', 'sh', ro, process.execPath, cli], { env: w.env, encoding: 'utf8', timeout: 20_000 });
      assert.equal(inNs.status, 1, inNs.stderr);
      assert.match(inNs.stderr, new RegExp(`^mcp-auto: cannot write ${ro}/\\.mcp\\.json: ${ro} is on a read-only file system\\n$`));
    } else {
      t.diagnostic('unshare --mount is not available: the read-only case is not run');
    }

    const spaced = w.project('my project');
    const quoted = await run(['doctor', spaced], w.env);
    assert.ok(quoted.stdout.includes(`    fix: mcp-auto ensure '${spaced}'\n`), quoted.stdout);

    await Promise.all(['ensure', 'doctor', 'stop', 'restart', 'logs', 'status', 'port', 'trust', 'untrust', 'forget', 'adopt', 'approve'].map(async (command) => {
      const extra = await run([command, spaced, spaced], w.env);
      assert.equal(extra.code, 2, `${command}: ${extra.stderr}`);
      assert.match(extra.stderr, new RegExp(`^mcp-auto: ${command}: takes at most one DIR, got 2 `), command);
    }));
  } finally {
    await w.cleanup();
  }
});

test('a deleted project: its daemon stops by itself; logs, stop, status and doctor still name it; forget cleans up', async () => {
  const w = world();
  try {
    const root = w.project('doomed');
    await ensure(w, root);
    const pid = daemonPid(w, root);
    rmSync(root, { recursive: true, force: true });
    await waitFor(() => !alive(pid), 5_000, 'the daemon of the deleted root to stop');

    const [logs, stop, status, doctor] = await Promise.all([
      run(['logs', root], w.env), run(['stop', root], w.env), run(['status', root, '--json'], w.env), run(['doctor', w.home], w.env),
    ]);
    assert.equal(logs.code, 0, logs.stderr);
    assert.match(logs.stdout, /was deleted; stopping/);
    assert.equal(stop.code, 0, stop.stderr);
    assert.equal(stop.stdout, `mcp-auto: no daemon was running for ${root}\n`);
    assert.equal(status.code, 0, status.stderr);
    assert.deepEqual((JSON.parse(status.stdout) as Array<{ root: string; rootGone: boolean }>).map((r) => [r.root, r.rootGone]), [[root, true]]);
    assert.ok(doctor.stdout.includes(`! the project ${root} was deleted; its state remains\n    fix: mcp-auto forget ${root}\n`), doctor.stdout);

    const forget = await run(['forget', root], w.env);
    assert.equal(forget.code, 0, forget.stderr);
    assert.match(forget.stdout, /removed its state/);
    assert.equal(existsSync(stateDir(w, root)), false);
    assert.match((await run(['doctor', w.home], w.env)).stdout, /^✔ no stale state files$/m);
  } finally {
    await w.cleanup();
  }
});

test('forget takes out every entry mcp-auto wrote (every client file), the files it created, its approvals, its trust and its state, and says so', async () => {
  const w = world({ clients: ['claude', 'cursor'] });
  try {
    const mine = { command: 'my-server', args: ['--x'] };
    const settings = { permissions: { allow: ['Bash(ls)'] }, enabledMcpjsonServers: ['mine'] };
    const root = w.project('app', {
      '.mcp.json': JSON.stringify({ mcpServers: { mine } }, null, 2),
      '.mcp-auto.json': JSON.stringify({ servers: { everything: true } }),
      '.claude/settings.local.json': JSON.stringify(settings),
    });
    assert.equal((await run(['trust', root], w.env)).code, 0);
    await ensure(w, root);
    assert.equal((await run(['approve', root], w.env)).code, 0);
    assert.deepEqual(readJson(join(root, '.claude/settings.local.json')).enabledMcpjsonServers.sort(), ['everything', 'memory', 'mine']);
    // exec leaves a stamp (as use mcp does) for the root.
    assert.equal((await run(['exec', '--root', root, '--', 'true'], w.env)).code, 0);
    const stamps = join(stateHome(w), 'direnv');
    assert.equal(readdirSync(stamps).length, 1);
    assert.deepEqual(Object.keys(servers(root)).sort(), ['everything', 'memory', 'mine']);
    assert.deepEqual(Object.keys(servers(root, '.cursor/mcp.json')).sort(), ['everything', 'memory']);
    const pid = daemonPid(w, root);
    const exclude = join(root, '.git/info/exclude');
    assert.match(readFileSync(exclude, 'utf8'), /^\/\.cursor\/mcp\.json$|^\.cursor\/mcp\.json$/m, 'the file mcp-auto created is excluded');

    const r = await run(['forget', root], w.env);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(alive(pid), false, 'the daemon is gone');
    assert.deepEqual(servers(root), { mine }, 'only the user\'s entry is left');
    assert.equal(existsSync(join(root, '.cursor')), false, 'the file mcp-auto created, and its folder, are gone');
    assert.deepEqual(readJson(join(root, '.claude/settings.local.json')), settings, 'the approvals approve added are taken back, the user\'s kept');
    assert.equal(existsSync(stateDir(w, root)), false);
    assert.deepEqual(readdirSync(join(stateHome(w), 'trust')), [], 'no trust left');
    assert.deepEqual(readdirSync(stamps), [], 'no stamp left');
    assert.doesNotMatch(readFileSync(exclude, 'utf8'), /cursor/, 'its exclude line is gone');
    for (const line of ['stopped its daemon', `removed memory, everything from ${root}/.mcp.json`, `removed memory, everything from ${root}/.cursor/mcp.json`,
      `removed the trust of ${root}/.mcp-auto.json`, 'removed .cursor/mcp.json from .git/info/exclude', 'removed its state', 'removed its stamp',
      'removed .cursor/mcp.json, .cursor/ (mcp-auto had created them; nothing else was in them)',
      `took back the approval of memory, everything in ${root}/.claude/settings.local.json`]) {
      assert.ok(r.stdout.includes(line), `says: ${line}\n${r.stdout}`);
    }
    assert.equal((await run(['forget', root], w.env)).stdout, `mcp-auto: nothing to forget for ${root}\n`);
  } finally {
    await w.cleanup();
  }
});

test('forget keeps a file it created once the user wrote in it or git tracks it; a settings file approve created goes', async () => {
  const w = world({ clients: ['claude', 'cursor'] });
  try {
    const root = w.project('kept');
    await ensure(w, root);
    assert.equal((await run(['approve', root], w.env)).code, 0);
    assert.deepEqual(readJson(join(root, '.claude/settings.local.json')), { enabledMcpjsonServers: ['memory'] });
    // The user adds an entry of their own to the .mcp.json mcp-auto created, and commits .cursor/mcp.json.
    const mine = { command: 'my-server' };
    writeFileSync(join(root, '.mcp.json'), JSON.stringify({ mcpServers: { ...servers(root), mine } }, null, 2));
    for (const args of [['init', '-q'], ['add', '-f', '.cursor/mcp.json']]) {
      const git = spawnSync('git', args, { cwd: root, env: w.env, encoding: 'utf8' });
      assert.equal(git.status, 0, git.stderr);
    }

    const r = await run(['forget', root], w.env);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(servers(root), { mine }, 'a created file with the user\'s entry in it stays, with that entry');
    assert.deepEqual(servers(root, '.cursor/mcp.json'), {}, 'a created file git tracks stays (its status is the user\'s)');
    assert.equal(existsSync(join(root, '.claude')), false, 'the settings file approve created, and its folder, are gone');
    assert.match(r.stdout, /took back the approval of memory/);
    assert.doesNotMatch(r.stdout, /had created them/);
  } finally {
    await w.cleanup();
  }
});

test('status tells live sessions from idle ones; --watch into a pipe writes no escape codes', async () => {
  const w = world({}, { MCP_AUTO_LIVE_WINDOW_MS: '3000' });
  try {
    const root = w.project('app');
    const port = await ensure(w, root);
    const line = async () => /memory\s.*?(sessions \d+[^\n]*?)  restarts/.exec((await run(['status'], w.env)).stdout)?.[1];
    assert.equal(await line(), 'sessions 0');
    const init = await initialize(port);
    assert.equal(init.status, 200);
    const session = init.headers.get('mcp-session-id')!;
    assert.equal(await line(), 'sessions 1 live');
    await sleep(3200);
    assert.equal(await line(), 'sessions 0 live, 1 idle', 'a session nobody uses is idle');
    const stream = new AbortController();
    const get = await fetch(`http://127.0.0.1:${port}/servers/memory/mcp`, { headers: { accept: 'text/event-stream', 'mcp-session-id': session }, signal: stream.signal });
    assert.equal(get.status, 200);
    await sleep(3200);
    assert.equal(await line(), 'sessions 1 live', 'a session with its stream open is live');
    stream.abort();

    const watch = spawn(process.execPath, [cli, 'status', '--watch'], { env: w.env, stdio: ['ignore', 'pipe', 'pipe'] });
    track(watch.pid);
    let out = '';
    watch.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    await waitFor(() => out.split('mcp-auto status --watch').length > 2, 5_000, 'two redraws');
    watch.kill('SIGKILL');
    assert.ok(out.includes(root));
    assert.equal(out.includes('\x1b'), false, 'no escape codes into a pipe');
  } finally {
    await w.cleanup();
  }
});

test('doctor --json has one shape with or without --fix', async () => {
  const w = world();
  try {
    const root = w.project('app');
    const before = JSON.parse((await run(['doctor', root, '--json'], w.env)).stdout) as { ok: boolean; checks: Array<Record<string, unknown>>; fixed: string[] };
    const fixed = JSON.parse((await run(['doctor', root, '--json', '--fix'], w.env)).stdout) as typeof before;
    assert.deepEqual(Object.keys(fixed), Object.keys(before));
    // The same checklist (a running daemon adds its servers' lines).
    assert.deepEqual(fixed.checks.map((c) => c.id).filter((id) => !String(id).startsWith('server:')), before.checks.map((c) => c.id));
    const allowed = new Set(['id', 'status', 'message', 'fix', 'fixable', 'fixed']);
    for (const c of [...before.checks, ...fixed.checks]) for (const k of Object.keys(c)) assert.ok(allowed.has(k), k);
    const daemon = fixed.checks.find((c) => c.id === 'daemon')!;
    assert.equal(daemon.status, 'ok');
    assert.equal(daemon.fixed, `started the daemon for ${root}`);
    assert.deepEqual(before.fixed, []);
  } finally {
    await w.cleanup();
  }
});

test('-v prints the version; adopt prints the real URLs; restart keeps the port once it is free again', async () => {
  let w = world();
  let blocker: Server | undefined;
  try {
    const version = await run(['--version'], w.env);
    const v = await run(['-v'], w.env);
    assert.equal(v.code, 0);
    assert.equal(v.stdout, version.stdout);

    const adoptRoot = w.project('adopt', { '.mcp.json': JSON.stringify({ mcpServers: { ev: { command: process.execPath, args: [everythingBin, 'stdio'] } } }) });
    const adopted = await run(['adopt', adoptRoot], w.env);
    assert.equal(adopted.code, 0, adopted.stderr);
    const url = servers(adoptRoot).ev.url as string;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/servers\/ev\/mcp$/);
    assert.ok(adopted.stdout.includes(`  ev  ${url}\n`), adopted.stdout);
    assert.equal(adopted.stdout.includes('<name>'), false);

    // The hashed port is taken when the daemon first starts: it gets the next one.
    await w.cleanup();
    w = world();
    const root = w.project('moved');
    const hashed = hashedPort(root, w.range);
    blocker = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => { blocker!.once('error', reject); blocker!.listen(hashed, '127.0.0.1', resolve); });
    const port = await ensure(w, root);
    assert.notEqual(port, hashed);
    await new Promise<void>((r) => blocker!.close(() => r()));
    blocker = undefined;
    const restarted = await run(['restart', root], w.env);
    assert.equal(restarted.code, 0, restarted.stderr);
    assert.equal(restarted.stdout, `mcp-auto: restarted the daemon for ${root} on http://127.0.0.1:${port}\n`);
    assert.equal(servers(root).memory.url, `http://127.0.0.1:${port}/servers/memory/mcp`, '.mcp.json unchanged');
  } finally {
    blocker?.close();
    await w.cleanup();
  }
});
