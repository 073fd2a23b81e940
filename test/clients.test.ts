// Client config adapters (issues 6, 15): Cursor, VS Code, Gemini CLI, Codex,
// Qwen Code, opencode, and — from their docs — Kilo, Roo, Zed, Amazon Q, Continue,
// each through the shared merge (syncClients) on real files: merged into a
// file with other entries and keys, a malformed file refused byte for byte,
// idempotent, and our entries removed when no longer managed. Then `ensure`
// writes all of them and an SDK client reaches the daemon at every URL.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { adapters, syncClients, type ClientAdapter, type ManagedEntry } from '../src/clients/index.ts';
import { makeEnv, run, sleep } from './helpers.ts';

const env = makeEnv({ portRange: [31540, 31559] });
after(() => env.cleanup());

const entry = (name: string, client: 'http' | 'sse' = 'http', port = 31541): ManagedEntry => ({
  name, client, url: `http://127.0.0.1:${port}/servers/${name}/mcp`, sseUrl: `http://127.0.0.1:${port}/servers/${name}/sse`,
});

interface Case {
  adapter: ClientAdapter;
  /** An existing file with someone else's server and other settings. */
  existing: string;
  /** The same file's data, as its own format's parser reads it. */
  read(text: string): Record<string, unknown>;
  /** The user's server entry in `existing`, which must survive every sync. */
  theirs: Record<string, unknown>;
  /** What the adapter must write for memory (http) and notes (sse). */
  memory: Record<string, unknown>;
  notes: Record<string, unknown>;
  malformed: string;
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;
const jsonc = (text: string) => {
  const errors: ParseError[] = [];
  const data = parseJsonc(text, errors, { allowTrailingComma: true }) as Record<string, unknown>;
  assert.deepEqual(errors, [], 'the file still parses as JSONC');
  return data;
};
const toml = (text: string) => JSON.parse(JSON.stringify(parseToml(text))) as Record<string, unknown>;

const cases: Case[] = [
  {
    adapter: adapters.cursor!,
    existing: '{\n    "mcpServers": {\n        "docs": { "command": "npx", "args": ["-y", "docs-mcp"] }\n    },\n    "ünïcode": "ok ✓"\n}\n',
    read: json,
    theirs: { command: 'npx', args: ['-y', 'docs-mcp'] },
    memory: { url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "mcpServers": { "docs": { "command": "npx", } }',
  },
  {
    adapter: adapters.vscode!,
    // VS Code allows comments and trailing commas in mcp.json: they are kept.
    existing: '{\n\t// the key for docs\n\t"inputs": [{ "type": "promptString", "id": "key" }],\n\t"servers": {\n\t\t"docs": { "type": "stdio", "command": "docs-mcp" }, /* mine */\n\t}\n}\n',
    read: jsonc,
    theirs: { type: 'stdio', command: 'docs-mcp' },
    memory: { type: 'http', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'sse', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{\n  // my servers\n  "servers": {\n}\n',
  },
  {
    adapter: adapters.gemini!,
    existing: '{\n  "theme": "GitHub", // dark later\n  "mcpServers": {\n    "docs": { "command": "docs-mcp", "trust": false }\n  },\n  "checkpointing": { "enabled": true }\n}\n',
    read: jsonc,
    theirs: { command: 'docs-mcp', trust: false },
    // 0.61.0 lists `type: "http"` as Connected (httpUrl is deprecated); SSE needs its type.
    memory: { type: 'http', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'sse', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "theme": "GitHub" ',
  },
  {
    adapter: adapters.codex!,
    existing: 'model = "o3"\napproval_policy = "on-request"\n\n[mcp_servers.docs]\ncommand = "npx"\nargs = ["-y", "docs-mcp"]\n\n[profiles.fast]\nmodel = "gpt-5"\n',
    read: toml,
    theirs: { command: 'npx', args: ['-y', 'docs-mcp'] },
    memory: { url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    // Codex has no SSE: an sse-configured server still gets the Streamable HTTP URL.
    notes: { url: 'http://127.0.0.1:31541/servers/notes/mcp' },
    malformed: 'model = "o3"\n[mcp_servers.docs\ncommand = "npx"\n',
  },
  {
    adapter: adapters.qwen!,
    existing: '{\n  "model": { "name": "qwen3-coder" }, // mine\n  "mcpServers": {\n    "docs": { "command": "docs-mcp" }\n  }\n}\n',
    read: jsonc,
    theirs: { command: 'docs-mcp' },
    memory: { httpUrl: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "mcpServers": { ',
  },
  {
    adapter: adapters.opencode!,
    existing: '{\n  "$schema": "https://opencode.ai/config.json",\n  // the team model\n  "model": "anthropic/claude-sonnet-4-5",\n  "mcp": {\n    "docs": { "type": "local", "command": ["docs-mcp"] },\n  },\n}\n',
    read: jsonc,
    theirs: { type: 'local', command: ['docs-mcp'] },
    memory: { type: 'remote', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'remote', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "mcp": [ }',
  },
  // Written from the clients' documentation (no CLI to run them with):
  {
    adapter: adapters.kilo!,
    existing: '{\n  "$schema": "https://app.kilo.ai/config.json",\n  "mcp": { "docs": { "type": "local", "command": ["docs-mcp"] } } // ours\n}\n',
    read: jsonc,
    theirs: { type: 'local', command: ['docs-mcp'] },
    memory: { type: 'remote', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'remote', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "mcp": { "docs": } }',
  },
  {
    adapter: adapters.roo!,
    existing: '{\n  "mcpServers": {\n    "docs": { "command": "docs-mcp", "alwaysAllow": ["search"], "disabled": false }\n  }\n}\n',
    read: json,
    theirs: { command: 'docs-mcp', alwaysAllow: ['search'], disabled: false },
    memory: { type: 'streamable-http', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'sse', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ "mcpServers": { "docs": { "command": "docs-mcp", } }',
  },
  {
    adapter: adapters.zed!,
    existing: '// Zed project settings\n{\n  "tab_size": 2,\n  "context_servers": {\n    "docs": { "command": "docs-mcp", "args": [] }\n  }\n}\n',
    read: jsonc,
    theirs: { command: 'docs-mcp', args: [] },
    memory: { url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    // Zed's remote servers are Streamable HTTP: an sse-configured server gets that URL.
    notes: { url: 'http://127.0.0.1:31541/servers/notes/mcp' },
    malformed: '{ "tab_size": 2, "context_servers": ',
  },
  {
    adapter: adapters.amazonq!,
    existing: '{\n  "mcpServers": {\n    "docs": { "command": "uvx", "args": ["docs-mcp"], "timeout": 60000 }\n  }\n}\n',
    read: json,
    theirs: { command: 'uvx', args: ['docs-mcp'], timeout: 60000 },
    memory: { type: 'http', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'http', url: 'http://127.0.0.1:31541/servers/notes/mcp' },
    malformed: '{ "mcpServers": [ ',
  },
  {
    adapter: adapters.continue!,
    existing: '{\n  "mcpServers": {\n    "docs": { "command": "docs-mcp" }\n  }\n}\n',
    read: json,
    theirs: { command: 'docs-mcp' },
    memory: { type: 'streamable-http', url: 'http://127.0.0.1:31541/servers/memory/mcp' },
    notes: { type: 'sse', url: 'http://127.0.0.1:31541/servers/notes/sse' },
    malformed: '{ mcpServers: {} }',
  },
];

const containerOf = (c: Case, data: Record<string, unknown>) => data[c.adapter.container[0]!] as Record<string, unknown>;

for (const c of cases) {
  const name = c.adapter.name;

  test(`${name}: merges into ${c.adapter.file} beside other entries and keys, idempotently, and removes only its own`, async () => {
    const root = env.project(`merge-${name}`, { [c.adapter.file]: c.existing });
    const state = join(env.home, `state-${name}`);
    const file = join(root, c.adapter.file);
    const before = c.read(c.existing);

    const [first] = await syncClients(root, state, [c.adapter], [entry('memory'), entry('notes', 'sse')]);
    assert.equal(first!.status, 'written', first!.error);
    const written = readFileSync(file, 'utf8');
    const data = c.read(written);
    assert.deepEqual(containerOf(c, data), { docs: c.theirs, memory: c.memory, notes: c.notes });
    for (const key of Object.keys(before)) {
      if (key !== c.adapter.container[0]) assert.deepEqual(data[key], before[key], `${key} kept`);
    }

    // Same entries again: nothing written, not even the mtime.
    const mtime = statSync(file).mtimeMs;
    await sleep(20);
    const [again] = await syncClients(root, state, [c.adapter], [entry('memory'), entry('notes', 'sse')]);
    assert.equal(again!.status, 'unchanged');
    assert.equal(readFileSync(file, 'utf8'), written);
    assert.equal(statSync(file).mtimeMs, mtime);

    // A new port updates our entry in place; notes no longer managed is removed; docs stays.
    const [moved] = await syncClients(root, state, [c.adapter], [entry('memory', 'http', 31542)]);
    assert.equal(moved!.status, 'written');
    assert.deepEqual(moved!.removed, ['notes']);
    const after = containerOf(c, c.read(readFileSync(file, 'utf8')));
    assert.deepEqual(Object.keys(after).sort(), ['docs', 'memory']);
    assert.deepEqual(after.docs, c.theirs);
    assert.match(JSON.stringify(after.memory), /127\.0\.0\.1:31542\/servers\/memory\/mcp/);

    // Nothing managed any more: the file is back to the user's own data —
    // byte for byte for JSON, edited in place (TOML is rewritten whole).
    await syncClients(root, state, [c.adapter], []);
    assert.deepEqual(c.read(readFileSync(file, 'utf8')), before);
    if (c.adapter.format !== 'toml') assert.equal(readFileSync(file, 'utf8'), c.existing);
  });

  test(`${name}: a malformed ${c.adapter.file} is refused and left byte for byte`, async () => {
    const root = env.project(`malformed-${name}`, { [c.adapter.file]: c.malformed });
    const file = join(root, c.adapter.file);
    const mtime = statSync(file).mtimeMs;
    const [result] = await syncClients(root, join(env.home, `state-bad-${name}`), [c.adapter], [entry('memory')]);
    assert.equal(result!.status, 'refused');
    assert.match(result!.error!, new RegExp(`${c.adapter.file.replace('.', '\\.')} is not valid (JSONC?|TOML)`));
    assert.equal(readFileSync(file, 'utf8'), c.malformed);
    assert.equal(statSync(file).mtimeMs, mtime);
  });

  test(`${name}: an entry it did not write is a conflict, never overwritten`, async () => {
    const mine = c.adapter.format === 'toml'
      ? '[mcp_servers.memory]\ncommand = "my-memory"\n'
      : JSON.stringify({ [c.adapter.container[0]!]: { memory: { command: 'my-memory' } } }, null, 2);
    const root = env.project(`conflict-${name}`, { [c.adapter.file]: mine });
    const [result] = await syncClients(root, join(env.home, `state-conflict-${name}`), [c.adapter], [entry('memory')]);
    assert.deepEqual(result!.conflicts, ['memory']);
    assert.equal(readFileSync(join(root, c.adapter.file), 'utf8'), mine);
  });

  test(`${name}: a missing file (and folder) is created with just our entries`, async () => {
    const root = env.project(`fresh-${name}`);
    const [result] = await syncClients(root, join(env.home, `state-fresh-${name}`), [c.adapter], [entry('memory')]);
    assert.equal(result!.status, 'written');
    assert.deepEqual(c.read(readFileSync(join(root, c.adapter.file), 'utf8')), { [c.adapter.container[0]!]: { memory: c.memory } });
  });
}

test('token auth: each client names the token variable in its own syntax, never the token', () => {
  const e: ManagedEntry = { ...entry('memory'), headers: { Authorization: 'Bearer ${MCP_AUTO_TOKEN}' } };
  assert.deepEqual(adapters.cursor!.entry(e).headers, { Authorization: 'Bearer ${env:MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.vscode!.entry(e).headers, { Authorization: 'Bearer ${env:MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.gemini!.entry(e).headers, { Authorization: 'Bearer ${MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.codex!.entry(e), { url: e.url, bearer_token_env_var: 'MCP_AUTO_TOKEN' });
  assert.deepEqual(adapters.qwen!.entry(e).headers, { Authorization: 'Bearer ${MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.opencode!.entry(e).headers, { Authorization: 'Bearer {env:MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.kilo!.entry(e).headers, { Authorization: 'Bearer {env:MCP_AUTO_TOKEN}' });
  assert.deepEqual(adapters.roo!.entry(e).headers, { Authorization: 'Bearer ${env:MCP_AUTO_TOKEN}' });
  // No variable syntax in their docs: refused, never a reference they would send as it stands.
  for (const name of ['zed', 'amazonq', 'continue']) assert.equal(adapters[name]!.expandsEnv, false, name);
});

test('token auth: a client that cannot expand the variable gets no entry, loses the ones we wrote, and is told why', async () => {
  const root = env.project('token-refused');
  const state = join(env.home, 'state-token-refused');
  const [plain] = await syncClients(root, state, [adapters.zed!], [entry('memory')]);
  assert.equal(plain!.status, 'written');
  const withToken: ManagedEntry = { ...entry('memory'), headers: { Authorization: 'Bearer ${MCP_AUTO_TOKEN}' } };
  const [refused] = await syncClients(root, state, [adapters.zed!], [withToken]);
  assert.equal(refused!.status, 'skipped');
  assert.deepEqual(refused!.removed, ['memory']);
  assert.match(refused!.notice!, /zed cannot expand \$\{MCP_AUTO_TOKEN\} in a header/);
  assert.doesNotMatch(readFileSync(join(root, '.zed/settings.json'), 'utf8'), /MCP_AUTO_TOKEN|memory/);
});

test('ensure with every client listed writes all five files, and each URL reaches the daemon', async () => {
  env.writeUserConfig({ portRange: [31560, 31579], clients: ['claude', 'cursor', 'vscode', 'gemini', 'codex'] });
  try {
    const root = env.project('all-clients', { '.vscode/settings.json': '{ "editor.tabSize": 2 }\n' });
    const result = await run(['ensure', root, '--json'], env.env);
    assert.equal(result.code, 0, result.stderr);
    const urls = {
      claude: (json(readFileSync(join(root, '.mcp.json'), 'utf8')).mcpServers as Record<string, { url: string }>).memory.url,
      cursor: (json(readFileSync(join(root, '.cursor/mcp.json'), 'utf8')).mcpServers as Record<string, { url: string }>).memory.url,
      vscode: (json(readFileSync(join(root, '.vscode/mcp.json'), 'utf8')).servers as Record<string, { url: string }>).memory.url,
      gemini: (json(readFileSync(join(root, '.gemini/settings.json'), 'utf8')).mcpServers as Record<string, { url: string }>).memory.url,
      codex: (toml(readFileSync(join(root, '.codex/config.toml'), 'utf8')).mcp_servers as Record<string, { url: string }>).memory.url,
    };
    assert.equal(new Set(Object.values(urls)).size, 1, `one URL for all: ${JSON.stringify(urls)}`);
    assert.equal(readFileSync(join(root, '.vscode/settings.json'), 'utf8'), '{ "editor.tabSize": 2 }\n');
    const client = new Client({ name: 'clients-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(urls.codex)));
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'create_entities'), 'the memory server answers');
    } finally {
      await client.close();
    }
  } finally {
    env.writeUserConfig({ portRange: [31540, 31559] });
  }
});
