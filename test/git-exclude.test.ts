// A client file mcp-auto creates stays out of `git status` through
// .git/info/exclude (no git process run to do it); a file that was there, or a
// repository laid out any other way, is left alone; unadopt takes the line out.
// Checked with real git repositories and the real `git status`.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addGitExclude, removeGitExclude, EXCLUDE_COMMENT } from '../src/clients/git-exclude.ts';
import { everythingBin, makeEnv, run, type TestEnv } from './helpers.ts';

const RANGE: [number, number] = [20000, 20099];
const noGit = spawnSync('sh', ['-c', 'command -v git']).status === 0 ? false : 'git is not installed';
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });
function world(config: Record<string, unknown> = {}): TestEnv {
  const env = makeEnv({ portRange: RANGE, config });
  envs.push(env);
  return env;
}

const git = (root: string, ...args: string[]) => execFileSync('git', ['-C', root, ...args], {
  encoding: 'utf8',
  env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' },
});
/** A real repository at <home>/<name> (git init, so .git/info/exclude exists as git writes it). */
function repo(env: TestEnv, name: string): string {
  const root = join(env.home, name);
  mkdirSync(root, { recursive: true });
  git(root, 'init', '-q');
  return root;
}
const status = (root: string) => git(root, 'status', '--porcelain', '--untracked-files=all');
const exclude = (root: string) => readFileSync(join(root, '.git/info/exclude'), 'utf8');

test('ensure in a fresh repository: .mcp.json is created and git status stays clean', { skip: noGit }, async () => {
  const env = world();
  const root = repo(env, 'fresh');
  const before = exclude(root);
  const r = await run(['ensure', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(root, '.mcp.json')));
  assert.equal(status(root), '', 'git status shows nothing');
  assert.equal(exclude(root), `${before}${EXCLUDE_COMMENT}\n/.mcp.json\n`, "git's own lines kept, ours appended");
  assert.equal(git(root, 'check-ignore', '.mcp.json').trim(), '.mcp.json');
  // Idempotent: a second ensure (nothing to write) and a second add change nothing.
  await run(['ensure', root], env.env);
  assert.equal(addGitExclude(root, '.mcp.json'), false);
  assert.equal(exclude(root).split('/.mcp.json').length, 2, 'one line, not two');
});

test('a .mcp.json that was there (tracked) is never excluded; doctor still warns that it is tracked', { skip: noGit }, async () => {
  const env = world();
  const root = repo(env, 'tracked');
  writeFileSync(join(root, '.mcp.json'), '{"mcpServers": {}}\n');
  git(root, 'add', '.mcp.json');
  git(root, 'commit', '-qm', 'x');
  const before = exclude(root);
  assert.equal((await run(['ensure', root], env.env)).code, 0);
  assert.equal(exclude(root), before, 'exclude untouched');
  assert.equal(status(root).trim(), 'M .mcp.json', 'the tracked file shows as modified');
  const doctor = JSON.parse((await run(['doctor', root, '--json'], env.env)).stdout) as { checks: Array<{ id: string; status: string; message: string }> };
  const tracked = doctor.checks.find((c) => c.id.startsWith('git:'));
  assert.ok(tracked && tracked.status === 'warn' && /tracked by git/.test(tracked.message), JSON.stringify(doctor.checks));
});

test('unadopt takes the line out: the file holds the user\'s entries again and git shows it', { skip: noGit }, async () => {
  const env = world({ defaults: [] });
  const root = repo(env, 'adopted');
  env.writeUserConfig({ portRange: RANGE, defaults: ['memory'] });
  assert.equal((await run(['ensure', root], env.env)).code, 0);
  assert.equal(status(root), '');
  // The user adds a stdio server to the file mcp-auto made, hands it over, then takes it back.
  const doc = JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8')) as { mcpServers: Record<string, unknown> };
  doc.mcpServers.everything = { command: process.execPath, args: [everythingBin, 'stdio'] };
  writeFileSync(join(root, '.mcp.json'), JSON.stringify(doc, null, 2));
  const adopted = await run(['adopt', root], env.env);
  assert.equal(adopted.code, 0, adopted.stderr);
  assert.match(exclude(root), /^\/\.mcp\.json$/m, 'adopt leaves the line');
  const back = await run(['unadopt', root], env.env);
  assert.equal(back.code, 0, back.stderr);
  assert.doesNotMatch(exclude(root), /mcp/, 'our comment and line are gone');
  assert.equal(status(root).trim(), '?? .mcp.json');
});

test('other layouts are left alone: .git a file (worktree), .git a link, info a link, exclude a link or a folder', () => {
  const env = world();
  const outside = join(env.home, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'exclude'), 'theirs\n');
  const cases: Array<[string, (root: string) => void]> = [
    ['.git file', (root) => writeFileSync(join(root, '.git'), `gitdir: ${outside}\n`)],
    ['.git link', (root) => symlinkSync(outside, join(root, '.git'))],
    ['info link', (root) => { mkdirSync(join(root, '.git')); symlinkSync(outside, join(root, '.git/info')); }],
    ['exclude link', (root) => { mkdirSync(join(root, '.git/info'), { recursive: true }); symlinkSync(join(outside, 'exclude'), join(root, '.git/info/exclude')); }],
    ['exclude folder', (root) => mkdirSync(join(root, '.git/info/exclude'), { recursive: true })],
    ['no .git', () => {}],
  ];
  for (const [name, make] of cases) {
    const root = join(env.home, name.replace(/\W/g, '-'));
    mkdirSync(root);
    make(root);
    assert.equal(addGitExclude(root, '.mcp.json'), false, name);
    assert.equal(removeGitExclude(root, '.mcp.json'), false, name);
  }
  assert.equal(readFileSync(join(outside, 'exclude'), 'utf8'), 'theirs\n', 'nothing written through a link');
  assert.equal(existsSync(join(outside, 'info')), false);
});

test('add and remove: a missing info/ is made, CRLF and a missing final newline kept, a line the user wrote is never removed', () => {
  const env = world();
  const root = join(env.home, 'lines');
  mkdirSync(join(root, '.git'), { recursive: true });
  assert.equal(addGitExclude(root, '.cursor/mcp.json'), true, 'info/ made');
  assert.equal(exclude(root), `${EXCLUDE_COMMENT}\n/.cursor/mcp.json\n`);
  assert.equal(removeGitExclude(root, '.cursor/mcp.json'), true);
  assert.equal(exclude(root), '');

  writeFileSync(join(root, '.git/info/exclude'), '# mine\r\n*.log');
  assert.equal(addGitExclude(root, '.mcp.json'), true);
  assert.equal(exclude(root), `# mine\r\n*.log\r\n${EXCLUDE_COMMENT}\r\n/.mcp.json\r\n`);
  assert.equal(removeGitExclude(root, '.mcp.json'), true);
  assert.equal(exclude(root), '# mine\r\n*.log\r\n');

  writeFileSync(join(root, '.git/info/exclude'), '/.mcp.json\n');
  assert.equal(addGitExclude(root, '.mcp.json'), false, 'already excluded by the user');
  assert.equal(removeGitExclude(root, '.mcp.json'), false, "the user's line stays");
  assert.equal(exclude(root), '/.mcp.json\n');
  rmSync(root, { recursive: true });
});
