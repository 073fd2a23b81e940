// serena behind the daemon (issue 16), with a stand-in of the suite's own
// (test/fixtures/serena-standin.mjs: serena's command line, per-session
// state, slow start, INFO logging, dashboard flag) run through the preset, and
// server-everything for sampling and elicitation with several sessions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { CreateMessageRequestSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { presets, SERENA_ARGS, SERENA_VERSION } from '../src/config/presets.ts';
import { makeEnv, run, startDaemon, stopProcess, waitFor, everythingBin, repo, sleep, type TestEnv } from './helpers.ts';
import type { ChildProcess } from 'node:child_process';

const standin = join(repo, 'test/fixtures/serena-standin.mjs');
const helpFile = join(repo, 'test/fixtures/serena-start-mcp-server-help.txt');
const RANGE: [number, number] = [22500, 22999];
const PORT = 22510;
const base = `http://127.0.0.1:${PORT}`;
const LOG_BYTES = 64 * 1024;
let env: TestEnv;
let root: string;
let daemon: ChildProcess;
let dashboardFile: string;
let failFile: string;
let failStdioFile: string;
let firstInit: { stateWhenAsked: string; instructions: string | undefined };

/** The recorded --help, as option → metavar ('' for a flag). */
function helpOptions(): Map<string, string> {
  const text = readFileSync(helpFile, 'utf8');
  return new Map([...text.matchAll(/^ {2}(--[a-z-]+)(?: (\S+))?/gm)].map((m) => [m[1]!, m[2] ?? '']));
}

async function health() {
  return (await (await fetch(`${base}/health`)).json()) as {
    servers: Array<{ name: string; state: string; lastError: string | null; calls: { ambiguous: number; lastAmbiguous?: { method: string } } | null }>;
  };
}

async function connect(server: string, kind: 'http' | 'sse', capabilities: Record<string, unknown> = {}) {
  const client = new Client({ name: `test-${kind}`, version: '1.0.0' }, { capabilities });
  const url = new URL(`${base}/servers/${server}/${kind === 'http' ? 'mcp' : 'sse'}`);
  const transport = kind === 'http' ? new StreamableHTTPClientTransport(url) : new SSEClientTransport(url);
  await client.connect(transport);
  return client;
}

const text = (r: unknown) => JSON.stringify(r);

before(async () => {
  env = makeEnv({ portRange: RANGE });
  // `serena` on PATH: the preset prefers it to uvx.
  const bin = join(env.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'serena'), `#!/bin/sh\nexec '${process.execPath}' '${standin}' "$@"\n`);
  chmodSync(join(bin, 'serena'), 0o755);
  dashboardFile = join(env.home, 'browser-tabs');
  failFile = join(env.home, 'fail-http');
  failStdioFile = join(env.home, 'fail-stdio');
  const standinArgs = ['start-mcp-server', '--project', '{root}', '--open-web-dashboard', 'false'];
  env.writeUserConfig({
    portRange: RANGE,
    defaults: [],
    servers: {
      serena: { env: { STANDIN_FAIL_FILE: failFile } },
      'serena-stdio': { command: 'serena', args: standinArgs, env: { STANDIN_FAIL_FILE: failStdioFile } },
      chatty: { command: 'serena', args: [...standinArgs, '--log-level', 'INFO'], env: { STANDIN_START_MS: '0' } },
      'everything-stdio': { command: process.execPath, args: [everythingBin, 'stdio'] },
      'everything-http': { command: process.execPath, args: [everythingBin, 'streamableHttp'], env: { PORT: '{port}' }, transport: 'http' },
      missing: { command: 'no-such-serena', args: [] },
      'missing-http': { command: 'no-such-serena', args: [], transport: 'http' },
    },
  });
  env.env.PATH = `${bin}:${env.env.PATH}`;
  env.env.STANDIN_DASHBOARD_FILE = dashboardFile;
  env.env.STANDIN_START_MS = '1500';
  env.env.MCP_AUTO_LOG_BYTES = String(LOG_BYTES);
  root = env.project('proj');
  daemon = await startDaemon(root, PORT, env.env);
  // A client that comes while serena still starts waits for it.
  const stateWhenAsked = (await health()).servers.find((s) => s.name === 'serena')!.state;
  const client = await connect('serena', 'http');
  firstInit = { stateWhenAsked, instructions: client.getInstructions() };
  await client.close();
  // Servers start with their first session: start them all now, as `exec` does.
  await fetch(`http://127.0.0.1:${PORT}/health?start=1`);
  await waitFor(async () => (await health()).servers.filter((s) => !s.name.startsWith('missing')).every((s) => s.state === 'ready'), 30_000, 'servers ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  await env.cleanup();
});

