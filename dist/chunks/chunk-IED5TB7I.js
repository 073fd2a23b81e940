#!/usr/bin/env node
import {
  STDERR_FILE,
  readProjectFile
} from "./chunk-MT5LDDFF.js";
import {
  VERSION
} from "./chunk-VPR7O2NL.js";
import {
  adapters,
  syncClients,
  withLock
} from "./chunk-FFCTF4SY.js";
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  managedEntries
} from "./chunk-VKZGXJS7.js";
import {
  PROJECT_CONFIG,
  defaultSettings,
  loadConfig,
  projectConfigPath,
  readConfigFile,
  userConfigPath
} from "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import {
  choosePort
} from "./chunk-344WA2EI.js";
import {
  daemonStatus,
  fetchHealth,
  pidAlive
} from "./chunk-GNZ7CVPQ.js";
import {
  IDLE_STOPPED,
  stateDirFor
} from "./chunk-W4LNQTZQ.js";

// src/ensure/ensure.ts
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, appendFileSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join as join2 } from "node:path";

// src/util/process.ts
function killGroupOf(pid) {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
    }
  }
}
async function rssMb(pid) {
  try {
    const { readFileSync: readFileSync2 } = await import("node:fs");
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync2(`/proc/${pid}/status`, "utf8"))?.[1];
    if (kb) return Math.round(Number(kb) / 102.4) / 10;
  } catch {
  }
  try {
    const { execFileSync } = await import("node:child_process");
    const kb = Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim());
    return kb > 0 ? Math.round(kb / 102.4) / 10 : void 0;
  } catch {
    return void 0;
  }
}

