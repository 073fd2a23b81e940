// Issue 12: a hostile clone runs nothing and writes nothing outside itself.
// Each test builds a hostile repository the way an attacker would (symlinked
// files and folders, /dev/zero, a planted node_modules, .npmrc, uv.toml,
// core.fsmonitor, directory names with a newline, quotes, $(...), backticks
// and a leading dash), lets mcp-auto loose on it for real (the built CLI, the
// real daemon, real zsh, bash, fish and direnv), and asserts that nothing
// outside the repository changed and that no planted command ran: every
// planted command would leave a PWNED-* file.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { makeEnv, has, run, cli, repo, freePort, track, waitFor, sleep, type TestEnv } from './helpers.ts';
import { Tmux } from './tmux.ts';
import { indexPaths } from '../src/util/git-index.ts';
import { rootHash } from '../src/config/paths.ts';

const RANGE: [number, number] = [20500, 20899];
/** A uid no account on the machine has: "another user" owns what it owns. */
const OTHER_UID = 23456;

const envs: TestEnv[] = [];
const tmuxes: Tmux[] = [];
/** For the soak row: what was tried and what got through. */
const tally = { tried: 0, bytesOutside: 0, commandsRun: 0 };
after(async () => {
  for (const t of tmuxes) await t.kill();
  for (const e of envs) await e.cleanup();
  if (process.env.HOSTILE_SUMMARY) writeFileSync(process.env.HOSTILE_SUMMARY, JSON.stringify(tally));
});

interface World {
  env: TestEnv;
  home: string;
  repos: string;
  /** The user's files outside every repository (mcp-auto's own state, caches and shell state left out). */
  snapshot(): Map<string, string>;
  /** Planted commands that ran: PWNED-* files anywhere under HOME. */
  pwned(): string[];
  /** Asserts the world outside the repos is as `before` and no planted command ran. */
  unharmed(before: Map<string, string>, what: string): void;
}