test('the preset: serena-agent pinned, an installed serena preferred, its arguments valid for the recorded --help', () => {
  const help = readFileSync(helpFile, 'utf8');
  assert.match(help, new RegExp(`serena-agent ${SERENA_VERSION.replaceAll('.', '\\.')}\\.`), 'the fixture records the pinned version');
  const options = helpOptions();
  assert.ok(options.size > 10, 'the help lists its options');
  const args = [...SERENA_ARGS];
  assert.equal(args.shift(), 'start-mcp-server');
  const seen = new Map<string, string>();
  while (args.length) {
    const flag = args.shift()!;
    const metavar = options.get(flag);
    assert.ok(metavar !== undefined, `${flag} is an option of serena ${SERENA_VERSION}`);
    if (metavar === '') continue;
    const value = args.shift()!;
    seen.set(flag, value);
    if (metavar === 'BOOLEAN') assert.match(value, /^(true|false)$/, flag);
    if (metavar === 'INTEGER') assert.ok(/^\d+$/.test(value) || value === '{port}', flag);
    if (metavar.startsWith('[')) assert.ok(metavar.slice(1, -1).split('|').includes(value), `${flag} ${value} is one of ${metavar}`);
  }
  assert.equal(seen.get('--open-web-dashboard'), 'false');
  assert.equal(seen.get('--log-level'), 'WARNING');
  assert.equal(seen.get('--transport'), 'streamable-http');
  assert.equal(seen.get('--port'), '{port}');

  const saved = process.env.PATH;
  try {
    process.env.PATH = '/nonexistent';
    const viaUvx = presets.serena!();
    assert.equal(viaUvx.command, 'uvx');
    assert.deepEqual(viaUvx.args.slice(0, 3), ['--from', `serena-agent==${SERENA_VERSION}`, 'serena']);
    assert.ok(!viaUvx.args.some((a) => a.includes('git+')), 'never from GitHub');
    process.env.PATH = env.env.PATH;
    const installed = presets.serena!();
    assert.equal(installed.command, 'serena');
    assert.deepEqual(installed.args, SERENA_ARGS);
    assert.equal(installed.transport, 'http');
  } finally {
    process.env.PATH = saved;
  }
});

