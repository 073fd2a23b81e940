import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { onPath } from '../util/on-path.ts';
import kleur from 'kleur';
import { parse } from '../util/args.ts';
import { approval } from '../clients/claude-settings.ts';
import { adapters } from '../clients/index.ts';
import { projectConfigPath, readConfigFile, userConfigPath, type EffectiveConfig, type ToolFilter } from '../config/config.ts';
import { allRecords, daemonStatus, pidAlive, type ServerHealth } from '../ensure/daemon-state.ts';
import { BYTES_PER_TOKEN } from '../gateway/tool-filter.ts';
import { kB } from './status.ts';
import { errorMessage } from '../util/errors.ts';
import { ensureRoot, locateRoot, managedEntries, projectConfig, userSettings } from '../ensure/ensure.ts';
import { stateDirFor } from '../config/paths.ts';
import { hashedPort, portHolder } from '../ensure/port.ts';
import type { ProjectRoot } from '../ensure/root.ts';

export const help = `
Usage: mcp-auto doctor [DIR] [--json] [--fix]

Checks everything mcp-auto depends on, one line each, with the command that
fixes what is wrong: Node, the shell hook or direnv, the project root, the
config files and their trust, the port and who holds it, the daemon and its
servers, servers whose tool definitions crowd every session's context (over
20 k tokens, with the "tools" filter line that trims them), .mcp.json, the
commands servers need, stale state, Claude Code's approval. Exits 1 when
something is wrong.

  --fix   repair what is safe to repair (restart a dead daemon, rewrite
          .mcp.json, remove stale state) and say what was done
  --json  the same checks as data

Example:
  mcp-auto doctor --fix
`;

type Status = 'ok' | 'warn' | 'fail';
interface Check { id: string; status: Status; message: string; fix?: string; fixable?: boolean }

function hookCheck(): Check {
  const hook = process.env.MCP_AUTO_HOOK;
  if (hook) return hookRuns(hook);
  if (process.env.MCP_AUTO_URL) return { id: 'hook', status: 'ok', message: 'direnv `use mcp` is active here' };
  const direnvLib = join(process.env.XDG_CONFIG_HOME?.startsWith('/') ? process.env.XDG_CONFIG_HOME : join(homedir(), '.config'), 'direnv');
  const hasUseMcp = [join(direnvLib, 'direnvrc'), ...listDir(join(direnvLib, 'lib')).map((f) => join(direnvLib, 'lib', f))]
    .some((f) => { try { return readFileSync(f, 'utf8').includes('use_mcp'); } catch { return false; } });
  if (hasUseMcp) return { id: 'hook', status: 'warn', message: 'direnv has use_mcp, but this directory\'s .envrc does not `use mcp`', fix: "echo 'use mcp' >> .envrc && direnv allow" };
  const shell = (process.env.SHELL ?? '').split('/').pop() || 'zsh';
  const line = shell === 'fish' ? 'mcp-auto hook fish | source' : `eval "$(mcp-auto hook ${shell === 'bash' ? 'bash' : 'zsh'})"`;
  return { id: 'hook', status: 'fail', message: 'no mcp-auto hook in this shell (or another tool replaced it)', fix: `add \`${line}\` to your shell's rc file, or \`mcp-auto direnv\` for direnv` };
}

/**
 * The hook is loaded; does it still run? It exports the directory it last
 * handled, so a hook that another tool cut out of PROMPT_COMMAND (or the
 * prompt hooks) shows: never ran, or not for this directory.
 */
function hookRuns(hook: string): Check {
  const taken = hook === 'bash' ? 'PROMPT_COMMAND' : 'the prompt hooks';
  const rc = hook === 'fish' ? '~/.config/fish/config.fish' : `~/.${hook}rc`;
  const line = hook === 'fish' ? 'mcp-auto hook fish | source' : `eval "$(mcp-auto hook ${hook})"`;
  const fix = `put \`${line}\` last in ${rc}${hook === 'bash' ? ' (see `declare -p PROMPT_COMMAND`)' : ''}, then open a new shell`;
  if (process.env.MCP_AUTO_DISABLE && process.env.MCP_AUTO_DISABLE !== '0') {
    return { id: 'hook', status: 'warn', message: `the ${hook} hook is off here (MCP_AUTO_DISABLE=${process.env.MCP_AUTO_DISABLE})`, fix: 'unset MCP_AUTO_DISABLE' };
  }
  const seen = process.env.MCP_AUTO_HOOK_PWD;
  if (seen === undefined) return { id: 'hook', status: 'fail', message: `the ${hook} hook is loaded but has never run: another tool took over ${taken}`, fix };
  if (!samePath(seen, process.cwd())) {
    return { id: 'hook', status: 'warn', message: `the ${hook} hook last ran in ${seen}, not here: another tool may have taken over ${taken} (or this command ran before the next prompt)`, fix };
  }
  return { id: 'hook', status: 'ok', message: `the ${hook} hook is installed and runs in this shell` };
}

