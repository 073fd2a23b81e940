// Roots the user marked as theirs: globs in the user config, or one root at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { globMatches, isUsersRoot, markRoot, unmarkRoot } from '../src/config/roots.ts';
import { ConfigError } from '../src/util/errors.ts';
import { loadConfig } from '../src/config/config.ts';

test('globs: * stays in one segment, ** crosses them, ~ is the home folder', () => {
  assert.ok(globMatches('/src/*', '/src/app'));
  assert.ok(!globMatches('/src/*', '/src/app/sub'));
  assert.ok(globMatches('/src/**', '/src/app/sub'));
  assert.ok(globMatches('~/code/*', join(homedir(), 'code', 'x')));
  assert.ok(!globMatches('~/code/*', '/elsewhere/code/x'));
  assert.ok(globMatches('/a.b/c+d/', '/a.b/c+d'), 'regex characters are literal; a trailing slash is ignored');
  assert.ok(!globMatches('/a.b', '/aXb'));
});

test('one root marked and unmarked by its record; a glob marks many', () => {
  const state = mkdtempSync(join(tmpdir(), 'mcp-auto-roots-'));
  const saved = process.env.XDG_STATE_HOME;
  process.env.XDG_STATE_HOME = state;
  try {
    assert.equal(isUsersRoot('/p/one', []), false);
    markRoot('/p/one');
    assert.equal(isUsersRoot('/p/one', []), true);
    assert.equal(isUsersRoot('/p/two', []), false);
    assert.equal(isUsersRoot('/p/two', ['/p/*']), true);
    assert.equal(unmarkRoot('/p/one'), true);
    assert.equal(isUsersRoot('/p/one', []), false);
    assert.equal(unmarkRoot('/p/one'), false);
  } finally {
    if (saved === undefined) delete process.env.XDG_STATE_HOME; else process.env.XDG_STATE_HOME = saved;
    rmSync(state, { recursive: true, force: true });
  }
});

test('trustedRoots comes from the user config only: a project file naming it is refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-auto-roots-'));
  try {
    const project = join(dir, '.mcp-auto.json');
    writeFileSync(project, JSON.stringify({ trustedRoots: ['/**'] }));
    assert.throws(() => loadConfig({ projectFile: project, userConfig: { trustedRoots: ['~/code/*'] } }), (e: unknown) => e instanceof ConfigError && /user config only/.test(e.message));
    assert.deepEqual(loadConfig({ userConfig: { trustedRoots: ['~/code/*'] } }).settings.trustedRoots, ['~/code/*']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
