// A newcomer's first minutes, from the README itself (its commands are read out
// of README.md, so the README cannot drift from what works): a fresh clone of
// this repository at HEAD, the Install section's command run as written in it
// (npm's packages from the machine's npm cache, the global prefix a temporary
// folder), then a real interactive zsh with the Quick start's hook line, `cd`
// into a new git project, and the managed server answering at the URL in
// .mcp.json. The one addition: a user config with this test's port range, so
// that the test never takes a port a user's daemon may hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { repo, has, sleep, track, killTracked, waitFor } from './helpers.ts';
import { Tmux } from './tmux.ts';

const PORTS: [number, number] = [20100, 20299];
const lacking = (...commands: string[]) => {
  const missing = commands.filter((c) => !has(c));
  return missing.length ? `${missing.join(', ')} not installed` : false;
};

const readme = readFileSync(join(repo, 'README.md'), 'utf8');

/** The text of a README section, from its heading to the next heading of the same level. */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0];
  const start = readme.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has a "${heading}" section`);
  const next = readme.slice(start + heading.length + 2).search(new RegExp(`\\n${level} `));
  return readme.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
}

/** The fenced code blocks of a piece of README, in order. */
function codeBlocks(text: string): string[] {
  return [...text.matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** A README line without its trailing `# comment`. */
const command = (line: string) => line.replace(/\s+#.*$/, '').trim();

/** The command of the README line that ends with the given comment. */
function lineFor(block: string, comment: string): string {
  const line = block.split('\n').find((l) => l.trimEnd().endsWith(`# ${comment}`));
  assert.ok(line, `a line for ${comment}`);
  return command(line);
}

// One clean HOME, one clone, one private npm prefix, shared by the tests (one install).
const home = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-auto-newcomer-')));
const clone = join(home, 'src/mcp-auto');
const prefix = join(home, '.npm-global');
const npmConfig = (key: string) => execFileSync('npm', ['config', 'get', key], { encoding: 'utf8' }).trim();
// How this machine reaches the registry (proxy, CA bundle) is not the user's
// HOME: it passes through, or a fresh machine behind a TLS proxy cannot install.
const network = Object.fromEntries(Object.entries(process.env).filter(([key]) =>
  /^(https?_proxy|no_proxy|node_extra_ca_certs|ssl_cert_(file|dir)|npm_config_(registry|cafile|proxy|https_proxy|strict_ssl))$/i.test(key)));
const env: NodeJS.ProcessEnv = {
  ...network,
  HOME: home,
  PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
  SHELL: '/bin/sh',
  USER: process.env.USER ?? 'user',
  npm_config_prefix: prefix,
  // The packages this machine's `npm ci` already fetched: offline, in seconds.
  npm_config_cache: npmConfig('cache'),
  npm_config_prefer_offline: 'true',
  // A private prefix moves npm's global config with it; the machine's (cafile, registry) still applies.
  npm_config_globalconfig: npmConfig('globalconfig'),
  // Fail in seconds with npm's own error, not minutes of silent retries.
  npm_config_fetch_retries: '1',
  npm_config_fetch_timeout: '30000',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'newcomer', GIT_AUTHOR_EMAIL: 'newcomer@example.invalid',
  GIT_COMMITTER_NAME: 'newcomer', GIT_COMMITTER_EMAIL: 'newcomer@example.invalid',
};
const sh = (line: string, cwd = home, timeout = 180_000) =>
  execFileSync('sh', ['-c', line], { env, cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout });

let installed = false;
/** The README's Install section in a fresh clone: its first command as written; returns the test command. */
function install(): string {
  const [block] = codeBlocks(section('## Install'));
  const [installLine, testLine, ...rest] = block!.trim().split('\n');
  assert.equal(rest.length, 0, 'the README installs with two commands: install, test');
  assert.equal(command(testLine!), 'npm test', 'the second is the test command');
  if (installed) return command(testLine!);
  mkdirSync(dirname(clone), { recursive: true });
  execFileSync('git', ['clone', '-q', `file://${repo}`, clone], { env, stdio: 'ignore' });
  sh(command(installLine!), clone);
  mkdirSync(join(home, '.config/mcp-auto'), { recursive: true });
  writeFileSync(join(home, '.config/mcp-auto/config.json'), JSON.stringify({ portRange: PORTS }));
  installed = true;
  return command(testLine!);
}

const tmuxes: Tmux[] = [];
// The clone and `npm ci` take seconds to a minute on a loaded machine.
before(() => {
  if (!has('git')) return;
  install();
}, { timeout: 300_000 });
after(async () => {
  for (const t of tmuxes) await t.kill();
  if (installed) spawnSync('mcp-auto', ['stop', '--all'], { env, stdio: 'ignore' });
  killTracked();
  rmSync(home, { recursive: true, force: true });
});

test("the install from a fresh clone puts a working mcp-auto on PATH; HEAD's dist/ is what its source bundles to", { skip: lacking('git') }, () => {
  const found = sh('command -v mcp-auto').trim();
  assert.equal(found, join(prefix, 'bin/mcp-auto'), 'mcp-auto is on PATH from the global prefix');
  // The committed dist/ in the clone: nothing here was built by hand.
  assert.equal(realpathSync(found), join(clone, 'dist/mcp-auto'), 'the installed command (package.json bin)');
  // Committed and current: bundling HEAD's source again changes no committed file.
  sh('npm run bundle --silent', clone);
  assert.equal(sh('git status --porcelain', clone), '', 'dist/ is stale at HEAD: run `npm run bundle` and commit dist/');
  assert.equal(sh('mcp-auto --version').trim(), JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version);
  // The test command is what package.json runs, preflight first (it is not run here: it would run this test again).
  const scripts = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).scripts as Record<string, string>;
  assert.match(scripts.test!, /^node scripts\/preflight\.mjs && /);
  assert.match(sh('node scripts/preflight.mjs', clone), /^preflight: /);
});

