// `mcp-auto ensure` when everything is already right (what a cd into a known
// project costs when run in the foreground, e.g. by direnv), beside `node -e 0`
// and direnv's own `direnv export` in the same run. Target: ≤ 100 ms.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, makeHome, median, now, percentile, repo } from './lib.mjs';

function time(command, args, opts, runs) {
  const times = [];
  for (let i = 0; i < runs + 3; i++) {
    const t = now();
    const r = spawnSync(command, args, { ...opts, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}`);
    if (i >= 3) times.push(now() - t);
  }
  return times;
}

export async function runEnsureBench({ runs = 30 } = {}) {
  const { env, root, remove } = makeHome({ portRange: [29400, 29499], defaults: [] });
  try {
    execFileSync(process.execPath, [cli, 'ensure', '--quiet', root], { env });
    const rows = [];
    const row = (what, times) => rows.push({ what, 'p50 (ms)': median(times), 'p90 (ms)': percentile(times, 90) });
    row('node -e 0 (the floor for any Node CLI)', time(process.execPath, ['-e', '0'], { env }, runs));
    // Why the user config is read with JSON.parse and not through `conf`: its import alone.
    row('node + import conf (not used: what it would add to this path)', time(process.execPath, ['--input-type=module', '-e', "await import('conf')"], { env, cwd: repo }, runs));
    row('mcp-auto ensure, all already right', time(process.execPath, [cli, 'ensure', '--quiet', root], { env, cwd: root }, runs));
    if (spawnSync('direnv', ['version']).status === 0) {
      writeFileSync(join(root, '.envrc'), 'export FOO=1\n');
      execFileSync('direnv', ['allow', root], { env, cwd: root });
      row('direnv export bash (first load of an .envrc)', time('direnv', ['export', 'bash'], { env: { ...env, DIRENV_LOG_FORMAT: '' }, cwd: root }, runs));
    }
    execFileSync(process.execPath, [cli, 'stop', root], { env });
    const ensure = rows.find((r) => r.what.startsWith('mcp-auto ensure'))['p50 (ms)'];
    const floor = rows[0]['p50 (ms)'];
    return {
      title: '`mcp-auto ensure` (nothing to do)',
      rows,
      notes: [
        `mcp-auto ensure p50 ≤ 100 ms: ${ensure.toFixed(2)} ms (node -e 0 alone: ${floor.toFixed(2)} ms) — ${ensure <= 100 ? 'met' : 'NOT met'}`,
        `median of ${runs} runs after 3 warm-ups`,
      ],
    };
  } finally {
    remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runEnsureBench();
  console.log(result.rows);
}
