// direnv's `use mcp` (issue 3) with the real direnv: a private HOME, the
// function from `mcp-auto direnv` in direnv's lib folder, an allowed .envrc.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { makeEnv, has, run, cli } from './helpers.ts';

const hasDirenv = has('direnv');
const env = makeEnv({ portRange: [31400, 31499] });
after(() => env.cleanup());

/** The env with a `mcp-auto` on PATH that runs the built CLI, and `use_mcp` in direnv's lib folder. */
async function direnvEnv(): Promise<NodeJS.ProcessEnv> {
  const bin = join(env.home, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'mcp-auto'), `#!/bin/sh\nexec '${process.execPath}' '${cli}' "$@"\n`);
  chmodSync(join(bin, 'mcp-auto'), 0o755);
  const e: NodeJS.ProcessEnv = { ...env.env, PATH: `${bin}:${process.env.PATH}` };
  for (const name of Object.keys(e)) if (name.startsWith('DIRENV_')) delete e[name];
  const printed = await run(['direnv'], e);
  assert.equal(printed.code, 0, printed.stderr);
  assert.match(printed.stdout, /^use_mcp\(\) \{$/m);
  const lib = join(e.XDG_CONFIG_HOME!, 'direnv/lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, 'use_mcp.sh'), printed.stdout);
  return e;
}

function direnv(args: string[], e: NodeJS.ProcessEnv, cwd: string) {
  const started = performance.now();
  // A daemon holding direnv's stdout, stderr or fd 3 would keep it waiting: the timeout turns that into a failure.
  const res = spawnSync('direnv', args, { env: e, cwd, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  return { ...res, ms: performance.now() - started };
}

test('`use mcp` starts the daemon for the .envrc directory, exports MCP_AUTO_PORT/URL and returns promptly', { skip: hasDirenv ? false : 'direnv is not installed', timeout: 60_000 }, async () => {
  const e = await direnvEnv();
  // The user is in a nested repo below the .envrc: `use mcp` is about the .envrc's directory.
  const project = env.project('proj', { '.envrc': 'use mcp\n', 'nested/.git/HEAD': '' });
  const cwd = join(project, 'nested');
  const allowed = direnv(['allow', project], e, cwd);
  assert.equal(allowed.status, 0, allowed.stderr);

  const first = direnv(['export', 'bash'], e, cwd);
  assert.equal(first.error, undefined, `direnv export bash hung: ${first.stderr}`);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /export MCP_AUTO_URL=/);
  // Not a timing claim (npm run bench makes those): a daemon holding direnv's
  // stdout makes it hang for good, which the bound tells from a loaded machine's
  // slowness (3 s was exceeded on 2 cores under load 15).
  const PROMPT_MS = 15_000;
  assert.ok(first.ms < PROMPT_MS, `direnv export bash took ${first.ms.toFixed(0)} ms`);

  const again = direnv(['export', 'json'], e, cwd);
  assert.equal(again.status, 0, again.stderr);
  const vars = JSON.parse(again.stdout) as Record<string, string>;
  const port = Number(vars.MCP_AUTO_PORT);
  assert.ok(port >= 31400 && port <= 31499, `MCP_AUTO_PORT=${vars.MCP_AUTO_PORT}`);
  assert.equal(vars.MCP_AUTO_URL, `http://127.0.0.1:${port}`);
  assert.ok(again.ms < PROMPT_MS, `direnv export json took ${again.ms.toFixed(0)} ms`);

  const health = (await (await fetch(`${vars.MCP_AUTO_URL}/health`)).json()) as { root: string; port: number };
  assert.equal(health.root, realpathSync(project));
  assert.equal(health.port, port);
  const servers = (JSON.parse(readFileSync(join(project, '.mcp.json'), 'utf8')) as { mcpServers: Record<string, { url: string }> }).mcpServers;
  assert.ok(Object.values(servers).some((s) => s.url.startsWith(`http://127.0.0.1:${port}/servers/`)));

  // direnv reloads when the project or user config changes.
  const watches = JSON.parse(inflateSync(Buffer.from(vars.DIRENV_WATCHES!, 'base64url')).toString()) as Array<{ Path: string }>;
  const paths = watches.map((w) => w.Path);
  assert.ok(paths.includes(join(realpathSync(project), '.mcp-auto.json')), paths.join(', '));
  assert.ok(paths.includes(join(e.XDG_CONFIG_HOME!, 'mcp-auto/config.json')), paths.join(', '));

  // The fast path reuses the watches `direnv watch` gave last time (no process):
  // in the shell the user is in, they match the files as they are (no reload at
  // every prompt), and an edit of the project config still reloads.
  const inShell: NodeJS.ProcessEnv = { ...e, ...vars };
  const quiet = direnv(['export', 'json'], inShell, cwd);
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stdout.trim(), '', 'nothing to reload in the same shell');
  writeFileSync(join(project, '.mcp-auto.json'), '{}\n');
  const reload = direnv(['export', 'json'], inShell, cwd);
  assert.equal(reload.status, 0, reload.stderr);
  assert.match(reload.stdout, /DIRENV_WATCHES/, 'an edit of .mcp-auto.json reloads');
});

test('`use mcp` shows what ensure has to say (an untrusted .mcp-auto.json) once, through direnv', { skip: hasDirenv ? false : 'direnv is not installed', timeout: 60_000 }, async () => {
  const e = await direnvEnv();
  const project = env.project('untrusted', { '.envrc': 'use mcp\n', '.mcp-auto.json': '{"servers": {}}\n' });
  assert.equal(direnv(['allow', project], e, project).status, 0);
  const first = direnv(['export', 'json'], e, project);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /\.mcp-auto\.json is not trusted/);
  assert.match(JSON.parse(first.stdout).MCP_AUTO_URL, /^http:\/\/127\.0\.0\.1:314\d\d$/);
  const again = direnv(['export', 'json'], e, project);
  assert.doesNotMatch(again.stderr, /not trusted/, 'the notice repeats on every load');
  assert.deepEqual(readdirSync(join(e.XDG_STATE_HOME!, 'mcp-auto/notices')), [], 'a notice file was left behind');
});
