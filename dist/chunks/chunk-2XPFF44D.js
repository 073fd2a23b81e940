#!/usr/bin/env node
import {
  parse,
  readUtf8
} from "./chunk-FFCTF4SY.js";
import {
  pathInside
} from "./chunk-NKQXVY3M.js";
import {
  errorMessage,
  oneLine
} from "./chunk-AIQ3PVV7.js";

// src/clients/verdict.ts
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync, realpathSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var home = (env) => env.HOME || homedir();
var real = (p) => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};
function readJson(file) {
  try {
    const data = JSON.parse(readUtf8(file).replace(/^\uFEFF/, ""));
    return isObject(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
async function fileState(root, adapter, entries) {
  let doc = {};
  const file = pathInside(root, adapter.file);
  if (existsSync(file)) {
    try {
      doc = await parse(adapter, readUtf8(file));
    } catch (error) {
      return { kind: "unreadable", error: `${file} is not valid ${adapter.format.toUpperCase()} (${oneLine(error)})` };
    }
  }
  let node = doc;
  for (const key of adapter.container) node = isObject(node) ? node[key] : void 0;
  const servers = isObject(node) ? node : {};
  const names = entries.filter((e) => JSON.stringify(servers[e.name]) !== JSON.stringify(adapter.entry(e))).map((e) => e.name);
  return names.length ? { kind: "stale", names } : { kind: "ok" };
}
function tokenCheck(expected, env = process.env) {
  const value = env.MCP_AUTO_TOKEN;
  const fix = "start clients with `mcp-auto exec <client>`, or `use mcp` in .envrc: they export MCP_AUTO_TOKEN";
  if (!value) return { id: "token", status: "fail", message: '"auth": "token" but MCP_AUTO_TOKEN is not set here: every client started from here will be refused (401)', fix };
  if (expected && value !== expected) return { id: "token", status: "fail", message: "MCP_AUTO_TOKEN here is not this project's token: every client started from here will be refused (401)", fix };
  return { id: "token", status: "ok", message: "MCP_AUTO_TOKEN is set to this project's token" };
}
function gitRoot(dir) {
  for (let d = real(dir); ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return void 0;
  }
}
function claudePaths(env) {
  const configDir = env.CLAUDE_CONFIG_DIR;
  return {
    global: configDir ? join(configDir, ".claude.json") : join(home(env), ".claude.json"),
    user: join(configDir ?? join(home(env), ".claude"), "settings.json")
  };
}
function localSettingsUsable(dir) {
  for (const p of [join(dir, ".claude"), join(dir, ".claude", "settings.local.json")]) {
    try {
      if (lstatSync(p).isSymbolicLink()) return false;
    } catch {
    }
  }
  if (existsSync(join(dir, ".claude", ".git"))) return false;
  try {
    execFileSync("git", ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=", "-C", dir, "ls-files", "--error-unmatch", "--", ".claude/settings.local.json"], { stdio: "ignore", timeout: 2e3 });
    return false;
  } catch (error) {
    return error.status === 1;
  }
}
function claudeStates(ctx) {
  const env = ctx.env ?? process.env;
  const dir = real(ctx.dir);
  const paths = claudePaths(env);
  const workspace = gitRoot(dir) ?? dir;
  const project = readJson(paths.global)?.projects;
  const entry = isObject(project) ? project[workspace] : void 0;
  const trusted = isObject(entry) && entry.hasTrustDialogAccepted === true;
  const files = {
    user: paths.user,
    project: join(dir, ".claude", "settings.json"),
    local: join(dir, ".claude", "settings.local.json")
  };
  const settings = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readJson(f) ?? {}]));
  const list = (s, key) => Array.isArray(s[key]) ? s[key].filter((x) => typeof x === "string") : [];
  const approves = (s, name) => s.enableAllProjectMcpServers === true || list(s, "enabledMcpjsonServers").includes(name);
  const localUsable = localSettingsUsable(dir);
  const sources = trusted ? ["user", "project", "local"] : [
    "user",
    ...real(files.project) === real(files.user) ? ["project"] : [],
    ...localUsable ? ["local"] : []
  ];
  const states = /* @__PURE__ */ new Map();
  const disabledIn = /* @__PURE__ */ new Map();
  for (const { name } of ctx.entries) {
    const off = Object.keys(files).find((k) => list(settings[k], "disabledMcpjsonServers").includes(name));
    if (off) {
      states.set(name, "rejected");
      disabledIn.set(name, files[off]);
      continue;
    }
    states.set(name, sources.some((k) => approves(settings[k], name)) ? "approved" : "pending");
  }
  return { states, trusted, workspace, disabledIn, localIgnored: !trusted && !localUsable };
}
function claudeChecks(ctx) {
  const { states, workspace, disabledIn, localIgnored } = claudeStates(ctx);
  const by = (s) => [...states].filter(([, v]) => v === s).map(([k]) => k);
  const checks = [];
  const rejected = by("rejected");
  if (rejected.length) {
    const where = [...new Set(rejected.map((n) => disabledIn.get(n)))].join(", ");
    checks.push({ id: "claude-approval", status: "warn", message: `Claude Code has ${rejected.join(", ")} disabled: it will not list or start them`, fix: `remove them from disabledMcpjsonServers in ${where}` });
  }
  const pending = by("pending");
  if (pending.length && localIgnored) {
    checks.push({
      id: "claude-approval",
      status: "warn",
      message: `Claude Code has not been told to trust ${workspace}: it ignores .claude/settings.local.json there and will ask before using ${pending.join(", ")}`,
      fix: `run \`claude\` in ${workspace} once and accept the trust dialog (mcp-auto never does that for you)`
    });
  } else if (pending.length) {
    const sub = real(ctx.dir) !== real(ctx.root);
    checks.push({
      id: "claude-approval",
      status: "warn",
      message: `Claude Code will ask before using ${pending.join(", ")}${sub ? ` when started in ${real(ctx.dir)} (it reads approvals there, not at the root)` : ""}`,
      fix: sub ? `start \`claude\` in ${ctx.root} (approved there with \`mcp-auto approve\`), or approve in ${real(ctx.dir)}/.claude/settings.local.json` : `mcp-auto approve ${ctx.root}`
    });
  }
  if (checks.length === 0) checks.push({ id: "claude-approval", status: "ok", message: "Claude Code has the servers approved" });
  return checks;
}
function claudeApproveNotes(ctx) {
  const { states, workspace, disabledIn, localIgnored } = claudeStates(ctx);
  const notes = [];
  for (const [name, state] of states) {
    if (state === "rejected") notes.push(`mcp-auto: ${name} is in disabledMcpjsonServers of ${disabledIn.get(name)}, which wins over approval: remove it there if you want Claude Code to use it`);
  }
  if (localIgnored && [...states.values()].includes("pending")) {
    notes.push(`mcp-auto: Claude Code ignores .claude/settings.local.json until you trust ${workspace}: run \`claude\` there once and accept the trust dialog (only you can give that)`);
  }
  return notes;
}
function geminiTrusted(dir, env = process.env) {
  if (env.GEMINI_RESTRICTED_MODE === "true" || env.GEMINI_CLI_TRUST_WORKSPACE === "false") return false;
  if (env.GEMINI_CLI_TRUST_WORKSPACE === "true") return true;
  const security = readJson(join(home(env), ".gemini", "settings.json"))?.security;
  const folderTrust = isObject(security) && isObject(security.folderTrust) ? security.folderTrust.enabled : void 0;
  if (folderTrust === false) return true;
  const rules = readJson(env.GEMINI_CLI_TRUSTED_FOLDERS_PATH || join(home(env), ".gemini", "trustedFolders.json")) ?? {};
  const location = real(dir);
  let best = -1;
  let level;
  for (const [path, rule] of Object.entries(rules)) {
    const base = real(rule === "TRUST_PARENT" ? dirname(path) : path);
    if ((location === base || location.startsWith(base.endsWith(sep) ? base : base + sep)) && path.length > best) {
      best = path.length;
      level = rule;
    }
  }
  return level === "TRUST_FOLDER" || level === "TRUST_PARENT";
}
function geminiChecks(ctx) {
  const dir = real(ctx.dir);
  if (geminiTrusted(dir, ctx.env ?? process.env)) return [{ id: "gemini-trust", status: "ok", message: `Gemini CLI trusts ${dir}` }];
  return [{
    id: "gemini-trust",
    status: "warn",
    message: `Gemini CLI does not trust ${dir}: it disables the project's MCP servers there`,
    fix: `run \`gemini\` in ${dir} and trust the folder (or add "${dir}": "TRUST_FOLDER" to ~/.gemini/trustedFolders.json)`
  }];
}
async function codexTrusted(ctx) {
  const env = ctx.env ?? process.env;
  const file = join(env.CODEX_HOME || join(home(env), ".codex"), "config.toml");
  let projects;
  try {
    const { parse: parseToml } = await import("./dist-P3TFWTOA.js");
    projects = parseToml(readFileSync(file, "utf8")).projects;
  } catch {
    return false;
  }
  if (!isObject(projects)) return false;
  const candidates = [real(ctx.dir), gitRoot(ctx.dir), real(ctx.root)].filter((p) => !!p);
  return candidates.some((p) => {
    const e = projects[p];
    return isObject(e) && e.trust_level === "trusted";
  });
}
async function codexChecks(ctx) {
  const root = real(ctx.root);
  if (await codexTrusted(ctx)) return [{ id: "codex-trust", status: "ok", message: `Codex trusts ${root}` }];
  return [{
    id: "codex-trust",
    status: "warn",
    message: `Codex does not trust ${root}: it ignores .codex/config.toml there ("No MCP servers configured yet")`,
    fix: `add \`[projects."${root}"]\` with \`trust_level = "trusted"\` to ~/.codex/config.toml (or start \`codex\` there and trust it)`
  }];
}
function qwenHash(entry) {
  const behavioral = Object.fromEntries(Object.entries(entry).filter(([k]) => !["scope", "extensionName", "description"].includes(k)));
  const stable = JSON.stringify(behavioral, (_k, v) => isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v);
  return createHash("sha256").update(stable).digest("hex");
}
function qwenLoaded(entry, env = process.env) {
  const expand = (v) => typeof v === "string" ? v.replace(/\$(?:\{(\w+)\}|(\w+))/g, (all, a, b) => env[a ?? b] ?? all) : Array.isArray(v) ? v.map(expand) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)])) : v;
  return expand(entry);
}
function qwenApproved(ctx, adapter, entry) {
  const env = ctx.env ?? process.env;
  const data = readJson(env.QWEN_CODE_MCP_APPROVALS_PATH || join(home(env), ".qwen", "mcpApprovals.json"));
  const record = data?.[resolve(ctx.dir)];
  const mine = isObject(record) ? record[entry.name] : void 0;
  return isObject(mine) && mine.status === "approved" && mine.hash === qwenHash(qwenLoaded(adapter.entry(entry), env));
}
function qwenChecks(ctx, adapter) {
  const pending = ctx.entries.filter((e) => !qwenApproved(ctx, adapter, e)).map((e) => e.name);
  if (pending.length === 0) return [{ id: "qwen-approval", status: "ok", message: "Qwen Code has the servers approved" }];
  return [{
    id: "qwen-approval",
    status: "warn",
    message: `Qwen Code will ask before using ${pending.join(", ")} (its approval is bound to the entry: a new port asks again)`,
    fix: `run \`qwen\` in ${resolve(ctx.dir)} and approve them`
  }];
}
async function clientChecks(adapter, ctx) {
  const tokenAuth = ctx.entries.some((e) => e.headers);
  if (tokenAuth && !adapter.expandsEnv) {
    return { checks: [{ id: `client:${adapter.name}`, status: "warn", message: `${adapter.name} cannot expand \${MCP_AUTO_TOKEN} in a header: under "auth": "token" it gets no entry in ${adapter.file}`, fix: `drop "${adapter.name}" from "clients", or use "auth": "none"` }], stale: [] };
  }
  const checks = [];
  let state;
  try {
    state = await fileState(ctx.root, adapter, ctx.entries);
  } catch (error) {
    state = { kind: "unreadable", error: errorMessage(error) };
  }
  if (state.kind === "unreadable") {
    checks.push({ id: `client:${adapter.name}`, status: "fail", message: state.error, fix: `fix ${join(ctx.root, adapter.file)}, then \`mcp-auto ensure\`` });
  } else if (state.kind === "stale") {
    checks.push({ id: `client:${adapter.name}`, status: "fail", message: `${adapter.file} is out of sync for ${state.names.join(", ")}`, fix: `mcp-auto ensure ${ctx.root}`, fixable: true });
  } else {
    checks.push({ id: `client:${adapter.name}`, status: "ok", message: `${adapter.file} points at the daemon` });
  }
  if (ctx.entries.length === 0) return { checks, stale: state.kind === "stale" ? state.names : [] };
  if (adapter.name === "claude") checks.push(...claudeChecks(ctx));
  else if (adapter.name === "gemini") checks.push(...geminiChecks(ctx));
  else if (adapter.name === "codex") checks.push(...await codexChecks(ctx));
  else if (adapter.name === "qwen") checks.push(...qwenChecks(ctx, adapter));
  return { checks, stale: state.kind === "stale" ? state.names : [] };
}

export {
  tokenCheck,
  claudeApproveNotes,
  clientChecks
};
//# sourceMappingURL=chunk-2XPFF44D.js.map
