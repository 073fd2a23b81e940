// `mcp-auto mcp-config` (issue 6): the client config JSON for the project's
// daemon on stdout — the entries .mcp.json would get — with no project file
// written; an SDK client reaches the servers at the printed URLs.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { everythingBin, freePort, makeEnv, run, startDaemon, stopProcess } from './helpers.ts';

const env = makeEnv({
  portRange: [31640, 31659],
  config: { servers: { everything: { command: process.execPath, args: [everythingBin, 'stdio'], client: 'sse' } } },
});
after(() => env.cleanup());

type Printed = { mcpServers: Record<string, { type: string; url: string }> };

async function tools(entry: { type: string; url: string }): Promise<string[]> {
  const client = new Client({ name: 'mcp-config-test', version: '1.0.0' });
  const url = new URL(entry.url);
  await client.connect(entry.type === 'sse' ? new SSEClientTransport(url) : new StreamableHTTPClientTransport(url));
  try {
    return (await client.listTools()).tools.map((t) => t.name);
  } finally {
    await client.close();
  }
}

test('mcp-config prints the running daemon\'s servers (http and sse) and writes no project file', async () => {
  const root = env.project('printed');
  const held = await freePort(31645, 31659);
  const port = held.port;
  await held.release();
  const daemon = await startDaemon(root, port, env.env);
  try {
    const result = await run(['mcp-config', root], env.env);
    assert.equal(result.code, 0, result.stderr);
    const printed = JSON.parse(result.stdout) as Printed;
    assert.deepEqual(printed, {
      mcpServers: {
        memory: { type: 'http', url: `http://127.0.0.1:${port}/servers/memory/mcp` },
        everything: { type: 'sse', url: `http://127.0.0.1:${port}/servers/everything/sse` },
      },
    });
    assert.ok((await tools(printed.mcpServers.memory!)).includes('create_entities'));
    assert.ok((await tools(printed.mcpServers.everything!)).includes('echo'));
    assert.deepEqual(readdirSync(root), ['.git'], 'no .mcp.json or other file written');
    assert.equal(existsSync(join(root, '.mcp.json')), false);
  } finally {
    await stopProcess(daemon);
  }
});

test('mcp-config starts a daemon that is not running, still writing no project file', async () => {
  const root = env.project('cold');
  const result = await run(['mcp-config', root], env.env);
  assert.equal(result.code, 0, result.stderr);
  const printed = JSON.parse(result.stdout) as Printed;
  assert.deepEqual(Object.keys(printed.mcpServers).sort(), ['everything', 'memory']);
  assert.match(printed.mcpServers.memory!.url, /^http:\/\/127\.0\.0\.1:316[45]\d\/servers\/memory\/mcp$/);
  assert.ok((await tools(printed.mcpServers.memory!)).includes('create_entities'));
  assert.deepEqual(readdirSync(root), ['.git'], 'no .mcp.json or other file written');
});

test('mcp-config outside any project says so', async () => {
  const result = await run(['mcp-config', '/'], env.env);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /no project root above \//);
});