function hostileWorld(config: Record<string, unknown> = {}): World {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [], ...config } });
  envs.push(env);
  const home = env.home;
  // Bait: the files a hostile repo reached on main before this issue.
  writeFileSync(join(home, '.claude.json'), '{\n  "projects": {}\n}\n');
  // Folders fish makes for itself at its first start.
  for (const dir of ['.config/fish/completions', '.config/fish/functions', '.local/share']) mkdirSync(join(home, dir), { recursive: true });
  for (const [dir, file, text] of [
    ['.cursor', 'mcp.json', '{\n  "mcpServers": {}\n}\n'],
    ['.vscode', 'mcp.json', '{\n  "servers": {}\n}\n'],
    ['.gemini', 'settings.json', '{\n  "theme": "x"\n}\n'],
    ['.codex', 'config.toml', '# keep this comment\nmodel = "o3"\n'],
    ['.claude', 'settings.local.json', '{\n  "enabledMcpjsonServers": []\n}\n'],
    ['.config/fish/conf.d', 'keep.fish', '# mine\n'],
  ] as const) {
    mkdirSync(join(home, dir), { recursive: true });
    writeFileSync(join(home, dir, file), text);
  }
  const repos = join(home, 'repos');
  mkdirSync(repos);
  // mcp-auto's own state folder (left out of the snapshot) exists, as after any first use.
  mkdirSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto'), { recursive: true });
  const skip = [repos, join(env.env.XDG_STATE_HOME!, 'mcp-auto'), join(home, '.npm'), join(home, '.local/share/fish'),
    join(home, '.config/fish/fish_variables'), join(home, '.local/share/direnv'), join(home, 'calls.log'), join(home, '.cache')];
  const snapshot = () => {
    const seen = new Map<string, string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (skip.some((s) => path === s || path.startsWith(`${s}/`))) continue;
        const info = lstatSync(path);
        if (info.isSymbolicLink()) seen.set(path, `link ${readlinkSync(path)}`);
        else if (info.isDirectory()) { seen.set(path, `dir ${info.mode}`); walk(path); }
        else if (info.isFile()) seen.set(path, `file ${info.mode} ${info.size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
        else seen.set(path, `other ${info.mode}`);
      }
    };
    walk(home);
    return seen;
  };
  const pwned = () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      let names: string[] = [];
      try { names = readdirSync(dir); } catch { return; }
      for (const name of names) {
        const path = join(dir, name);
        if (name.startsWith('PWNED')) found.push(path);
        try { if (lstatSync(path).isDirectory()) walk(path); } catch { /* gone */ }
      }
    };
    walk(home);
    return found;
  };
  const unharmed = (before: Map<string, string>, what: string) => {
    tally.tried++;
    const now = snapshot();
    const changed = [...new Set([...before.keys(), ...now.keys()])].filter((k) => before.get(k) !== now.get(k));
    for (const path of changed) {
      try { tally.bytesOutside += lstatSync(path).size; } catch { tally.bytesOutside += 1; }
    }
    const ran = pwned();
    tally.commandsRun += ran.length;
    assert.deepEqual(changed, [], `${what}: changed outside the repository`);
    assert.deepEqual(ran, [], `${what}: a planted command ran`);
  };
  return { env, home, repos, snapshot, pwned, unharmed };
}

/** A repository under repos/ with a .git marker and the given files. */
function plant(w: World, name: string, files: Record<string, string> = {}): string {
  const dir = join(w.repos, name);
  mkdirSync(join(dir, '.git'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** A planted program: leaves PWNED-<what> in HOME when it runs. */
const payload = (w: World, what: string) => `#!/bin/sh\ntouch '${join(w.home, `PWNED-${what}`)}'\nexit 1\n`;

async function health(port: number): Promise<{ version: string; pid: number; servers: Array<{ name: string; state: string; restarts: number; lastError: string | null }> }> {
  return (await fetch(`http://127.0.0.1:${port}/health`)).json() as never;
}

async function ensureJson(w: World, root: string, env = w.env.env) {
  const r = await run(['ensure', '--json', '--', root], env);
  return { ...r, result: JSON.parse(r.stdout) as { port: number; pid: number; notices: string[]; trust: string; servers: string[] } };
}

// Independent worlds: run side by side (most of each test is waiting on a daemon or a shell).
describe('hostile repositories', { concurrency: 2 }, () => {

test('finding 1: the repo takes no part in launching a user server — node_modules/.bin, .npmrc, uv.toml, a bin/ on PATH, relative and in-project commands', { timeout: 90_000 }, async () => {
  const probe = await freePort(20900, 20949);
  const dead = await freePort(20950, 20999);
  const [probePort, deadPort] = [probe.port, dead.port];
  // Nothing listens on the dead port: the user's registry refuses at once.
  await dead.release();
  let registryHits = 0;
  const registry = createServer((_req, res) => { registryHits++; res.writeHead(404).end(); });
  await probe.release();
  await new Promise<void>((r) => registry.listen(probePort, '127.0.0.1', r));
  after(() => registry.close());

  const w = hostileWorld();
  // The user's own npm config: a registry that refuses at once, no retries (no waiting on the network).
  writeFileSync(join(w.home, '.npmrc'), `registry=http://127.0.0.1:${deadPort}/\nfetch-retries=0\n`);
  // uv is not installed here: a stand-in `uvx` of the user's finds config the way uv does, upwards from its cwd.
  const tools = join(w.home, 'tools');
  mkdirSync(tools);
  writeFileSync(join(tools, 'uvx'), `#!/bin/sh\nd=$PWD\nwhile [ -n "$d" ]; do\n  if [ -e "$d/uv.toml" ]; then touch '${join(w.home, 'PWNED-uv-toml')}'; fi\n  d=\${d%/*}\ndone\nexit 1\n`);
  chmodSync(join(tools, 'uvx'), 0o755);
  w.env.writeUserConfig({
    portRange: RANGE, defaults: [],
    servers: {
      npxed: { command: 'npx', args: ['-y', 'hostile-pkg'], start: 'eager', analyses: false },
      uvxed: { command: 'uvx', args: ['--from', 'some-tool', 'some-tool'], start: 'eager', analyses: false },
      relative: { command: './bin/server', start: 'eager', analyses: false },
      inside: { command: '{root}/bin/server', start: 'eager', analyses: false },
    },
  });
  const root = plant(w, 'npm-clone', {
    'node_modules/hostile-pkg/package.json': JSON.stringify({ name: 'hostile-pkg', version: '1.0.0', bin: { 'hostile-pkg': 'bin.sh' } }),
    'node_modules/hostile-pkg/bin.sh': payload(w, 'node_modules'),
    '.npmrc': `registry=http://127.0.0.1:${probePort}/\n`,
    'uv.toml': `index-url = "http://127.0.0.1:${probePort}/simple"\n`,
    'bin/npx': payload(w, 'path-npx'),
    'bin/uvx': payload(w, 'path-uvx'),
    'bin/server': payload(w, 'relative'),
  });
  for (const f of ['node_modules/hostile-pkg/bin.sh', 'bin/npx', 'bin/uvx', 'bin/server']) chmodSync(join(root, f), 0o755);
  mkdirSync(join(root, 'node_modules/.bin'));
  symlinkSync('../hostile-pkg/bin.sh', join(root, 'node_modules/.bin/hostile-pkg'));
  const before = w.snapshot();

  // As from a shell whose PATH the project extended (a direnv `PATH_add bin`).
  const env = { ...w.env.env, PATH: `${join(root, 'bin')}:${tools}:${process.env.PATH}` };
  const { result } = await ensureJson(w, root, env);
  const servers = await waitFor(async () => {
    const h = await health(result.port);
    const done = (name: string) => h.servers.find((s) => s.name === name && (s.state === 'failed' || s.restarts >= 1));
    return ['npxed', 'uvxed', 'relative', 'inside'].every(done) ? h.servers : undefined;
  }, 30_000, 'every server to have run (and failed) once');
  const byName = Object.fromEntries(servers.map((s) => [s.name, s]));
  assert.match(byName.relative!.lastError ?? '', /relative command \.\/bin\/server/);
  assert.match(byName.inside!.lastError ?? '', /inside a project not marked as yours/);
  assert.equal(registryHits, 0, 'the project .npmrc registry was asked');
  w.unharmed(before, 'npm/uv clone');
});

test('finding 3: doctor reads .git/index itself (versions 2, 3, 4) and runs no git, so a planted core.fsmonitor never runs', { skip: !has('git'), timeout: 90_000 }, async () => {
  const w = hostileWorld();
  const root = plant(w, 'fsmonitor', { '.mcp.json': '{\n  "mcpServers": {}\n}\n', 'src/a.txt': 'a', 'deep/er/ünï code.txt': 'u', 'src/b.txt': 'b' });
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', env: { ...w.env.env, GIT_CONFIG_NOSYSTEM: '1' } });
  execFileSync('sh', ['-c', `rm -rf .git && git init -q && git add -A`], { cwd: root, env: w.env.env });
  const listed = () => git('ls-files', '-z').split('\0').filter(Boolean);
  const index = () => readFileSync(join(root, '.git/index'));
  assert.equal(index().readUInt32BE(4), 2);
  assert.deepEqual(indexPaths(index()), listed());
  git('update-index', '--skip-worktree', 'src/a.txt'); // an extended flag: version 3
  assert.equal(index().readUInt32BE(4), 3);
  assert.deepEqual(indexPaths(index()), listed());
  git('update-index', '--index-version', '4'); // prefix-compressed paths
  assert.equal(index().readUInt32BE(4), 4);
  assert.deepEqual(indexPaths(index()), listed());

  // Arm the trap, and prove it is armed: git itself runs it.
  writeFileSync(join(root, 'fsmonitor.sh'), payload(w, 'fsmonitor'));
  chmodSync(join(root, 'fsmonitor.sh'), 0o755);
  writeFileSync(join(root, '.git/config'), `${readFileSync(join(root, '.git/config'), 'utf8')}[core]\n\tfsmonitor = ${join(root, 'fsmonitor.sh')}\n`);
  spawnSync('git', ['-C', root, 'status'], { env: w.env.env, stdio: 'ignore' });
  assert.ok(existsSync(join(w.home, 'PWNED-fsmonitor')), 'the fixture is not armed: git did not run core.fsmonitor');
  execFileSync('rm', [join(w.home, 'PWNED-fsmonitor')]);
  const before = w.snapshot();

  const r = await run(['doctor', '--json', root], { ...w.env.env, MCP_AUTO_HOOK: 'zsh', MCP_AUTO_HOOK_PWD: root });
  const report = JSON.parse(r.stdout) as { checks: Array<{ id: string; status: string }> };
  assert.equal(report.checks.find((c) => c.id === 'git:claude')?.status, 'warn', 'the tracked .mcp.json was not seen from the index');
  w.unharmed(before, 'core.fsmonitor');
});

test('finding 4: client files and folders linked out of the repo, /dev/zero and a FIFO: nothing written or created outside, a one-line notice each', { timeout: 90_000 }, async () => {
  // A managed entry to write (a server that only sleeps: the test is about the files).
  const w = hostileWorld({ defaults: ['probe'], servers: { probe: { command: '/bin/sleep', args: ['600'] } }, clients: ['claude', 'cursor', 'vscode', 'gemini', 'codex'] });
  const links = plant(w, 'links');
  symlinkSync(join(w.home, '.claude.json'), join(links, '.mcp.json'));
  symlinkSync(join(w.home, '.cursor'), join(links, '.cursor'));
  symlinkSync(join(w.home, '.vscode'), join(links, '.vscode'));
  symlinkSync(join(w.home, '.gemini-made-by-mcp-auto'), join(links, '.gemini')); // dangling: must not be created
  symlinkSync('../../.codex', join(links, '.codex'));
  symlinkSync(join(w.home, '.claude'), join(links, '.claude'));
  const devices = plant(w, 'devices');
  symlinkSync('/dev/zero', join(devices, '.mcp.json'));
  execFileSync('mkfifo', [join(devices, '.mcp-auto.json')]);
  mkdirSync(join(devices, '.cursor'));
  execFileSync('mkfifo', [join(devices, '.cursor/mcp.json')]);
  const before = w.snapshot();

  const linked = await ensureJson(w, links);
  assert.equal(linked.code, 1);
  for (const name of ['.mcp.json', '.cursor', '.vscode', '.gemini', '.codex']) {
    assert.ok(linked.result.notices.some((n) => n.includes(`${links}/`) && n.includes(`${name} is a symlink`) && !n.includes('\n')), `no notice for ${name}: ${linked.result.notices.join(' | ')}`);
  }
  const approve = await run(['approve', links], w.env.env);
  assert.notEqual(approve.code, 0);
  assert.match(approve.stderr, /is a symlink out of the project/);

  const started = Date.now();
  const zero = await ensureJson(w, devices);
  assert.ok(Date.now() - started < 20_000, 'ensure read /dev/zero');
  assert.equal(zero.code, 1);
  assert.ok(zero.result.notices.some((n) => /\.mcp\.json is a symlink out of the project \(to \/dev\/zero\)/.test(n)), zero.result.notices.join(' | '));
  assert.ok(zero.result.notices.some((n) => /\.cursor\/mcp\.json is not a regular file/.test(n)), zero.result.notices.join(' | '));
  assert.ok(zero.result.notices.some((n) => /\.mcp-auto\.json is not a regular file/.test(n)), zero.result.notices.join(' | '));
  const doctor = await run(['doctor', '--json', devices], w.env.env, { timeoutMs: 20_000 });
  assert.ok(doctor.stdout.includes('not a regular file'), doctor.stdout + doctor.stderr);
  assert.ok(!existsSync(join(w.home, '.gemini-made-by-mcp-auto')));
  w.unharmed(before, 'linked client files');
});

test('finding 5: the trusted bytes are the parsed bytes (a writer swapping .mcp-auto.json races for 2 s); a config writable by others, owned by another user or linked out is not used', { timeout: 90_000 }, async () => {
  const w = hostileWorld();
  const evil = (what: string) => `${JSON.stringify({ servers: { evil: { command: '/bin/sh', args: ['-c', `touch '${join(w.home, `PWNED-${what}`)}'; sleep 60`] } } })}\n`;
  const good = '{ "servers": {} }\n';
  const race = plant(w, 'race', { '.mcp-auto.json': good });
  assert.equal((await run(['trust', race], w.env.env)).code, 0);
  const before = w.snapshot();
  const { result } = await ensureJson(w, race);
  // Swaps the file between the trusted content and an untrusted one as fast as it can.
  const writer = spawn(process.execPath, ['-e', `
    const fs = require('fs'); const f = ${JSON.stringify(join(race, '.mcp-auto.json'))};
    const a = ${JSON.stringify(good)}, b = ${JSON.stringify(evil('race'))}; const end = Date.now() + 2000; let i = 0;
    while (Date.now() < end) { fs.writeFileSync(f + '.tmp', i++ % 2 ? a : b); fs.renameSync(f + '.tmp', f); }
    fs.writeFileSync(f, a);`], { stdio: 'ignore' });
  track(writer.pid);
  const written = new Promise((r) => writer.once('exit', r));
  const racing = Date.now() + 2000;
  while (Date.now() < racing) await run(['ensure', '--quiet', '--', race], w.env.env);
  await written;
  await sleep(500);
  assert.deepEqual((await health(result.port)).servers.map((s) => s.name), []);
  w.unharmed(before, 'trust race');

  for (const [name, spoil, why] of [
    ['writable', (f: string) => chmodSync(f, 0o666), /writable by other users/],
    ['group-writable', (f: string) => { chmodSync(f, 0o664); chownSync(f, 0, OTHER_UID); }, /writable by other users/],
    ['foreign', (f: string) => chownSync(f, OTHER_UID, OTHER_UID), /belongs to another user/],
  ] as const) {
    const root = plant(w, name, { '.mcp-auto.json': evil(name) });
    chmodSync(join(root, '.mcp-auto.json'), 0o644);
    assert.equal((await run(['trust', root], w.env.env)).code, 0);
    spoil(join(root, '.mcp-auto.json'));
    const snap = w.snapshot();
    const r = await ensureJson(w, root);
    assert.ok(r.result.notices.some((n) => why.test(n)), r.result.notices.join(' | '));
    await sleep(300);
    assert.deepEqual((await health(r.result.port)).servers, []);
    w.unharmed(snap, name);
  }
  const out = plant(w, 'linked-config');
  writeFileSync(join(w.repos, 'elsewhere.json'), evil('linked'));
  symlinkSync('../elsewhere.json', join(out, '.mcp-auto.json'));
  const snap = w.snapshot();
  const trust = await run(['trust', out], w.env.env);
  assert.notEqual(trust.code, 0);
  assert.match(trust.stderr, /symlink out of the project/);
  const r = await ensureJson(w, out);
  assert.ok(r.result.notices.some((n) => /symlink out of the project/.test(n)));
  w.unharmed(snap, 'config linked out');
});

test("finding 7: approve leaves out the repo's own `memory` stdio entry; doctor names the conflict and does not recommend approve", { timeout: 90_000 }, async () => {
  const w = hostileWorld({ defaults: ['memory'], servers: { memory: { command: '/bin/sleep', args: ['600'] } } });
  const mine = { mcpServers: { memory: { command: '/bin/sh', args: ['-c', 'echo planted'] } } };
  const root = plant(w, 'approve', { '.mcp.json': `${JSON.stringify(mine, null, 2)}\n` });
  const before = w.snapshot();
  const ensured = await ensureJson(w, root);
  assert.ok(ensured.result.notices.some((n) => /already has a 'memory' entry mcp-auto did not write/.test(n)));
  const r = await run(['approve', root], w.env.env);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not approving 'memory'/);
  const settings = join(root, '.claude/settings.local.json');
  assert.ok(!existsSync(settings) || !readFileSync(settings, 'utf8').includes('memory'), 'memory was approved');
  const doctor = await run(['doctor', '--json', root], w.env.env);
  const checks = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; message: string; fix?: string }> }).checks;
  assert.match(checks.find((c) => c.id === 'conflict:memory')?.message ?? '', /did not write/);
  assert.ok(!checks.some((c) => c.fix?.includes('mcp-auto approve')), 'doctor recommends approve');
  w.unharmed(before, 'approve');
});

