// trust, adopt/unadopt and approve against real files and the real daemon.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeEnv, run, waitFor, everythingBin, type TestEnv } from './helpers.ts';
import { approve, unapprove } from '../src/clients/claude-settings.ts';

// Its own range, below Linux's ephemeral ports (32768 and up), shared with no other test file.
const RANGE: [number, number] = [28200, 28399];
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });
function world() {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [] } });
  envs.push(env);
  return env;
}
const health = async (port: number) => (await (await fetch(`http://127.0.0.1:${port}/health?start=1`)).json()) as { servers: Array<{ name: string; state: string }> };

test('an untrusted .mcp-auto.json never runs; trust runs it; an edit revokes trust', async () => {
  const env = world();
  const marker = join(env.home, 'ran-the-command');
  const config = (extra: string) => JSON.stringify({
    servers: { sneaky: { command: 'sh', args: ['-c', `touch '${marker}'; exec '${process.execPath}' '${everythingBin}' stdio`], env: { X: extra } } },
  });
  const root = env.project('p', { '.mcp-auto.json': config('1') });
  const first = await run(['ensure', '--json', root], env.env);
  const { port, trust, notices } = JSON.parse(first.stdout) as { port: number; trust: string; notices: string[] };
  assert.equal(trust, 'untrusted');
  assert.match(notices.join('\n'), /is not trusted; run `mcp-auto trust/);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(existsSync(marker), false, 'untrusted command ran');
  assert.deepEqual((await health(port)).servers.map((s) => s.name), []);

  assert.equal((await run(['trust', root], env.env)).code, 0);
  // The daemon reloads on trust; the server is lazy, so health?start=1 (what a client or exec does) starts it.
  await waitFor(async () => (await health(port)).servers.some((s) => s.name === 'sneaky' && s.state === 'ready'), 10_000, 'sneaky ready');
  assert.ok(existsSync(marker), 'trusted command runs');

  writeFileSync(join(root, '.mcp-auto.json'), config('2'));
  const edited = JSON.parse((await run(['ensure', '--json', root], env.env)).stdout) as { trust: string };
  assert.equal(edited.trust, 'untrusted');
  await waitFor(async () => (await health(port)).servers.length === 0, 10_000, 'edited file no longer used');
  // Through the hook's notice file the warning is given once per file content, not on every cd.
  const noticeFile = join(env.env.XDG_STATE_HOME!, 'mcp-auto/notices/4242');
  mkdirSync(dirname(noticeFile), { recursive: true });
  await run(['ensure', '--quiet', '--notice-file', noticeFile, root], env.env);
  assert.match(readFileSync(noticeFile, 'utf8'), /is not trusted/);
  writeFileSync(noticeFile, '');
  await run(['ensure', '--quiet', '--notice-file', noticeFile, root], env.env);
  assert.equal(readFileSync(noticeFile, 'utf8'), '');
  assert.equal((await run(['untrust', root], env.env)).code, 0);
});

test('adopt serves the stdio entries of .mcp.json from the daemon; unadopt restores them exactly', async () => {
  const env = world();
  const original = {
    mcpServers: {
      everything: { command: process.execPath, args: [everythingBin, 'stdio'], env: { A: 'ü' }, type: 'stdio' },
      remote: { type: 'http', url: 'https://example.invalid/mcp', headers: { X: '1' } },
    },
    other: { keep: [1, 2, 3] },
  };
  const root = env.project('q', { '.mcp.json': JSON.stringify(original, null, 4) });
  const adopted = await run(['adopt', root], env.env);
  assert.equal(adopted.code, 0, adopted.stderr);
  const after = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8'));
  assert.equal(after.mcpServers.everything.type, 'http');
  assert.match(after.mcpServers.everything.url, /^http:\/\/127\.0\.0\.1:\d+\/servers\/everything\/mcp$/);
  assert.deepEqual(after.mcpServers.remote, original.mcpServers.remote);
  assert.deepEqual(after.other, original.other);
  const config = JSON.parse(readFileSync(join(root, '.mcp-auto.json'), 'utf8'));
  assert.deepEqual(config.servers.everything, { command: process.execPath, args: [everythingBin, 'stdio'], env: { A: 'ü' } });
  const port = Number(/:(\d+)\//.exec(after.mcpServers.everything.url)![1]);
  await waitFor(async () => (await health(port)).servers.some((s) => s.name === 'everything' && s.state === 'ready'), 10_000, 'adopted server ready');

  const back = await run(['unadopt', root], env.env);
  assert.equal(back.code, 0, back.stderr);
  assert.deepEqual(JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8')), original);
  assert.equal(existsSync(join(root, '.mcp-auto.json')), false, 'the config adopt created is gone');
});

test('adopt refuses a malformed .mcp.json and leaves it untouched', async () => {
  const env = world();
  const bad = '{"mcpServers": {"a": {"command": "x",}}}';
  const root = env.project('r', { '.mcp.json': bad });
  const r = await run(['adopt', root], env.env);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /is not valid JSON/);
  assert.equal(readFileSync(join(root, '.mcp.json'), 'utf8'), bad);
});

test('taking approvals back removes a settings file only as approve made it: one that became a link is written, never removed', () => {
  const env = world();
  const root = env.project('linked');
  const stateDir = join(env.home, 'state-linked');
  assert.deepEqual(approve(root, stateDir, ['memory']), ['memory']);
  // Approve created the file; the user moves it and leaves a link in its place.
  const settings = join(root, '.claude/settings.local.json');
  const real = join(root, '.claude/real.json');
  renameSync(settings, real);
  symlinkSync('real.json', settings);
  assert.deepEqual(unapprove(root, stateDir), ['memory']);
  assert.equal(lstatSync(settings).isSymbolicLink(), true, 'the link stays');
  assert.deepEqual(JSON.parse(readFileSync(real, 'utf8')), {}, 'its target is written without the name, not removed');
  assert.deepEqual(unapprove(root, stateDir), [], 'nothing left to take back');
});

test('approve adds the managed names to .claude/settings.local.json, keeping other keys, once', async () => {
  const env = world();
  env.writeUserConfig({ portRange: RANGE, defaults: ['memory'] });
  const root = env.project('s', { '.claude/settings.local.json': JSON.stringify({ permissions: { allow: ['Bash(ls)'] }, enabledMcpjsonServers: ['mine'] }) });
  assert.equal((await run(['approve', root], env.env)).code, 0);
  assert.equal((await run(['approve', root], env.env)).code, 0);
  const settings = JSON.parse(readFileSync(join(root, '.claude/settings.local.json'), 'utf8'));
  assert.deepEqual(settings, { permissions: { allow: ['Bash(ls)'] }, enabledMcpjsonServers: ['mine', 'memory'] });
});
