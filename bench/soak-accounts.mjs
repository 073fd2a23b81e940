// The soak's rows for issue 13: the session store at its cap, and another
// local account's attempts (run for real with runuser; root only).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { cli, everythingBin, makeHome, now, percentile, repo, sleep } from './lib.mjs';

/** 1,100 sessions (20 with 1 MB capabilities) into the daemon on `port`: what the store keeps, /health at the cap. */
export async function sessionStoreRow(port, stateDir, row) {
  const url = `http://127.0.0.1:${port}/servers/everything/mcp`;
  const init = async (capabilities) => {
    const res = await fetch(url, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities, clientInfo: { name: 'soak', version: '1' } } }),
    });
    await res.text();
  };
  for (let i = 0; i < 20; i++) await init({ sampling: { blob: 'x'.repeat(1 << 20) }, roots: { listChanged: true } });
  for (let done = 0; done < 1_080; done += 20) await Promise.all(Array.from({ length: 20 }, () => init({ roots: { listChanged: true } })));
  const file = join(stateDir, 'sessions.json');
  let stored = {};
  for (let i = 0; i < 100; i++) {
    try { stored = JSON.parse(readFileSync(file, 'utf8')); } catch { /* being replaced */ }
    if (Object.keys(stored).length >= 1_000) break;
    await sleep(50);
  }
  const kept = Object.keys(stored).length;
  const largest = Math.max(...Object.values(stored).map((s) => JSON.stringify(s).length));
  const times = [];
  for (let i = 0; i < 500; i++) {
    const t = now();
    await (await fetch(`http://127.0.0.1:${port}/health`)).arrayBuffer();
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  const p99 = percentile(times, 99);
  row('session store: 1,100 initialize (20 with 1 MB capabilities)',
    `${kept} kept, largest ${largest} bytes, sessions.json ${Math.round(statSync(file).size / 1024)} KB; /health p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms at the cap`,
    '≤ 1,000 kept, ≤ 8 KB each, /health p99 < 50 ms', kept <= 1_000 && largest <= 8192 && p99 < 50);
}

/**
 * Another local account: tool calls against the daemon on `port` (each a plain
 * request and one sent-and-closed at once), and an impostor on a project's
 * hashed port while the owner runs ensure and exec with token auth.
 */
export async function otherAccountRow(port, row, attempts = 100) {
  const what = 'another local account: tool calls (plain, and sent-and-closed), impostor on the hashed port';
  if (process.getuid?.() !== 0) return row(what, 'skipped: needs root to create the account', '0 tool calls, 0 tokens', undefined);
  const user = `mcpsoak${process.pid % 100000}`;
  const dir = mkdtempSync(join(tmpdir(), 'mcp-auto-soak-attacker-'));
  chmodSync(dir, 0o755);
  copyFileSync(join(repo, 'test/fixtures/attacker.cjs'), join(dir, 'attacker.cjs'));
  chmodSync(join(dir, 'attacker.cjs'), 0o644);
  const runAs = (args) => spawn('runuser', ['-u', user, '--', process.execPath, join(dir, 'attacker.cjs'), ...args], { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  const collect = (child) => { const lines = []; let part = ''; child.stdout.on('data', (d) => { const p = (part + d).split('\n'); part = p.pop(); for (const l of p) if (l) lines.push(JSON.parse(l)); }); return lines; };
  const home = makeHome({ portRange: [29300, 29399], defaults: [], auth: 'token', servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } } });
  try { execFileSync('userdel', [user], { stdio: 'ignore' }); } catch { /* none */ }
  execFileSync('useradd', ['--no-create-home', '--shell', '/usr/sbin/nologin', user]);
  let impostor;
  try {
    const calls = async () => (await (await fetch(`http://127.0.0.1:${port}/health`)).json()).servers[0].calls.total;
    const before = await calls();
    const attack = runAs(['attack', String(port), String(attempts)]);
    const lines = collect(attack);
    await new Promise((r) => attack.once('exit', r));
    await sleep(300);
    const toolCalls = (await calls()) - before + (lines[0]?.echoed ?? 0);
    // The impostor answers /health as the daemon of the owner's project, on its hashed port.
    const [low, high] = [29300, 29399];
    const hashed = low + (createHash('sha256').update(home.root).digest().readUInt32BE(0) % (high - low + 1));
    impostor = runAs(['impostor', String(hashed), home.root]);
    const seen = collect(impostor);
    for (let i = 0; i < 100 && !seen.some((l) => l.listening); i++) await sleep(50);
    const ensure = JSON.parse(execFileSync(process.execPath, [cli, 'ensure', '--json', home.root], { env: home.env, encoding: 'utf8' }));
    execFileSync(process.execPath, [cli, 'exec', '--root', home.root, '--', 'true'], { env: home.env, stdio: 'ignore' });
    const tokens = seen.filter((l) => l.authorization).length;
    const total = attempts * 2 + 1;
    row(what, `${total} attempts, ${toolCalls} tool calls, ${tokens} tokens received (impostor's port ${ensure.port === hashed ? 'USED' : 'skipped'})`, '0 tool calls, 0 tokens', toolCalls === 0 && tokens === 0 && ensure.port !== hashed);
  } finally {
    try { process.kill(-impostor?.pid, 'SIGKILL'); } catch { /* gone */ }
    try { execFileSync(process.execPath, [cli, 'stop', '--all'], { env: home.env, stdio: 'ignore' }); } catch { /* none */ }
    try { execFileSync('pkill', ['-KILL', '-u', user], { stdio: 'ignore' }); } catch { /* none */ }
    try { execFileSync('userdel', [user], { stdio: 'ignore' }); } catch { /* gone */ }
    rmSync(dir, { recursive: true, force: true });
    home.remove();
  }
}
