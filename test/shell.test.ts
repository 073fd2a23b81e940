// The shell hooks (issue 3), in real zsh, bash (PROMPT_COMMAND as a string and
// as an array) and fish, typed into interactively through a private tmux
// server. `mcp-auto` on PATH is a wrapper that logs every call and runs the
// built CLI, so the log proves when the hook spawned something and when not.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeEnv, has, cli, repo, waitFor, sleep, track, type TestEnv } from './helpers.ts';
import { Tmux } from './tmux.ts';
import { rootHash } from '../src/config/paths.ts';
import { defaultSettings } from '../src/config/config.ts';

const PORTS: [number, number] = [31000, 31399];

interface World {
  env: TestEnv;
  shellEnv: NodeJS.ProcessEnv;
  log: string;
  /** Lines the wrapper logged so far. */
  calls(): string[];
  ensures(): string[];
}

/** A private HOME with a logging `mcp-auto` wrapper first on PATH. */
function world(config: Record<string, unknown> = {}): World {
  const env = makeEnv({ portRange: PORTS, config });
  const bin = join(env.home, 'bin');
  const log = join(env.home, 'calls.log');
  mkdirSync(bin);
  writeFileSync(join(bin, 'mcp-auto'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${process.execPath}' '${cli}' "$@"\n`);
  chmodSync(join(bin, 'mcp-auto'), 0o755);
  // No history files: a shell writing one on its way out races the cleanup.
  const shellEnv: NodeJS.ProcessEnv = { ...env.env, PATH: `${bin}:${process.env.PATH}`, ZDOTDIR: env.home, SHELL: '/bin/sh', HISTFILE: '/dev/null', fish_history: '' };
  for (const name of ['TMUX', 'TMUX_PANE', 'MCP_AUTO_DISABLE', 'PROMPT_COMMAND', 'ENV', 'BASH_ENV']) delete shellEnv[name];
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
  return { env, shellEnv, log, calls, ensures: () => calls().filter((l) => l.startsWith('ensure ')) };
}

const tmuxes: Tmux[] = [];
after(async () => { for (const t of tmuxes) await t.kill(); });

function stateDir(w: World, root: string): string {
  return join(w.env.env.XDG_STATE_HOME!, 'mcp-auto', rootHash(realpathSync(root)));
}

/** Waits for the root's daemon to answer /health with this root and .mcp.json to point at it; returns the port. */
async function daemonUp(w: World, root: string): Promise<number> {
  const real = realpathSync(root);
  const port = await waitFor(async () => {
    const { port } = JSON.parse(readFileSync(join(stateDir(w, root), 'daemon.json'), 'utf8')) as { port: number };
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { root: string };
    return health.root === real ? port : undefined;
  }, 20_000, `the daemon of ${root} on /health`);
  const entries = await waitFor(() => {
    const servers = (JSON.parse(readFileSync(join(root, '.mcp.json'), 'utf8')) as { mcpServers?: Record<string, { url: string }> }).mcpServers;
    return servers && Object.keys(servers).length > 0 ? servers : undefined;
  }, 10_000, `${root}/.mcp.json entries`);
  for (const [name, entry] of Object.entries(entries)) {
    assert.match(entry.url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/servers/${name}/(mcp|sse)$`));
  }
  return port;
}

/**
 * Counts the processes (fork/vfork/clone, not threads) of a running process and its children while fn runs
 * (strace attached by pid); undefined when strace is missing or may not attach.
 */
async function countForks(pid: number, fn: () => Promise<void>): Promise<number | undefined> {
  if (!has('strace')) return undefined;
  const out = join('/tmp', `mcp-auto-strace-${process.pid}-${pid}.txt`);
  const strace = spawn('strace', ['-f', '-e', 'trace=fork,vfork,clone,clone3', '-o', out, '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  track(strace.pid);
  let stderr = '';
  strace.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const attached = await waitFor(() => /attached/.test(stderr) || strace.exitCode !== null, 5000, 'strace to attach').catch(() => false);
  if (!attached || strace.exitCode !== null) return undefined;
  await fn();
  const exited = new Promise((r) => strace.once('exit', r));
  strace.kill('SIGINT');
  await exited;
  const text = readFileSync(out, 'utf8');
  rmSync(out, { force: true });
  // Threads (fish has some) are not processes.
  return text.split('\n').filter((l) => /\b(v?fork|clone3?)\(/.test(l) && !l.includes('CLONE_THREAD')).length;
}

interface ShellCase {
  name: string;
  binary: string;
  /** Writes the rc file (the hook eval'd twice, plus something after the hook that records $?). */
  setup(w: World): void;
  command(w: World): string;
  sync(n: number): string;
  /** Prints SEEN=<the $? that a prompt hook after ours saw>. */
  seen: string;
  /** Prints REG=<where the hook is registered>, and what that must look like (once). */
  registrations: string;
  registeredOnce: RegExp;
  /** A `-c` command line that evals the hook and cds into roots, and what it must print. */
  nonInteractive(roots: string[]): string[];
  inert: RegExp;
}

const zsh: ShellCase = {
  name: 'zsh',
  binary: 'zsh',
  setup(w) {
    writeFileSync(join(w.env.home, '.zshrc'), [
      'eval "$(mcp-auto hook zsh)"',
      'eval "$(mcp-auto hook zsh)"',
      '_test_seen() { _seen=$?; }',
      'precmd_functions+=(_test_seen)',
      "PROMPT='%? %# '",
      '',
    ].join('\n'));
  },
  command: () => 'zsh --no-globalrcs -i',
  sync: (n) => `echo SYNC_$((${n - 1}+1))`,
  seen: 'echo SEEN=$_seen',
  registrations: 'echo REG=${#${(M)precmd_functions:#_mcp_auto*}}+${#${(M)chpwd_functions:#_mcp_auto*}}',
  registeredOnce: /^1\+1$/,
  nonInteractive: (roots) => ['zsh', '-c', `eval "$(mcp-auto hook zsh)"; ${roots.map((r) => `cd '${r}';`).join(' ')} echo "fn=$+functions[_mcp_auto_chpwd] hooks=$#chpwd_functions"`],
  inert: /^fn=0 hooks=0$/m,
};

function bash(form: 'string' | 'array'): ShellCase {
  return {
    name: `bash (PROMPT_COMMAND as ${form === 'string' ? 'a string' : 'an array'})`,
    binary: 'bash',
    setup(w) {
      writeFileSync(join(w.env.home, '.bashrc'), [
        form === 'string' ? "PROMPT_COMMAND='_seen=$?'" : "PROMPT_COMMAND=('_seen=$?')",
        'eval "$(mcp-auto hook bash)"',
        'eval "$(mcp-auto hook bash)"',
        "PS1='$? \\$ '",
        '',
      ].join('\n'));
    },
    command: (w) => `bash --rcfile '${join(w.env.home, '.bashrc')}' -i`,
    sync: (n) => `echo SYNC_$((${n - 1}+1))`,
    seen: 'echo SEEN=$_seen',
    // Ours first (it hands $? on), the user's entry after it, in the user's form.
    registrations: 'echo "REG=$(declare -p PROMPT_COMMAND)"',
    registeredOnce: form === 'string'
      ? /^declare -- PROMPT_COMMAND="_mcp_auto_hook;_seen=\\\$\?"$/
      : /^declare -a PROMPT_COMMAND=\(\[0\]="_mcp_auto_hook" \[1\]="_seen=\\\$\?"\)$/,
    nonInteractive: (roots) => ['bash', '-c', `eval "$(mcp-auto hook bash)"; ${roots.map((r) => `cd '${r}';`).join(' ')} echo "fn=$(type -t _mcp_auto_hook) pc=\${PROMPT_COMMAND-unset}"`],
    inert: /^fn= pc=unset$/m,
  };
}

const fish: ShellCase = {
  name: 'fish',
  binary: 'fish',
  setup(w) {
    const dir = join(w.env.env.XDG_CONFIG_HOME!, 'fish');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.fish'), [
      'mcp-auto hook fish | source',
      'mcp-auto hook fish | source',
      'function fish_greeting; end',
      // The prompt function runs after the fish_prompt event handlers.
      'function fish_prompt; set -g _seen $status; echo -n "$_seen> "; end',
      '',
    ].join('\n'));
  },
  command: () => 'fish -i',
  sync: (n) => `echo SYNC_(math ${n - 1}+1)`,
  seen: 'echo SEEN=$_seen',
  // One PWD handler and one fish_prompt handler.
  registrations: "echo REG=(count (functions --handlers | string match '*__mcp_auto*'))",
  registeredOnce: /^2$/,
  nonInteractive: (roots) => ['fish', '-c', `mcp-auto hook fish | source; ${roots.map((r) => `cd '${r}';`).join(' ')} functions -q __mcp_auto_changed_dir; and echo fn=1; or echo fn=0`],
  inert: /^fn=0$/m,
};

const cases: ShellCase[] = [zsh, bash('string'), bash('array'), fish];

for (const shell of cases) {
  test(`${shell.name}: cd starts the project's daemon in the background; prompts in it spawn nothing`, { skip: !has(shell.binary) || !has('tmux') ? `${shell.binary} or tmux missing` : false, timeout: 120_000 }, async (t) => {
    const w = world();
    const tmux = new Tmux(w.shellEnv, shell.sync);
    tmuxes.push(tmux);
    try {
      const a = w.env.project('alpha', { 'sub/.keep': '' });
      const b = w.env.project('beta');
      // An untrusted project config: ensure leaves a notice that the next prompt prints.
      const c = w.env.project('gamma', { '.mcp-auto.json': '{"servers": {}}\n' });
      shell.setup(w);
      const pid = tmux.start(shell.command(w), w.env.home);
      await tmux.sync();

      // Outside any project (HOME): the hook was eval'd twice and ran nothing else.
      assert.deepEqual(w.calls().map((l) => l.split(' ')[0]), ['hook', 'hook']);
      assert.match(await tmux.ask('REG', shell.registrations), shell.registeredOnce);

      tmux.type(`cd '${a}'`);
      const portA = await daemonUp(w, a);
      assert.deepEqual(w.ensures(), [`ensure --quiet --idle-link --notice-file ${join(w.env.env.XDG_STATE_HOME!, 'mcp-auto/notices', String(pid))} -- ${a}`]);

      // A cd inside the root and 50 prompts: not one process (wrapper log;
      // fork count too when strace may attach).
      await tmux.sync();
      const callsBefore = w.calls().length;
      const forks = await countForks(pid, async () => {
        tmux.type('cd sub');
        for (let i = 0; i < 50; i++) tmux.type('');
        await tmux.sync();
      });
      assert.equal(w.calls().length, callsBefore, 'the hook called mcp-auto inside a known root');
      if (forks === undefined) t.diagnostic('strace missing or not permitted: counted by the wrapper log only');
      else assert.equal(forks, 0, '50 prompts inside a known root forked');

      // $? survives the hook, for the prompt and for whatever runs after it.
      tmux.type('false');
      assert.equal(await tmux.ask('SEEN', shell.seen), '1');

      // Another project: a second daemon on another port; back again: the same ports.
      tmux.type(`cd '${b}'`);
      const portB = await daemonUp(w, b);
      assert.notEqual(portA, portB);
      tmux.type(`cd '${a}'`);
      await tmux.sync();
      assert.equal(await daemonUp(w, a), portA);
      tmux.type(`cd '${b}'`);
      await tmux.sync();
      assert.equal(await daemonUp(w, b), portB);
      await waitFor(() => w.ensures().length === 4, 5000, 'four ensure calls');
      assert.deepEqual(w.ensures().map((l) => l.split(' ').at(-1)), [a, b, a, b], 'one ensure per new root, not two: the hook is registered once');

      // A notice from ensure is printed at a later prompt, then removed.
      const notice = join(w.env.env.XDG_STATE_HOME!, 'mcp-auto/notices', String(pid));
      tmux.type(`cd '${c}'`);
      await waitFor(() => existsSync(notice), 15_000, 'the notice file');
      await sleep(200);
      tmux.type('');
      await tmux.sync();
      assert.match(tmux.screen(), /not trusted|mcp-auto trust/);
      assert.equal(existsSync(notice), false, 'the notice file was not removed');

      // No job-control noise anywhere.
      assert.doesNotMatch(tmux.screen(), /^\[\d+\]|\bDone\b|has ended|done\s+mcp-auto/m);

      // MCP_AUTO_DISABLE turns it off.
      tmux.type(shell === fish ? 'set -gx MCP_AUTO_DISABLE 1' : 'export MCP_AUTO_DISABLE=1');
      const before = w.ensures().length;
      tmux.type(`cd '${a}'`);
      await tmux.sync();
      await sleep(300);
      assert.equal(w.ensures().length, before);
    } finally {
      await tmux.kill();
      await w.env.cleanup();
    }
  });

  test(`${shell.name}: a non-interactive shell sourcing the hook does nothing`, { skip: !has(shell.binary) ? `${shell.binary} missing` : false }, async () => {
    const w = world();
    try {
      const a = w.env.project('alpha');
      const b = w.env.project('beta');
      const [cmd, ...args] = shell.nonInteractive([a, b]);
      const out = execFileSync(cmd!, args, { env: w.shellEnv, cwd: w.env.home, encoding: 'utf8' });
      assert.match(out, shell.inert);
      await sleep(300);
      assert.deepEqual(w.ensures(), []);
    } finally {
      await w.env.cleanup();
    }
  });
}

for (const shell of [zsh, bash('string'), fish]) {
  test(`${shell.name}: a daemon that idles out while the shell stays comes back at the next prompt, not after mcp-auto stop`, { skip: !has(shell.binary) || !has('tmux') ? `${shell.binary} or tmux missing` : false, timeout: 60_000 }, async () => {
    const w = world({ idleTimeoutMinutes: 0.1 });
    const tmux = new Tmux(w.shellEnv, shell.sync);
    tmuxes.push(tmux);
    try {
      const a = w.env.project('alpha');
      shell.setup(w);
      tmux.start(shell.command(w), a);
      await tmux.sync();
      const port = await daemonUp(w, a);
      const record = () => JSON.parse(readFileSync(join(stateDir(w, a), 'daemon.json'), 'utf8')) as { pid: number };
      const first = record().pid;
      await waitFor(() => !existsSync(`/proc/${first}`), 15_000, 'the daemon to idle out');

      tmux.type('');
      await tmux.sync();
      await waitFor(() => existsSync(join(stateDir(w, a), 'daemon.json')) && record().pid !== first, 15_000, 'a new daemon');
      assert.equal(await daemonUp(w, a), port);
      assert.equal(w.ensures().length, 2, 'one ensure for the cd, one for the prompt after the idle stop');

      // Stopped on purpose: prompts leave it stopped.
      tmux.type('mcp-auto stop');
      await waitFor(() => !existsSync(join(stateDir(w, a), 'daemon.json')), 10_000, 'mcp-auto stop');
      for (let i = 0; i < 3; i++) tmux.type('');
      await tmux.sync();
      await sleep(300);
      assert.equal(w.ensures().length, 2, 'a prompt after mcp-auto stop ran ensure');
    } finally {
      await tmux.kill();
      await w.env.cleanup();
    }
  });
}

test('bash: doctor sees the hook run, and sees it when another tool takes PROMPT_COMMAND over', { skip: !has('bash') || !has('tmux') ? 'bash or tmux missing' : false, timeout: 60_000 }, async () => {
  const w = world();
  const tmux = new Tmux(w.shellEnv, bash('string').sync);
  tmuxes.push(tmux);
  try {
    const a = w.env.project('alpha');
    const rc = join(w.env.home, '.bashrc');
    writeFileSync(rc, 'eval "$(mcp-auto hook bash)"\nPS1="\\$ "\n');
    tmux.start(`bash --rcfile '${rc}' -i`, a);
    await tmux.sync();
    const hookCheck = async (file: string) => {
      tmux.type(`mcp-auto doctor --json > '${file}'`);
      await tmux.sync();
      return (JSON.parse(readFileSync(file, 'utf8')) as { checks: Array<{ id: string; status: string; message: string }> }).checks.find((c) => c.id === 'hook')!;
    };
    assert.equal((await hookCheck(join(w.env.home, 'before.json'))).status, 'ok');

    // Another tool's rc line replaces PROMPT_COMMAND: the hook no longer runs on cd.
    tmux.type("PROMPT_COMMAND='_other=1'");
    tmux.type(`cd '${w.env.home}'`);
    await tmux.sync();
    const shadowed = await hookCheck(join(w.env.home, 'after.json'));
    assert.notEqual(shadowed.status, 'ok');
    assert.match(shadowed.message, /may have taken over PROMPT_COMMAND/);
  } finally {
    await tmux.kill();
    await w.env.cleanup();
  }
});

test('the hook finds the root with builtins: nearest marker, configured markers, never HOME or / unless marked', async () => {
  const w = world({ markers: ['.proj-root', '.git'] });
  try {
    const home = w.env.home;
    mkdirSync(join(home, '.git'));                       // a dotfiles repo: HOME is still no root
    const custom = join(home, 'custom');
    mkdirSync(join(custom, 'deep/er'), { recursive: true });
    writeFileSync(join(custom, '.proj-root'), '');
    const nested = w.env.project('outer/inner');
    mkdirSync(join(home, 'outer/.git'), { recursive: true });
    mkdirSync(join(home, 'plain/dir'), { recursive: true });
    const probes = [[join(custom, 'deep/er'), custom], [nested, nested], [join(home, 'plain/dir'), ''], [home, ''], ['/', '']];
    const find = {
      zsh: (dir: string) => ['zsh', '-f', '-i', '-c', `eval "$(mcp-auto hook zsh)"; cd '${dir}' && _mcp_auto_find_root && echo "ROOT=$_mcp_auto_found"`],
      bash: (dir: string) => ['bash', '--norc', '-i', '-c', `eval "$(mcp-auto hook bash)"; cd '${dir}' && _mcp_auto_find_root; echo "ROOT=$_mcp_auto_found"`],
      fish: (dir: string) => ['fish', '--no-config', '-i', '-c', `mcp-auto hook fish | source; cd '${dir}'; and __mcp_auto_find_root; echo "ROOT=$__mcp_auto_found"`],
    };
    for (const [name, argv] of Object.entries(find)) {
      if (!has(name)) continue;
      for (const [dir, root] of probes) {
        const [cmd, ...args] = argv(dir!);
        const out = spawnSync(cmd!, args, { env: { ...w.shellEnv, MCP_AUTO_DISABLE: '1' }, cwd: home, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        assert.equal(/^ROOT=(.*)$/m.exec(out.stdout)?.[1], root, `${name} in ${dir}: ${out.stderr}`);
      }
      // HOME with a .mcp-auto.json is a root.
      writeFileSync(join(home, '.mcp-auto.json'), '{}');
      const [cmd, ...args] = argv(join(home, 'plain/dir'));
      const out = spawnSync(cmd!, args, { env: { ...w.shellEnv, MCP_AUTO_DISABLE: '1' }, cwd: home, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      assert.equal(/^ROOT=(.*)$/m.exec(out.stdout)?.[1], home, `${name}: a marked HOME`);
      rmSync(join(home, '.mcp-auto.json'));
    }
  } finally {
    await w.env.cleanup();
  }
});

test('without mcp-auto on PATH the hook says so in one line and starts nothing', async () => {
  const w = world();
  try {
    const a = w.env.project('alpha');
    const runs = {
      zsh: ['zsh', '-f', '-i', '-c', `eval "$(mcp-auto hook zsh)"; PATH=/nonexistent; cd '${a}'`],
      bash: ['bash', '--norc', '-i', '-c', `eval "$(mcp-auto hook bash)"; PATH=/nonexistent; cd '${a}'; _mcp_auto_hook`],
      fish: ['fish', '--no-config', '-i', '-c', `mcp-auto hook fish | source; set PATH /nonexistent; cd '${a}'`],
    };
    for (const [name, [cmd, ...args]] of Object.entries(runs)) {
      if (!has(name)) continue;
      const out = spawnSync(cmd!, args, { env: w.shellEnv, cwd: w.env.home, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = out.stderr.split('\n').filter((l) => l.startsWith('mcp-auto'));
      assert.deepEqual(lines, ['mcp-auto: not on PATH, so the hook cannot start the daemon'], `${name}: ${out.stderr}`);
    }
    assert.deepEqual(w.ensures(), []);
  } finally {
    await w.env.cleanup();
  }
});

test('the hook files default to the same markers as the config', () => {
  const defaults = defaultSettings.markers.join(' ');
  for (const file of ['mcp-auto.zsh', 'mcp-auto.bash', 'mcp-auto.fish']) {
    assert.ok(readFileSync(join(repo, 'shell', file), 'utf8').includes(defaults), `shell/${file} defaults differ from src/config.ts`);
  }
});

test('every shell/*.sh and shell/*.bash file passes shellcheck', { skip: has('shellcheck') ? false : 'shellcheck is not installed' }, () => {
  const files = readdirSync(join(repo, 'shell')).filter((f) => f.endsWith('.sh') || f.endsWith('.bash'));
  assert.ok(files.length >= 2);
  for (const file of files) {
    const res = spawnSync('shellcheck', ['-s', 'bash', join(repo, 'shell', file)], { encoding: 'utf8' });
    assert.equal(res.status, 0, `shellcheck shell/${file}:\n${res.stdout}${res.stderr}`);
  }
});
