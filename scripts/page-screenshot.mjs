// Regenerates docs/page.png, the README's picture of the daemon page: a daemon
// with two real servers, a client making a few calls, Debian's headless
// Chromium taking the shot. Run after `npm run bundle`.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { repo, cli, everythingBin, makeHome, nextPort, sleep, startProcess, stopAll } from '../bench/lib.mjs';

const port = await nextPort();
const home = makeHome({ defaults: ['memory'], servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'] } }, idleTimeoutMinutes: 0 });
startProcess(process.execPath, [cli, 'daemon', '--root', home.root, '--port', String(port)], { env: home.env });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 200; i++) {
  try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* not yet */ }
  await sleep(25);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
try {
  const client = new Client({ name: 'claude-code', version: '2.1.197' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/everything/mcp`)));
  const memory = new Client({ name: 'gemini-cli-mcp-client', version: '0.61.0' });
  await memory.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/memory/mcp`)));
  await memory.listTools();
  await client.listTools();
  for (let i = 0; i < 12; i++) {
    await client.callTool({ name: i % 3 ? 'echo' : 'get-sum', arguments: i % 3 ? { message: `call ${i}` } : { a: i, b: 2 } });
    await sleep(150);
  }
  await memory.callTool({ name: 'read_graph', arguments: {} });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/`);
  await sleep(1500);
  const out = join(repo, 'docs', 'page.png');
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
  await client.close();
  await memory.close();
} finally {
  await browser.close();
  await stopAll();
  home.remove();
}
