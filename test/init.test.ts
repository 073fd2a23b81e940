// `mcp-auto init` (issue 6): a starter .mcp-auto.json at the project root that
// the config loader accepts, no question without a terminal, one question on a
// real one (a pty through script(1)), and never an overwrite.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, makeEnv, run } from './helpers.ts';
import { parseConfig } from '../src/config/config.ts';

const env = makeEnv({ portRange: [31620, 31639] });
after(() => env.cleanup());

/** PATH without uvx, or with a stand-in uvx, so the suggestion does not depend on the machine. */
function pathWith(uvx: boolean): string {
  const bin = join(env.home, uvx ? 'bin-uvx' : 'bin-none');
  mkdirSync(bin, { recursive: true });
  if (uvx) {
    writeFileSync(join(bin, 'uvx'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(bin, 'uvx'), 0o755);
  }
  const node = process.execPath.replace(/\/node$/, '');
  return `${bin}:${node}:/usr/bin:/bin`;
}

test('init without a terminal writes memory at the project root, explains it, and asks nothing', async () => {
  const root = env.project('plain');
  mkdirSync(join(root, 'src/deep'), { recursive: true });
  const result = await run(['init'], { ...env.env, PATH: pathWith(false) }, { cwd: join(root, 'src/deep'), input: '' });
  assert.equal(result.code, 0, result.stderr);
  const file = join(root, '.mcp-auto.json');
  const text = readFileSync(file, 'utf8');
  assert.deepEqual(JSON.parse(text), { servers: { memory: true } });
  assert.deepEqual(parseConfig(file, text).servers, { memory: true }, 'the config loader accepts it');
  assert.match(result.stdout, /^Wrote .*\.mcp-auto\.json:\n {2}"memory": true +a knowledge graph/);
  assert.match(result.stdout, /\nNext: mcp-auto trust {3}\(/);
  assert.equal(result.stderr, '', 'no question');
});

test('init suggests serena when uvx is on PATH, and refuses to overwrite', async () => {
  const root = env.project('serena');
  const e = { ...env.env, PATH: pathWith(true) };
  assert.equal((await run(['init', root], e, { input: '' })).code, 0);
  const file = join(root, '.mcp-auto.json');
  const text = readFileSync(file, 'utf8');
  assert.deepEqual(JSON.parse(text), { servers: { memory: true, serena: true } });
  const again = await run(['init', root], e, { input: '' });
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already exists/);
  assert.equal(readFileSync(file, 'utf8'), text);
});

test('init on a terminal asks which servers, and re-asks after an unknown name', { skip: spawnSync('sh', ['-c', 'command -v script']).status !== 0 && 'script(1) not installed' }, () => {
  const root = env.project('tty');
  // script(1) gives init a pty for stdin; the answers arrive through it.
  const out = execFileSync('script', ['-qec', `'${process.execPath}' '${cli}' init '${root}'`, '/dev/null'], {
    env: { ...env.env, PATH: pathWith(false) },
    input: 'nope\nmemory, everything\n',
    encoding: 'utf8',
    timeout: 15_000,
  });
  assert.match(out, /Servers for this project \(memory, filesystem, everything, serena\) \[memory\]:/);
  assert.match(out, /not a preset: nope/);
  assert.deepEqual(JSON.parse(readFileSync(join(root, '.mcp-auto.json'), 'utf8')), { servers: { memory: true, everything: true } });
});

test('init in $HOME outside any project refuses unless HOME is named', async () => {
  const refused = await run(['init'], { ...env.env, PATH: pathWith(false) }, { cwd: env.home, input: '' });
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /is not inside a project/);
  assert.equal(existsSync(join(env.home, '.mcp-auto.json')), false);
});