test('README quick start in a real zsh: hook line, cd into a new git project, the server answers at the URL in .mcp.json', { skip: lacking('git', 'zsh', 'tmux'), timeout: 120_000 }, async () => {
  const quick = section('## Quick start');
  const [rcLines, session, sample] = codeBlocks(quick);
  writeFileSync(join(home, '.zshrc'), `${lineFor(rcLines!, '~/.zshrc')}\n`);

  const tmux = new Tmux(env, (n) => `echo SYNC_${n}`);
  tmuxes.push(tmux);
  track(tmux.start('zsh -i', home));
  await tmux.sync();
  // "cd into a project (any folder with .git …)": a new one, made the way a newcomer would.
  const [cdLine, statusLine] = session!.trim().split('\n');
  assert.equal(cdLine, 'cd ~/code/foo');
  assert.equal(statusLine, 'mcp-auto status');
  tmux.type('mkdir -p ~/code/foo && git init -q ~/code/foo');
  await tmux.sync();
  tmux.type(cdLine!);
  const project = join(home, 'code/foo');

  // The output has the README's shape: checked against the README's sample and the real screen alike.
  const head = /^(\S+) {2}127\.0\.0\.1:(\d+) {2}pid (\d+) {2}up \d+[smh]\S* {2}[\d.]+ MB$/m;
  // Lazy start: memory is not-started until the first client (or ready once one came).
  const memoryLine = /^ {2}memory +(?:ready|not-started) +sessions 0 {2}restarts 0 {2}calls 0(?: {2}tools not listed yet)?$/m;
  assert.match(sample!, head);
  assert.match(sample!, memoryLine);
  const screen = await waitFor(async () => {
    tmux.type(statusLine!);
    await sleep(700);
    const text = tmux.screen();
    const last = text.slice(text.lastIndexOf('mcp-auto status'));
    return head.test(last) && memoryLine.test(last) ? last : undefined;
  }, 30_000, '`mcp-auto status` to show the project with memory').catch((error: Error) => {
    throw new Error(`${error.message}:\n${tmux.screen()}`);
  });
  const [, root, port, pid] = head.exec(screen)!;
  track(Number(pid));
  assert.equal(root, realpathSync(project));

  // "~/code/foo/.mcp.json now has "memory": {…}" — the README's own snippet, with this port.
  const snippet = /`"memory": (\{[^`]*\})`/.exec(quick);
  assert.ok(snippet, 'the README shows the .mcp.json entry');
  const expected = JSON.parse(snippet[1]!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`)) as { url: string };
  const written = JSON.parse(readFileSync(join(project, '.mcp.json'), 'utf8'));
  assert.deepEqual(written.mcpServers.memory, expected);
  // The file mcp-auto made is kept out of the new repository's `git status`.
  assert.equal(sh('git status --porcelain', project), '');

  // "Run `mcp-auto approve` once"
  assert.match(quick, /Run `mcp-auto approve` once/);
  tmux.type('mcp-auto approve');
  const settings = await waitFor(() => {
    try { return JSON.parse(readFileSync(join(project, '.claude/settings.local.json'), 'utf8')); } catch { return undefined; }
  }, 10_000, '.claude/settings.local.json');
  assert.deepEqual(settings.enabledMcpjsonServers, ['memory']);

  // What Claude Code does with .mcp.json: connect to that URL and use the tools.
  const client = new Client({ name: 'newcomer', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(expected.url)));
  const tools = (await client.listTools()).tools.map((t) => t.name);
  assert.ok(tools.includes('create_entities'), `memory's tools: ${tools.join(', ')}`);
  await client.callTool({ name: 'create_entities', arguments: { entities: [{ name: 'newcomer', entityType: 'test', observations: ['it works'] }] } });
  const graph = await client.callTool({ name: 'read_graph', arguments: {} });
  assert.match(JSON.stringify(graph.content), /it works/);
  await client.close();

  // The default server comes with the install (started by that first client): no npx, no download.
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { servers: { name: string; pid: number }[] };
  const cmdline = readFileSync(`/proc/${health.servers[0]!.pid}/cmdline`, 'utf8').split('\0').join(' ');
  assert.match(cmdline, new RegExp(`^${process.execPath} ${clone}/node_modules/@modelcontextprotocol/server-memory/`));
});