// src/ensure/root.ts
import { realpathSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

// node_modules/find-up/index.js
import path2 from "node:path";

// node_modules/locate-path/index.js
import process2 from "node:process";
import path from "node:path";
import fs, { promises as fsPromises } from "node:fs";
import { fileURLToPath } from "node:url";
var typeMappings = {
  directory: "isDirectory",
  file: "isFile"
};
function checkType(type) {
  if (type === "both" || Object.hasOwn(typeMappings, type)) {
    return;
  }
  throw new Error(`Invalid type specified: ${type}`);
}
var matchType = (type, stat) => type === "both" ? stat.isFile() || stat.isDirectory() : stat[typeMappings[type]]();
var toPath = (urlOrPath) => urlOrPath instanceof URL ? fileURLToPath(urlOrPath) : urlOrPath;
function locatePathSync(paths, {
  cwd = process2.cwd(),
  type = "file",
  allowSymlinks = true
} = {}) {
  checkType(type);
  cwd = toPath(cwd);
  const statFunction = allowSymlinks ? fs.statSync : fs.lstatSync;
  for (const path_ of paths) {
    try {
      const stat = statFunction(path.resolve(cwd, path_), {
        throwIfNoEntry: false
      });
      if (!stat) {
        continue;
      }
      if (matchType(type, stat)) {
        return path_;
      }
    } catch {
    }
  }
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath2(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/find-up/index.js
var findUpStop = /* @__PURE__ */ Symbol("findUpStop");
function findUpMultipleSync(name, options = {}) {
  let directory = path2.resolve(toPath2(options.cwd) ?? "");
  const { root } = path2.parse(directory);
  const stopAt = path2.resolve(directory, toPath2(options.stopAt) ?? root);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const paths = [name].flat();
  const runMatcher = (locateOptions) => {
    if (typeof name !== "function") {
      return locatePathSync(paths, locateOptions);
    }
    const foundPath = name(locateOptions.cwd);
    if (typeof foundPath === "string") {
      return locatePathSync([foundPath], locateOptions);
    }
    return foundPath;
  };
  const matches = [];
  while (true) {
    const foundPath = runMatcher({ ...options, cwd: directory });
    if (foundPath === findUpStop) {
      break;
    }
    if (foundPath) {
      matches.push(path2.resolve(directory, foundPath));
    }
    if (directory === stopAt || matches.length >= limit) {
      break;
    }
    directory = path2.dirname(directory);
  }
  return matches;
}
function findUpSync(name, options = {}) {
  const matches = findUpMultipleSync(name, { ...options, limit: 1 });
  return matches[0];
}

// src/ensure/root.ts
function findRoot(start, markers) {
  let cwd;
  try {
    cwd = realpathSync(start);
  } catch {
    return void 0;
  }
  const home = safeRealpath(homedir());
  let marker = "";
  const root = findUpSync((dir) => {
    const candidates = dir === home || dir === "/" ? [PROJECT_CONFIG] : markers;
    const hit = candidates.find((m) => ownMarker(dir, m));
    if (!hit) return void 0;
    marker = hit;
    return dir;
  }, { cwd, type: "directory" });
  return root ? { root, marker } : void 0;
}
var uid = process.geteuid?.();
function ownMarker(dir, marker) {
  try {
    const owner = statSync(join(dir, marker)).uid;
    return uid === void 0 || owner === uid && statSync(dir).uid === uid;
  } catch {
    return false;
  }
}
function safeRealpath(path3) {
  try {
    return realpathSync(path3);
  } catch {
    return path3;
  }
}

// src/ensure/ensure.ts
function userSettings() {
  const user = readConfigFile(userConfigPath());
  return { ...defaultSettings, ...Object.fromEntries(Object.entries(user ?? {}).filter(([k]) => k in defaultSettings)) };
}
function locateRoot(dir, settings = userSettings()) {
  return findRoot(dir, settings.markers);
}
function projectConfig(root) {
  const file = projectConfigPath(root);
  const read = readProjectFile(file);
  const config = loadConfig(read.state === "trusted" ? { projectFile: file, projectText: read.text } : {});
  return { config, trust: read.state, ...read.problem ? { problem: read.problem } : {} };
}
var START_WAIT_MS = 1e4;
async function ensureRoot(project, opts = {}) {
  const { root, marker } = project;
  const stateDir = stateDirFor(root);
  const { config, trust, problem } = projectConfig(root);
  let started = false;
  const impostors = [];
  let status = await daemonStatus(root, { ensure: true });
  let health;
  if (status.kind === "running" && !olderThan(status.health.version, VERSION)) {
    health = status.health;
  } else {
    mkdirSync(stateDir, { recursive: true, mode: 448 });
    health = await withLock(stateDir, async () => {
      status = await daemonStatus(root, { ensure: true });
      if (status.kind === "running" && !olderThan(status.health.version, VERSION)) return status.health;
      if (status.kind === "running") {
        await stopOld(status.record.pid, status.record.port);
      }
      started = true;
      return startDaemon(root, stateDir, config.settings.portRange, opts.preferPort ?? (status.kind === "none" ? void 0 : status.record.port), impostors);
    });
  }
  const entries = managedEntries(config, health.port);
  const chosen = opts.writeClients === false ? [] : config.settings.clients.map((name) => {
    const adapter = adapters[name];
    if (!adapter) throw new UserError(`unknown client '${name}' in "clients" (known: ${Object.keys(adapters).join(", ")})`, 2);
    return adapter;
  });
  const clients = await syncClients(root, stateDir, chosen, entries);
  const notices = [...impostors.map((why) => `mcp-auto: ${why}; not ours, so the daemon moved to port ${health.port}`), ...noticesFor(root, trust, clients, problem)];
  const token = config.settings.auth === "token" ? readToken(stateDir) : void 0;
  return {
    root,
    marker,
    port: health.port,
    url: `http://127.0.0.1:${health.port}`,
    pid: health.pid,
    started,
    trust,
    servers: entries.map((e) => e.name),
    clients,
    notices,
    ...token ? { token } : {}
  };
}
function olderThan(a, b) {
  const parse = (v) => {
    const [core = "", pre] = v.split("-", 2);
    return { nums: core.split(".").map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  if (x.pre !== void 0 && y.pre === void 0) return true;
  if (x.pre === void 0 || y.pre === void 0) return false;
  return x.pre < y.pre;
}
async function stopOld(pid, port) {
  const sleep = () => new Promise((r) => setTimeout(r, 25));
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + 5e3;
  while (pidAlive(pid) && Date.now() < deadline) await sleep();
  if (pidAlive(pid)) killGroupOf(pid);
  const { canBind } = await import("./port-774GJATW.js");
  const bound = Date.now() + 3e3;
  while (!await canBind(port) && Date.now() < bound) await sleep();
}
async function startDaemon(root, stateDir, range, previousPort, impostors) {
  const tried = /* @__PURE__ */ new Set();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { port, holder, impostors: seen } = await choosePortAvoiding(root, range, tried, previousPort);
    for (const why of seen) if (!impostors.includes(why)) impostors.push(why);
    if (holder === "ours") {
      const health = await fetchHealth(port, { ensure: true });
      if (health) return health;
    }
    tried.add(port);
    const child = spawnDaemon(root, port, stateDir);
    const outcome = await waitForDaemon(child, port, root);
    if (outcome === "port-taken") continue;
    if (outcome === "timeout" || outcome === "exited") {
      throw new UserError(`the daemon for ${root} did not start (${outcome}); see \`mcp-auto logs ${root}\``);
    }
    return outcome;
  }
  throw new UserError(`could not find a port for ${root}; see \`mcp-auto doctor\``);
}
async function choosePortAvoiding(root, range, tried, previous) {
  if (previous !== void 0 && !tried.has(previous)) {
    const { portHolder } = await import("./port-774GJATW.js");
    const { holder, why } = await portHolder(previous, root);
    if (holder === "free" || holder === "ours") return { port: previous, holder, impostors: [] };
    if (why) {
      const choice2 = await choosePort(root, range);
      return { ...choice2, impostors: [why, ...choice2.impostors] };
    }
  }
  const choice = await choosePort(root, range);
  if (!tried.has(choice.port)) return choice;
  throw new UserError(`port ${choice.port} keeps being taken; see \`mcp-auto doctor\``);
}
function spawnDaemon(root, port, stateDir) {
  const log = openSync(join2(stateDir, STDERR_FILE), "w", 384);
  const cli = process.argv[1];
  const child = spawn(process.execPath, [cli, "daemon", "--root", root, "--port", String(port)], {
    detached: true,
    stdio: ["ignore", log, log],
    // Not the project: nothing there may take part in what the daemon runs.
    cwd: stateDir,
    env: process.env
  });
  closeSync(log);
  return child;
}
function waitForDaemon(child, port, root) {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.unref();
      resolve(value);
    };
    child.once("exit", (code) => finish(code === 3 ? "port-taken" : "exited"));
    const timer = setTimeout(() => finish("timeout"), START_WAIT_MS);
    const poll = async () => {
      while (!done) {
        const health = await fetchHealth(port, { timeoutMs: 500, ensure: true });
        if (health?.root === root) return finish(health);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    void poll();
  });
}
function noticesFor(root, trust, clients, problem) {
  const lines = [];
  if (problem) lines.push(`mcp-auto: ${problem}`);
  if (trust === "untrusted") lines.push(`mcp-auto: ${projectConfigPath(root)} is not trusted; run \`mcp-auto trust ${root}\` to use it`);
  for (const c of clients) {
    if (c.error) lines.push(`mcp-auto: ${c.error}`);
    if (c.notice) lines.push(`mcp-auto: ${c.notice}`);
    for (const name of c.conflicts) lines.push(`mcp-auto: ${c.file} already has a '${name}' entry mcp-auto did not write; left as is (rename or remove it)`);
  }
  return lines;
}
function unseenNotices(root, lines) {
  const shownFile = join2(stateDirFor(root), "notices-shown.json");
  let shown = [];
  try {
    shown = JSON.parse(readFileSync(shownFile, "utf8"));
  } catch {
  }
  const config = fileDigest(projectConfigPath(root));
  const key = (line) => createHash("sha256").update(line).update(config).digest("hex").slice(0, 16);
  const fresh = lines.filter((l) => !shown.includes(key(l)));
  if (fresh.length > 0) {
    try {
      writeFileAtomic(shownFile, JSON.stringify([...shown, ...fresh.map(key)].slice(-200)), 384);
    } catch {
    }
  }
  return fresh;
}
function readToken(stateDir) {
  try {
    return readFileSync(join2(stateDir, "token"), "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
function fileDigest(file) {
  const read = readProjectFile(file);
  return read.bytes ? createHash("sha256").update(read.bytes).digest("hex") : read.state;
}
function writeNotices(file, lines) {
  if (lines.length === 0) return;
  mkdirSync(join2(file, ".."), { recursive: true, mode: 448 });
  appendFileSync(file, `${lines.join("\n")}
`, { mode: 384 });
}
function linkIdleMarker(noticeFile, root) {
  const link = `${noticeFile}.daemon`;
  const temp = `${link}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(link), { recursive: true, mode: 448 });
    rmSync(temp, { force: true });
    symlinkSync(join2(stateDirFor(root), IDLE_STOPPED), temp);
    renameSync(temp, link);
    for (const name of readdirSync(dirname(link))) {
      const shell = /^(\d+)\.daemon$/.exec(name);
      if (shell && !pidAlive(Number(shell[1]))) rmSync(join2(dirname(link), name), { force: true });
    }
  } catch {
  }
}

export {
  killGroupOf,
  rssMb,
  userSettings,
  locateRoot,
  projectConfig,
  ensureRoot,
  olderThan,
  unseenNotices,
  readToken,
  writeNotices,
  linkIdleMarker
};
//# sourceMappingURL=chunk-IED5TB7I.js.map