test('finding 8: a .git another user planted in a shared 1777 folder is no root for ensure', { timeout: 90_000 }, async () => {
  const w = hostileWorld();
  const shared = join(w.repos, 'shared');
  mkdirSync(shared, { mode: 0o1777 });
  chmodSync(shared, 0o1777);
  const evil = plant(w, 'shared/evil', { '.mcp.json': '{}\n' });
  mkdirSync(join(evil, 'sub'));
  execFileSync('chown', ['-R', `${OTHER_UID}:${OTHER_UID}`, evil]);
  const before = w.snapshot();
  const r = await ensureJson(w, join(evil, 'sub'));
  assert.equal((r.result as unknown as { root: string | null }).root, null);
  assert.equal(readFileSync(join(evil, '.mcp.json'), 'utf8'), '{}\n');
  w.unharmed(before, 'foreign root');
});

test('finding 9: control characters from paths, files and server output are escaped in notices, status, doctor and logs', { timeout: 90_000 }, async () => {
  const w = hostileWorld();
  w.env.writeUserConfig({ portRange: RANGE, defaults: [], servers: { noisy: { command: process.execPath, args: ['-e', 'process.stderr.write("\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J noisy\\n"); setInterval(() => {}, 1000)'], start: 'eager', analyses: false } } });
  const root = plant(w, 'esc\x1b[2J\x1b]0;title\x07', { '.mcp-auto.json': '{"servers": {}}\n' });
  const before = w.snapshot();
  const ensured = await run(['ensure', '--', root], w.env.env);
  assert.match(ensured.stderr, /not trusted/);
  const { result } = await ensureJson(w, root);
  await waitFor(async () => (await health(result.port)).servers.some((s) => s.name === 'noisy'), 10_000, 'noisy up');
  await waitFor(() => readFileSync(join(w.env.env.XDG_STATE_HOME!, 'mcp-auto', readdirSync(join(w.env.env.XDG_STATE_HOME!, 'mcp-auto')).find((d) => /^[0-9a-f]{16}$/.test(d))!, 'daemon.log'), 'utf8').includes('noisy'), 10_000, 'the stderr line in the log');
  const outputs = [
    ensured.stderr,
    (await run(['status'], w.env.env)).stdout,
    (await run(['doctor', root], w.env.env)).stdout,
    (await run(['logs', root], w.env.env)).stdout,
  ];
  for (const [i, out] of outputs.entries()) {
    assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f]/, `output ${i} holds a raw control character: ${JSON.stringify(out)}`);
  }
  assert.match(outputs[3]!, /\\x1b\]52;c;/);
  w.unharmed(before, 'control characters');
});

