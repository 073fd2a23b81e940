// `npm run soak`: the reliability figures of the README, measured on this
// machine through one real daemon (server-everything as its child, the SDK's
// own clients in front). Loopback only, bounded in time, and it stops every
// process it starts. Writes bench/soak-results.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { createHash } from 'node:crypto';
import { otherAccountRow, sessionStoreRow } from './soak-accounts.mjs';
import { cli, everythingBin, makeHome, now, percentile, repo, rssMb, sleep, soakSummary, updateReadme } from './lib.mjs';

const RANGE = [29400, 29499];
const scale = Number(process.env.SOAK_SCALE ?? 1);
const rows = [];
const row = (what, result, target, met) => rows.push({ what, result, target, met: met === undefined ? '—' : met ? 'yes' : 'NO' });

const { env, root, remove } = makeHome({
  portRange: RANGE, defaults: [], idleTimeoutMinutes: 0,
  servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } },
});
const mcp = (args) => JSON.parse(execFileSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' }));
// start=1: servers start lazily; the soak wants them up.
const health = async (port) => (await fetch(`http://127.0.0.1:${port}/health?start=1`)).json();

async function connect(port, kind) {
  const client = new Client({ name: 'soak', version: '1' });
  const url = new URL(`http://127.0.0.1:${port}/servers/everything/${kind === 'sse' ? 'sse' : 'mcp'}`);
  const transport = kind === 'sse' ? new SSEClientTransport(url) : new StreamableHTTPClientTransport(url);
  await client.connect(transport);
  return { client, transport };
}

/** n clients × calls echo calls, 4 in flight each; every reply checked against its own unique message. */
async function load(port, n, calls, { onCall } = {}) {
  const clients = await Promise.all(Array.from({ length: n }, (_, i) => connect(port, i % 4 === 3 ? 'sse' : 'http')));
  const latencies = [];
  let misrouted = 0;
  let failed = 0;
  const started = now();
  await Promise.all(clients.map(async ({ client }, c) => {
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < calls) {
        const i = next++;
        const message = `c${c}-${i}-${Math.random()}`;
        const t = now();
        try {
          const r = await client.callTool({ name: 'echo', arguments: { message } }, undefined, { timeout: 10_000 });
          latencies.push(now() - t);
          if (r.content?.[0]?.text !== `Echo: ${message}`) misrouted++;
        } catch (error) {
          failed++;
          onCall?.(error, t);
        }
      }
    }));
  }));
  const seconds = (now() - started) / 1000;
  await Promise.all(clients.map(({ client }) => client.close()));
  latencies.sort((a, b) => a - b);
  return { misrouted, failed, answered: latencies.length, total: n * calls, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rate: latencies.length / seconds };
}

