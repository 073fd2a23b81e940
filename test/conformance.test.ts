// The official MCP conformance runner (@modelcontextprotocol/conformance, on
// the Node 22 of npm's `node` package) against server-everything natively and
// behind the daemon in the recommended mode for servers that sample or elicit
// (an http child), one runner and two at once: no scenario may do worse
// through the daemon. server-everything lacks some of the suite's test tools,
// so some scenarios fail natively too; the comparison is per scenario.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeEnv, startDaemon, stopProcess, track, waitFor, everythingBin, repo, type TestEnv } from './helpers.ts';

const node22 = join(repo, 'node_modules/node/bin/node');
const runner = join(repo, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
const NATIVE_PORT = 22530;
const DAEMON_PORT = 22540;
let env: TestEnv;
let native: ChildProcess;
let daemon: ChildProcess;

type Summary = Map<string, { passed: number; failed: number }>;

function conformance(url: string): Promise<Summary> {
  return new Promise((resolve, reject) => {
    const child = execFile(node22, [runner, 'server', '--url', url], { timeout: 240_000, maxBuffer: 16 << 20 }, (_error, stdout, stderr) => {
      // It exits 1 when any scenario fails: the summary is what counts.
      const summary: Summary = new Map();
      for (const m of stdout.matchAll(/^[✓✗] (\S+): (\d+) passed, (\d+) failed$/gm)) summary.set(m[1]!, { passed: Number(m[2]), failed: Number(m[3]) });
      if (summary.size === 0) reject(new Error(`no summary from the runner: ${stdout.slice(-2000)} ${stderr.slice(-2000)}`));
      else resolve(summary);
    });
    track(child.pid);
  });
}

function notWorse(through: Summary, direct: Summary, label: string): void {
  for (const [scenario, d] of direct) {
    const t = through.get(scenario);
    assert.ok(t, `${label}: ${scenario} ran through the daemon`);
    assert.ok(t.passed >= d.passed && t.failed <= d.failed, `${label}: ${scenario} natively ${d.passed}/${d.failed}, through the daemon ${t.passed}/${t.failed} (passed/failed)`);
  }
}

before(async () => {
  assert.ok(existsSync(node22) && existsSync(runner), 'npm ci installs the runner and Node 22 (devDependencies)');
  env = makeEnv({ portRange: [22500, 22999] });
  env.writeUserConfig({
    portRange: [22500, 22999],
    defaults: [],
    servers: { everything: { command: process.execPath, args: [everythingBin, 'streamableHttp'], env: { PORT: '{port}' }, transport: 'http', start: 'eager', analyses: false } },
  });
  native = spawn(process.execPath, [everythingBin, 'streamableHttp'], { env: { ...env.env, PORT: String(NATIVE_PORT) }, stdio: 'ignore', detached: true });
  track(native.pid);
  daemon = await startDaemon(env.project('proj'), DAEMON_PORT, env.env);
  await waitFor(async () => (await fetch(`http://127.0.0.1:${NATIVE_PORT}/mcp`, { method: 'GET' }).catch(() => undefined)) !== undefined, 20_000, 'native server up');
  await waitFor(async () => ((await (await fetch(`http://127.0.0.1:${DAEMON_PORT}/health`)).json()) as { servers: Array<{ state: string }> }).servers[0]!.state === 'ready', 20_000, 'child ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  if (native) await stopProcess(native);
  await env.cleanup();
});

const nativeUrl = `http://127.0.0.1:${NATIVE_PORT}/mcp`;
const daemonUrl = `http://127.0.0.1:${DAEMON_PORT}/servers/everything/mcp`;

test('one runner: no scenario worse through the daemon', async () => {
  const direct = await conformance(nativeUrl);
  const through = await conformance(daemonUrl);
  assert.ok(direct.size >= 25, `the suite ran (${direct.size} scenarios)`);
  notWorse(through, direct, 'one runner');
});

test('two runners at once: no scenario worse through the daemon', async () => {
  const direct = await Promise.all([conformance(nativeUrl), conformance(nativeUrl)]);
  const through = await Promise.all([conformance(daemonUrl), conformance(daemonUrl)]);
  notWorse(through[0]!, direct[0]!, 'runner 1 of 2');
  notWorse(through[1]!, direct[1]!, 'runner 2 of 2');
});