test('finding 10: a daemon older than the CLI is replaced at the next ensure, on the same port, its client session kept', { timeout: 90_000 }, async () => {
  const w = hostileWorld({ defaults: ['memory'] });
  // The same build, calling itself 0.0.1: an install from before an upgrade.
  const old = join(w.home, 'old-install');
  cpSync(join(repo, 'dist'), join(old, 'dist'), { recursive: true });
  cpSync(join(repo, 'shell'), join(old, 'shell'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(old, 'node_modules'));
  const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
  let patched = 0;
  for (const dir of [join(old, 'dist'), join(old, 'dist/chunks')]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      if (text.includes(`"${version}"`)) { writeFileSync(join(dir, name), text.replaceAll(`"${version}"`, '"0.0.1"')); patched++; }
    }
  }
  assert.ok(patched > 0);
  const root = plant(w, 'upgrade');
  const first = JSON.parse(execFileSync(process.execPath, [join(old, 'dist/mcp-auto.js'), 'ensure', '--json', '--', root], { env: w.env.env, encoding: 'utf8' })) as { port: number; pid: number };
  track(first.pid);
  assert.equal((await health(first.port)).version, '0.0.1');
  const mcp = `http://127.0.0.1:${first.port}/servers/memory/mcp`;
  const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const init = await fetch(mcp, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } }) });
  const session = init.headers.get('mcp-session-id');
  assert.ok(session, `no session: ${init.status}`);
  await init.text();

  const { result } = await ensureJson(w, root);
  assert.notEqual(result.pid, first.pid);
  assert.equal(result.port, first.port);
  assert.equal((await health(result.port)).version, version);
  const list = await fetch(mcp, { method: 'POST', headers: { ...headers, 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
  assert.equal(list.status, 200, await list.clone().text());
  assert.match(await list.text(), /create_entities/);
});

// ---- shells and direnv: hostile directory names (finding 6) and foreign roots (finding 8) ----

/** Names an attacker gives a repository folder. The first splits, in an unsafe fish hook, into `--notice-file <a fish startup file>`. */
function hostileDirs(w: World, shell: string): Record<string, string> {
  const base = join(w.repos, shell);
  const dirs: Record<string, string> = {
    newline: `${base}/x\n--notice-file\n${w.home}/.config/fish/conf.d/zz.fish\n/y`,
    quote: `${base}/q/it's "quoted"`,
    subst: `${base}/s/$(touch PWNED-subst)`,
    backtick: `${base}/b/\`touch PWNED-tick\``,
    dash: `${base}/-rf --notice-file=x`,
  };
  // What an unsafe fish hook would have run ensure for: a root whose notice lands in zz.fish.
  mkdirSync(join(base, 'x/.git'), { recursive: true });
  writeFileSync(join(base, 'x/.mcp-auto.json'), '{"servers": {}}\n');
  for (const dir of Object.values(dirs)) mkdirSync(join(dir, '.git'), { recursive: true });
  const foreign = join(base, 'shared/evil');
  mkdirSync(join(foreign, '.git'), { recursive: true });
  chmodSync(join(base, 'shared'), 0o1777);
  execFileSync('chown', ['-R', `${OTHER_UID}:${OTHER_UID}`, foreign]);
  return { ...dirs, foreign };
}

/** A logging `mcp-auto` first on PATH: each call's argv, exactly (RS between args, GS after each call). */
function wrapper(w: World): { env: NodeJS.ProcessEnv; calls(): string[][] } {
  const bin = join(w.home, 'bin');
  const log = join(w.home, 'calls.log');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'mcp-auto'), `#!/bin/sh\n{ for a in "$@"; do printf '%s\\036' "$a"; done; printf '\\035'; } >> '${log}'\nexec '${process.execPath}' '${cli}' "$@"\n`);
  chmodSync(join(bin, 'mcp-auto'), 0o755);
  const env: NodeJS.ProcessEnv = { ...w.env.env, PATH: `${bin}:${process.env.PATH}`, ZDOTDIR: w.home, SHELL: '/bin/sh', HISTFILE: '/dev/null', fish_history: '' };
  for (const name of ['TMUX', 'TMUX_PANE', 'MCP_AUTO_DISABLE', 'PROMPT_COMMAND', 'ENV', 'BASH_ENV']) delete env[name];
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\x1d').filter(Boolean).map((c) => c.split('\x1e').slice(0, -1)) : []);
  return { env, calls };
}

