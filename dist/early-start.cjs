'use strict';
var __mcpAutoUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/daemon/early-start.ts
var early_start_exports = {};
__export(early_start_exports, {
  EarlyStart: () => EarlyStart,
  parseDaemonArgs: () => parseDaemonArgs,
  readDaemonConfig: () => readDaemonConfig,
  startEarlyFor: () => startEarlyFor,
  takeEarlyStart: () => takeEarlyStart
});
module.exports = __toCommonJS(early_start_exports);
var import_node_fs9 = require("node:fs");
var import_node_perf_hooks = require("node:perf_hooks");

// src/config/config.ts
var import_node_fs3 = require("node:fs");
var import_node_path5 = require("node:path");

// src/util/terminal.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function safeText(text) {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
var ConfigError = class _ConfigError extends UserError {
  constructor(file, key, detail) {
    const shown = key && /[\u0000-\u001f\u007f\u2028\u2029]/.test(key) ? JSON.stringify(key) : key;
    super(`${file}${shown ? `: ${shown}` : ""}: ${detail}`, 2);
    this.file = file;
    this.key = key;
    this.problems = [this];
  }
  file;
  key;
  /** Every problem found in one go (a user fixes them all at once); the message lists them all, on one line. */
  problems;
  /** One error standing for all of `errors` (at least one). */
  static all(errors) {
    const problems = errors.flatMap((e) => e.problems);
    const first = errors[0];
    if (problems.length === 1) return first;
    const all = new _ConfigError(first.file, first.key, "");
    all.message = problems.map((p) => p.message).join("; ");
    all.problems = problems;
    return all;
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function oneLine(error, max = 200) {
  const text = errorMessage(error).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

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

// src/config/paths.ts
var import_node_crypto = require("node:crypto");
var import_node_path2 = require("node:path");

// src/config/dirs.ts
var import_node_os = require("node:os");
var import_node_path = require("node:path");
function xdg(name, fallback) {
  const value = process.env[name];
  return value && value.startsWith("/") ? value : (0, import_node_path.join)((0, import_node_os.homedir)(), fallback);
}
function configDir() {
  return (0, import_node_path.join)(xdg("XDG_CONFIG_HOME", ".config"), "mcp-auto");
}
function stateHome() {
  return (0, import_node_path.join)(xdg("XDG_STATE_HOME", ".local/state"), "mcp-auto");
}

// src/config/paths.ts
function rootHash(root) {
  return (0, import_node_crypto.createHash)("sha256").update(root).digest("hex").slice(0, 16);
}
function stateDirFor(root) {
  return (0, import_node_path2.join)(stateHome(), rootHash(root));
}

// src/config/presets.ts
var import_node_module = require("node:module");
var import_node_path4 = require("node:path");
var import_node_fs2 = require("node:fs");

// src/util/on-path.ts
var import_node_fs = require("node:fs");
var import_node_path3 = require("node:path");
function onPath(command, path = process.env.PATH ?? "") {
  const candidates = (0, import_node_path3.isAbsolute)(command) || command.includes("/") ? [command] : path.split(import_node_path3.delimiter).filter(Boolean).map((dir) => (0, import_node_path3.join)(dir, command));
  return candidates.find((file) => {
    try {
      (0, import_node_fs.accessSync)(file, import_node_fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// src/config/presets.ts
var require2 = (0, import_node_module.createRequire)(__mcpAutoUrl);
function npmServer(pkg, version, args) {
  try {
    const manifestPath = require2.resolve(`${pkg}/package.json`);
    const manifest = JSON.parse((0, import_node_fs2.readFileSync)(manifestPath, "utf8"));
    const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
    const script = bin && (0, import_node_path4.join)((0, import_node_path4.dirname)(manifestPath), bin);
    if (script && (0, import_node_fs2.existsSync)(script)) return { command: process.execPath, args: [script, ...args] };
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
  return (0, import_node_path5.join)(configDir(), `${USER_CONFIG_NAME}.json`);
}
function projectConfigPath(root) {
  return (0, import_node_path5.join)(root, PROJECT_CONFIG);
}
function checkConfigFile(file, given) {
  let text;
  if (given !== void 0) text = given;
  else try {
    text = (0, import_node_fs3.readFileSync)(file, "utf8");
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
  const attempt = (read2) => {
    try {
      return read2();
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

// src/config/roots.ts
var import_node_fs4 = require("node:fs");
var import_node_os2 = require("node:os");
var import_node_path6 = require("node:path");
function recordsDir() {
  return (0, import_node_path6.join)(stateHome(), "roots");
}
function globMatches(pattern, path) {
  const expanded = pattern === "~" || pattern.startsWith("~/") ? (0, import_node_path6.join)((0, import_node_os2.homedir)(), pattern.slice(1)) : pattern;
  const trimmed = expanded.length > 1 ? expanded.replace(/\/+$/, "") : expanded;
  let source = "";
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === "*" && trimmed[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(path);
}
function isUsersRoot(root, trustedRoots) {
  if (trustedRoots.some((pattern) => globMatches(pattern, root))) return true;
  try {
    return (0, import_node_fs4.readFileSync)((0, import_node_path6.join)(recordsDir(), rootHash(root)), "utf8") === `${root}
`;
  } catch {
    return false;
  }
}

// src/config/trust.ts
var import_node_crypto2 = require("node:crypto");
var import_node_fs5 = require("node:fs");
var import_node_path8 = require("node:path");

// src/util/safe-path.ts
var import_node_path7 = require("node:path");
var MAX_PROJECT_FILE = 4 << 20;
function within(root, path) {
  const rel = (0, import_node_path7.relative)(root, path);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path7.isAbsolute)(rel);
}

// src/config/trust.ts
function trustDir() {
  return (0, import_node_path8.join)(stateHome(), "trust");
}
function digest(file, content) {
  return (0, import_node_crypto2.createHash)("sha256").update(file).update("\0").update(content).digest("hex");
}
function readProjectFile(file) {
  let real2 = file;
  try {
    if ((0, import_node_fs5.lstatSync)(file).isSymbolicLink()) {
      real2 = (0, import_node_fs5.realpathSync)(file);
      const root = (0, import_node_fs5.realpathSync)((0, import_node_path8.dirname)(file));
      if (!within(root, real2)) return { state: "unsafe", problem: `${file} is a symlink out of the project (to ${real2}); not used` };
    }
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  let fd;
  try {
    fd = (0, import_node_fs5.openSync)(real2, import_node_fs5.constants.O_RDONLY | import_node_fs5.constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  try {
    const info = (0, import_node_fs5.fstatSync)(fd);
    if (!info.isFile()) return { state: "unsafe", problem: `${file} is not a regular file; not used` };
    if (info.size > MAX_PROJECT_FILE) return { state: "unsafe", problem: `${file} is larger than ${MAX_PROJECT_FILE >> 20} MB; not used` };
    const uid = process.geteuid?.();
    if (uid !== void 0 && info.uid !== uid) return { state: "unsafe", problem: `${file} belongs to another user (uid ${info.uid}); not used` };
    if (info.mode & 2 || info.mode & 16 && info.gid !== process.getegid?.()) {
      return { state: "unsafe", problem: `${file} is writable by other users; run \`chmod go-w ${file}\`, then \`mcp-auto trust\`` };
    }
    const bytes = Buffer.alloc(info.size);
    let length = 0;
    while (length < bytes.length) {
      const n = (0, import_node_fs5.readSync)(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    const content = bytes.subarray(0, length);
    const state = (0, import_node_fs5.existsSync)((0, import_node_path8.join)(trustDir(), digest(file, content))) ? "trusted" : "untrusted";
    return { state, text: content.toString("utf8"), bytes: content };
  } finally {
    (0, import_node_fs5.closeSync)(fd);
  }
}

// src/util/args.ts
var import_node_util = require("node:util");
function parse(command, argv, options, allowPositionals = true) {
  try {
    return (0, import_node_util.parseArgs)({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UserError(`${command}: ${errorMessage(error).replace(/\. To specify.*$/s, "")}; see \`mcp-auto ${command} --help\``, 2);
  }
}

// src/daemon/child.ts
var import_node_events = require("node:events");
var import_node_net = require("node:net");
var import_node_child_process = require("node:child_process");

// src/daemon/launch.ts
var import_node_fs6 = require("node:fs");
var import_node_path9 = require("node:path");
function neutralDir(stateDir) {
  const dir = (0, import_node_path9.join)(stateDir, "cwd");
  (0, import_node_fs6.mkdirSync)(dir, { recursive: true, mode: 448 });
  return dir;
}
function real(path) {
  try {
    return (0, import_node_fs6.realpathSync)(path);
  } catch {
    return path;
  }
}
function launchPlan(def, vars, ctx, baseEnv) {
  const projectMayHelp = def.fromProject || ctx.usersRoot;
  const inProject = (path) => within(ctx.root, real(path));
  let command = expand(def.command, vars);
  const args = def.args.map((a) => expand(a, vars));
  const env = { ...baseEnv, ...Object.fromEntries(Object.entries(def.env).map(([k, v]) => [k, expand(v, vars)])) };
  let cwd = neutralDir(ctx.stateDir);
  if (def.cwd !== "") {
    const wanted = (0, import_node_path9.resolve)(def.fromProject ? ctx.root : cwd, expand(def.cwd, vars));
    if (!inProject(wanted) || projectMayHelp) cwd = wanted;
    else return { refused: `"cwd" ${wanted} is inside a project not marked as yours; only its trusted .mcp-auto.json may run a server there (or \`mcp-auto trust --root\`)` };
  }
  if (!(0, import_node_path9.isAbsolute)(command) && command.includes("/")) {
    if (!def.fromProject) return { refused: `relative command ${command}: a server from the user config needs a command name or an absolute path` };
    command = (0, import_node_path9.resolve)(ctx.root, command);
  }
  if ((0, import_node_path9.isAbsolute)(command) && inProject(command) && !projectMayHelp) {
    return { refused: `command ${command} is inside a project not marked as yours; only its trusted .mcp-auto.json may run it (or \`mcp-auto trust --root\`)` };
  }
  if (!projectMayHelp) {
    env.PATH = (env.PATH ?? "").split(import_node_path9.delimiter).filter((dir) => (0, import_node_path9.isAbsolute)(dir) && !inProject(dir)).join(import_node_path9.delimiter);
  }
  return { command, args, cwd, env };
}

// src/util/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/gateway/jsonrpc.ts
function isResponse(m) {
  return !("method" in m) && ("result" in m || "error" in m);
}
function isRequestId(v) {
  return typeof v === "string" || typeof v === "number" && Number.isFinite(v);
}
function isMessage(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const m = v;
  if (m.jsonrpc !== "2.0") return false;
  if ("method" in m) {
    if (typeof m.method !== "string") return false;
    if ("id" in m && m.id !== void 0 && !isRequestId(m.id)) return false;
    return m.params === void 0 || typeof m.params === "object" && m.params !== null;
  }
  return ("result" in m || "error" in m) && (m.id === null || isRequestId(m.id));
}

// src/util/redact.ts
var MASK = "[redacted]";
var RULES = [
  // Authorization: Bearer xyz / Basic xyz / token xyz
  [/\b(authorization\s*[:=]\s*["']?)(?:(bearer|basic|token)\s+)?[^\s"',;]+/gi, `$1$2 ${MASK}`],
  [/\b(bearer|token)\s+[A-Za-z0-9\-._~+/]{8,}=*/gi, `$1 ${MASK}`],
  // NAME_KEY=value, "apiKey": "value", password: value, --client-secret value
  [/(\b[\w.-]*(?:key|token|secret|passw(?:or)?d|pwd|credentials?|auth)\b["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi, `$1${MASK}`],
  [/(--[\w-]*(?:key|token|secret|password)[\s=]+)(\S+)/gi, `$1${MASK}`],
  // user:password@ in a URL
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, `$1${MASK}@`],
  // Well-known token shapes (GitHub, OpenAI/Anthropic, Slack, AWS, JWT)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+)/g, MASK]
];
function redact(line) {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

// src/ensure/peer.ts
var import_node_fs7 = require("node:fs");
var LISTEN = "0A";
function canSeeSockets() {
  return (0, import_node_fs7.existsSync)("/proc/net/tcp");
}
function hexAddress(address) {
  const mapped = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (mapped) {
    const v4 = mapped.slice(1, 5).reverse().map((n) => Number(n).toString(16).padStart(2, "0")).join("").toUpperCase();
    return { v4, v6: `0000000000000000FFFF0000${v4}` };
  }
  const [head = "", tail = ""] = address.split("::");
  const parts = (s) => s ? s.split(":") : [];
  const h = parts(head);
  const t = parts(tail);
  const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t].map((g) => g.padStart(4, "0"));
  let v6 = "";
  for (let w = 0; w < 4; w++) {
    const word = groups[w * 2] + groups[w * 2 + 1];
    v6 += word.match(/../g).reverse().join("");
  }
  return { v6: v6.toUpperCase() };
}
var hexPort = (port) => port.toString(16).toUpperCase().padStart(4, "0");
function scan(table, local, remote, listening) {
  const needle = ` ${local} `;
  let at = table.indexOf(needle);
  while (at >= 0) {
    const end = table.indexOf("\n", at);
    const line = table.slice(at + 1, end < 0 ? void 0 : end);
    const fields = line.trim().split(/\s+/);
    if (fields.length >= 9 && (remote === void 0 || fields[1] === remote) && (!listening || fields[2] === LISTEN)) {
      return { uid: Number(fields[6]), inode: Number(fields[8]) };
    }
    at = table.indexOf(needle, at + 1);
  }
  return void 0;
}
var buffer = Buffer.allocUnsafe(4096);
function read(file, enough = () => false, piece = buffer.length) {
  let fd;
  let text = "";
  try {
    fd = (0, import_node_fs7.openSync)(file, "r");
    let got;
    while ((got = (0, import_node_fs7.readSync)(fd, buffer, 0, piece, null)) > 0) {
      const from = text.length;
      text += buffer.toString("latin1", 0, got);
      if (enough(text, from)) break;
    }
    return text;
  } catch {
    return "";
  } finally {
    if (fd !== void 0) (0, import_node_fs7.closeSync)(fd);
  }
}
var LISTENING_PIECE = 150;
function listeningUntil(locals) {
  let checked = 0;
  return (text) => {
    for (let end = text.indexOf("\n", checked); end >= 0; end = text.indexOf("\n", checked)) {
      const [, local = "", , state] = text.slice(checked, end).trim().split(/\s+/);
      if (checked > 0 && (state !== LISTEN || locals.includes(local))) return true;
      checked = end + 1;
    }
    return false;
  };
}
function listenerOf(port, address = "127.0.0.1") {
  const p = hexPort(port);
  const { v4, v6 } = hexAddress(address);
  const v4Locals = [...v4 ? [`${v4}:${p}`] : [], `00000000:${p}`];
  const tcp = read("/proc/net/tcp", listeningUntil(v4Locals), LISTENING_PIECE);
  let entry = v4Locals.map((local) => scan(tcp, local, void 0, true)).find((e) => e !== void 0);
  if (!entry) {
    const v6Locals = [`${v6}:${p}`, `00000000000000000000000000000000:${p}`];
    const tcp6 = read("/proc/net/tcp6", listeningUntil(v6Locals), LISTENING_PIECE);
    entry = v6Locals.map((local) => scan(tcp6, local, void 0, true)).find((e) => e !== void 0);
  }
  return entry && entry.inode !== 0 ? entry : void 0;
}
function pidHoldsSocket(pid, inode) {
  const target = `socket:[${inode}]`;
  let fds;
  try {
    fds = (0, import_node_fs7.readdirSync)(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if ((0, import_node_fs7.readlinkSync)(`/proc/${pid}/fd/${fd}`) === target) return true;
    } catch {
    }
  }
  return false;
}
function ownUid() {
  return process.getuid?.();
}
function listenerOwnedBy(port, pid) {
  if (!canSeeSockets()) return void 0;
  const entry = listenerOf(port);
  if (!entry) return { foreign: `nothing is seen listening on port ${port}` };
  if (entry.uid !== ownUid()) return { foreign: `port ${port} is held by another account (uid ${entry.uid})` };
  for (const candidate of groupOf(pid)) if (pidHoldsSocket(candidate, entry.inode)) return { inode: entry.inode };
  return { foreign: `port ${port} is held by a process outside the server's process group` };
}
function groupOf(pid) {
  const pids = [pid];
  let entries = [];
  try {
    entries = (0, import_node_fs7.readdirSync)("/proc");
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    try {
      const stat = (0, import_node_fs7.readFileSync)(`/proc/${name}/stat`, "latin1");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pid) pids.push(Number(name));
    } catch {
    }
  }
  return pids;
}

// src/daemon/child.ts
var CHILD_PROTOCOL_VERSION = "2025-11-25";
var STDERR_TAIL = 20;
var MAX_FAILURES = 6;
var FIRST_BACKOFF_MS = 200;
var MAX_BACKOFF_MS = 3e4;
var STABLE_MS = 3e4;
var STOP_GRACE_MS = 3e3;
var SupervisedChild = class extends import_node_events.EventEmitter {
  constructor(def, ctx) {
    super();
    this.def = def;
    this.ctx = ctx;
  }
  def;
  ctx;
  state = "not-started";
  pid;
  restarts = 0;
  lastError;
  stderrTail = [];
  /** The child's InitializeResult (stdio) — instructions included. */
  initResult;
  /** The internal port of an http child. */
  internalPort;
  listenerInode;
  listenerCheckedAt = 0;
  process;
  /** Settles when the current process has exited (or failed to start). */
  processDone;
  failures = 0;
  readyAt = 0;
  restartTimer;
  generation = 0;
  waiters = [];
  initId = 0;
  /** Starting again after a crash (not a first start): open sessions keep the cached InitializeResult. */
  afterCrash = false;
  /**
   * Starts the server if it has not started yet; a no-op in any other state.
   * Synchronous up to the spawn, so two first sessions at once start one child.
   */
  start() {
    if (this.state !== "not-started") return;
    this.setState("starting");
    void this.spawnChild();
  }
  /** Starting again after a crash with a handshake to replay: an open session need not wait. */
  get replaysInit() {
    return this.state === "starting" && this.afterCrash && this.initResult !== void 0;
  }
  /**
   * Resolves true once ready, false when failed, stopped or out of time.
   * A server not started yet is started: whoever waits for it needs it.
   */
  whenReady(timeoutMs) {
    this.start();
    if (this.state === "ready") return Promise.resolve(true);
    if (this.state === "failed" || this.state === "stopped") return Promise.resolve(false);
    return new Promise((resolve2) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve2(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve2(this.state === "ready");
      };
      this.waiters.push(done);
    });
  }
  /**
   * An http child's port is still held by the socket it listened on (checked
   * at most once a second: cheap on the proxied path). False: someone else's.
   */
  listenerStillOurs() {
    if (this.listenerInode === void 0 || this.internalPort === void 0) return true;
    if (Date.now() - this.listenerCheckedAt < 1e3) return true;
    this.listenerCheckedAt = Date.now();
    return listenerOf(this.internalPort)?.inode === this.listenerInode;
  }
  /** Writes one message to a stdio child; false when it is not running. */
  send(message) {
    const stdin = this.process?.stdin;
    if (!stdin || stdin.destroyed || !stdin.writable) return false;
    stdin.write(`${JSON.stringify(message)}
`);
    return true;
  }
  /** Stops the child (its whole process group) and does not restart it. */
  async stop() {
    this.setState("stopped");
    clearTimeout(this.restartTimer);
    await this.killProcess();
  }
  /** Kills and starts again at once, resetting the crash-loop count (config change, `restart`). */
  async restart() {
    clearTimeout(this.restartTimer);
    this.failures = 0;
    this.afterCrash = false;
    this.generation++;
    await this.killProcess();
    this.emit("down", "restarted by mcp-auto");
    this.setState("starting");
    void this.spawnChild();
  }
  /** A new definition from a config change: restart with it, sessions stay. */
  async redefine(def) {
    this.def = def;
    if (this.state === "not-started") return;
    await this.restart();
  }
  setState(state) {
    this.state = state;
    if (state === "ready" || state === "failed" || state === "stopped") {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }
  vars(port) {
    return { root: this.ctx.root, name: this.def.name, state: this.ctx.stateDir, port };
  }
  async spawnChild() {
    const generation = ++this.generation;
    const def = this.def;
    let port;
    if (def.transport === "http") port = this.internalPort = await freeLoopbackPort();
    const vars = this.vars(port);
    const baseEnv = { ...process.env };
    delete baseEnv.MCP_AUTO_TOKEN;
    const plan = launchPlan(def, vars, { root: this.ctx.root, stateDir: this.ctx.stateDir, usersRoot: this.ctx.usersRoot ?? false }, baseEnv);
    if ("refused" in plan) return this.cannotStart(plan.refused);
    const { command, args, cwd, env: childEnv } = plan;
    this.ctx.log(redact(`server ${def.name}: starting ${command} ${args.join(" ")} (in ${cwd})`));
    let child;
    try {
      child = (0, import_node_child_process.spawn)(command, args, {
        cwd,
        env: childEnv,
        // Own process group, so stopping it also stops what it spawned (npx → node, uvx → python).
        detached: true,
        stdio: [def.transport === "stdio" ? "pipe" : "ignore", def.transport === "stdio" ? "pipe" : "ignore", "pipe"],
        windowsHide: true
      });
    } catch (error) {
      return this.cannotStart(`cannot start ${command}: ${errorMessage(error)}`);
    }
    this.process = child;
    this.pid = child.pid;
    if (child.pid) this.ctx.onSpawn?.(child.pid, command);
    child.stderr?.setEncoding("utf8");
    let partial = "";
    child.stderr?.on("data", (chunk) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) this.stderrLine(line);
    });
    if (def.transport === "stdio") this.readStdout(child, generation);
    child.stdin?.on("error", () => {
    });
    this.processDone = new Promise((resolve2) => {
      let ended = false;
      const end = (reason) => {
        if (ended) return;
        ended = true;
        resolve2();
        if (generation === this.generation) this.onExit(reason);
      };
      child.once("error", (error) => {
        if (child.pid !== void 0 || ended) return;
        ended = true;
        resolve2();
        if (generation !== this.generation) return;
        const missing = error.code === "ENOENT";
        this.cannotStart(missing ? `command not found: ${command} (not on the daemon's PATH, or cwd ${cwd} is missing)` : `cannot start ${command}: ${errorMessage(error)}`);
      });
      child.once("exit", (code, signal) => {
        const timer = setTimeout(() => end(`exited (${signal ?? `code ${code}`})`), 100);
        child.once("close", () => {
          clearTimeout(timer);
          end(`exited (${signal ?? `code ${code}`})`);
        });
      });
    });
    const ready = def.transport === "stdio" ? await this.initialize(generation) : await this.waitForPort(port, generation);
    if (generation !== this.generation) return;
    if (ready === true) {
      this.readyAt = Date.now();
      this.lastError = void 0;
      this.afterCrash = false;
      this.ctx.log(`server ${def.name}: ready (pid ${this.pid})`);
      this.setState("ready");
      this.emit("ready");
    } else if (ready !== "exited") {
      this.lastError = ready;
      this.ctx.log(`server ${def.name}: failed: ${ready}`);
      this.generation++;
      await this.killProcess();
      this.setState("failed");
      this.emit("down", ready);
    }
  }
  /** The command could not be run at all: failed now, no restart loop. */
  cannotStart(reason) {
    this.generation++;
    this.process = void 0;
    this.pid = void 0;
    this.lastError = reason;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.setState("failed");
    this.emit("down", reason);
  }
  stderrLine(raw) {
    if (!raw) return;
    const line = redact(raw);
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift();
    this.ctx.log(`server ${this.def.name} stderr: ${line}`);
  }
  readStdout(child, generation) {
    let pending = "";
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) this.stdoutLine(line, generation);
      }
    });
  }
  stdoutLine(line, generation) {
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      message = void 0;
    }
    if (!isMessage(message)) {
      this.ctx.log(`server ${this.def.name}: ignored ${line.length} characters of non-JSON-RPC output on stdout`);
      return;
    }
    if (generation !== this.generation) return;
    if (isResponse(message) && typeof message.id === "string" && message.id.startsWith("mcp-auto-init-")) {
      this.emit(message.id, message);
      return;
    }
    this.emit("message", message);
  }
  /** The one handshake with the child; its result is replayed to every session. */
  initialize(generation) {
    const id = `mcp-auto-init-${++this.initId}`;
    return new Promise((resolve2) => {
      const timer = setTimeout(() => finish(`did not answer initialize within ${Math.round(this.def.startTimeoutMs / 1e3)} s`), this.def.startTimeoutMs);
      const onDown = () => finish("exited");
      const finish = (outcome) => {
        clearTimeout(timer);
        this.off(id, onResponse);
        this.off("exit", onDown);
        resolve2(outcome);
      };
      const onResponse = (response) => {
        if (response.error || typeof response.result !== "object" || response.result === null) {
          finish(`initialize failed: ${response.error?.message ?? "no result"}`);
          return;
        }
        this.initResult = response.result;
        this.send({ jsonrpc: "2.0", method: "notifications/initialized" });
        finish(true);
      };
      this.on(id, onResponse);
      this.once("exit", onDown);
      if (generation !== this.generation) return finish("exited");
      this.send({
        jsonrpc: "2.0",
        id,
        method: "initialize",
        params: {
          protocolVersion: CHILD_PROTOCOL_VERSION,
          // roots: answered by the gateway with the project root. sampling and
          // elicitation: routed to the client session whose request is in flight.
          capabilities: { roots: { listChanged: true }, sampling: {}, elicitation: {} },
          clientInfo: { name: "mcp-auto", version: VERSION }
        }
      });
    });
  }
  async waitForPort(port, generation) {
    const deadline = Date.now() + this.def.startTimeoutMs;
    while (Date.now() < deadline) {
      if (generation !== this.generation || !this.process || this.process.exitCode !== null || this.process.signalCode !== null) return "exited";
      if (await canConnect(port)) {
        const owner = listenerOwnedBy(port, this.process.pid);
        if (owner && "foreign" in owner) return owner.foreign;
        this.listenerInode = owner?.inode;
        this.listenerCheckedAt = Date.now();
        return true;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return `did not listen on port ${port} within ${Math.round(this.def.startTimeoutMs / 1e3)} s`;
  }
  onExit(reason) {
    this.emit("exit");
    this.process = void 0;
    this.pid = void 0;
    if (this.state === "stopped" || this.state === "failed") return;
    const stable = this.state === "ready" && Date.now() - this.readyAt >= STABLE_MS;
    this.failures = stable ? 1 : this.failures + 1;
    const tail = this.stderrTail.at(-1);
    this.lastError = `${reason}${tail ? `: ${tail}` : ""}`;
    this.ctx.log(`server ${this.def.name}: ${reason}`);
    this.emit("down", reason);
    if (this.failures >= MAX_FAILURES) {
      this.ctx.log(`server ${this.def.name}: failed ${this.failures} times in a row; giving up (mcp-auto restart to try again)`);
      this.setState("failed");
      return;
    }
    this.afterCrash = true;
    this.setState("starting");
    const delay = Math.min(FIRST_BACKOFF_MS * 2 ** (this.failures - 1), MAX_BACKOFF_MS);
    this.restartTimer = setTimeout(() => {
      this.restarts++;
      void this.spawnChild();
    }, delay);
  }
  async killProcess() {
    const pid = this.process?.pid;
    const exited = this.processDone;
    if (!pid || !exited) return;
    killGroup(pid, "SIGTERM");
    const timer = setTimeout(() => killGroup(pid, "SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
    killGroup(pid, "SIGKILL");
  }
};
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
    }
  }
}
function canConnect(port) {
  return new Promise((resolve2) => {
    const socket = (0, import_node_net.createConnection)({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve2(true);
    });
    socket.once("error", () => resolve2(false));
  });
}
function freeLoopbackPort() {
  return new Promise((resolve2, reject) => {
    const server = (0, import_node_net.createServer)();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve2(port));
    });
  });
}

// src/daemon/log.ts
var import_node_fs8 = require("node:fs");
var import_node_path10 = require("node:path");
var LOG_FILE = "daemon.log";
var MAX_BYTES = 1024 * 1024;
var KEEP = 3;
var RotatingLog = class {
  constructor(stateDir, maxBytes = Number(process.env.MCP_AUTO_LOG_BYTES) || MAX_BYTES) {
    this.stateDir = stateDir;
    this.maxBytes = maxBytes;
    this.path = (0, import_node_path10.join)(stateDir, LOG_FILE);
  }
  stateDir;
  maxBytes;
  fd;
  size = 0;
  path;
  write(line) {
    try {
      if (this.fd === void 0) this.open();
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      this.size += (0, import_node_fs8.writeSync)(this.fd, line);
    } catch {
      this.close();
    }
  }
  close() {
    if (this.fd !== void 0) try {
      (0, import_node_fs8.closeSync)(this.fd);
    } catch {
    }
    this.fd = void 0;
  }
  open() {
    this.fd = (0, import_node_fs8.openSync)(this.path, "a", 384);
    this.size = (0, import_node_fs8.fstatSync)(this.fd).size;
  }
  rotate() {
    this.close();
    (0, import_node_fs8.rmSync)((0, import_node_path10.join)(this.stateDir, `${LOG_FILE}.${KEEP}`), { force: true });
    for (let i = KEEP - 1; i >= 1; i--) {
      try {
        (0, import_node_fs8.renameSync)((0, import_node_path10.join)(this.stateDir, `${LOG_FILE}.${i}`), (0, import_node_path10.join)(this.stateDir, `${LOG_FILE}.${i + 1}`));
      } catch {
      }
    }
    (0, import_node_fs8.renameSync)(this.path, (0, import_node_path10.join)(this.stateDir, `${LOG_FILE}.1`));
    this.open();
  }
};
function makeLogger(file, echo = stderrIsWatched(), tap) {
  return (message) => {
    const line = `${(/* @__PURE__ */ new Date()).toISOString()} ${safeText(message)}
`;
    file?.write(line);
    tap?.(line);
    if (echo || !file) process.stderr.write(line);
  };
}
function stderrIsWatched() {
  try {
    return !(0, import_node_fs8.fstatSync)(2).isFile();
  } catch {
    return false;
  }
}
var LogTail = class {
  constructor(keep = 200) {
    this.keep = keep;
  }
  keep;
  lines = [];
  listeners = /* @__PURE__ */ new Set();
  push(line) {
    const text = line.replace(/\n$/, "");
    this.lines.push(text);
    if (this.lines.length > this.keep) this.lines.shift();
    for (const listener of this.listeners) listener(text);
  }
  snapshot() {
    return [...this.lines];
  }
  /** Calls fn with each new line; returns the function that stops it. */
  follow(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
};

// src/daemon/server-state.ts
function startMode(def, usersRoot) {
  return def.start === "eager" && (!def.analyses || usersRoot()) ? "eager" : "lazy";
}

// src/daemon/early-start.ts
function parseDaemonArgs(argv) {
  const { values } = parse("daemon", argv, {
    root: { type: "string" },
    port: { type: "string" },
    "unsafe-expose": { type: "string" },
    "idle-timeout": { type: "string" }
  }, false);
  const idle = values["idle-timeout"] === void 0 ? void 0 : Number(values["idle-timeout"]);
  if (idle !== void 0 && !(idle >= 0)) throw new UserError(`daemon: --idle-timeout must be minutes (0 = never), not '${values["idle-timeout"]}'`, 2);
  if (!values.root || !values.port) throw new UserError("daemon: --root and --port are required; see `mcp-auto daemon --help`", 2);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`daemon: --port must be a port number, not '${values.port}'`, 2);
  let root;
  try {
    root = (0, import_node_fs9.realpathSync)(values.root);
  } catch {
    throw new UserError(`daemon: --root ${values.root} does not exist`, 2);
  }
  return { root, port, ...values["unsafe-expose"] ? { host: values["unsafe-expose"] } : {}, ...idle !== void 0 ? { idleMinutes: idle } : {} };
}
var HANDOFF = /* @__PURE__ */ Symbol.for("mcp-auto.early-start");
function startEarlyFor(argv) {
  let args;
  try {
    args = parseDaemonArgs(argv);
  } catch {
    return;
  }
  if (args.host) return;
  globalThis[HANDOFF] = new EarlyStart(args.root);
}
function takeEarlyStart(root) {
  const handoff = globalThis;
  const early = handoff[HANDOFF];
  handoff[HANDOFF] = void 0;
  return early?.root === root ? early : void 0;
}
function readDaemonConfig(root, log) {
  const projectFile = projectConfigPath(root);
  const read2 = readProjectFile(projectFile);
  if (read2.problem) log(`config: ${read2.problem}`);
  try {
    return loadConfig(read2.state === "trusted" ? { projectFile, projectText: read2.text } : {});
  } catch (error) {
    log(`config: ${errorMessage(error)}; keeping the last good config`);
    return void 0;
  }
}
var EarlyStart = class {
  /** `spawn: false`: the config and log only (a daemon made without an early start). */
  constructor(root, opts = {}) {
    this.root = root;
    this.stateDir = stateDirFor(root);
    (0, import_node_fs9.mkdirSync)(this.stateDir, { recursive: true, mode: 448 });
    this.log = makeLogger(new RotatingLog(this.stateDir), void 0, (line) => this.logTail.push(line));
    this.config = readDaemonConfig(root, this.log);
    const config = this.config ?? loadConfig();
    const early = this;
    const ctx = {
      root,
      stateDir: this.stateDir,
      log: this.log,
      get usersRoot() {
        return early.adopter ? early.adopter.usersRoot() : isUsersRoot(root, config.settings.trustedRoots);
      },
      onSpawn: (pid, command) => this.adopter ? this.adopter.onSpawn(pid, command) : this.spawned.push({ pid, command })
    };
    for (const def of opts.spawn === false ? [] : config.servers.values()) {
      if (startMode(def, () => isUsersRoot(root, config.settings.trustedRoots)) !== "eager") continue;
      const child = new SupervisedChild(def, ctx);
      child.start();
      this.children.set(def.name, child);
    }
    this.spawnedAt = opts.spawn === false ? void 0 : import_node_perf_hooks.performance.now();
  }
  root;
  stateDir;
  logTail = new LogTail();
  log;
  config;
  /** performance.now() once the eager children were spawned (undefined: none spawned here). */
  spawnedAt;
  children = /* @__PURE__ */ new Map();
  spawned = [];
  adopter;
  /** The pids spawned before the daemon held its port (never to be reaped as an earlier daemon's). */
  get pids() {
    return this.spawned.map((c) => c.pid);
  }
  /** Hands the children over: what they spawned so far is recorded now, later spawns as they come. */
  adopt(adopter) {
    this.adopter = adopter;
    for (const { pid, command } of this.spawned.splice(0)) adopter.onSpawn(pid, command);
  }
  /** The child started for this server, if it was started here (once). */
  take(name) {
    const child = this.children.get(name);
    this.children.delete(name);
    return child;
  }
  /** The port was not ours: what started here stops. */
  async stop() {
    await Promise.all([...this.children.values()].map((c) => c.stop()));
  }
};
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  EarlyStart,
  parseDaemonArgs,
  readDaemonConfig,
  startEarlyFor,
  takeEarlyStart
});
//# sourceMappingURL=early-start.cjs.map
