#!/usr/bin/env node
import {
  BYTES_PER_TOKEN
} from "./chunk-4ZKHLDAT.js";
import {
  STATE_MEANING
} from "./chunk-L6AESDOP.js";
import "./chunk-IO6PQGEU.js";
import {
  clientChecks,
  tokenCheck
} from "./chunk-2XPFF44D.js";
import {
  mcpJsonOwnership
} from "./chunk-XV23DNHT.js";
import {
  kB,
  kleur_default
} from "./chunk-VLQTWHUH.js";
import "./chunk-AFUMIZT3.js";
import {
  ensureRoot,
  locateRoot,
  projectConfig,
  readToken,
  userSettings
} from "./chunk-IED5TB7I.js";
import {
  readProjectFile,
  trustState
} from "./chunk-MT5LDDFF.js";
import {
  existingDir,
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import {
  adapters,
  gitTracked
} from "./chunk-FFCTF4SY.js";
import "./chunk-NKQXVY3M.js";
import {
  managedEntries
} from "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import {
  defaultSettings,
  loadConfig,
  onPath,
  parseConfig,
  projectConfigPath,
  readConfigFile,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  ConfigError,
  oneLine,
  safeText
} from "./chunk-AIQ3PVV7.js";
import {
  hashedPort,
  portHolder
} from "./chunk-344WA2EI.js";
import {
  allRecords,
  daemonStatus,
  pidAlive
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/doctor.ts
import { existsSync, readFileSync, readdirSync, realpathSync, unlinkSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

// src/util/shell-quote.ts
function shellQuote(word) {
  if (word !== "" && /^[A-Za-z0-9_\/.,:=+@%^-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

// src/commands/doctor.ts
var help = `
Usage: mcp-auto doctor [DIR] [--json] [--fix]

Checks everything mcp-auto depends on, one line each, with the command that
fixes what is wrong: Node, the shell hook or direnv, the project root, the
config files and their trust, the port and who holds it, the daemon and its
servers, servers whose tool definitions crowd every session's context (over
20 k tokens, with the "tools" filter line that trims them), each client's file
(.mcp.json, \u2026) and what that client will make of it (Claude Code's approval
and folder trust, Gemini CLI's trusted folders, Codex's project trust, Qwen
Code's approval, MCP_AUTO_TOKEN under token auth), the commands servers need,
stale state. Exits 1 when something is wrong.

  --fix   repair what is safe to repair (restart a dead daemon, rewrite
          .mcp.json, remove stale state) and say what was done
  --json  the same checks as data

Example:
  mcp-auto doctor --fix
`;
function hookCheck() {
  const hook = process.env.MCP_AUTO_HOOK;
  if (hook) return hookRuns(hook);
  if (process.env.MCP_AUTO_URL) return { id: "hook", status: "ok", message: "direnv `use mcp` is active here" };
  const direnvLib = join(process.env.XDG_CONFIG_HOME?.startsWith("/") ? process.env.XDG_CONFIG_HOME : join(homedir(), ".config"), "direnv");
  const hasUseMcp = [join(direnvLib, "direnvrc"), ...listDir(join(direnvLib, "lib")).map((f) => join(direnvLib, "lib", f))].some((f) => {
    try {
      return readFileSync(f, "utf8").includes("use_mcp");
    } catch {
      return false;
    }
  });
  if (hasUseMcp) return { id: "hook", status: "warn", message: "direnv has use_mcp, but this directory's .envrc does not `use mcp`", fix: "echo 'use mcp' >> .envrc && direnv allow" };
  const shell = (process.env.SHELL ?? "").split("/").pop() || "zsh";
  const line = shell === "fish" ? "mcp-auto hook fish | source" : `eval "$(mcp-auto hook ${shell === "bash" ? "bash" : "zsh"})"`;
  return { id: "hook", status: "fail", message: "no mcp-auto hook in this shell (or another tool replaced it)", fix: `add \`${line}\` to your shell's rc file, or \`mcp-auto direnv\` for direnv` };
}
function hookRuns(hook) {
  const taken = hook === "bash" ? "PROMPT_COMMAND" : "the prompt hooks";
  const rc = hook === "fish" ? "~/.config/fish/config.fish" : `~/.${hook}rc`;
  const line = hook === "fish" ? "mcp-auto hook fish | source" : `eval "$(mcp-auto hook ${hook})"`;
  const fix = `put \`${line}\` last in ${rc}${hook === "bash" ? " (see `declare -p PROMPT_COMMAND`)" : ""}, then open a new shell`;
  if (process.env.MCP_AUTO_DISABLE && process.env.MCP_AUTO_DISABLE !== "0") {
    return { id: "hook", status: "warn", message: `the ${hook} hook is off here (MCP_AUTO_DISABLE=${process.env.MCP_AUTO_DISABLE})`, fix: "unset MCP_AUTO_DISABLE" };
  }
  const seen = process.env.MCP_AUTO_HOOK_PWD;
  if (seen === void 0) return { id: "hook", status: "fail", message: `the ${hook} hook is loaded but has never run: another tool took over ${taken}`, fix };
  if (!samePath(seen, process.cwd())) {
    return { id: "hook", status: "warn", message: `the ${hook} hook last ran in ${seen}, not here: another tool may have taken over ${taken} (or this command ran before the next prompt)`, fix };
  }
  return { id: "hook", status: "ok", message: `the ${hook} hook is installed and runs in this shell` };
}
function samePath(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}
function listDir(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
function configChecks(root) {
  const files = [["user-config", userConfigPath()], ...root ? [["project-config", projectConfigPath(root)]] : []];
  const problems = /* @__PURE__ */ new Map();
  const collect = (read) => {
    try {
      read();
    } catch (error) {
      const all = error instanceof ConfigError ? error.problems : [new ConfigError(userConfigPath(), void 0, oneLine(error))];
      for (const p of all) problems.set(p.message, p);
    }
  };
  const present = /* @__PURE__ */ new Map();
  for (const [id, file] of files) {
    collect(() => {
      if (id !== "project-config") return present.set(file, readConfigFile(file) !== void 0);
      const read = readProjectFile(file);
      if (read.problem) throw new ConfigError(file, void 0, read.problem.replace(`${file}: `, "").replace(`${file} `, ""));
      if (read.text !== void 0) parseConfig(file, read.text);
      return present.set(file, read.text !== void 0);
    });
  }
  collect(() => root ? projectConfig(root) : loadConfig());
  if (problems.size > 0) {
    return [...problems.values()].map((p) => ({
      id: p.file === userConfigPath() ? "user-config" : "project-config",
      status: "fail",
      message: p.message,
      fix: `edit ${shellQuote(p.file)} (a running daemon keeps its last good config meanwhile)`
    }));
  }
  return files.map(([id, file]) => ({ id, status: "ok", message: present.get(file) ? `${file} parses` : `${file}: none (defaults apply)` }));
}
function usableConfig(root) {
  try {
    return projectConfig(root);
  } catch {
    const trust = trustState(projectConfigPath(root));
    try {
      return { config: loadConfig(), trust };
    } catch {
      return { config: loadConfig({ userConfig: {} }), trust };
    }
  }
}
async function projectChecks(project, dir, fix, done) {
  const { root, marker } = project;
  const checks = [{ id: "root", status: "ok", message: `project root ${root} (it has ${marker})` }];
  const { config, trust } = usableConfig(root);
  const q = shellQuote(root);
  if (trust === "untrusted") checks.push({ id: "trust", status: "fail", message: `${projectConfigPath(root)} is not trusted, so its servers do not run`, fix: `review it, then \`mcp-auto trust ${q}\`` });
  else if (trust === "trusted") checks.push({ id: "trust", status: "ok", message: ".mcp-auto.json is trusted" });
  let status = await daemonStatus(root, { tools: true });
  let started;
  if (status.kind !== "running" && fix) {
    try {
      await ensureRoot(project);
      started = `started the daemon for ${root}`;
      done.push(started);
    } catch (error) {
      checks.push({ id: "fix:daemon", status: "fail", message: `could not start the daemon: ${oneLine(error)}`, fix: `mcp-auto logs ${q}` });
    }
    status = await daemonStatus(root, { tools: true });
  }
  const port = status.kind === "none" ? hashedPort(root, config.settings.portRange) : status.record.port;
  const { holder, otherRoot, why } = await portHolder(port, root);
  const portMessage = {
    free: `port ${port} is free (no daemon yet)`,
    ours: `port ${port} is held by this project's daemon`,
    "other-daemon": `port ${port} is held by the daemon of ${otherRoot}`,
    foreign: why ? `${why}: not this project's daemon` : `port ${port} is held by another program`
  }[holder];
  const portOk = holder === "ours" || holder === "free" && status.kind === "none";
  checks.push({
    id: "port",
    status: portOk ? "ok" : "warn",
    message: portMessage,
    ...holder === "foreign" ? { fix: `\`mcp-auto restart ${q}\` probes the next free port (or free ${port}: \`ss -ltnp 'sport = :${port}'\` shows who has it)` } : {}
  });
  if (status.kind === "running") {
    checks.push({ id: "daemon", status: "ok", message: `daemon pid ${status.record.pid} answers on 127.0.0.1:${port}`, ...started ? { fixed: started } : {} });
    for (const s of status.health.servers) {
      const bad = s.state === "failed";
      const fine = s.state === "ready" || s.state === "not-started" && !s.lastError;
      const meaning = s.state === "not-started" ? ` (${STATE_MEANING[s.state]})` : s.state === "starting" && s.restarts > 0 ? ` again after ${s.restarts} restart(s)` : "";
      checks.push({
        id: `server:${s.name}`,
        status: bad ? "fail" : fine ? "ok" : "warn",
        message: `server ${s.name}: ${s.state}${meaning}${s.lastError ? ` \u2014 ${s.lastError}` : ""}`,
        ...bad ? { fix: `\`mcp-auto logs ${q}\`, fix the command, then \`mcp-auto restart ${q}\`` } : {}
      });
      const tools = toolsCheck(s, config.servers.get(s.name)?.tools);
      if (tools) checks.push(tools);
      if (s.calls?.ambiguous) {
        checks.push({
          id: `ambiguous:${s.name}`,
          status: "warn",
          message: `server ${s.name}: ${s.calls.ambiguous} sampling/elicitation request(s) refused as ambiguous (several sessions had calls in flight that could have asked; last: ${s.calls.lastAmbiguous?.method ?? "?"})`,
          fix: `run ${s.name} as an http child ("transport": "http", with its own HTTP port {port}): every session then gets its own requests`
        });
      }
    }
  } else {
    const why2 = status.kind === "stale" ? `daemon is dead (${status.why})` : "no daemon running";
    checks.push({ id: "daemon", status: "fail", message: why2, fix: `mcp-auto ensure ${q}`, fixable: true });
  }
  const entries = managedEntries(config, port);
  if (config.settings.auth === "token") checks.push(tokenCheck(readToken(stateDirFor(root))));
  for (const name of config.settings.clients) {
    const adapter = adapters[name];
    if (!adapter) continue;
    const { checks: clientResult, stale } = await clientChecks(adapter, { root, dir, entries });
    if (stale.length && fix && status.kind === "running" && await rewrote(project)) {
      done.push(`rewrote ${adapter.file}`);
      clientResult[0] = { id: `client:${name}`, status: "ok", message: `${adapter.file} points at the daemon`, fixed: `rewrote ${adapter.file}` };
    }
    checks.push(...clientResult);
    const file = join(root, adapter.file);
    if (existsSync(file) && gitTracked(root, adapter.file) === true) {
      checks.push({ id: `git:${name}`, status: "warn", message: `${adapter.file} is tracked by git: its machine-specific port would be committed`, fix: `echo ${adapter.file} >> .gitignore (or git update-index --skip-worktree ${adapter.file})` });
    }
  }
  const path = status.kind === "running" ? daemonPath(status.record.pid) : void 0;
  const where = path === void 0 ? "PATH" : "the daemon's PATH";
  const daemonConfig = path === void 0 ? config : withPath(path, () => projectConfig(root).config);
  for (const def of daemonConfig.servers.values()) {
    if (!onPath(def.command, path)) {
      checks.push({ id: `command:${def.name}`, status: "fail", message: `server ${def.name} needs \`${def.command}\`, which is not on ${where}`, fix: def.command === "uvx" ? "install uv: https://docs.astral.sh/uv/" : `install ${def.command} or fix "command" in the config` });
    }
    if (isSerena(def.command, def.args) && def.command !== "uvx") {
      const missing = ["uv", "uvx"].filter((c) => !onPath(c, path));
      if (missing.length) checks.push({ id: `uv:${def.name}`, status: "warn", message: `server ${def.name} (serena) starts language servers with uv, but ${missing.join(" and ")} is not on ${where}`, fix: "install uv: https://docs.astral.sh/uv/, then `mcp-auto restart`" });
    }
  }
  if (!config.servers.has("serena") && onPath("uvx")) {
    checks.push({ id: "suggest:serena", status: "warn", message: "uvx is on PATH: serena (code navigation) would serve this project well", fix: 'add "serena": true to "servers" in .mcp-auto.json (then mcp-auto trust)' });
  }
  let foreign = [];
  try {
    ({ foreign } = mcpJsonOwnership(root, stateDirFor(root), entries.map((e) => e.name)));
  } catch {
  }
  for (const name of foreign) {
    checks.push({ id: `conflict:${name}`, status: "fail", message: `.mcp.json has a '${name}' entry mcp-auto did not write (the project's own); Claude Code would run it, not the daemon's`, fix: `read it; rename or remove it in ${shellQuote(join(root, ".mcp.json"))}, then \`mcp-auto ensure ${q}\`` });
  }
  return checks;
}
var LARGE_TOOLS_TOKENS = 2e4;
function toolsCheck(server, filter) {
  const stats = server.tools;
  if (!stats || stats.tokens <= LARGE_TOOLS_TOKENS) return void 0;
  const names = [];
  let tokens = stats.tokens;
  for (const tool of stats.largest) {
    if (tokens <= LARGE_TOOLS_TOKENS) break;
    names.push(tool.name);
    tokens -= Math.ceil(tool.bytes / BYTES_PER_TOKEN);
  }
  const where = `servers.${server.name} in ${userConfigPath()} (or the project's .mcp-auto.json)`;
  let fix;
  if (tokens > LARGE_TOOLS_TOKENS) fix = `add "tools": {"allow": ["<the tools you use>"]} to ${where}`;
  else if (filter && "allow" in filter) fix = `drop ${names.map((n) => `"${n}"`).join(", ")} from "tools.allow" of ${where}`;
  else fix = `add "tools": ${JSON.stringify({ deny: [...filter?.deny ?? [], ...names] })} to ${where}`;
  return {
    id: `tools:${server.name}`,
    status: "warn",
    fix,
    message: `server ${server.name}: its ${stats.exposed} tool definitions take ${kB(stats.bytes)} (~${stats.tokens} tokens, bytes/4) of every session's context`
  };
}
function daemonPath(pid) {
  try {
    const entry = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").find((e) => e.startsWith("PATH="));
    return entry?.slice(5) ?? "";
  } catch {
    return void 0;
  }
}
function withPath(path, fn) {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return fn();
  } finally {
    process.env.PATH = saved;
  }
}
function isSerena(command, args) {
  return /(^|\/)serena$/.test(command) || args.some((a) => a.startsWith("serena-agent") || a === "serena");
}
async function rewrote(project) {
  try {
    return (await ensureRoot(project)).clients.every((c) => c.status !== "refused");
  } catch {
    return false;
  }
}
async function staleChecks(fix, done) {
  const checks = [];
  const records = allRecords();
  for (const r of records.filter((r2) => !existsSync(r2.root))) {
    const running = pidAlive(r.pid);
    const message2 = running ? `the project ${r.root} was deleted, but its daemon (pid ${r.pid}) still runs` : `the project ${r.root} was deleted; its state remains`;
    if (fix) {
      const { forgetRoot } = await import("./forget-A262MRMR.js");
      const removed = await forgetRoot(r.root);
      done.push(`forgot the deleted project ${r.root}`);
      checks.push({ id: "state:deleted", status: "ok", message: message2, fixed: removed.join("; ") });
    } else {
      checks.push({ id: "state:deleted", status: "warn", message: message2, fix: `mcp-auto forget ${shellQuote(r.root)}`, fixable: true });
    }
  }
  const stale = records.filter((r) => existsSync(r.root) && !pidAlive(r.pid));
  if (stale.length === 0) return checks.length ? checks : [{ id: "state", status: "ok", message: "no stale state files" }];
  const message = `${stale.length} stale daemon record(s): ${stale.map((r) => r.root).join(", ")}`;
  if (fix) {
    for (const r of stale) {
      try {
        unlinkSync(join(stateDirFor(r.root), "daemon.json"));
      } catch {
      }
      done.push(`removed the stale record of ${r.root}`);
    }
    return [...checks, { id: "state", status: "ok", message, fixed: `removed ${stale.length} stale record(s)` }];
  }
  return [...checks, { id: "state", status: "warn", message, fix: "mcp-auto doctor --fix", fixable: true }];
}
async function run(argv) {
  const { values, positionals } = parse("doctor", argv, { json: { type: "boolean" }, fix: { type: "boolean" } });
  if (!process.stdout.isTTY || process.env.NO_COLOR) kleur_default.enabled = false;
  const fix = values.fix === true;
  const done = [];
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  const checks = [
    major > 20 || major === 20 && minor >= 19 ? { id: "node", status: "ok", message: `Node ${process.versions.node}` } : { id: "node", status: "fail", message: `Node ${process.versions.node} is too old (mcp-auto needs 20.19 or newer)`, fix: "install a current Node LTS" },
    hookCheck()
  ];
  const dir = existingDir("doctor", positionals);
  let project;
  try {
    project = locateRoot(dir, userSettings());
  } catch {
    project = locateRoot(dir, { ...defaultSettings });
  }
  checks.push(...configChecks(project?.root));
  if (project) {
    checks.push(...await projectChecks(project, dir, fix, done));
  } else {
    checks.push({ id: "root", status: "warn", message: `no project root above ${dir}`, fix: "cd into a project (a folder with .git or .mcp-auto.json), or `mcp-auto init`" });
  }
  checks.push(...await staleChecks(fix, done));
  const ok = checks.every((c) => c.status !== "fail");
  if (values.json) {
    console.log(JSON.stringify({ ok, checks, fixed: done }, null, 2));
  } else {
    const mark = { ok: kleur_default.green("\u2714"), warn: kleur_default.yellow("!"), fail: kleur_default.red("\u2716") };
    for (const c of checks) {
      console.log(`${mark[c.status]} ${safeText(c.message)}`);
      if (c.fix && c.status !== "ok") console.log(`    ${kleur_default.dim("fix:")} ${safeText(c.fix)}`);
      if (c.fixed) console.log(`    ${kleur_default.cyan("fixed:")} ${safeText(c.fixed)}`);
    }
  }
  return ok ? 0 : 1;
}
export {
  help,
  run
};
//# sourceMappingURL=doctor-TJZ3LZVS.js.map
