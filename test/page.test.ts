// The daemon's page (issue 19) in a real headless Chromium (Debian's, driven by
// playwright-core): a real server behind it, an SDK client calling a tool, a
// child killed -9, and the page refused through a foreign Host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { makeEnv, run, startDaemon, stopProcess, waitFor, everythingBin, type TestEnv } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const PORT = 27010;
const base = `http://127.0.0.1:${PORT}`;
const skip = existsSync(CHROMIUM) ? false : `no ${CHROMIUM} (apt-get install chromium)`;

let env: TestEnv;
let root: string;
let daemon: ChildProcess | undefined;
let browser: import('playwright-core').Browser | undefined;

before(async () => {
  if (skip) return;
  env = makeEnv({ portRange: [27000, 27499] });
  env.writeUserConfig({
    portRange: [27000, 27499],
    defaults: [],
    servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } },
  });
  root = env.project('shown');
  daemon = await startDaemon(root, PORT, env.env);
  const { chromium } = await import('playwright-core');
  // As root, without a sandbox; no background traffic (the machine's network is closed).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (daemon) await stopProcess(daemon);
  await env?.cleanup();
});

function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: PORT, path, headers, timeout: 3000 }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end();
  });
}

test('the page shows the server ready with its tools, a tool call within 2 s, a killed child restarting then ready', { skip, timeout: 60_000 }, async () => {
  const page = await browser!.newPage();
  const foreign: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(`${base}/`)) foreign.push(r.url()); });
  page.on('console', (m) => { if (/Content Security Policy|Refused to/.test(m.text())) refused.push(m.text()); });
  await page.goto(`${base}/`);
  const state = page.locator('[data-server="everything"] .state');

  const client = new Client({ name: 'page-test-client', version: '1.2.3' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/everything/mcp`)));
  const { tools } = await client.listTools();
  await waitFor(async () => (await state.getAttribute('data-state')) === 'ready', 10_000, 'the page to show everything ready');
  const card = page.locator('[data-server="everything"]');
  await waitFor(async () => (await card.textContent())?.includes(`${tools.length} tools`), 5_000, `the page to show ${tools.length} tools`);
  await waitFor(async () => /page-test-client 1\.2\.3/.test((await card.textContent()) ?? ''), 3_000, 'the connected client named on the page');

  // Every state the page shows from now on, in order (the restart is short).
  // (As a string: tsx rewrites functions with helpers the page does not have.)
  await page.evaluate(`(() => {
    const seen = window.seen = [];
    const record = () => {
      const s = document.querySelector('[data-server="everything"] .state')?.getAttribute('data-state');
      if (s && seen.at(-1) !== s) seen.push(s);
    };
    new MutationObserver(record).observe(document.getElementById('servers'), { subtree: true, childList: true, attributes: true });
  })()`);

  const called = await client.callTool({ name: 'echo', arguments: { message: 'shown on the page' } });
  assert.equal((called.content as Array<{ text: string }>)[0]?.text, 'Echo: shown on the page');
  const after = Date.now();
  await waitFor(async () => (await page.locator('#calls tr', { hasText: 'echo' }).count()) > 0, 2_000, 'the call in the calls table within 2 s');
  assert.ok(Date.now() - after <= 2_000);
  const row = await page.locator('#calls tr', { hasText: 'echo' }).first().textContent();
  assert.match(row!, /tools\/call/);
  assert.match(row!, /ok/);
  assert.ok(!(await page.content()).includes('shown on the page'), 'no message body on the page');

  const pid = (await (await fetch(`${base}/health`)).json() as { servers: Array<{ name: string; pid: number }> }).servers.find((s) => s.name === 'everything')!.pid;
  await page.evaluate('window.seen.length = 0');
  process.kill(pid, 'SIGKILL');
  const seen = await waitFor(async () => {
    const list = await page.evaluate('window.seen') as string[];
    return list.indexOf('ready') > 0 ? list : undefined;
  }, 15_000, 'the page to show the restart and ready again');
  assert.notEqual(seen[0], 'ready', `a state other than ready shown first after the kill: ${seen.join(' → ')}`);
  assert.ok(['restarting', 'starting'].includes(seen[0]!), `shown as restarting: ${seen.join(' → ')}`);
  assert.match((await page.locator('#log').textContent())!, /server everything: exited/, 'the log follows');

  assert.deepEqual(foreign, [], 'no request leaves the daemon');
  assert.deepEqual(refused, [], 'nothing the page does is refused by its own CSP');
  await client.close();
  await page.close();
});

test('the page and its stream are refused through a non-loopback Host or Origin, and answer nothing but GET', { skip }, async () => {
  assert.equal(await rawGet('/', { host: `evil.example:${PORT}` }), 403);
  assert.equal(await rawGet('/page/events', { host: `evil.example:${PORT}`, accept: 'text/event-stream' }), 403);
  assert.equal(await rawGet('/', { host: `127.0.0.1:${PORT}`, origin: 'http://evil.example' }), 403);
  const page = await browser!.newPage();
  // A page on another origin cannot read it either: the browser sends its Origin and the daemon refuses.
  await page.goto('about:blank');
  const status = await page.evaluate(`fetch('${base}/page/events').then((r) => r.status, () => 0)`) as number;
  assert.ok(status === 0 || status === 403, `cross-origin fetch refused (${status})`);
  await page.close();
  const post = await fetch(`${base}/`, { method: 'POST', body: '{}' });
  assert.equal(post.status, 405);
  const res = await fetch(`${base}/`);
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-/);
  assert.doesNotMatch(await res.text(), /(src|href)="https?:/, 'no external assets');
});

test('`mcp-auto open --print` names the running daemon\'s page; BROWSER is run with it', { skip }, async () => {
  const printed = await run(['open', '--print'], env.env, { cwd: root });
  assert.equal(printed.code, 0, printed.stderr);
  assert.equal(printed.stdout.trim(), `${base}/`);
  // A stand-in browser that records the URL it was given.
  const { writeFileSync, readFileSync, chmodSync } = await import('node:fs');
  const { join } = await import('node:path');
  const browserScript = join(env.home, 'browser.sh');
  writeFileSync(browserScript, `#!/bin/sh\nprintf '%s' "$1" > ${join(env.home, 'opened')}\n`);
  chmodSync(browserScript, 0o755);
  const opened = await run(['open'], { ...env.env, BROWSER: browserScript }, { cwd: root });
  assert.equal(opened.code, 0, opened.stderr);
  assert.match(opened.stdout, /opened http:\/\/127\.0\.0\.1:27010\//);
  await waitFor(() => { try { return readFileSync(join(env.home, 'opened'), 'utf8') === `${base}/`; } catch { return false; } }, 5_000, 'the browser to get the URL');
});
