// Shell completions (issue 6), loaded in real bash, fish and zsh. The flags
// each command's --help documents must be offered by every shell, so a new
// flag without a completion fails here.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, has, makeEnv, repo, run, waitFor } from './helpers.ts';

const env = makeEnv({ portRange: [31500, 31519] });
after(() => env.cleanup());

const file = (shell: string) => join(repo, 'shell/completions', `mcp-auto.${shell}`);

/** The command names `mcp-auto --help` lists, plus the alias `deny`. */
async function commandNames(): Promise<string[]> {
  const { stdout, code } = await run(['--help'], env.env);
  assert.equal(code, 0);
  const list = stdout.split('Commands:\n')[1]!.split('\n\n')[0]!;
  return [...list.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).concat('deny');
}

/** The flags a command's help documents: in its Usage line or on an option line. */
async function documentedFlags(name: string): Promise<string[]> {
  const mod = name === 'deny' ? 'untrust' : name;
  const { help } = (await import(`../src/commands/${mod}.ts`)) as { help: string };
  const lines = help.split('\n').filter((l) => /^Usage:/.test(l) || /^\s+-/.test(l));
  const flags = lines.flatMap((l) => [...l.matchAll(/(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b/g)].map((m) => m[1]!));
  return [...new Set(flags)].filter((f) => f !== '--help' && f !== '-h');
}

test('`mcp-auto completion SHELL` prints the shell file; an unknown shell is refused', async () => {
  for (const shell of ['zsh', 'bash', 'fish']) {
    const { stdout, code } = await run(['completion', shell], env.env);
    assert.equal(code, 0);
    assert.equal(stdout, readFileSync(file(shell), 'utf8'));
  }
  const bad = await run(['completion', 'tcsh'], env.env);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /zsh, bash or fish/);
});

test('bash: complete -p registers it; commands, actions and every documented flag complete', async () => {
  const names = await commandNames();
  const flags = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await documentedFlags(n)] as const)));
  // One bash: each line of output is "<words typed>|<replies>".
  const cases: string[][] = [['mcp-auto', 'st'], ['mcp-auto', ''], ['mcp-auto', 'service', ''], ['mcp-auto', 'hook', ''],
    ['mcp-auto', 'exec', '--', 'ech'], ...names.map((n) => ['mcp-auto', n, '-'])];
  const script = [
    `source <(${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} completion bash)`,
    'complete -p mcp-auto',
    ...cases.map((words) => {
      const quoted = words.map((w) => `'${w}'`).join(' ');
      return `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _mcp_auto; echo "${words.join(' ')}|\${COMPREPLY[*]}"`;
    }),
  ].join('\n');
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', script], { env: env.env, encoding: 'utf8' });
  assert.match(out, /^complete -F _mcp_auto mcp-auto$/m);
  const replies = new Map(out.split('\n').filter((l) => l.includes('|')).map((l) => [l.split('|')[0]!, l.split('|')[1]!.split(' ')]));
  assert.deepEqual(replies.get('mcp-auto st')!.sort(), ['status', 'stop']);
  assert.deepEqual(new Set(replies.get('mcp-auto ')), new Set([...names, '--help', '--version']));
  assert.deepEqual(replies.get('mcp-auto service ')!.sort(), ['install', 'status', 'uninstall']);
  assert.deepEqual(replies.get('mcp-auto hook ')!.sort(), ['bash', 'fish', 'zsh']);
  assert.ok(replies.get('mcp-auto exec -- ech')!.includes('echo'), 'exec completes a command after --');
  for (const name of names) {
    const offered = replies.get(`mcp-auto ${name} -`)!;
    for (const flag of flags[name]!) assert.ok(offered.includes(flag), `bash: ${name} ${flag} not offered (got ${offered.join(' ')})`);
  }
});