function samePath(a: string, b: string): boolean {
  try { return realpathSync(a) === realpathSync(b); } catch { return a === b; }
}

function listDir(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}

function configChecks(root: string | undefined): Check[] {
  const checks: Check[] = [];
  for (const [id, file] of [['user-config', userConfigPath()], ...(root ? [['project-config', projectConfigPath(root)]] : [])] as Array<[string, string]>) {
    try {
      const config = readConfigFile(file);
      checks.push({ id, status: 'ok', message: config ? `${file} parses` : `${file}: none (defaults apply)` });
    } catch (error) {
      checks.push({ id, status: 'fail', message: errorMessage(error), fix: `fix ${file} (the daemon keeps its last good config meanwhile)` });
    }
  }
  return checks;
}

async function projectChecks(project: ProjectRoot, fix: boolean, done: string[]): Promise<Check[]> {
  const { root, marker } = project;
  const checks: Check[] = [{ id: 'root', status: 'ok', message: `project root ${root} (it has ${marker})` }];
  let config: EffectiveConfig;
  let trust: string;
  try {
    ({ config, trust } = projectConfig(root));
  } catch (error) {
    return [...checks, { id: 'config', status: 'fail', message: errorMessage(error), fix: 'fix the file named above' }];
  }
  if (trust === 'untrusted') checks.push({ id: 'trust', status: 'fail', message: `${projectConfigPath(root)} is not trusted, so its servers do not run`, fix: `review it, then \`mcp-auto trust ${root}\`` });
  else if (trust === 'trusted') checks.push({ id: 'trust', status: 'ok', message: '.mcp-auto.json is trusted' });

  let status = await daemonStatus(root, { tools: true });
  if (status.kind !== 'running' && fix) {
    await ensureRoot(project);
    done.push(`started the daemon for ${root}`);
    status = await daemonStatus(root, { tools: true });
  }
  const port = status.kind === 'none' ? hashedPort(root, config.settings.portRange) : status.record.port;
  const { holder, otherRoot } = await portHolder(port, root);
  const portMessage = {
    free: `port ${port} is free (no daemon yet)`,
    ours: `port ${port} is held by this project's daemon`,
    'other-daemon': `port ${port} is held by the daemon of ${otherRoot}`,
    foreign: `port ${port} is held by another program`,
  }[holder];
  const portOk = holder === 'ours' || (holder === 'free' && status.kind === 'none');
  checks.push({
    id: 'port', status: portOk ? 'ok' : 'warn', message: portMessage,
    ...(holder === 'foreign' ? { fix: `\`mcp-auto restart ${root}\` probes the next free port (or free ${port}: \`ss -ltnp 'sport = :${port}'\` shows who has it)` } : {}),
  });

  if (status.kind === 'running') {
    checks.push({ id: 'daemon', status: 'ok', message: `daemon pid ${status.record.pid} answers on 127.0.0.1:${port}` });
    for (const s of status.health.servers) {
      const bad = s.state === 'failed';
      checks.push({
        id: `server:${s.name}`, status: bad ? 'fail' : s.state === 'ready' ? 'ok' : 'warn',
        message: `server ${s.name}: ${s.state}${s.lastError ? ` — ${s.lastError}` : ''}`,
        ...(bad ? { fix: `\`mcp-auto logs ${root}\`, fix the command, then \`mcp-auto restart ${root}\`` } : {}),
      });
      const tools = toolsCheck(s, config.servers.get(s.name)?.tools);
      if (tools) checks.push(tools);
      if (s.calls?.ambiguous) {
        checks.push({
          id: `ambiguous:${s.name}`, status: 'warn',
          message: `server ${s.name}: ${s.calls.ambiguous} sampling/elicitation request(s) refused as ambiguous (several sessions had calls in flight that could have asked; last: ${s.calls.lastAmbiguous?.method ?? '?'})`,
          fix: `run ${s.name} as an http child ("transport": "http", with its own HTTP port {port}): every session then gets its own requests`,
        });
      }
    }
  } else {
    const why = status.kind === 'stale' ? `daemon is dead (${status.why})` : 'no daemon running';
    checks.push({ id: 'daemon', status: 'fail', message: why, fix: `mcp-auto ensure ${root}`, fixable: true });
  }

  const entries = managedEntries(config, port);
  for (const name of config.settings.clients) {
    const adapter = adapters[name];
    if (!adapter) continue;
    const file = join(root, adapter.file);
    let current: Record<string, unknown> | undefined;
    try {
      if (adapter.format === 'json' && existsSync(file)) {
        current = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      }
    } catch (error) {
      checks.push({ id: `client:${name}`, status: 'fail', message: `${file} is not valid JSON (${errorMessage(error)})`, fix: `fix ${file}, then \`mcp-auto ensure\`` });
      continue;
    }
    if (adapter.format !== 'json') continue;
    let node: unknown = current;
    for (const key of adapter.container) node = (node as Record<string, unknown> | undefined)?.[key];
    const servers = (node ?? {}) as Record<string, unknown>;
    const stale = entries.filter((e) => JSON.stringify(servers[e.name]) !== JSON.stringify(adapter.entry(e))).map((e) => e.name);
    if (stale.length === 0) checks.push({ id: `client:${name}`, status: 'ok', message: `${adapter.file} points at the daemon` });
    else if (fix && status.kind === 'running') {
      await ensureRoot(project);
      done.push(`rewrote ${adapter.file}`);
    } else {
      checks.push({ id: `client:${name}`, status: 'fail', message: `${adapter.file} is out of sync for ${stale.join(', ')}`, fix: `mcp-auto ensure ${root}`, fixable: true });
    }
    if (existsSync(file) && gitTracked(root, adapter.file)) {
      checks.push({ id: `git:${name}`, status: 'warn', message: `${adapter.file} is tracked by git: its machine-specific port would be committed`, fix: `echo ${adapter.file} >> .gitignore (or git update-index --skip-worktree ${adapter.file})` });
    }
  }

  // Commands are looked up on the PATH the daemon runs with (the shell it was
  // first started from, or the service's), not this shell's.
  const path = status.kind === 'running' ? daemonPath(status.record.pid) : undefined;
  const where = path === undefined ? 'PATH' : "the daemon's PATH";
  // A preset may choose its command by what is on PATH (serena): as the daemon chose it.
  const daemonConfig = path === undefined ? config : withPath(path, () => projectConfig(root).config);
  for (const def of daemonConfig.servers.values()) {
    if (!onPath(def.command, path)) {
      checks.push({ id: `command:${def.name}`, status: 'fail', message: `server ${def.name} needs \`${def.command}\`, which is not on ${where}`, fix: def.command === 'uvx' ? 'install uv: https://docs.astral.sh/uv/' : `install ${def.command} or fix "command" in the config` });
    }
    // serena starts its language servers through uv too, even when installed itself.
    if (isSerena(def.command, def.args) && def.command !== 'uvx') {
      const missing = ['uv', 'uvx'].filter((c) => !onPath(c, path));
      if (missing.length) checks.push({ id: `uv:${def.name}`, status: 'warn', message: `server ${def.name} (serena) starts language servers with uv, but ${missing.join(' and ')} is not on ${where}`, fix: 'install uv: https://docs.astral.sh/uv/, then `mcp-auto restart`' });
    }
  }
  if (!config.servers.has('serena') && onPath('uvx')) {
    checks.push({ id: 'suggest:serena', status: 'warn', message: 'uvx is on PATH: serena (code navigation) would serve this project well', fix: 'add "serena": true to "servers" in .mcp-auto.json (then mcp-auto trust)' });
  }

  try {
    const { all, enabled, disabled } = approval(root);
    const missing = entries.map((e) => e.name).filter((n) => !all && !enabled.includes(n));
    const denied = entries.map((e) => e.name).filter((n) => disabled.includes(n));
    if (denied.length) checks.push({ id: 'claude-approval', status: 'warn', message: `Claude Code has ${denied.join(', ')} disabled`, fix: 'remove them from disabledMcpjsonServers in .claude/settings.local.json' });
    else if (missing.length) checks.push({ id: 'claude-approval', status: 'warn', message: `Claude Code will ask before using ${missing.join(', ')}`, fix: `mcp-auto approve ${root}` });
    else checks.push({ id: 'claude-approval', status: 'ok', message: 'Claude Code has the servers approved' });
  } catch (error) {
    checks.push({ id: 'claude-approval', status: 'warn', message: errorMessage(error) });
  }
  return checks;
}