test('README direnv section, as written: `use mcp` exports MCP_AUTO_URL of a running daemon', { skip: lacking('git', 'direnv'), timeout: 60_000 }, async () => {
  const direnv = section('## direnv');
  assert.match(direnv, /eval "\$\(direnv hook zsh\)"/, "direnv's own hook line is given");
  const [lines] = codeBlocks(direnv);
  const project = join(home, 'code/bar');
  mkdirSync(join(project, '.git'), { recursive: true });
  for (const line of lines!.trim().split('\n')) sh(line, project);

  const url = sh(`direnv exec . sh -c 'echo "$MCP_AUTO_URL"'`, project).trim();
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const health = await waitFor(async () => {
    const h = (await (await fetch(`${url}/health?start=1`)).json()) as { root: string; pid: number; servers: { name: string; state: string }[] };
    return h.servers.every((s) => s.state === 'ready') ? h : undefined;
  }, 20_000, 'the daemon behind MCP_AUTO_URL to be ready');
  track(health.pid);
  assert.equal(health.root, realpathSync(project));
  assert.deepEqual(health.servers.map((s) => s.name), ['memory']);
});

test("README's copies without the clone: `npm pack` and the git URL (as git+file://) install with dist/ and run", { skip: lacking('git'), timeout: 300_000 }, () => {
  const install = section('## Install');
  const pack = /`(npm install -g "\$\(npm pack --silent \| tail -n 1\)")`/.exec(install);
  const git = /`(npm install -g git\+https:\/\/\S+)`/.exec(install);
  assert.ok(pack, 'the README gives the packed install');
  assert.ok(git, 'the README gives the git URL install');
  const url = /git\+https:\/\/\S+/.exec(git[1]!)![0];
  const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string;
  for (const [name, line, cwd] of [['packed', pack[1]!, clone], ['git', git[1]!.replace(url, `git+file://${clone}`), home]] as const) {
    const copyPrefix = join(home, `.npm-${name}`);
    execFileSync('sh', ['-c', line], { env: { ...env, npm_config_prefix: copyPrefix }, cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 280_000 });
    // A copy, not a link into the clone or into a temporary clone npm removed.
    const installed = join(copyPrefix, 'lib/node_modules/mcp-auto');
    assert.equal(realpathSync(installed), installed, `${name}: a copy`);
    const bin = join(copyPrefix, 'bin/mcp-auto');
    assert.equal(execFileSync(bin, ['--version'], { env, encoding: 'utf8' }).trim(), version, `${name}: runs`);
    assert.match(execFileSync(bin, ['hook', 'zsh'], { env, encoding: 'utf8' }), /mcp-auto/, `${name}: shell/ ships too`);
  }
  rmSync(join(clone, `mcp-auto-${version}.tgz`), { force: true });
});
