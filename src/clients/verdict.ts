// What each client will make of the entries mcp-auto wrote, read from the
// client's own state the way the client reads it (checked against the real
// CLIs in test/client-clis.test.ts): is its file in sync, does its own gate
// (approval, folder trust) let the entries through, can it send the token.
// doctor shows these checks; the client's list command should agree.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { readUtf8 } from '../util/json-file.ts';
import { pathInside } from '../util/safe-path.ts';
import { errorMessage, oneLine } from '../util/errors.ts';
import type { ClientAdapter, ManagedEntry } from './adapter.ts';
import { parse } from './merge.ts';

export type Status = 'ok' | 'warn' | 'fail';
/** One line of the checklist; `fixed` says what --fix did about it (the same shape with or without --fix). */
export interface Check { id: string; status: Status; message: string; fix?: string; fixable?: boolean; fixed?: string }

export interface ClientContext {
  root: string;
  /** The directory the client starts in (Claude and Gemini read their gates relative to it). */
  dir: string;
  entries: ManagedEntry[];
  env?: NodeJS.ProcessEnv;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const home = (env: NodeJS.ProcessEnv) => env.HOME || homedir();
const real = (p: string) => { try { return realpathSync(p); } catch { return resolve(p); } };

function readJson(file: string): Json | undefined {
  try {
    // Only a regular file, size-capped (a project's may be a link to /dev/zero).
    const data = JSON.parse(readUtf8(file).replace(/^\uFEFF/, '')) as unknown;
    return isObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** The client file against the entries: in sync, out of sync (names), or not readable. */
export async function fileState(root: string, adapter: ClientAdapter, entries: ManagedEntry[]): Promise<{ kind: 'ok' } | { kind: 'stale'; names: string[] } | { kind: 'unreadable'; error: string }> {
  let doc: Json = {};
  // Only inside the root (a clone's .mcp.json may be a link to ~/.claude.json); pathInside throws otherwise.
  const file = pathInside(root, adapter.file);
  if (existsSync(file)) {
    try {
      doc = await parse(adapter, readUtf8(file));
    } catch (error) {
      return { kind: 'unreadable', error: `${file} is not valid ${adapter.format.toUpperCase()} (${oneLine(error)})` };
    }
  }
  let node: unknown = doc;
  for (const key of adapter.container) node = isObject(node) ? node[key] : undefined;
  const servers = isObject(node) ? node : {};
  const names = entries.filter((e) => JSON.stringify(servers[e.name]) !== JSON.stringify(adapter.entry(e))).map((e) => e.name);
  return names.length ? { kind: 'stale', names } : { kind: 'ok' };
}

/** With token auth: is the token where clients start, and is it this project's? */
export function tokenCheck(expected: string | undefined, env: NodeJS.ProcessEnv = process.env): Check {
  const value = env.MCP_AUTO_TOKEN;
  const fix = 'start clients with `mcp-auto exec <client>`, or `use mcp` in .envrc: they export MCP_AUTO_TOKEN';
  if (!value) return { id: 'token', status: 'fail', message: '"auth": "token" but MCP_AUTO_TOKEN is not set here: every client started from here will be refused (401)', fix };
  if (expected && value !== expected) return { id: 'token', status: 'fail', message: 'MCP_AUTO_TOKEN here is not this project\'s token: every client started from here will be refused (401)', fix };
  return { id: 'token', status: 'ok', message: 'MCP_AUTO_TOKEN is set to this project\'s token' };
}

// ---- Claude Code ----------------------------------------------------------

/** The git work tree holding dir (Claude keys its folder trust by it), or undefined. */
function gitRoot(dir: string): string | undefined {
  for (let d = real(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function claudePaths(env: NodeJS.ProcessEnv) {
  const configDir = env.CLAUDE_CONFIG_DIR;
  return {
    global: configDir ? join(configDir, '.claude.json') : join(home(env), '.claude.json'),
    user: join(configDir ?? join(home(env), '.claude'), 'settings.json'),
  };
}

/**
 * Claude ignores .claude/settings.local.json of an untrusted folder unless git
 * says the file is there and untracked (its own test: `git ls-files
 * --error-unmatch` exits 1), and never reads it through a symlink.
 */
function localSettingsUsable(dir: string): boolean {
  for (const p of [join(dir, '.claude'), join(dir, '.claude', 'settings.local.json')]) {
    try { if (lstatSync(p).isSymbolicLink()) return false; } catch { /* absent */ }
  }
  if (existsSync(join(dir, '.claude', '.git'))) return false;
  try {
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=', '-C', dir, 'ls-files', '--error-unmatch', '--', '.claude/settings.local.json'], { stdio: 'ignore', timeout: 2000 });
    return false; // tracked
  } catch (error) {
    return (error as { status?: number }).status === 1;
  }
}

export type ClaudeState = 'approved' | 'pending' | 'rejected';

/** Claude Code's verdict on each name, as `claude mcp list` would show it when started in ctx.dir. */
export function claudeStates(ctx: ClientContext): { states: Map<string, ClaudeState>; trusted: boolean; workspace: string; disabledIn: Map<string, string>; localIgnored: boolean } {
  const env = ctx.env ?? process.env;
  const dir = real(ctx.dir);
  const paths = claudePaths(env);
  const workspace = gitRoot(dir) ?? dir;
  const project = readJson(paths.global)?.projects;
  const entry = isObject(project) ? project[workspace] : undefined;
  const trusted = isObject(entry) && entry.hasTrustDialogAccepted === true;
  const files = {
    user: paths.user,
    project: join(dir, '.claude', 'settings.json'),
    local: join(dir, '.claude', 'settings.local.json'),
  };
  const settings = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readJson(f) ?? {}])) as Record<keyof typeof files, Json>;
  const list = (s: Json, key: string) => (Array.isArray(s[key]) ? (s[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
  const approves = (s: Json, name: string) => s.enableAllProjectMcpServers === true || list(s, 'enabledMcpjsonServers').includes(name);
  // Untrusted, Claude takes approvals only from the user's own settings, the
  // project's settings only when they are the user's, the local ones per git.
  const localUsable = localSettingsUsable(dir);
  const sources: Array<keyof typeof files> = trusted ? ['user', 'project', 'local'] : [
    'user',
    ...(real(files.project) === real(files.user) ? ['project' as const] : []),
    ...(localUsable ? ['local' as const] : []),
  ];
  const states = new Map<string, ClaudeState>();
  const disabledIn = new Map<string, string>();
  for (const { name } of ctx.entries) {
    const off = (Object.keys(files) as Array<keyof typeof files>).find((k) => list(settings[k], 'disabledMcpjsonServers').includes(name));
    if (off) { states.set(name, 'rejected'); disabledIn.set(name, files[off]); continue; }
    states.set(name, sources.some((k) => approves(settings[k], name)) ? 'approved' : 'pending');
  }
  return { states, trusted, workspace, disabledIn, localIgnored: !trusted && !localUsable };
}

function claudeChecks(ctx: ClientContext): Check[] {
  const { states, workspace, disabledIn, localIgnored } = claudeStates(ctx);
  const by = (s: ClaudeState) => [...states].filter(([, v]) => v === s).map(([k]) => k);
  const checks: Check[] = [];
  const rejected = by('rejected');
  if (rejected.length) {
    const where = [...new Set(rejected.map((n) => disabledIn.get(n)!))].join(', ');
    checks.push({ id: 'claude-approval', status: 'warn', message: `Claude Code has ${rejected.join(', ')} disabled: it will not list or start them`, fix: `remove them from disabledMcpjsonServers in ${where}` });
  }
  const pending = by('pending');
  if (pending.length && localIgnored) {
    checks.push({
      id: 'claude-approval', status: 'warn',
      message: `Claude Code has not been told to trust ${workspace}: it ignores .claude/settings.local.json there and will ask before using ${pending.join(', ')}`,
      fix: `run \`claude\` in ${workspace} once and accept the trust dialog (mcp-auto never does that for you)`,
    });
  } else if (pending.length) {
    // Claude reads approvals from the directory it starts in: a subdirectory is not the root.
    const sub = real(ctx.dir) !== real(ctx.root);
    checks.push({
      id: 'claude-approval', status: 'warn',
      message: `Claude Code will ask before using ${pending.join(', ')}${sub ? ` when started in ${real(ctx.dir)} (it reads approvals there, not at the root)` : ''}`,
      fix: sub ? `start \`claude\` in ${ctx.root} (approved there with \`mcp-auto approve\`), or approve in ${real(ctx.dir)}/.claude/settings.local.json` : `mcp-auto approve ${ctx.root}`,
    });
  }
  if (checks.length === 0) checks.push({ id: 'claude-approval', status: 'ok', message: 'Claude Code has the servers approved' });
  return checks;
}

/** What `approve` could not do for Claude: disabled names, an untrusted folder outside git. One line each. */
export function claudeApproveNotes(ctx: ClientContext): string[] {
  const { states, workspace, disabledIn, localIgnored } = claudeStates(ctx);
  const notes: string[] = [];
  for (const [name, state] of states) {
    if (state === 'rejected') notes.push(`mcp-auto: ${name} is in disabledMcpjsonServers of ${disabledIn.get(name)}, which wins over approval: remove it there if you want Claude Code to use it`);
  }
  if (localIgnored && [...states.values()].includes('pending')) {
    notes.push(`mcp-auto: Claude Code ignores .claude/settings.local.json until you trust ${workspace}: run \`claude\` there once and accept the trust dialog (only you can give that)`);
  }
  return notes;
}

// ---- Gemini CLI ------------------------------------------------------------

/** Gemini CLI's folder trust for dir: its env switch, its folderTrust setting, then trustedFolders.json (longest rule wins). */
export function geminiTrusted(dir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.GEMINI_RESTRICTED_MODE === 'true' || env.GEMINI_CLI_TRUST_WORKSPACE === 'false') return false;
  if (env.GEMINI_CLI_TRUST_WORKSPACE === 'true') return true;
  const security = readJson(join(home(env), '.gemini', 'settings.json'))?.security;
  const folderTrust = isObject(security) && isObject(security.folderTrust) ? security.folderTrust.enabled : undefined;
  if (folderTrust === false) return true;
  const rules = readJson(env.GEMINI_CLI_TRUSTED_FOLDERS_PATH || join(home(env), '.gemini', 'trustedFolders.json')) ?? {};
  const location = real(dir);
  let best = -1;
  let level: unknown;
  for (const [path, rule] of Object.entries(rules)) {
    const base = real(rule === 'TRUST_PARENT' ? dirname(path) : path);
    if ((location === base || location.startsWith(base.endsWith(sep) ? base : base + sep)) && path.length > best) {
      best = path.length;
      level = rule;
    }
  }
  return level === 'TRUST_FOLDER' || level === 'TRUST_PARENT';
}

function geminiChecks(ctx: ClientContext): Check[] {
  const dir = real(ctx.dir);
  if (geminiTrusted(dir, ctx.env ?? process.env)) return [{ id: 'gemini-trust', status: 'ok', message: `Gemini CLI trusts ${dir}` }];
  return [{
    id: 'gemini-trust', status: 'warn',
    message: `Gemini CLI does not trust ${dir}: it disables the project's MCP servers there`,
    fix: `run \`gemini\` in ${dir} and trust the folder (or add "${dir}": "TRUST_FOLDER" to ~/.gemini/trustedFolders.json)`,
  }];
}

// ---- Codex -----------------------------------------------------------------

/** Codex reads <root>/.codex/config.toml only for a project marked trusted in $CODEX_HOME/config.toml. */
export async function codexTrusted(ctx: ClientContext): Promise<boolean> {
  const env = ctx.env ?? process.env;
  const file = join(env.CODEX_HOME || join(home(env), '.codex'), 'config.toml');
  let projects: unknown;
  try {
    const { parse: parseToml } = await import('smol-toml');
    projects = (parseToml(readFileSync(file, 'utf8')) as Json).projects;
  } catch {
    return false;
  }
  if (!isObject(projects)) return false;
  const candidates = [real(ctx.dir), gitRoot(ctx.dir), real(ctx.root)].filter((p): p is string => !!p);
  return candidates.some((p) => { const e = projects[p]; return isObject(e) && e.trust_level === 'trusted'; });
}

async function codexChecks(ctx: ClientContext): Promise<Check[]> {
  const root = real(ctx.root);
  if (await codexTrusted(ctx)) return [{ id: 'codex-trust', status: 'ok', message: `Codex trusts ${root}` }];
  return [{
    id: 'codex-trust', status: 'warn',
    message: `Codex does not trust ${root}: it ignores .codex/config.toml there ("No MCP servers configured yet")`,
    fix: `add \`[projects."${root}"]\` with \`trust_level = "trusted"\` to ~/.codex/config.toml (or start \`codex\` there and trust it)`,
  }];
}

// ---- Qwen Code -------------------------------------------------------------

/** Qwen's hash of a server entry (configHash.ts): sha256 of its JSON, keys sorted, provenance fields dropped. */
export function qwenHash(entry: Json): string {
  const behavioral = Object.fromEntries(Object.entries(entry).filter(([k]) => !['scope', 'extensionName', 'description'].includes(k)));
  const stable = JSON.stringify(behavioral, (_k, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
  return createHash('sha256').update(stable).digest('hex');
}

/** An entry as Qwen Code loads it from its settings: `${NAME}` and `$NAME` expanded from its environment. */
export function qwenLoaded(entry: unknown, env: NodeJS.ProcessEnv = process.env): Json {
  const expand = (v: unknown): unknown => typeof v === 'string'
    ? v.replace(/\$(?:\{(\w+)\}|(\w+))/g, (all, a: string | undefined, b: string | undefined) => env[a ?? b!] ?? all)
    : Array.isArray(v) ? v.map(expand) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)])) : v;
  return expand(entry) as Json;
}

/** Qwen Code keeps its approval of a project server per directory, bound to the hash of the entry as loaded. */
export function qwenApproved(ctx: ClientContext, adapter: ClientAdapter, entry: ManagedEntry): boolean {
  const env = ctx.env ?? process.env;
  const data = readJson(env.QWEN_CODE_MCP_APPROVALS_PATH || join(home(env), '.qwen', 'mcpApprovals.json'));
  const record = data?.[resolve(ctx.dir)];
  const mine = isObject(record) ? record[entry.name] : undefined;
  return isObject(mine) && mine.status === 'approved' && mine.hash === qwenHash(qwenLoaded(adapter.entry(entry), env));
}

function qwenChecks(ctx: ClientContext, adapter: ClientAdapter): Check[] {
  const pending = ctx.entries.filter((e) => !qwenApproved(ctx, adapter, e)).map((e) => e.name);
  if (pending.length === 0) return [{ id: 'qwen-approval', status: 'ok', message: 'Qwen Code has the servers approved' }];
  return [{
    id: 'qwen-approval', status: 'warn',
    message: `Qwen Code will ask before using ${pending.join(', ')} (its approval is bound to the entry: a new port asks again)`,
    fix: `run \`qwen\` in ${resolve(ctx.dir)} and approve them`,
  }];
}

// ---- all clients -----------------------------------------------------------

/**
 * Every check for one client: its file, then its own gate. Token auth for a
 * client that cannot expand the variable: no entry is written, said once.
 */
export async function clientChecks(adapter: ClientAdapter, ctx: ClientContext): Promise<{ checks: Check[]; stale: string[] }> {
  const tokenAuth = ctx.entries.some((e) => e.headers);
  if (tokenAuth && !adapter.expandsEnv) {
    return { checks: [{ id: `client:${adapter.name}`, status: 'warn', message: `${adapter.name} cannot expand \${MCP_AUTO_TOKEN} in a header: under "auth": "token" it gets no entry in ${adapter.file}`, fix: `drop "${adapter.name}" from "clients", or use "auth": "none"` }], stale: [] };
  }
  const checks: Check[] = [];
  let state: Awaited<ReturnType<typeof fileState>>;
  try {
    state = await fileState(ctx.root, adapter, ctx.entries);
  } catch (error) {
    state = { kind: 'unreadable', error: errorMessage(error) };
  }
  if (state.kind === 'unreadable') {
    checks.push({ id: `client:${adapter.name}`, status: 'fail', message: state.error, fix: `fix ${join(ctx.root, adapter.file)}, then \`mcp-auto ensure\`` });
  } else if (state.kind === 'stale') {
    checks.push({ id: `client:${adapter.name}`, status: 'fail', message: `${adapter.file} is out of sync for ${state.names.join(', ')}`, fix: `mcp-auto ensure ${ctx.root}`, fixable: true });
  } else {
    checks.push({ id: `client:${adapter.name}`, status: 'ok', message: `${adapter.file} points at the daemon` });
  }
  if (ctx.entries.length === 0) return { checks, stale: state.kind === 'stale' ? state.names : [] };
  if (adapter.name === 'claude') checks.push(...claudeChecks(ctx));
  else if (adapter.name === 'gemini') checks.push(...geminiChecks(ctx));
  else if (adapter.name === 'codex') checks.push(...await codexChecks(ctx));
  else if (adapter.name === 'qwen') checks.push(...qwenChecks(ctx, adapter));
  return { checks, stale: state.kind === 'stale' ? state.names : [] };
}