/** Above this, a server's tool definitions crowd every session's context. */
const LARGE_TOOLS_TOKENS = 20_000;

/** Warns when a server's tool definitions are large, with the config line that trims them under the limit. */
function toolsCheck(server: ServerHealth, filter: ToolFilter | undefined): Check | undefined {
  const stats = server.tools;
  if (!stats || stats.tokens <= LARGE_TOOLS_TOKENS) return undefined;
  // Hide the largest definitions until the rest fits.
  const names: string[] = [];
  let tokens = stats.tokens;
  for (const tool of stats.largest) {
    if (tokens <= LARGE_TOOLS_TOKENS) break;
    names.push(tool.name);
    tokens -= Math.ceil(tool.bytes / BYTES_PER_TOKEN);
  }
  const where = `servers.${server.name} in ${userConfigPath()} (or the project's .mcp-auto.json)`;
  let fix: string;
  if (tokens > LARGE_TOOLS_TOKENS) fix = `add "tools": {"allow": ["<the tools you use>"]} to ${where}`;
  else if (filter && 'allow' in filter) fix = `drop ${names.map((n) => `"${n}"`).join(', ')} from "tools.allow" of ${where}`;
  else fix = `add "tools": ${JSON.stringify({ deny: [...(filter?.deny ?? []), ...names] })} to ${where}`;
  return {
    id: `tools:${server.name}`, status: 'warn', fix,
    message: `server ${server.name}: its ${stats.exposed} tool definitions take ${kB(stats.bytes)} (~${stats.tokens} tokens, bytes/4) of every session's context`,
  };
}