try {
  const { port, pid } = mcp(['ensure', '--json', root]);
  while ((await health(port)).servers[0]?.state !== 'ready') await sleep(50);

  // 1. Load: 64 clients × 1,000 calls.
  const n = Math.max(4, Math.round(64 * scale));
  const calls = Math.max(50, Math.round(1000 * scale));
  const l = await load(port, n, calls);
  row(`load: ${n} clients × ${calls} echo calls (¼ SSE), 4 in flight each`, `${l.misrouted} misrouted, ${l.total - l.answered} lost; p50 ${l.p50.toFixed(2)} ms, p99 ${l.p99.toFixed(2)} ms, ${Math.round(l.rate)} calls/s`, '0 misrouted, 0 lost', l.misrouted === 0 && l.answered === l.total);

  // 2. kill -9 of the child under load: nothing hangs, restart < 2 s.
  const childPid = (await health(port)).servers[0].pid;
  let killedAt = 0;
  let hung = 0;
  const loadDuringKill = load(port, 16, Math.round(400 * Math.max(scale, 0.25)), {
    onCall: (_error, startedAt) => { if (killedAt && now() - Math.max(startedAt, killedAt) > 2000) hung++; },
  });
  await sleep(500);
  killedAt = now();
  process.kill(childPid, 'SIGKILL');
  let restartMs = Infinity;
  for (;;) {
    const s = (await health(port)).servers[0];
    if (s.state === 'ready' && s.pid !== childPid) { restartMs = now() - killedAt; break; }
    if (now() - killedAt > 10_000) break;
    await sleep(10);
  }
  const k = await loadDuringKill;
  row('kill -9 of the child during load (16 clients)', `${k.failed} calls failed fast, ${hung} hung > 2 s, ${k.misrouted} misrouted; restarted in ${restartMs.toFixed(0)} ms`, '0 hung, restart < 2 s', hung === 0 && k.misrouted === 0 && restartMs < 2000);

  // 3. kill -9 of the daemon: the next ensure restores it on the same port; an old session carries on.
  const kept = await connect(port, 'http');
  process.kill(pid, 'SIGKILL');
  await sleep(200);
  const t0 = now();
  const again = mcp(['ensure', '--json', root]);
  const backMs = now() - t0;
  let carriedOn = false;
  try {
    const r = await kept.client.callTool({ name: 'echo', arguments: { message: 'still here' } });
    carriedOn = r.content?.[0]?.text === 'Echo: still here';
  } catch { /* reported below */ }
  await kept.client.close();
  row('kill -9 of the daemon, then `mcp-auto ensure`', `same port: ${again.port === port ? 'yes' : 'no'}; back in ${backMs.toFixed(0)} ms; old session ${carriedOn ? 'carried on' : 'lost'}`, 'same port, session kept', again.port === port && carriedOn);

  // 4. Memory: 100,000 calls and 1,000 sessions (100 calls each, ¼ SSE, each
  // session ended); RSS at the end vs after the first 1,000 calls of that same
  // workload. Both at rest: a quiet daemon collects garbage 3 s after a burst and
  // again 6 s later, and V8 returns the freed pages a moment after that.
  const daemonPid = again.pid;
  while ((await health(port)).servers[0]?.state !== 'ready') await sleep(50);
  const sessions = Math.round(1000 * scale);
  const perSession = 100;
  const runSessions = async (from, to) => {
    for (let s = from; s < to; s += 8) {
      await Promise.all(Array.from({ length: Math.min(8, to - s) }, async (_, j) => {
        const { client, transport } = await connect(port, (s + j) % 4 === 3 ? 'sse' : 'http');
        for (let i = 0; i < perSession; i++) await client.callTool({ name: 'echo', arguments: { message: String(i) } });
        await transport.terminateSession?.();
        await client.close();
      }));
    }
  };
  const atRest = () => sleep(11_000);
  const heap = async () => { const m = (await health(port)).memoryMb; return `${m.heapUsed} of ${m.heapTotal}`; };
  const first = 1000 / perSession;
  await runSessions(0, first);
  await atRest();
  const rssStart = rssMb(daemonPid);
  const heapStart = await heap();
  await runSessions(first, sessions);
  await atRest();
  const rssEnd = rssMb(daemonPid);
  const heapEnd = await heap();
  const growth = (rssEnd - rssStart) / rssStart;
  row(`memory: ${sessions} sessions, ${perSession * sessions} calls`, `RSS after the first 1,000 calls ${rssStart.toFixed(1)} MB → at the end ${rssEnd.toFixed(1)} MB (${(growth * 100).toFixed(1)}%); JS heap in use ${heapStart} → ${heapEnd} MB`, 'within 10%', growth <= 0.10);

  // 5. Other local accounts (issue 13), and the session store at its cap.
  await otherAccountRow(port, row, Math.max(20, Math.round(100 * scale)));
  await sessionStoreRow(port, join(env.XDG_STATE_HOME, 'mcp-auto', createHash('sha256').update(root).digest('hex').slice(0, 16)), row);

  execFileSync(process.execPath, [cli, 'stop', root], { env });
} finally {
  try { execFileSync(process.execPath, [cli, 'stop', '--all'], { env, stdio: 'ignore' }); } catch { /* already stopped */ }
  remove();
}

