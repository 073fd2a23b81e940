// The page costs a daemon nothing until it is opened: the daemon's RSS after
// its garbage collection, median of 5 starts, for this build and for the build
// of the commit before the page existed (built from git in a temporary
// worktree), side by side; then the same daemons once a page has loaded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, cli, makeHome, median, nextPort, rssMb, sleep, startProcess, stopAll } from './lib.mjs';

const STARTS = 5;
const probe = join(repo, 'test/fixtures/probe-server.mjs');

/** The commit just before src/daemon/page.ts was added. */
function baselineRev() {
  const added = execFileSync('git', ['log', '--diff-filter=A', '--format=%H', '--', 'src/daemon/page.ts'], { cwd: repo, encoding: 'utf8' }).trim().split('\n').at(-1);
  if (!added) throw new Error('src/daemon/page.ts is not committed yet');
  return `${added}^`;
}

function buildAt(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-auto-bench-base-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', dir, rev], { cwd: repo });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'ignore' });
  return {
    cli: join(dir, 'dist', 'mcp-auto.js'),
    remove: () => execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: repo }),
  };
}

async function post(port, body) {
  const res = await fetch(`http://127.0.0.1:${port}/servers/probe/mcp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify(body),
  });
  await res.text();
}

/** Starts one daemon, makes one client request (so it collects once the burst is over), returns its pid and port. */
async function startOne(cliPath) {
  const port = await nextPort();
  const home = makeHome({ defaults: [], servers: { probe: { command: process.execPath, args: [probe] } }, idleTimeoutMinutes: 0 });
  const child = startProcess(process.execPath, [cliPath, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break; } catch { /* not yet */ }
    await sleep(25);
  }
  await post(port, { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  return { pid: child.pid, port };
}

/** RSS once both of the daemon's post-burst collections are done (3 s, then 6 s later). */
async function restingRss(cliPath) {
  const daemons = await Promise.all(Array.from({ length: STARTS }, () => startOne(cliPath)));
  await sleep(11_000);
  return { daemons, rss: daemons.map((d) => rssMb(d.pid)) };
}

export async function runPageBench() {
  const base = buildAt(baselineRev());
  try {
    const before = await restingRss(base.cli);
    const now = await restingRss(cli);
    // Open the page once in each current daemon (the HTML and a few events), then rest again.
    await Promise.all(now.daemons.map(async ({ port }) => {
      await (await fetch(`http://127.0.0.1:${port}/`)).text();
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/page/events`, { signal: controller.signal });
      const reader = res.body.getReader();
      await reader.read();
      controller.abort();
    }));
    await Promise.all(now.daemons.map(({ port }) => post(port, { jsonrpc: '2.0', id: 2, method: 'ping' }).catch(() => {})));
    await sleep(11_000);
    const opened = now.daemons.map((d) => rssMb(d.pid));
    const diff = median(now.rss) - median(before.rss);
    const row = (build, values) => ({ build, 'RSS median (MB)': median(values).toFixed(1), 'min–max (MB)': `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}` });
    return {
      title: 'The page costs nothing until opened: daemon RSS after GC, median of 5 starts',
      rows: [row('before the page (commit before it)', before.rss), row('this build, page never opened', now.rss), row('this build, after the page was opened once', opened)],
      // One-sided: a build lighter than the one before the page costs nothing either (since
      // the daemon runs from one CommonJS file it is ~4.5 MB lighter, page or not).
      notes: [`never opened vs before the page: ${diff >= 0 ? '+' : ''}${diff.toFixed(2)} MB — target at most 1 MB more: ${diff <= 1 ? 'met' : 'not met'}`],
    };
  } finally {
    await stopAll();
    base.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(cli)) throw new Error('build first: npm run bundle');
  console.log(JSON.stringify(await runPageBench(), null, 2));
}
