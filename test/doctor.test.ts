// mcp-auto doctor: healthy exits 0; each broken case names the problem and the
// fix, exits non-zero; --fix repairs the repairable ones.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdPort, makeEnv, run, waitFor, type HeldPort, type TestEnv } from './helpers.ts';
import { hashedPort } from '../src/ensure/port.ts';

// Its own range, below Linux's ephemeral ports (32768 and up), shared with no other test file.
const RANGE: [number, number] = [28000, 28199];
const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });

// What a zsh with the hook exports, the hook having run in this directory.
const shellHook = { MCP_AUTO_HOOK: 'zsh', MCP_AUTO_HOOK_PWD: process.cwd() };

interface Report { ok: boolean; checks: Array<{ id: string; status: string; message: string; fix?: string }>; fixed: string[] }

async function doctor(env: TestEnv, root: string, extra: string[] = [], hook = true): Promise<{ code: number; report: Report }> {
  const r = await run(['doctor', root, '--json', ...extra], { ...env.env, ...(hook ? shellHook : {}) });
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}
const find = (report: Report, id: string) => report.checks.find((c) => c.id === id);

async function healthyProject(name: string) {
  const env = makeEnv({ portRange: RANGE });
  envs.push(env);
  const root = env.project(name);
  const ensured = JSON.parse((await run(['ensure', '--json', root], env.env)).stdout) as { port: number; pid: number };
  await run(['approve', root], env.env);
  await waitFor(async () => ((await (await fetch(`http://127.0.0.1:${ensured.port}/health?start=1`)).json()) as { servers: Array<{ state: string }> }).servers.every((s) => s.state === 'ready'), 10_000, 'ready');
  return { env, root, ...ensured };
}

test('a healthy project: every check passes, exit 0, and the text form has one line per check', async () => {
  const { env, root } = await healthyProject('ok');
  const { code, report } = await doctor(env, root);
  assert.equal(code, 0, JSON.stringify(report.checks.filter((c) => c.status !== 'ok')));
  assert.equal(report.ok, true);
  const text = await run(['doctor', root], { ...env.env, ...shellHook });
  assert.match(text.stdout, /✔ project root .* \(it has \.git\)/);
  assert.match(text.stdout, /✔ \.mcp\.json points at the daemon/);
});

test('no hook: named with the line to add', async () => {
  const { env, root } = await healthyProject('nohook');
  const { code, report } = await doctor(env, root, [], false);
  assert.equal(code, 1);
  assert.match(find(report, 'hook')!.fix!, /mcp-auto hook/);
});

test('a hook that is loaded but never ran (another tool took the prompt over) is named', async () => {
  const { env, root } = await healthyProject('shadowed');
  const r = await run(['doctor', root, '--json'], { ...env.env, MCP_AUTO_HOOK: 'bash' });
  const report = JSON.parse(r.stdout) as Report;
  assert.equal(r.code, 1);
  assert.match(find(report, 'hook')!.message, /never run: another tool took over PROMPT_COMMAND/);
  assert.match(find(report, 'hook')!.fix!, /last in ~\/\.bashrc/);
});

test('a malformed config and an untrusted project config', async () => {
  const { env, root } = await healthyProject('configs');
  writeFileSync(join(root, '.mcp-auto.json'), '{"servers": {"x": {"command": 1}}}');
  let r = await doctor(env, root);
  assert.equal(r.code, 1);
  assert.match(find(r.report, 'project-config')!.message, /servers\.x\.command: must be a non-empty string/);
  writeFileSync(join(root, '.mcp-auto.json'), '{"servers": {"memory": true}}');
  r = await doctor(env, root);
  assert.equal(r.code, 1);
  assert.match(find(r.report, 'trust')!.fix!, /mcp-auto trust/);
});

test('a dead daemon and an out-of-sync .mcp.json: named, then repaired by --fix', async () => {
  const { env, root, pid } = await healthyProject('dead');
  process.kill(pid, 'SIGKILL');
  await waitFor(() => { try { process.kill(pid, 0); return false; } catch { return true; } }, 5000, 'dead');
  writeFileSync(join(root, '.mcp.json'), JSON.stringify({ mcpServers: {} }));
  let r = await doctor(env, root);
  assert.equal(r.code, 1);
  assert.match(find(r.report, 'daemon')!.message, /daemon is dead/);
  assert.match(find(r.report, 'client:claude')!.message, /out of sync for memory/);
  r = await doctor(env, root, ['--fix']);
  assert.ok(r.report.fixed.some((f) => /started the daemon/.test(f)), JSON.stringify(r.report.fixed));
  assert.match(readFileSync(join(root, '.mcp.json'), 'utf8'), /servers\/memory\/mcp/);
  r = await doctor(env, root);
  assert.equal(find(r.report, 'daemon')!.status, 'ok');
  assert.equal(find(r.report, 'client:claude')!.status, 'ok');
});

test('the port held by a foreign process, and a server command missing from PATH', async () => {
  const env = makeEnv({ portRange: RANGE, config: { servers: { ghost: { command: 'no-such-command-xyz' } } } });
  envs.push(env);
  // The squatter binds the root's port the moment it is chosen; a root whose
  // port is already taken (another test's daemon) is passed over for the next.
  let root = '';
  let squatter: HeldPort | null = null;
  for (let i = 0; !squatter; i++) {
    assert.ok(i < 50, 'a root whose hashed port is free');
    root = env.project(`foreign-${i}`);
    squatter = await holdPort(hashedPort(root, RANGE));
  }
  const port = squatter.port;
  try {
    const r = await doctor(env, root);
    assert.equal(r.code, 1);
    assert.match(find(r.report, 'port')!.message, new RegExp(`port ${port} is held by another program`));
    assert.match(find(r.report, 'port')!.fix!, /mcp-auto restart/);
    assert.match(find(r.report, 'command:ghost')!.message, /needs `no-such-command-xyz`, which is not on PATH/);
  } finally {
    await squatter.release();
  }
});
