// Shell prompt overhead: the foreground cost of mcp-auto's hook next to
// direnv's, in zsh and bash, measured the same way in the same run.
//
// One driver script per (shell, hook) sources the hook in an interactive
// `-c` shell and runs what a prompt runs (zsh: every precmd function; bash:
// PROMPT_COMMAND) again and again, reading $EPOCHREALTIME around each call:
//   - a prompt inside a root already handled (direnv: an .envrc already loaded)
//   - a `cd` to another root followed by a prompt (direnv: a first load)
// Processes per prompt are counted by running the same driver under
// `strace -f` (forks, not threads) with N and with 0 iterations.
//
// Run alone with `node bench/prompt.mjs` (after `npm run bundle`), or from
// bench/run.mjs through runPromptBench(). Daemons it starts use ports
// 29400-29499 (the bench's range) and are stopped at the end.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, makeHome, median, percentile, sleep } from './lib.mjs';

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

// What a prompt runs, and the driver around it. BENCH_* come from the environment.
const drivers = {
  zsh: [
    'zmodload zsh/datetime',
    'eval "$BENCH_HOOK"',
    'prompt() { local f; for f in $precmd_functions; do $f; done; }',
  ],
  bash: [
    'eval "$BENCH_HOOK"',
    'prompt() { local c; for c in "${PROMPT_COMMAND[@]}"; do eval "$c"; done; }',
  ],
};

// The loop, in the syntax zsh and bash share.
const loop = [
  'cd "$BENCH_A" && prompt',
  'sleep 1',
  'i=0',
  'while (( i < BENCH_N )); do',
  '  if [[ $BENCH_CASE == cd ]]; then',
  '    if (( i % 2 )); then target=$BENCH_A; else target=$BENCH_B; fi',
  '    t0=$EPOCHREALTIME',
  '    cd "$target"; prompt',
  '    t1=$EPOCHREALTIME',
  '  else',
  '    t0=$EPOCHREALTIME',
  '    prompt',
  '    t1=$EPOCHREALTIME',
  '  fi',
  "  printf 'T %s %s\\n' \"$t0\" \"$t1\"",
  '  if [[ -n $BENCH_PACE ]]; then sleep "$BENCH_PACE"; fi',
  '  i=$((i + 1))',
  'done',
];

const driverScript = (shell) => [...drivers[shell], ...loop].join('\n');

/** "sec.fraction" → microseconds as a number, without losing digits. */
function micros(stamp) {
  const [sec, frac = ''] = stamp.split('.');
  return Number(sec) * 1e6 + Number(frac.padEnd(6, '0').slice(0, 6));
}

function shellArgs(shell, script) {
  return shell === 'zsh' ? ['-f', '-i', '-c', script] : ['--norc', '--noprofile', '-i', '-c', script];
}