const shells = [
  { name: 'zsh', rc: (w: World) => writeFileSync(join(w.home, '.zshrc'), 'eval "$(mcp-auto hook zsh)"\n'), command: () => 'zsh --no-globalrcs -i', cd: (v: string) => `cd -- "$${v}"`, sync: (n: number) => `echo SYNC_$((${n - 1}+1))` },
  { name: 'bash', rc: (w: World) => writeFileSync(join(w.home, '.bashrc'), 'eval "$(mcp-auto hook bash)"\n'), command: (w: World) => `bash --rcfile '${join(w.home, '.bashrc')}' -i`, cd: (v: string) => `cd -- "$${v}"`, sync: (n: number) => `echo SYNC_$((${n - 1}+1))` },
  {
    name: 'fish',
    rc: (w: World) => {
      writeFileSync(join(w.home, '.config/fish/config.fish'), 'mcp-auto hook fish | source\nfunction fish_greeting; end\n');
    },
    command: () => 'fish -i', cd: (v: string) => `cd -- $${v}`, sync: (n: number) => `echo SYNC_(math ${n - 1}+1)`,
  },
];

for (const shell of shells) {
  test(`findings 6 and 8, ${shell.name}: each hostile folder name reaches ensure as one argument after --; nothing injected, nothing run; a foreign root is skipped`, { skip: !has(shell.name) || !has('tmux'), timeout: 90_000 }, async () => {
    const w = hostileWorld();
    const dirs = hostileDirs(w, shell.name);
    shell.rc(w);
    const { env, calls } = wrapper(w);
    const names = Object.keys(dirs);
    names.forEach((name, i) => { env[`D${i}`] = dirs[name]; });
    const before = w.snapshot();
    const tmux = new Tmux(env, shell.sync);
    tmuxes.push(tmux);
    const pid = tmux.start(shell.command(w), w.home);
    await tmux.sync();
    const notice = join(w.env.env.XDG_STATE_HOME!, 'mcp-auto/notices', String(pid));
    for (const [i, name] of names.entries()) {
      tmux.type(shell.cd(`D${i}`));
      await tmux.sync();
      const root = realpathSync(dirs[name]!);
      if (name === 'foreign') continue;
      await waitFor(() => calls().some((c) => c.at(-1) === root), 15_000, `ensure for the ${name} folder`).catch((error: Error) => {
        throw new Error(`${error.message}\n${JSON.stringify(calls())}\n${tmux.screen()}`);
      });
    }
    await sleep(300);
    const ensures = calls().filter((c) => c[0] === 'ensure');
    const expected = names.filter((n) => n !== 'foreign').map((n) => ['ensure', '--quiet', '--idle-link', '--notice-file', notice, '--', realpathSync(dirs[n]!)]);
    assert.deepEqual(ensures, expected);
    assert.ok(!existsSync(join(w.home, '.config/fish/conf.d/zz.fish')));
    // Each of them got its daemon (ensure understood the root).
    for (const n of names.filter((x) => x !== 'foreign')) {
      const record = join(w.env.env.XDG_STATE_HOME!, 'mcp-auto', rootHash(realpathSync(dirs[n]!)), 'daemon.json');
      await waitFor(() => existsSync(record), 15_000, `the daemon of ${n}`);
    }
    w.unharmed(before, `${shell.name} folder names`);
  });
}

