// Follows the README's "Install" and "Quick start" verbatim, in a clean
// temporary HOME: the commands are read out of README.md itself, so the README
// cannot drift from what mcp-auto does. The one substitution: `npm install -g
// mcp-auto` installs the package packed from this tree (into a private
// prefix). The one addition: a user config with the test port range, so that
// the test never takes a port a user's daemon may hold.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { repo, sleep, track, killTracked, waitFor } from './helpers.ts';
import { Tmux } from './tmux.ts';

const PORTS: [number, number] = [33200, 33399];
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

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

/** The command of the README line that ends with the given comment. */
function lineFor(block: string, comment: string): string {
  const line = block.split('\n').find((l) => l.trimEnd().endsWith(`# ${comment}`));
  assert.ok(line, `a quick-start line for ${comment}`);
  return line.replace(/\s+#.*$/, '');
}

// One clean HOME and one private npm prefix, shared by both tests (one install).
const home = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-auto-quickstart-')));
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
  // The packages npm ci already fetched: the install takes seconds, not a download.
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
};
const sh = (command: string, cwd = home) => execFileSync('sh', ['-c', command], { env, cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });

let installed = false;
function install(): void {
  if (installed) return;
  const tarball = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', home], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].filename as string;
  const [command] = codeBlocks(section('## Install'));
  assert.equal(command!.trim(), 'npm install -g mcp-auto', 'the README installs with one command');
  sh(command!.trim().replace(/ mcp-auto$/, ` ${join(home, tarball)}`));
  mkdirSync(join(home, '.config/mcp-auto'), { recursive: true });
  writeFileSync(join(home, '.config/mcp-auto/config.json'), JSON.stringify({ portRange: PORTS }));
  installed = true;
}

const tmuxes: Tmux[] = [];
after(async () => {
  for (const t of tmuxes) await t.kill();
  if (installed) spawnSync('mcp-auto', ['stop', '--all'], { env, stdio: 'ignore' });
  killTracked();
  rmSync(home, { recursive: true, force: true });
});

test('README quick start, verbatim: zsh hook, cd, status, .mcp.json, approve, a client lists the tools', { skip: !has('zsh') || !has('tmux') }, async () => {
  install();
  const quick = section('## Quick start');
  const [rcLines, session, sample] = codeBlocks(quick);
  writeFileSync(join(home, '.zshrc'), `${lineFor(rcLines!, '~/.zshrc')}\n`);

  // "cd into a project (any folder with .git …)"
  const project = join(home, 'code/foo');
  mkdirSync(join(project, '.git'), { recursive: true });

  const tmux = new Tmux(env, (n) => `echo SYNC_${n}`);
  tmuxes.push(tmux);
  track(tmux.start('zsh -i', home));
  await tmux.sync();
  const [cdLine, statusLine] = session!.trim().split('\n');
  assert.equal(cdLine, 'cd ~/code/foo');
  assert.equal(statusLine, 'mcp-auto status');
  tmux.type(cdLine!);

  // The output has the README's shape: checked against the README's sample and the real screen alike.
  const head = /^(\S+) {2}127\.0\.0\.1:(\d+) {2}pid (\d+) {2}up \d+[smh]\S* {2}[\d.]+ MB$/m;
  // Lazy start: memory is not-started until the first client (or ready once one came).
  const memoryLine = /^ {2}memory +(?:ready|not-started) +sessions 0 {2}restarts 0 {2}calls 0$/m;
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
  const expected = JSON.parse(snippet[1]!.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`));
  const written = JSON.parse(readFileSync(join(project, '.mcp.json'), 'utf8'));
  assert.deepEqual(written.mcpServers.memory, expected);

  // "Run `mcp-auto approve` once"
  assert.match(quick, /Run `mcp-auto approve` once/);
  tmux.type('mcp-auto approve');
  const settings = await waitFor(() => {
    try { return JSON.parse(readFileSync(join(project, '.claude/settings.local.json'), 'utf8')); } catch { return undefined; }
  }, 10_000, '.claude/settings.local.json');
  assert.deepEqual(settings.enabledMcpjsonServers, ['memory']);

  // What Claude Code would do: connect to that URL and use the tools.
  const client = new Client({ name: 'quickstart', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(new URL(expected.url)));
  const tools = (await client.listTools()).tools.map((t) => t.name);
  assert.ok(tools.includes('create_entities'), `memory's tools: ${tools.join(', ')}`);
  await client.callTool({ name: 'create_entities', arguments: { entities: [{ name: 'quickstart', entityType: 'test', observations: ['it works'] }] } });
  const graph = await client.callTool({ name: 'read_graph', arguments: {} });
  assert.match(JSON.stringify(graph.content), /it works/);
  await client.close();

  // The default server comes with the install (started by that first client): no npx, no download.
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { servers: { name: string; pid: number }[] };
  const cmdline = readFileSync(`/proc/${health.servers[0]!.pid}/cmdline`, 'utf8').split('\0').join(' ');
  assert.match(cmdline, new RegExp(`^${process.execPath} ${prefix}/lib/node_modules/mcp-auto/node_modules/@modelcontextprotocol/server-memory/`));
});

test('README quick start with direnv, verbatim: `use mcp` exports MCP_AUTO_URL of a running daemon', { skip: !has('direnv') }, async () => {
  install();
  const direnv = section('### With direnv instead');
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