/** Runs the driver; returns per-iteration milliseconds. */
function timeDriver(shell, env, { hook, kase, a, b, n, pace }) {
  const script = driverScript(shell);
  const res = spawnSync(shell, shellArgs(shell, script), {
    env: { ...env, BENCH_HOOK: hook, BENCH_CASE: kase, BENCH_A: a, BENCH_B: b, BENCH_N: String(n), BENCH_PACE: pace ?? '' },
    cwd: env.HOME, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000,
  });
  const samples = res.stdout.split('\n').filter((l) => l.startsWith('T ')).map((l) => {
    const [, t0, t1] = l.split(' ');
    return (micros(t1) - micros(t0)) / 1000;
  });
  if (samples.length !== n) throw new Error(`${shell} driver gave ${samples.length}/${n} samples: ${res.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return samples;
}

/** Processes (not threads) the driver forks, under strace -f. */
function countForks(shell, env, opts) {
  const out = join(env.HOME, `strace-${process.pid}.txt`);
  const script = driverScript(shell);
  spawnSync('strace', ['-f', '-qq', '-e', 'trace=fork,vfork,clone,clone3', '-o', out, shell, ...shellArgs(shell, script)], {
    env: { ...env, BENCH_HOOK: opts.hook, BENCH_CASE: opts.kase, BENCH_A: opts.a, BENCH_B: opts.b, BENCH_N: String(opts.n), BENCH_PACE: '' },
    cwd: env.HOME, stdio: 'ignore', timeout: 300_000,
  });
  const lines = readFileSync(out, 'utf8').split('\n');
  rmSync(out, { force: true });
  return lines.filter((l) => /\b(v?fork|clone3?)\(/.test(l) && !l.includes('CLONE_THREAD') && !l.includes('resumed>')).length;
}

/** Extra processes per prompt: the difference between n and 0 iterations, per iteration. */
function forksPerPrompt(shell, env, opts) {
  if (!has('strace')) return '—';
  const n = opts.kase === 'cd' ? 6 : 20;
  const withN = countForks(shell, env, { ...opts, n });
  const with0 = countForks(shell, env, { ...opts, n: 0 });
  return Math.max(0, Math.round(((withN - with0) / n) * 10) / 10);
}

function stopDaemons(env) {
  const stateHome = join(env.XDG_STATE_HOME, 'mcp-auto');
  let pids = [];
  try {
    pids = readdirSync(stateHome).flatMap((dir) => {
      try { return [JSON.parse(readFileSync(join(stateHome, dir, 'daemon.json'), 'utf8')).pid]; } catch { return []; }
    });
  } catch { /* none started */ }
  for (const pid of pids) {
    for (const target of [-pid, pid]) {
      try { process.kill(target, 'SIGTERM'); } catch { /* gone */ }
    }
  }
  return pids;
}

function setup() {
  const home = makeHome({ portRange: [29400, 29499] });
  const { env } = home;
  // `mcp-auto` on PATH the way npm installs it: a link to the bundled CLI.
  const bin = join(home.home, 'bin');
  mkdirSync(bin);
  symlinkSync(cli, join(bin, 'mcp-auto'));
  env.PATH = `${bin}:${dirname(process.execPath)}:${process.env.PATH}`;
  for (const name of Object.keys(env)) if (name.startsWith('DIRENV_') || name === 'PROMPT_COMMAND') delete env[name];
  const dir = (name, files) => {
    const path = join(home.home, name);
    mkdirSync(path, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
    return path;
  };
  const roots = { a: dir('root-a/.git', {}).replace(/\/\.git$/, ''), b: dir('root-b/.git', {}).replace(/\/\.git$/, '') };
  const envrcs = { a: dir('envrc-a', { '.envrc': 'export BENCH_VAR=a\n' }), b: dir('envrc-b', { '.envrc': 'export BENCH_VAR=b\n' }) };
  const useMcp = { a: dir('use-mcp-a', { '.envrc': 'use mcp\n', '.git': '' }), b: dir('use-mcp-b', { '.envrc': 'use mcp\n', '.git': '' }) };
  mkdirSync(join(env.XDG_CONFIG_HOME, 'direnv/lib'), { recursive: true });
  const lib = spawnSync(process.execPath, [cli, 'direnv'], { env, encoding: 'utf8' });
  if (lib.status !== 0) throw new Error(`mcp-auto direnv failed: ${lib.stderr.trim()}`);
  writeFileSync(join(env.XDG_CONFIG_HOME, 'direnv/lib/use_mcp.sh'), lib.stdout);
  for (const d of [...Object.values(envrcs), ...Object.values(useMcp)]) spawnSync('direnv', ['allow', d], { env, stdio: 'ignore' });
  return { home, env, roots, envrcs, useMcp };
}

function hookFor(name, shell, env) {
  if (name === 'none') return '';
  const [cmd, args] = name === 'direnv' ? ['direnv', ['hook', shell]] : [process.execPath, [cli, 'hook', shell]];
  const res = spawnSync(cmd, args, { env, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${res.stderr.trim()}`);
  return res.stdout;
}

const round = (ms) => (ms < 0.1 ? Number(ms.toFixed(3)) : Number(ms.toFixed(2)));