/** The PATH a running daemon has (Linux: /proc); undefined where it cannot be read. */
function daemonPath(pid: number): string | undefined {
  try {
    const entry = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((e) => e.startsWith('PATH='));
    return entry?.slice(5) ?? '';
  } catch {
    return undefined;
  }
}

function withPath<T>(path: string, fn: () => T): T {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return fn();
  } finally {
    process.env.PATH = saved;
  }
}

function isSerena(command: string, args: string[]): boolean {
  return /(^|\/)serena$/.test(command) || args.some((a) => a.startsWith('serena-agent') || a === 'serena');
}

function gitTracked(root: string, file: string): boolean {
  try {
    execFileSync('git', ['-C', root, 'ls-files', '--error-unmatch', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function staleChecks(fix: boolean, done: string[]): Check[] {
  const stale = allRecords().filter((r) => !pidAlive(r.pid));
  if (stale.length === 0) return [{ id: 'state', status: 'ok', message: 'no stale state files' }];
  if (fix) {
    for (const r of stale) {
      try { unlinkSync(join(stateDirFor(r.root), 'daemon.json')); } catch { /* gone */ }
      done.push(`removed the stale record of ${r.root}`);
    }
    return [];
  }
  return [{ id: 'state', status: 'warn', message: `${stale.length} stale daemon record(s): ${stale.map((r) => r.root).join(', ')}`, fix: 'mcp-auto doctor --fix', fixable: true }];
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('doctor', argv, { json: { type: 'boolean' }, fix: { type: 'boolean' } });
  if (!process.stdout.isTTY || process.env.NO_COLOR) kleur.enabled = false;
  const fix = values.fix === true;
  const done: string[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const checks: Check[] = [
    major > 20 || (major === 20 && minor >= 19)
      ? { id: 'node', status: 'ok', message: `Node ${process.versions.node}` }
      : { id: 'node', status: 'fail', message: `Node ${process.versions.node} is too old (mcp-auto needs 20.19 or newer)`, fix: 'install a current Node LTS' },
    hookCheck(),
    ...configChecks(undefined),
  ];
  const dir = resolve(positionals[0] ?? '.');
  let project: ProjectRoot | undefined;
  try {
    project = locateRoot(dir, userSettings());
  } catch {
    project = locateRoot(dir, { ...userSettings(), markers: ['.mcp-auto.json', '.git'] });
  }
  if (project) {
    checks.push(...configChecks(project.root).filter((c) => c.id === 'project-config'));
    checks.push(...await projectChecks(project, fix, done));
  } else {
    checks.push({ id: 'root', status: 'warn', message: `no project root above ${dir}`, fix: 'cd into a project (a folder with .git or .mcp-auto.json), or `mcp-auto init`' });
  }
  checks.push(...staleChecks(fix, done));
  const ok = checks.every((c) => c.status !== 'fail');
  if (values.json) {
    console.log(JSON.stringify({ ok, checks, fixed: done }, null, 2));
  } else {
    const mark = { ok: kleur.green('✔'), warn: kleur.yellow('!'), fail: kleur.red('✖') };
    for (const c of checks) {
      console.log(`${mark[c.status]} ${c.message}`);
      if (c.fix && c.status !== 'ok') console.log(`    ${kleur.dim('fix:')} ${c.fix}`);
    }
    for (const d of done) console.log(`${kleur.cyan('→')} fixed: ${d}`);
  }
  return ok ? 0 : 1;
}
