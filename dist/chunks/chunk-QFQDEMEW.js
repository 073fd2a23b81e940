#!/usr/bin/env node
import {
  ConfigError,
  oneLine
} from "./chunk-AIQ3PVV7.js";
import {
  configDir
} from "./chunk-RB6Z466D.js";

// src/config/config.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";

// src/util/suggest.ts
function distance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[a.length][b.length];
}
function didYouMean(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const n = distance(word.toLowerCase(), c.toLowerCase());
    if (n < bestDistance) [best, bestDistance] = [c, n];
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best !== void 0 && bestDistance <= allowed ? ` (did you mean ${best}?)` : "";
}

// src/config/presets.ts
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { existsSync, readFileSync } from "node:fs";

// src/util/on-path.ts
import { accessSync, constants } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";
function onPath(command, path = process.env.PATH ?? "") {
  const candidates = isAbsolute(command) || command.includes("/") ? [command] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, command));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// src/config/presets.ts
var require2 = createRequire(import.meta.url);
function npmServer(pkg, version, args) {
  try {
    const manifestPath = require2.resolve(`${pkg}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
    const script = bin && join2(dirname(manifestPath), bin);
    if (script && existsSync(script)) return { command: process.execPath, args: [script, ...args] };
  } catch {
  }
  return { command: "npx", args: ["-y", `${pkg}@${version}`, ...args] };
}
var SERENA_VERSION = "1.7.0";
var SERENA_ARGS = [
  "start-mcp-server",
  "--context",
  "claude-code",
  "--project",
  "{root}",
  // No browser tab on every cd (the dashboard stays reachable: serena's open_dashboard tool).
  "--open-web-dashboard",
  "false",
  // serena logs every tool call at INFO (~2 KB each): the daemon's log keeps warnings.
  "--log-level",
  "WARNING",
  "--transport",
  "streamable-http",
  "--host",
  "127.0.0.1",
  "--port",
  "{port}"
];
var presets = {
  memory: () => ({
    ...npmServer("@modelcontextprotocol/server-memory", "2026.8.31", []),
    // One knowledge graph per project, kept beside the daemon's state.
    env: { MEMORY_FILE_PATH: "{state}/memory.jsonl" },
    analyses: false
  }),
  // Reads and writes files as asked; never runs them.
  filesystem: () => ({ ...npmServer("@modelcontextprotocol/server-filesystem", "2026.8.31", ["{root}"]), analyses: false }),
  everything: () => ({ ...npmServer("@modelcontextprotocol/server-everything", "2026.8.31", ["stdio"]), analyses: false }),
  serena: () => ({
    // An installed `serena` first; else the pinned PyPI release through uvx.
    ...onPath("serena") ? { command: "serena", args: SERENA_ARGS } : { command: "uvx", args: ["--from", `serena-agent==${SERENA_VERSION}`, "serena", ...SERENA_ARGS] },
    // An http child, not a shared stdio one: serena keeps state per MCP session
    // (its initial_instructions tells each session its active project once), and
    // behind one stdio child every session after the first would lose it. Here
    // every client session is its own upstream session; the daemon still runs
    // one serena and one language server per project. Sampling and elicitation
    // reach the session that asked, too.
    transport: "http",
    path: "/mcp",
    // serena indexes with a language server: its first start is slow, so it
    // starts with the daemon — in the user's own roots only, since language
    // servers run project content (build scripts, proc macros, tsserver plugins).
    startTimeoutMs: 18e4,
    start: "eager",
    analyses: true
  })
};

// src/config/config.ts
var defaultSettings = {
  // Below Linux's ephemeral range (32768+) and the BSD/Windows one (49152+).
  portRange: [24e3, 26999],
  idleTimeoutMinutes: 30,
  markers: [".mcp-auto.json", ".git", ".serena/project.yml", ".mcp.json"],
  clients: ["claude"],
  // Linux: no token, the daemon lets in only its owner's processes (peer uid
  // from /proc/net/tcp). Elsewhere the peer cannot be seen: token auth (untested; SECURITY.md).
  auth: process.platform === "linux" ? "none" : "token",
  trustedRoots: []
};
var PROJECT_CONFIG = ".mcp-auto.json";
var USER_CONFIG_NAME = "config";
function userConfigPath() {
  return join3(configDir(), `${USER_CONFIG_NAME}.json`);
}
function projectConfigPath(root) {
  return join3(root, PROJECT_CONFIG);
}
function readConfigFile(file) {
  const { config, problems } = checkConfigFile(file);
  if (problems.length > 0) throw ConfigError.all(problems);
  return config;
}
function checkConfigFile(file, given) {
  let text;
  if (given !== void 0) text = given;
  else try {
    text = readFileSync2(file, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return { problems: [] };
    const code = error.code;
    return { problems: [new ConfigError(file, void 0, code === "EISDIR" ? "is a directory, not a file" : oneLine(error))] };
  }
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problems: [new ConfigError(file, void 0, `not valid JSON (${oneLine(error)})`)] };
  }
  return validateConfig(file, data);
}
function parseConfig(file, text) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigError(file, void 0, `not valid JSON (${oneLine(error)})`);
  }
  const { config, problems } = validateConfig(file, data);
  if (problems.length > 0) throw ConfigError.all(problems);
  return config;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
var isStringMap = (v) => isObject(v) && Object.values(v).every((s) => typeof s === "string");
var KNOWN_KEYS = /* @__PURE__ */ new Set(["$schema", "servers", "defaults", "portRange", "idleTimeoutMinutes", "markers", "clients", "auth", "trustedRoots"]);
var SPEC_KEYS = /* @__PURE__ */ new Set(["preset", "command", "args", "env", "cwd", "transport", "path", "client", "startTimeoutMs", "start", "analyses", "tools"]);
function validateConfig(file, data) {
  if (!isObject(data)) return { problems: [new ConfigError(file, void 0, "must be a JSON object")] };
  const problems = [];
  const clean = { ...data };
  const fail = (key, detail, drop = [key]) => {
    problems.push(new ConfigError(file, key, detail));
    if (drop.length === 2 && isObject(clean[drop[0]])) {
      const { [drop[1]]: _, ...rest } = clean[drop[0]];
      clean[drop[0]] = rest;
    } else {
      delete clean[drop[0]];
    }
  };
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) fail(key, `unknown key${didYouMean(key, KNOWN_KEYS)} (known: ${[...KNOWN_KEYS].slice(1).join(", ")})`);
  }
  const { servers, defaults, portRange, idleTimeoutMinutes, markers, clients, auth, trustedRoots } = data;
  if (servers !== void 0) {
    if (isStringArray(servers)) {
    } else if (isObject(servers)) {
      for (const [name, spec] of Object.entries(servers)) validateSpec((key, detail) => fail(key, detail, ["servers", name]), `servers.${name}`, name, spec);
    } else {
      fail("servers", "must be an object of server definitions or a list of names");
    }
  }
  if (defaults !== void 0 && !isStringArray(defaults)) fail("defaults", "must be a list of server names");
  if (portRange !== void 0) {
    const ok = Array.isArray(portRange) && portRange.length === 2 && portRange.every((p) => Number.isInteger(p) && p >= 1024 && p <= 65535) && portRange[0] <= portRange[1];
    if (!ok) fail("portRange", "must be [low, high], whole numbers from 1024 to 65535, low <= high");
  }
  if (idleTimeoutMinutes !== void 0 && !(typeof idleTimeoutMinutes === "number" && idleTimeoutMinutes >= 0)) {
    fail("idleTimeoutMinutes", "must be a number of minutes, 0 for never");
  }
  if (markers !== void 0 && !(isStringArray(markers) && markers.length > 0)) fail("markers", "must be a non-empty list of file names");
  if (clients !== void 0 && !isStringArray(clients)) fail("clients", "must be a list of client names");
  if (auth !== void 0 && auth !== "none" && auth !== "token") fail("auth", 'must be "none" or "token"');
  if (trustedRoots !== void 0 && !(isStringArray(trustedRoots) && trustedRoots.every((p) => p.startsWith("/") || p === "~" || p.startsWith("~/")))) {
    fail("trustedRoots", 'must be a list of absolute paths or globs, e.g. ["~/code/*"]');
  }
  return { config: clean, problems };
}
function validateSpec(fail, key, name, spec) {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) return fail(key, "a server name may use letters, digits, _ . - (at most 64)");
  if (typeof spec === "boolean") return;
  if (!isObject(spec)) return fail(key, "must be true, false or a server definition object");
  for (const k of Object.keys(spec)) {
    if (!SPEC_KEYS.has(k)) fail(`${key}.${k}`, `unknown key${didYouMean(k, SPEC_KEYS)} (known: ${[...SPEC_KEYS].join(", ")})`);
  }
  const s = spec;
  if (s.preset !== void 0 && !(typeof s.preset === "string" && s.preset in presets)) {
    fail(`${key}.preset`, `unknown preset${typeof s.preset === "string" ? didYouMean(s.preset, Object.keys(presets)) : ""} (known: ${Object.keys(presets).join(", ")})`);
  }
  if (s.command !== void 0 && !(typeof s.command === "string" && s.command.length > 0)) fail(`${key}.command`, "must be a non-empty string");
  if (s.args !== void 0 && !isStringArray(s.args)) fail(`${key}.args`, "must be a list of strings");
  if (s.env !== void 0 && !isStringMap(s.env)) fail(`${key}.env`, "must be an object of string values");
  if (s.cwd !== void 0 && typeof s.cwd !== "string") fail(`${key}.cwd`, "must be a string");
  if (s.transport !== void 0 && s.transport !== "stdio" && s.transport !== "http") fail(`${key}.transport`, 'must be "stdio" or "http"');
  if (s.path !== void 0 && !(typeof s.path === "string" && s.path.startsWith("/"))) fail(`${key}.path`, "must be a path starting with /");
  if (s.client !== void 0 && s.client !== "http" && s.client !== "sse") fail(`${key}.client`, 'must be "http" or "sse"');
  if (s.startTimeoutMs !== void 0 && !(typeof s.startTimeoutMs === "number" && s.startTimeoutMs > 0)) fail(`${key}.startTimeoutMs`, "must be a positive number");
  if (s.tools !== void 0) validateToolFilter(fail, `${key}.tools`, s.tools);
  if (s.start !== void 0 && s.start !== "lazy" && s.start !== "eager") fail(`${key}.start`, 'must be "lazy" (with the first client session) or "eager" (with the daemon)');
  if (s.analyses !== void 0 && typeof s.analyses !== "boolean") fail(`${key}.analyses`, "must be true (it analyses or executes project content) or false");
}
function validateToolFilter(fail, key, tools) {
  const example = 'e.g. {"allow": ["echo", "get-*"]} or {"deny": ["*-long-*"]}';
  if (!isObject(tools)) return fail(key, `must be an object with "allow" or "deny", ${example}`);
  const keys = Object.keys(tools);
  for (const k of keys) {
    if (k !== "allow" && k !== "deny") return fail(`${key}.${k}`, `unknown key${didYouMean(k, ["allow", "deny"])} (known: allow, deny), ${example}`);
  }
  if (keys.length !== 1) return fail(key, `give either "allow" or "deny" (not both, not neither), ${example}`);
  const list = tools[keys[0]];
  if (!(isStringArray(list) && list.every((name) => name.length > 0))) {
    fail(`${key}.${keys[0]}`, "must be a list of tool names (globs with * and ? allowed)");
  }
}
function specsOf(config) {
  const servers = config?.servers;
  if (!servers) return {};
  if (Array.isArray(servers)) return Object.fromEntries(servers.map((name) => [name, true]));
  return servers;
}
function resolveServer(file, key, name, spec, userSpecs, fromProject) {
  const own = typeof spec === "object" ? spec : {};
  const userSpec = userSpecs[name];
  const userBase = typeof userSpec === "object" && userSpec !== own ? userSpec : {};
  const presetName = own.preset ?? userBase.preset ?? (presets[name] ? name : void 0);
  const preset = presetName ? presets[presetName]() : {};
  const merged = { ...preset, ...userBase, ...own };
  const ownCommand = own.command !== void 0 || userBase.command !== void 0;
  const ownProjectCommand = fromProject && own.command !== void 0;
  const analyses = own.analyses ?? userBase.analyses ?? (ownCommand ? void 0 : preset.analyses) ?? true;
  if (!merged.command) {
    const known = [...Object.keys(presets), ...Object.keys(userSpecs)].filter((n) => n !== name);
    const what = key === "defaults" ? `'${name}' is neither a preset nor a server in "servers"` : spec === true ? `no preset named '${name}'` : "no command";
    throw new ConfigError(file, key, `${what}${didYouMean(name, known)}: give "command", or use a preset (${Object.keys(presets).join(", ")})`);
  }
  return {
    name,
    command: merged.command,
    args: merged.args ?? [],
    env: { ...preset.env ?? {}, ...userBase.env ?? {}, ...own.env ?? {} },
    // A trusted project server runs in its project, as a client would start it;
    // a user or preset server in a neutral folder, getting the project as an argument.
    cwd: merged.cwd ?? (ownProjectCommand ? "{root}" : ""),
    fromProject: ownProjectCommand,
    transport: merged.transport ?? "stdio",
    path: merged.path ?? "/mcp",
    client: merged.client ?? "http",
    startTimeoutMs: merged.startTimeoutMs ?? 6e4,
    start: merged.start ?? "lazy",
    analyses,
    ...merged.tools ? { tools: merged.tools } : {}
  };
}
function loadConfig(options = {}) {
  const userFile = userConfigPath();
  const files = [];
  const problems = [];
  const attempt = (read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      return void 0;
    }
  };
  const lenient = (file, text) => {
    const { config, problems: found } = checkConfigFile(file, text);
    problems.push(...found);
    return config;
  };
  const user = options.userConfig ?? lenient(userFile);
  if (user) files.push(userFile);
  const project = options.projectFile ? lenient(options.projectFile, options.projectText) : void 0;
  if (project?.trustedRoots !== void 0) problems.push(new ConfigError(options.projectFile, "trustedRoots", "belongs in the user config only"));
  if (project && options.projectFile) files.push(options.projectFile);
  const settings = { ...defaultSettings };
  for (const layer of [user, project]) {
    if (!layer) continue;
    if (layer.portRange) settings.portRange = layer.portRange;
    if (layer.idleTimeoutMinutes !== void 0) settings.idleTimeoutMinutes = layer.idleTimeoutMinutes;
    if (layer.markers) settings.markers = layer.markers;
    if (layer.clients) settings.clients = layer.clients;
    if (layer.auth) settings.auth = layer.auth;
  }
  if (user?.trustedRoots) settings.trustedRoots = user.trustedRoots;
  const userSpecs = specsOf(user);
  const wanted = /* @__PURE__ */ new Map();
  for (const name of user?.defaults ?? ["memory"]) {
    wanted.set(name, { file: userFile, key: userSpecs[name] === void 0 ? "defaults" : `servers.${name}`, spec: userSpecs[name] ?? true });
  }
  for (const [name, spec] of Object.entries(userSpecs)) {
    if (spec !== false && !wanted.has(name)) wanted.set(name, { file: userFile, key: `servers.${name}`, spec });
    if (spec === false) wanted.delete(name);
  }
  for (const [name, spec] of Object.entries(specsOf(project))) {
    if (spec === false) wanted.delete(name);
    else wanted.set(name, { file: options.projectFile, key: `servers.${name}`, spec });
  }
  const servers = /* @__PURE__ */ new Map();
  for (const [name, { file, key, spec }] of wanted) {
    const def = attempt(() => resolveServer(file, key, name, spec, userSpecs, file === options.projectFile && file !== userFile));
    if (def) servers.set(name, def);
  }
  if (problems.length > 0) throw ConfigError.all(problems);
  return { settings, servers, files };
}
function expand(value, vars) {
  return value.replace(/\{(root|port|name|state)\}/g, (whole, key) => {
    const v = vars[key];
    return v === void 0 ? whole : String(v);
  });
}

export {
  onPath,
  presets,
  defaultSettings,
  PROJECT_CONFIG,
  USER_CONFIG_NAME,
  userConfigPath,
  projectConfigPath,
  readConfigFile,
  parseConfig,
  loadConfig,
  expand
};
//# sourceMappingURL=chunk-QFQDEMEW.js.map