test('the stand-in holds to the recorded --help, and opens a dashboard unless told not to', () => {
  const bad = spawnSync(process.execPath, [standin, 'start-mcp-server', '--open-dashboard', 'false'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /No such option: --open-dashboard/);
  const tabs = join(env.home, 'control-tabs');
  const opened = spawnSync(process.execPath, [standin, 'start-mcp-server'], { encoding: 'utf8', input: '', env: { ...process.env, STANDIN_START_MS: '0', STANDIN_DASHBOARD_FILE: tabs } });
  assert.equal(opened.status, 0);
  assert.ok(existsSync(tabs), 'without --open-web-dashboard false the stand-in opens a tab');
});

test('through the preset: started once, slow start waited for, no browser tab, calls not logged at INFO', async () => {
  // serena is eager, but it analyses the project: in a root not marked as the user's it waits for its first client.
  assert.ok(['starting', 'not-started'].includes(firstInit.stateWhenAsked), firstInit.stateWhenAsked);
  assert.match(firstInit.instructions ?? '', new RegExp(`serena stand-in for ${root}`), 'instructions pass through');
  assert.ok(!existsSync(dashboardFile), existsSync(dashboardFile) ? readFileSync(dashboardFile, 'utf8') : '');
  const client = await connect('serena', 'http');
  await client.callTool({ name: 'find_symbol', arguments: { name_path: 'main' } });
  await client.close();
  const chatty = await connect('chatty', 'http');
  await chatty.callTool({ name: 'find_symbol', arguments: { name_path: 'main' } });
  await chatty.close();
  const stateDir = join(env.env.XDG_STATE_HOME!, 'mcp-auto', readdirSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto'))[0]!);
  const log = readdirSync(stateDir).filter((f) => f.startsWith('daemon.log')).map((f) => readFileSync(join(stateDir, f), 'utf8')).join('');
  assert.match(log, /server chatty stderr: INFO .*Executing tool find_symbol/, 'a server at INFO is logged, marked as its own');
  assert.doesNotMatch(log, /server serena stderr: INFO/, 'serena at WARNING: no line per call');
});

test('per-session state: every session gets serena\'s full answer in the preset\'s mode (Streamable HTTP and SSE); a shared stdio child loses it', async () => {
  const block = `<active-project>${root}</active-project>`;
  const sessions = [await connect('serena', 'http'), await connect('serena', 'http'), await connect('serena', 'sse')];
  const firsts = await Promise.all(sessions.map((c) => c.callTool({ name: 'initial_instructions', arguments: {} })));
  for (const r of firsts) assert.ok(text(r).includes(block), 'each session is told its project once');
  const seconds = await Promise.all(sessions.map((c) => c.callTool({ name: 'initial_instructions', arguments: {} })));
  for (const r of seconds) assert.ok(!text(r).includes(block), 'and only once');
  for (const c of sessions) await c.close();

  // The same server as one shared stdio child: the second session is not told.
  const a = await connect('serena-stdio', 'http');
  const b = await connect('serena-stdio', 'http');
  assert.ok(text(await a.callTool({ name: 'initial_instructions', arguments: {} })).includes(block));
  assert.ok(!text(await b.callTool({ name: 'initial_instructions', arguments: {} })).includes(block), 'stdio: per-session state is lost');
  await a.close();
  await b.close();
});

test('sampling and elicitation, two sessions at once, http child: each session gets its own request (one of them over the SSE bridge)', async () => {
  const clients = await Promise.all((['http', 'sse'] as const).map(async (kind) => {
    const client = await connect('everything-http', kind, { sampling: {}, elicitation: {} });
    client.setRequestHandler(CreateMessageRequestSchema, async () => {
      await sleep(300); // both requests are open at once
      return { model: 'm', role: 'assistant', content: { type: 'text', text: `sampled for ${kind}` } };
    });
    client.setRequestHandler(ElicitRequestSchema, async () => {
      await sleep(300);
      return { action: 'accept', content: { name: `elicited for ${kind}` } };
    });
    return { kind, client };
  }));
  const sampled = await Promise.all(clients.map(({ client }) => client.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 5 } })));
  assert.match(text(sampled[0]), /sampled for http/);
  assert.match(text(sampled[1]), /sampled for sse/);
  const elicited = await Promise.all(clients.map(({ client }) => client.callTool({ name: 'trigger-elicitation-request', arguments: {} })));
  assert.match(text(elicited[0]), /elicited for http/);
  assert.match(text(elicited[1]), /elicited for sse/);
  for (const { client } of clients) await client.close();
});