test('fish: complete -C lists commands, actions and every documented flag', { skip: !has('fish') && 'fish not installed' }, async () => {
  const names = await commandNames();
  const flags = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await documentedFlags(n)] as const)));
  const lines = ['mcp-auto st', 'mcp-auto ', 'mcp-auto service ', 'mcp-auto exec -- ech', ...names.map((n) => `mcp-auto ${n} -`)];
  const script = [
    `source ${file('fish')}`,
    ...lines.map((l) => `for c in (complete -C '${l}'); echo '${l}|'(string split -f1 \\t -- $c); end`),
  ].join('\n');
  const out = execFileSync('fish', ['--no-config', '-c', script], { env: env.env, encoding: 'utf8' });
  const replies = new Map<string, string[]>();
  for (const l of out.split('\n').filter(Boolean)) {
    const [typed, word] = l.split('|') as [string, string];
    replies.set(typed, [...(replies.get(typed) ?? []), word]);
  }
  assert.deepEqual(replies.get('mcp-auto st')!.sort(), ['status', 'stop']);
  for (const name of names) assert.ok(replies.get('mcp-auto ')!.includes(name), `fish: command ${name} missing`);
  assert.deepEqual(replies.get('mcp-auto service ')!.sort(), ['install', 'status', 'uninstall']);
  assert.ok(replies.get('mcp-auto exec -- ech')!.includes('echo'));
  for (const name of names) {
    const offered = replies.get(`mcp-auto ${name} -`) ?? [];
    for (const flag of flags[name]!) assert.ok(offered.includes(flag), `fish: ${name} ${flag} not offered (got ${offered.join(' ')})`);
  }
});

test('zsh: compinit registers _mcp_auto when sourced, and _mcp-auto from $fpath', { skip: !has('zsh') && 'zsh not installed' }, () => {
  const fpathDir = join(env.home, 'zfunc');
  mkdirSync(fpathDir, { recursive: true });
  writeFileSync(join(fpathDir, '_mcp-auto'), readFileSync(file('zsh')));
  const sourced = execFileSync('zsh', ['-f', '-c', `autoload -Uz compinit; compinit -u -D; source ${file('zsh')}; print -r -- $_comps[mcp-auto]; whence -w _mcp_auto`],
    { env: env.env, encoding: 'utf8' });
  assert.equal(sourced, '_mcp_auto\n_mcp_auto: function\n');
  const autoloaded = execFileSync('zsh', ['-f', '-c', `fpath=(${fpathDir} $fpath); autoload -Uz compinit; compinit -u -D; print -r -- $_comps[mcp-auto]`],
    { env: env.env, encoding: 'utf8' });
  assert.equal(autoloaded, '_mcp-auto\n');
});

test('zsh: each command\'s branch of _mcp_auto names every documented flag', async () => {
  const text = readFileSync(file('zsh'), 'utf8');
  // The branches of `case $line[1] in`: "ensure)" or "hook|completion)" up to ";;".
  const branches = [...text.matchAll(/^ {8}([\w|-]+)\)\n([\s\S]*?);;/gm)].map((m) => ({ names: m[1]!.split('|'), body: m[2]! }));
  for (const name of await commandNames()) {
    const flags = await documentedFlags(name);
    if (flags.length === 0) continue;
    const branch = branches.find((b) => b.names.includes(name));
    assert.ok(branch, `zsh: no branch for ${name}`);
    for (const flag of flags) {
      const listed = branch.body.includes(`'${flag}[`) || branch.body.includes(`${flag},`) || branch.body.includes(`,${flag}}`);
      assert.ok(listed, `zsh: ${name} ${flag} not offered`);
    }
  }
});

test('zsh: Tab in a real interactive zsh lists the matching commands and flags', { skip: (!has('zsh') || !has('tmux')) && 'zsh or tmux not installed' }, async () => {
  const socket = `mcp-auto-completion-${process.pid}`;
  const zdot = join(env.home, 'zdot');
  mkdirSync(zdot, { recursive: true });
  writeFileSync(join(zdot, '.zshrc'), `PS1='%% '\nautoload -Uz compinit; compinit -u -D\nsource ${file('zsh')}\n`);
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { env: { ...env.env, ZDOTDIR: zdot, TMUX: '' }, encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'main', '-x', '200', '-y', '40', 'exec zsh -i');
  try {
    await waitFor(() => tmux('capture-pane', '-p', '-t', 'main').includes('%'), 10_000, 'the zsh prompt');
    tmux('send-keys', '-t', 'main', '-l', 'mcp-auto st');
    tmux('send-keys', '-t', 'main', 'Tab');
    const screen = await waitFor(() => { const s = tmux('capture-pane', '-p', '-t', 'main'); return /stop/.test(s) && /status/.test(s) ? s : ''; }, 10_000, 'the completion list');
    assert.match(screen, /status\s+--\s+list running daemons/);
    tmux('send-keys', '-t', 'main', 'C-u');
    tmux('send-keys', '-t', 'main', '-l', 'mcp-auto service --d');
    tmux('send-keys', '-t', 'main', 'Tab');
    await waitFor(() => tmux('capture-pane', '-p', '-t', 'main').includes('mcp-auto service --dry-run'), 10_000, 'service --dry-run completed');
  } finally {
    try { tmux('kill-server'); } catch { /* already gone */ }
  }
});