export async function runPromptBench() {
  const shells = ['zsh', 'bash'].filter(has);
  if (!has('direnv')) throw new Error('direnv is not installed');
  if (!existsSync(cli)) throw new Error('dist/mcp-auto.cjs is missing: run `npm run bundle`');
  const world = setup();
  const { env, roots, envrcs, useMcp } = world;
  const rows = [];
  try {
    // Warm: both roots' daemons up, so a background ensure finds them running.
    for (const root of [...Object.values(roots), ...Object.values(useMcp)]) {
      spawnSync(process.execPath, [cli, 'ensure', '--quiet', root], { env, stdio: 'ignore', timeout: 30_000 });
    }
    const cases = [
      { hook: 'none', label: 'no hook (harness)', kase: 'prompt', dirs: roots, n: 2000 },
      { hook: 'mcp-auto', label: 'mcp-auto hook', kase: 'prompt', dirs: roots, n: 2000 },
      { hook: 'direnv', label: 'direnv hook (.envrc loaded)', kase: 'prompt', dirs: envrcs, n: 100 },
      { hook: 'mcp-auto', label: 'mcp-auto hook', kase: 'cd', dirs: roots, n: 20, pace: '0.3' },
      { hook: 'direnv', label: 'direnv hook (.envrc first load)', kase: 'cd', dirs: envrcs, n: 20, pace: '0.1' },
      { hook: 'direnv', label: 'direnv hook + `use mcp`', kase: 'cd', dirs: useMcp, n: 10, pace: '0.3' },
    ];
    for (const shell of shells) {
      for (const c of cases) {
        const opts = { hook: hookFor(c.hook, shell, env), kase: c.kase, a: c.dirs.a, b: c.dirs.b, n: c.n, pace: c.pace };
        const samples = timeDriver(shell, env, opts);
        rows.push({
          shell,
          hook: c.label,
          case: c.kase === 'cd' ? 'cd to another root + prompt' : 'prompt inside a known root',
          runs: c.n,
          'median ms': round(median(samples)),
          'p95 ms': round(percentile(samples, 95)),
          'processes per prompt': forksPerPrompt(shell, env, opts),
        });
      }
    }
  } finally {
    const pids = stopDaemons(env);
    await sleep(pids.length ? 500 : 0);
    for (const pid of pids) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* stopped */ }
    }
    world.home.remove();
  }

  const notes = [];
  for (const shell of shells) {
    const find = (hook, kase) => rows.find((r) => r.shell === shell && r.hook === hook && r.case.startsWith(kase));
    const inside = find('mcp-auto hook', 'prompt');
    const cd = find('mcp-auto hook', 'cd');
    const firstLoad = find('direnv hook (.envrc first load)', 'cd');
    const insideOk = inside['median ms'] < 1 && (inside['processes per prompt'] === 0 || inside['processes per prompt'] === '—');
    notes.push(`${shell}: inside a root ${inside['processes per prompt']} processes, ${inside['median ms']} ms (target 0 and < 1 ms: ${insideOk ? 'met' : 'MISSED'}); `
      + `cd ${cd['median ms']} ms vs direnv first load ${firstLoad['median ms']} ms (target no slower: ${cd['median ms'] <= firstLoad['median ms'] ? 'met' : 'MISSED'}).`);
  }
  notes.push('Times are the foreground cost measured in the shell with $EPOCHREALTIME around what a prompt runs; '
    + "mcp-auto's `ensure` runs in the background after a cd and is not part of it. "
    + 'Processes: forks (not threads) under strace -f, per prompt; a cd with mcp-auto forks a subshell and the detached `ensure`.');
  return { rows, notes };
}

function table(rows) {
  const keys = Object.keys(rows[0]);
  return [`| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${keys.map((k) => String(r[k]).replaceAll('|', '\\|')).join(' | ')} |`)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows, notes } = await runPromptBench();
  process.stdout.write(`## Shell prompt overhead\n\n${table(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
}