// 6. Faults and hostile input: the tests `npm test` runs for them, run again here so the table is whole.
const faultTests = [
  ['test/supervision.test.ts', 'never answers initialize', 'a child that never answers initialize → bounded wait, state failed, clear error'],
  ['test/daemon.test.ts', 'garbage to stdout', 'a child that writes garbage to stdout → logged, the session goes on'],
  ['test/faults.test.ts', 'full or read-only state dir', 'disk full (tmpfs) or read-only state dir → clear error, no corrupt state'],
  ['test/faults.test.ts', 'hostile input', 'duplicate ids in flight, unknown methods, batches, slow-loris'],
  ['test/daemon.test.ts', 'bad input', 'malformed JSON, oversized body, unknown server/session, wrong headers'],
  ['test/supervision.test.ts', 'across a daemon restart', 'a session survives `mcp-auto restart` without initializing again'],
  ['test/fuzz-mcp-json.test.ts', '', '200 generated .mcp.json files (valid, malformed, huge, unicode, BOM, CRLF) through ensure, adopt, unadopt'],
];
for (const [file, pattern, what] of faultTests) {
  if (!existsSync(join(repo, file))) continue;
  const args = ['--import', 'tsx', '--test', '--test-reporter=tap', ...(pattern ? ['--test-name-pattern', pattern] : []), file];
  const run = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 180_000 });
  const results = [...run.stdout.matchAll(/^(not ok|ok) \d+ - (.*)$/gm)].filter((m) => !m[2].includes('# SKIP'));
  const passed = run.status === 0 && results.length > 0 && results.every((m) => m[1] === 'ok');
  row(what, `${results.filter((m) => m[1] === 'ok').length} of ${results.length} tests pass (${file.replace('test/', '')})`, 'passes', passed);
}

// 6. Hostile repositories (issue 12): every attack of test/hostile.test.ts, with what got through counted.
{
  const summary = join(tmpdir(), `mcp-auto-hostile-${process.pid}.json`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', 'test/hostile.test.ts'],
    { cwd: repo, encoding: 'utf8', timeout: 300_000, env: { ...process.env, HOSTILE_SUMMARY: summary } });
  let tally = { tried: 0, bytesOutside: '?', commandsRun: '?' };
  try { tally = JSON.parse(readFileSync(summary, 'utf8')); rmSync(summary); } catch { /* the file did not run to its end */ }
  const results = [...run.stdout.matchAll(/^\s*(not ok|ok) \d+ - (finding.*)$/gm)].filter((m) => !m[2].includes('# SKIP'));
  const passed = run.status === 0 && results.length > 0 && results.every((m) => m[1] === 'ok');
  row('hostile repositories: symlinked client files and folders, /dev/zero, planted node_modules, .npmrc, uv.toml, core.fsmonitor, a swapped or foreign .mcp-auto.json, folder names with newline, quotes, $(...), backticks, a leading dash in zsh, bash, fish and direnv',
    `${tally.tried} tried, ${tally.bytesOutside} bytes written outside, ${tally.commandsRun} commands run (${results.filter((m) => m[1] === 'ok').length} of ${results.length} tests pass)`,
    '0 bytes written outside, 0 commands run', passed && tally.bytesOutside === 0 && tally.commandsRun === 0);
}

const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim(); } catch { return '?'; } })();
const report = [
  `Machine: ${execFileSync('nproc', { encoding: 'utf8' }).trim()} cores, ${cpus()[0]?.model?.trim() ?? 'unknown CPU'}, Node ${process.version}; commit ${commit}; scale ${scale}.`,
  '',
  '| what | result | target | met |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.met} |`),
].join('\n');
console.log(report);
writeFileSync(join(repo, 'bench/soak-results.md'), `# mcp-auto reliability (npm run soak)\n\n${report}\n`);
// A full-scale run is what the README's Reliability section sums up.
if (scale === 1) updateReadme('soak', soakSummary(report));