test('findings 6 and 8, direnv: `use mcp` in hostile folder names passes the root as one argument; nothing run, nothing written outside', { skip: !has('direnv'), timeout: 90_000 }, async () => {
  const w = hostileWorld();
  const dirs = hostileDirs(w, 'direnv');
  const { env } = wrapper(w);
  for (const name of Object.keys(env)) if (name.startsWith('DIRENV_')) delete env[name];
  const printed = await run(['direnv'], env);
  const lib = join(env.XDG_CONFIG_HOME!, 'direnv/lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'use_mcp.sh'), printed.stdout);
  const before = w.snapshot();
  for (const [name, dir] of Object.entries(dirs)) {
    if (name === 'foreign') continue;
    // direnv itself cannot load an .envrc from a folder whose name holds a
    // double quote, and expands $(...) and backticks in it (its own issue,
    // before mcp-auto is asked anything): there the .envrc sits one folder up
    // and hands the hostile folder to `use mcp DIR` through a glob.
    const wrapped = /["`$]/.test(dir);
    const envrcDir = wrapped ? join(dir, '..') : dir;
    writeFileSync(join(envrcDir, '.envrc'), wrapped ? 'for d in "$PWD"/*/; do use mcp "${d%/}"; done\n' : 'use mcp\n');
    const allowed = spawnSync('direnv', ['allow'], { env, cwd: envrcDir, encoding: 'utf8' });
    assert.equal(allowed.status, 0, `${name}: ${allowed.stderr}`);
    const out = spawnSync('direnv', ['export', 'json'], { env, cwd: envrcDir, encoding: 'utf8', timeout: 90_000 });
    assert.equal(out.status, 0, out.stderr);
    const vars = JSON.parse(out.stdout) as Record<string, string>;
    assert.match(vars.MCP_AUTO_URL ?? '', /^http:\/\/127\.0\.0\.1:20[5-8]\d\d$/, `${name}: ${out.stderr}`);
    const h = await health(Number(vars.MCP_AUTO_PORT));
    assert.equal((h as unknown as { root: string }).root, realpathSync(dir));
  }
  // direnv's own allow records live in its data folder (left out of the snapshot); nothing else moved.
  const r = await ensureJson(w, join(dirs.foreign!));
  assert.equal((r.result as unknown as { root: string | null }).root, null);
  w.unharmed(before, 'direnv folder names');
});

});