test('sampling with two sessions on one stdio child: refused only when truly ambiguous, and counted', async () => {
  const asker = await connect('everything-stdio', 'http', { sampling: {} });
  let asked = 0;
  asker.setRequestHandler(CreateMessageRequestSchema, async () => {
    asked++;
    return { model: 'm', role: 'assistant', content: { type: 'text', text: 'sampled for the asker' } };
  });
  const sample = () => asker.callTool({ name: 'trigger-sampling-request', arguments: { prompt: 'hi', maxTokens: 5 } }).then(text, (e: Error) => e.message);
  const busy = async (capabilities: Record<string, unknown>) => {
    const other = await connect('everything-stdio', 'http', capabilities);
    // A tool call that runs for a while: it could ask for sampling if its session can sample.
    const running = other.callTool({ name: 'trigger-long-running-operation', arguments: { duration: 1.5, steps: 3 } }, undefined, { onprogress: () => undefined });
    await sleep(200);
    return { other, running };
  };

  // A session that did not declare sampling is never a candidate.
  let { other, running } = await busy({});
  assert.match(await sample(), /sampled for the asker/);
  await running;
  await other.close();
  // A session with only a list call in flight is not one either.
  other = await connect('everything-stdio', 'http', { sampling: {} });
  const listing = other.listTools();
  assert.match(await sample(), /sampled for the asker/);
  await listing;
  await other.close();
  assert.equal(asked, 2);
  assert.equal((await health()).servers.find((s) => s.name === 'everything-stdio')!.calls!.ambiguous, 0);

  // Two sessions that can sample, both running tools: nobody can tell. Refused, counted, shown.
  ({ other, running } = await busy({ sampling: {} }));
  assert.match(await sample(), /cannot tell which.*transport.*http/);
  await running;
  await other.close();
  assert.equal(asked, 2, 'nothing reached the wrong session');
  const stdio = (await health()).servers.find((s) => s.name === 'everything-stdio')!;
  assert.equal(stdio.calls!.ambiguous, 1);
  assert.equal(stdio.calls!.lastAmbiguous!.method, 'sampling/createMessage');
  const status = await run(['status'], env.env);
  assert.match(status.stdout, /everything-stdio .*1 refused as ambiguous/);
  const doctor = await run(['doctor', '--json', root], { ...env.env }, { cwd: root });
  const checks = (JSON.parse(doctor.stdout) as { checks: Array<{ id: string; message: string; fix?: string }> }).checks;
  const warned = checks.find((c) => c.id === 'ambiguous:everything-stdio');
  assert.ok(warned, doctor.stdout);
  assert.match(warned.fix ?? '', /http child/);
  // Commands are looked up on the daemon's PATH (which has `serena`), not the shell's.
  const shellPath = env.env.PATH!.split(':').filter((d) => !d.endsWith('/bin') || !d.startsWith(env.home)).join(':');
  const fromShell = await run(['doctor', '--json', root], { ...env.env, PATH: shellPath }, { cwd: root });
  const shellChecks = (JSON.parse(fromShell.stdout) as { checks: Array<{ id: string; message: string }> }).checks;
  assert.ok(!shellChecks.some((c) => c.id === 'command:serena'), 'serena is on the daemon\'s PATH');
  assert.match(shellChecks.find((c) => c.id === 'command:missing')?.message ?? '', /not on the daemon's PATH/);
  const uv = shellChecks.find((c) => c.id === 'uv:serena');
  if (!spawnSync('sh', ['-c', 'command -v uv && command -v uvx'], { env: env.env }).status) assert.equal(uv, undefined);
  else assert.match(uv?.message ?? '', /starts language servers with uv, but .* not on the daemon's PATH/);
  await asker.close();
});

test('a server that cannot start, or failed after it ran: initialize fails with its last error (stdio and http child)', async () => {
  for (const name of ['missing', 'missing-http']) {
    const error = await connect(name, 'http').then(() => 'connected', (e: Error) => e.message);
    assert.match(error, /mcp-auto: server '.*' is failed: command not found: no-such-serena/, name);
  }
  const sseError = await connect('missing-http', 'sse').then(() => 'connected', (e: Error) => e.message);
  assert.match(sseError, /command not found: no-such-serena/);

  // Both flavours were up; now they die and cannot come back.
  const up = await Promise.all(['serena', 'serena-stdio'].map((name) => connect(name, 'http')));
  writeFileSync(failFile, 'boom: the language server is missing');
  writeFileSync(failStdioFile, 'boom: the language server is missing');
  await Promise.all(up.map((c) => c.callTool({ name: 'crash', arguments: {} }).catch(() => undefined)));
  await waitFor(async () => (await health()).servers.filter((s) => s.name === 'serena' || s.name === 'serena-stdio').every((s) => s.state === 'failed'), 30_000, 'both failed');
  for (const name of ['serena', 'serena-stdio']) {
    const error = await connect(name, 'http').then(() => 'connected', (e: Error) => e.message);
    assert.match(error, /is failed: exited \(code 1\): ERROR .*cannot start: boom: the language server is missing/, name);
  }
  for (const c of up) await c.close().catch(() => undefined);
});

test('the daemon rotates its own log; `mcp-auto logs` reads across the files', async () => {
  const stateDir = join(env.env.XDG_STATE_HOME!, 'mcp-auto', readdirSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto'))[0]!);
  const client = await connect('chatty', 'http');
  for (let i = 0; i < 120; i++) await client.callTool({ name: 'find_symbol', arguments: { name_path: `f${i}` } });
  await client.close();
  await waitFor(() => existsSync(join(stateDir, 'daemon.log.3')), 5000, 'three rotations');
  const files = readdirSync(stateDir).filter((f) => f.startsWith('daemon.log'));
  assert.deepEqual(files.sort(), ['daemon.log', 'daemon.log.1', 'daemon.log.2', 'daemon.log.3']);
  for (const f of files) assert.ok(statSync(join(stateDir, f)).size <= LOG_BYTES, `${f} is within the cap`);
  const logs = await run(['logs', '-n', '100000', root], env.env);
  assert.equal(logs.code, 0, logs.stderr);
  const lines = logs.stdout.trimEnd().split('\n');
  const current = readFileSync(join(stateDir, 'daemon.log'), 'utf8').trimEnd().split('\n');
  const oldest = readFileSync(join(stateDir, 'daemon.log.3'), 'utf8').split('\n')[0]!;
  assert.ok(lines.length > current.length, 'more than the current file');
  assert.equal(lines[0], oldest, 'from the oldest rotated file');
  assert.equal(lines.at(-1), current.at(-1), 'to the newest line');
  assert.ok(lines.some((l) => / server chatty stderr: INFO/.test(l)));
});

test('a daemon started by ensure writes its own log; its stderr file stays empty', async () => {
  const other = env.project('other');
  env.writeUserConfig({ portRange: RANGE }); // memory only (the main daemon reloads: it is the last test)
  const r = await run(['ensure', other], env.env, { cwd: other });
  assert.equal(r.code, 0, r.stderr);
  const dirs = readdirSync(join(env.env.XDG_STATE_HOME!, 'mcp-auto'));
  const stateDir = dirs.map((d) => join(env.env.XDG_STATE_HOME!, 'mcp-auto', d)).find((d) => existsSync(join(d, 'daemon.json')) && readFileSync(join(d, 'daemon.json'), 'utf8').includes(`"root": "${other}"`))!;
  // memory starts with its first session: start it, as exec does.
  const { port } = JSON.parse(readFileSync(join(stateDir, 'daemon.json'), 'utf8')) as { port: number };
  await fetch(`http://127.0.0.1:${port}/health?start=1`);
  await waitFor(() => /server memory: ready/.test(readFileSync(join(stateDir, 'daemon.log'), 'utf8')), 10_000, 'memory ready in the log');
  assert.equal(readFileSync(join(stateDir, 'daemon.stderr'), 'utf8'), '');
  const stop = await run(['stop', other], env.env);
  assert.equal(stop.code, 0, stop.stderr);
});
