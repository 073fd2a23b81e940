'use strict';
var __mcpAutoUrl = require('node:url').pathToFileURL(__filename).href;
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/util/terminal.ts
function safeText(text) {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}
var CONTROL;
var init_terminal = __esm({
  "src/util/terminal.ts"() {
    "use strict";
    CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
  }
});

// src/util/errors.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function oneLine(error, max = 200) {
  const text = errorMessage(error).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function reportError(error) {
  console.error(`mcp-auto: ${safeText(errorMessage(error))}`);
  if (!(error instanceof UserError) && process.env.MCP_AUTO_DEBUG) console.error(error);
  return error instanceof UserError ? error.exitCode : 1;
}
var UserError, ConfigError;
var init_errors = __esm({
  "src/util/errors.ts"() {
    "use strict";
    init_terminal();
    UserError = class extends Error {
      constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
      }
      exitCode;
    };
    ConfigError = class _ConfigError extends UserError {
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
  }
});

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
var init_suggest = __esm({
  "src/util/suggest.ts"() {
    "use strict";
  }
});

// src/config/dirs.ts
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
var import_node_os, import_node_path;
var init_dirs = __esm({
  "src/config/dirs.ts"() {
    "use strict";
    import_node_os = require("node:os");
    import_node_path = require("node:path");
  }
});

// src/config/paths.ts
function rootHash(root) {
  return (0, import_node_crypto.createHash)("sha256").update(root).digest("hex").slice(0, 16);
}
function stateDirFor(root) {
  return (0, import_node_path2.join)(stateHome(), rootHash(root));
}
var import_node_crypto, import_node_path2, IDLE_STOPPED;
var init_paths = __esm({
  "src/config/paths.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    import_node_path2 = require("node:path");
    init_dirs();
    init_dirs();
    IDLE_STOPPED = "stopped-idle";
  }
});

// src/util/on-path.ts
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
var import_node_fs, import_node_path3;
var init_on_path = __esm({
  "src/util/on-path.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    import_node_path3 = require("node:path");
  }
});

// src/config/presets.ts
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
var import_node_module, import_node_path4, import_node_fs2, require2, SERENA_VERSION, SERENA_ARGS, presets;
var init_presets = __esm({
  "src/config/presets.ts"() {
    "use strict";
    import_node_module = require("node:module");
    import_node_path4 = require("node:path");
    import_node_fs2 = require("node:fs");
    init_on_path();
    require2 = (0, import_node_module.createRequire)(__mcpAutoUrl);
    SERENA_VERSION = "1.7.0";
    SERENA_ARGS = [
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
    presets = {
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
  }
});

// src/config/config.ts
var config_exports = {};
__export(config_exports, {
  PROJECT_CONFIG: () => PROJECT_CONFIG,
  USER_CONFIG_NAME: () => USER_CONFIG_NAME,
  defaultSettings: () => defaultSettings,
  expand: () => expand,
  loadConfig: () => loadConfig,
  parseConfig: () => parseConfig,
  projectConfigPath: () => projectConfigPath,
  readConfigFile: () => readConfigFile,
  userConfigPath: () => userConfigPath
});
function userConfigPath() {
  return (0, import_node_path5.join)(configDir(), `${USER_CONFIG_NAME}.json`);
}
function projectConfigPath(root) {
  return (0, import_node_path5.join)(root, PROJECT_CONFIG);
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
var import_node_fs3, import_node_path5, defaultSettings, PROJECT_CONFIG, USER_CONFIG_NAME, isObject, isStringArray, isStringMap, KNOWN_KEYS, SPEC_KEYS;
var init_config = __esm({
  "src/config/config.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    import_node_path5 = require("node:path");
    init_errors();
    init_suggest();
    init_paths();
    init_presets();
    defaultSettings = {
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
    PROJECT_CONFIG = ".mcp-auto.json";
    USER_CONFIG_NAME = "config";
    isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === "string");
    isStringMap = (v) => isObject(v) && Object.values(v).every((s) => typeof s === "string");
    KNOWN_KEYS = /* @__PURE__ */ new Set(["$schema", "servers", "defaults", "portRange", "idleTimeoutMinutes", "markers", "clients", "auth", "trustedRoots"]);
    SPEC_KEYS = /* @__PURE__ */ new Set(["preset", "command", "args", "env", "cwd", "transport", "path", "client", "startTimeoutMs", "start", "analyses", "tools"]);
  }
});

// src/util/atomic.ts
function writeFileAtomic(target, data, mode) {
  const path = isSymlink(target) ? (0, import_node_fs4.realpathSync)(target) : target;
  let keepMode = mode;
  if (keepMode === void 0) {
    try {
      keepMode = (0, import_node_fs4.statSync)(path).mode & 511;
    } catch {
      keepMode = 420;
    }
  }
  const tmp = (0, import_node_path6.join)((0, import_node_path6.dirname)(path), `.${(0, import_node_path6.basename)(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = (0, import_node_fs4.openSync)(tmp, "wx", keepMode);
  try {
    (0, import_node_fs4.writeSync)(fd, typeof data === "string" ? Buffer.from(data) : data);
    (0, import_node_fs4.fsyncSync)(fd);
  } catch (error) {
    (0, import_node_fs4.closeSync)(fd);
    try {
      (0, import_node_fs4.unlinkSync)(tmp);
    } catch {
    }
    throw error;
  }
  (0, import_node_fs4.closeSync)(fd);
  try {
    (0, import_node_fs4.renameSync)(tmp, path);
  } catch (error) {
    try {
      (0, import_node_fs4.unlinkSync)(tmp);
    } catch {
    }
    throw error;
  }
}
function isSymlink(path) {
  try {
    return (0, import_node_fs4.lstatSync)(path).isSymbolicLink();
  } catch {
    return false;
  }
}
var import_node_fs4, import_node_path6;
var init_atomic = __esm({
  "src/util/atomic.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    import_node_path6 = require("node:path");
  }
});

// src/config/roots.ts
function recordsDir() {
  return (0, import_node_path7.join)(stateHome(), "roots");
}
function globMatches(pattern, path) {
  const expanded = pattern === "~" || pattern.startsWith("~/") ? (0, import_node_path7.join)((0, import_node_os2.homedir)(), pattern.slice(1)) : pattern;
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
    return (0, import_node_fs5.readFileSync)((0, import_node_path7.join)(recordsDir(), rootHash(root)), "utf8") === `${root}
`;
  } catch {
    return false;
  }
}
var import_node_fs5, import_node_os2, import_node_path7;
var init_roots = __esm({
  "src/config/roots.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    import_node_os2 = require("node:os");
    import_node_path7 = require("node:path");
    init_atomic();
    init_paths();
  }
});

// src/util/safe-path.ts
function within(root, path) {
  const rel = (0, import_node_path8.relative)(root, path);
  return rel === "" || !rel.startsWith("..") && !(0, import_node_path8.isAbsolute)(rel);
}
function pathInside(root, rel) {
  const realRoot = (0, import_node_fs6.realpathSync)(root);
  const parts = rel.split("/").filter(Boolean);
  const shown = (0, import_node_path8.join)(root, rel);
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    const next = (0, import_node_path8.join)(current, parts[i]);
    const what = parts.slice(0, i + 1).join("/");
    let info;
    try {
      info = (0, import_node_fs6.lstatSync)(next);
    } catch (error) {
      if (error.code === "ENOENT") return (0, import_node_path8.join)(next, ...parts.slice(i + 1));
      throw error;
    }
    if (info.isSymbolicLink()) {
      let target;
      try {
        target = (0, import_node_fs6.realpathSync)(next);
      } catch {
        throw new UserError(`${shown}: ${what} is a symlink that does not resolve; left alone, nothing written`);
      }
      if (!within(realRoot, target)) throw new UserError(`${shown}: ${what} is a symlink out of the project (to ${target}); left alone, nothing written`);
      current = target;
      info = (0, import_node_fs6.statSync)(current);
    } else {
      current = next;
    }
    const last = i === parts.length - 1;
    if (!last && !info.isDirectory()) throw new UserError(`${shown}: ${what} is not a folder; left alone, nothing written`);
    if (last && info.isDirectory()) throw new UserError(`${shown} is a directory, not a file; remove or rename it, then run \`mcp-auto ensure\``);
    if (last && !info.isFile()) throw new UserError(`${shown} is not a regular file; left alone, nothing written`);
  }
  return current;
}
function readRegular(file, cap = MAX_PROJECT_FILE) {
  const fd = (0, import_node_fs6.openSync)(file, import_node_fs6.constants.O_RDONLY | import_node_fs6.constants.O_NONBLOCK);
  try {
    const info = (0, import_node_fs6.fstatSync)(fd);
    if (!info.isFile()) throw new Error(`${file} is not a regular file`);
    if (info.size > cap) throw new Error(`${file} is larger than ${cap >> 20} MB`);
    const buffer2 = Buffer.alloc(info.size + 1);
    let length = 0;
    for (; ; ) {
      const n = (0, import_node_fs6.readSync)(fd, buffer2, length, buffer2.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer2.length) throw new Error(`${file} grew while being read`);
    }
    return buffer2.subarray(0, length);
  } finally {
    (0, import_node_fs6.closeSync)(fd);
  }
}
var import_node_fs6, import_node_path8, MAX_PROJECT_FILE;
var init_safe_path = __esm({
  "src/util/safe-path.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    import_node_path8 = require("node:path");
    init_errors();
    MAX_PROJECT_FILE = 4 << 20;
  }
});

// src/config/trust.ts
function trustDir() {
  return (0, import_node_path9.join)(stateHome(), "trust");
}
function digest(file, content) {
  return (0, import_node_crypto2.createHash)("sha256").update(file).update("\0").update(content).digest("hex");
}
function readProjectFile(file) {
  let real2 = file;
  try {
    if ((0, import_node_fs7.lstatSync)(file).isSymbolicLink()) {
      real2 = (0, import_node_fs7.realpathSync)(file);
      const root = (0, import_node_fs7.realpathSync)((0, import_node_path9.dirname)(file));
      if (!within(root, real2)) return { state: "unsafe", problem: `${file} is a symlink out of the project (to ${real2}); not used` };
    }
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  let fd;
  try {
    fd = (0, import_node_fs7.openSync)(real2, import_node_fs7.constants.O_RDONLY | import_node_fs7.constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  try {
    const info = (0, import_node_fs7.fstatSync)(fd);
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
      const n = (0, import_node_fs7.readSync)(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    const content = bytes.subarray(0, length);
    const state = (0, import_node_fs7.existsSync)((0, import_node_path9.join)(trustDir(), digest(file, content))) ? "trusted" : "untrusted";
    return { state, text: content.toString("utf8"), bytes: content };
  } finally {
    (0, import_node_fs7.closeSync)(fd);
  }
}
var import_node_crypto2, import_node_fs7, import_node_path9;
var init_trust = __esm({
  "src/config/trust.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_node_fs7 = require("node:fs");
    import_node_path9 = require("node:path");
    init_atomic();
    init_safe_path();
    init_paths();
  }
});

// src/util/args.ts
function parse(command, argv, options, allowPositionals = true) {
  try {
    return (0, import_node_util.parseArgs)({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UserError(`${command}: ${errorMessage(error).replace(/\. To specify.*$/s, "")}; see \`mcp-auto ${command} --help\``, 2);
  }
}
var import_node_util;
var init_args = __esm({
  "src/util/args.ts"() {
    "use strict";
    import_node_util = require("node:util");
    init_errors();
  }
});

// src/daemon/launch.ts
function neutralDir(stateDir) {
  const dir = (0, import_node_path10.join)(stateDir, "cwd");
  (0, import_node_fs8.mkdirSync)(dir, { recursive: true, mode: 448 });
  return dir;
}
function real(path) {
  try {
    return (0, import_node_fs8.realpathSync)(path);
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
    const wanted = (0, import_node_path10.resolve)(def.fromProject ? ctx.root : cwd, expand(def.cwd, vars));
    if (!inProject(wanted) || projectMayHelp) cwd = wanted;
    else return { refused: `"cwd" ${wanted} is inside a project not marked as yours; only its trusted .mcp-auto.json may run a server there (or \`mcp-auto trust --root\`)` };
  }
  if (!(0, import_node_path10.isAbsolute)(command) && command.includes("/")) {
    if (!def.fromProject) return { refused: `relative command ${command}: a server from the user config needs a command name or an absolute path` };
    command = (0, import_node_path10.resolve)(ctx.root, command);
  }
  if ((0, import_node_path10.isAbsolute)(command) && inProject(command) && !projectMayHelp) {
    return { refused: `command ${command} is inside a project not marked as yours; only its trusted .mcp-auto.json may run it (or \`mcp-auto trust --root\`)` };
  }
  if (!projectMayHelp) {
    env.PATH = (env.PATH ?? "").split(import_node_path10.delimiter).filter((dir) => (0, import_node_path10.isAbsolute)(dir) && !inProject(dir)).join(import_node_path10.delimiter);
  }
  return { command, args, cwd, env };
}
var import_node_fs8, import_node_path10;
var init_launch = __esm({
  "src/daemon/launch.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs");
    import_node_path10 = require("node:path");
    init_config();
    init_safe_path();
  }
});

// src/util/version.ts
var VERSION;
var init_version = __esm({
  "src/util/version.ts"() {
    "use strict";
    VERSION = true ? "0.1.0" : "0.0.0-dev";
  }
});

// src/gateway/jsonrpc.ts
function isRequest(m) {
  return "method" in m && "id" in m && m.id !== void 0 && m.id !== null;
}
function isNotification(m) {
  return "method" in m && !("id" in m && m.id !== void 0 && m.id !== null);
}
function isResponse(m) {
  return !("method" in m) && ("result" in m || "error" in m);
}
function isRequestId(v) {
  return typeof v === "string" || typeof v === "number" && Number.isFinite(v);
}
function asMessages(value) {
  const batch = Array.isArray(value);
  const list = batch ? value : [value];
  if (list.length === 0) return void 0;
  for (const item of list) if (!isMessage(item)) return void 0;
  return { messages: list, batch };
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
function errorResponse(id, code, message, data) {
  return { jsonrpc: "2.0", id, error: data === void 0 ? { code, message } : { code, message, data } };
}
function resultResponse(id, result) {
  return { jsonrpc: "2.0", id, result };
}
var PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INTERNAL_ERROR, SERVER_UNAVAILABLE, REQUEST_TIMEOUT;
var init_jsonrpc = __esm({
  "src/gateway/jsonrpc.ts"() {
    "use strict";
    PARSE_ERROR = -32700;
    INVALID_REQUEST = -32600;
    METHOD_NOT_FOUND = -32601;
    INTERNAL_ERROR = -32603;
    SERVER_UNAVAILABLE = -32e3;
    REQUEST_TIMEOUT = -32001;
  }
});

// src/util/redact.ts
function redact(line) {
  let out = line;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
var MASK, RULES;
var init_redact = __esm({
  "src/util/redact.ts"() {
    "use strict";
    MASK = "[redacted]";
    RULES = [
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
  }
});

// src/ensure/peer.ts
function canSeeSockets() {
  return (0, import_node_fs9.existsSync)("/proc/net/tcp");
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
function read(file, enough = () => false, piece = buffer.length) {
  let fd;
  let text = "";
  try {
    fd = (0, import_node_fs9.openSync)(file, "r");
    let got;
    while ((got = (0, import_node_fs9.readSync)(fd, buffer, 0, piece, null)) > 0) {
      const from = text.length;
      text += buffer.toString("latin1", 0, got);
      if (enough(text, from)) break;
    }
    return text;
  } catch {
    return "";
  } finally {
    if (fd !== void 0) (0, import_node_fs9.closeSync)(fd);
  }
}
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
function peerOf(remoteAddress, remotePort, localAddress, localPort) {
  const peer = hexAddress(remoteAddress);
  const us = hexAddress(localAddress);
  const find = (file, local, remote) => scan(read(file, holds(` ${local} ${remote} `)), local, remote, false);
  let entry;
  if (peer.v4 && us.v4) entry = find("/proc/net/tcp", `${peer.v4}:${hexPort(remotePort)}`, `${us.v4}:${hexPort(localPort)}`);
  entry ??= find("/proc/net/tcp6", `${peer.v6}:${hexPort(remotePort)}`, `${us.v6}:${hexPort(localPort)}`);
  return entry && entry.inode !== 0 ? entry : void 0;
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
    fds = (0, import_node_fs9.readdirSync)(`/proc/${pid}/fd`);
  } catch {
    return false;
  }
  for (const fd of fds) {
    try {
      if ((0, import_node_fs9.readlinkSync)(`/proc/${pid}/fd/${fd}`) === target) return true;
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
    entries = (0, import_node_fs9.readdirSync)("/proc");
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === pid) continue;
    try {
      const stat4 = (0, import_node_fs9.readFileSync)(`/proc/${name}/stat`, "latin1");
      const pgrp = Number(stat4.slice(stat4.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pid) pids.push(Number(name));
    } catch {
    }
  }
  return pids;
}
var import_node_fs9, LISTEN, hexPort, buffer, holds, LISTENING_PIECE;
var init_peer = __esm({
  "src/ensure/peer.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs");
    LISTEN = "0A";
    hexPort = (port) => port.toString(16).toUpperCase().padStart(4, "0");
    buffer = Buffer.allocUnsafe(4096);
    holds = (needle) => (text, from) => {
      const at = text.indexOf(needle, Math.max(0, from - needle.length));
      return at >= 0 && text.indexOf("\n", at) >= 0;
    };
    LISTENING_PIECE = 150;
  }
});

// src/daemon/child.ts
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
  return new Promise((resolve4) => {
    const socket = (0, import_node_net.createConnection)({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve4(true);
    });
    socket.once("error", () => resolve4(false));
  });
}
function freeLoopbackPort() {
  return new Promise((resolve4, reject) => {
    const server = (0, import_node_net.createServer)();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve4(port));
    });
  });
}
var import_node_events, import_node_net, import_node_child_process, CHILD_PROTOCOL_VERSION, STDERR_TAIL, MAX_FAILURES, FIRST_BACKOFF_MS, MAX_BACKOFF_MS, STABLE_MS, STOP_GRACE_MS, SupervisedChild;
var init_child = __esm({
  "src/daemon/child.ts"() {
    "use strict";
    import_node_events = require("node:events");
    import_node_net = require("node:net");
    import_node_child_process = require("node:child_process");
    init_launch();
    init_errors();
    init_version();
    init_jsonrpc();
    init_redact();
    init_peer();
    CHILD_PROTOCOL_VERSION = "2025-11-25";
    STDERR_TAIL = 20;
    MAX_FAILURES = 6;
    FIRST_BACKOFF_MS = 200;
    MAX_BACKOFF_MS = 3e4;
    STABLE_MS = 3e4;
    STOP_GRACE_MS = 3e3;
    SupervisedChild = class extends import_node_events.EventEmitter {
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
        return new Promise((resolve4) => {
          const timer = setTimeout(() => {
            this.waiters = this.waiters.filter((w) => w !== done);
            resolve4(false);
          }, timeoutMs);
          const done = () => {
            clearTimeout(timer);
            resolve4(this.state === "ready");
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
        this.processDone = new Promise((resolve4) => {
          let ended = false;
          const end = (reason) => {
            if (ended) return;
            ended = true;
            resolve4();
            if (generation === this.generation) this.onExit(reason);
          };
          child.once("error", (error) => {
            if (child.pid !== void 0 || ended) return;
            ended = true;
            resolve4();
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
        return new Promise((resolve4) => {
          const timer = setTimeout(() => finish(`did not answer initialize within ${Math.round(this.def.startTimeoutMs / 1e3)} s`), this.def.startTimeoutMs);
          const onDown = () => finish("exited");
          const finish = (outcome) => {
            clearTimeout(timer);
            this.off(id, onResponse);
            this.off("exit", onDown);
            resolve4(outcome);
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
  }
});

// src/daemon/log.ts
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
    return !(0, import_node_fs10.fstatSync)(2).isFile();
  } catch {
    return false;
  }
}
var import_node_fs10, import_node_path11, LOG_FILE, MAX_BYTES, KEEP, RotatingLog, LogTail;
var init_log = __esm({
  "src/daemon/log.ts"() {
    "use strict";
    init_terminal();
    import_node_fs10 = require("node:fs");
    import_node_path11 = require("node:path");
    LOG_FILE = "daemon.log";
    MAX_BYTES = 1024 * 1024;
    KEEP = 3;
    RotatingLog = class {
      constructor(stateDir, maxBytes = Number(process.env.MCP_AUTO_LOG_BYTES) || MAX_BYTES) {
        this.stateDir = stateDir;
        this.maxBytes = maxBytes;
        this.path = (0, import_node_path11.join)(stateDir, LOG_FILE);
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
          this.size += (0, import_node_fs10.writeSync)(this.fd, line);
        } catch {
          this.close();
        }
      }
      close() {
        if (this.fd !== void 0) try {
          (0, import_node_fs10.closeSync)(this.fd);
        } catch {
        }
        this.fd = void 0;
      }
      open() {
        this.fd = (0, import_node_fs10.openSync)(this.path, "a", 384);
        this.size = (0, import_node_fs10.fstatSync)(this.fd).size;
      }
      rotate() {
        this.close();
        (0, import_node_fs10.rmSync)((0, import_node_path11.join)(this.stateDir, `${LOG_FILE}.${KEEP}`), { force: true });
        for (let i = KEEP - 1; i >= 1; i--) {
          try {
            (0, import_node_fs10.renameSync)((0, import_node_path11.join)(this.stateDir, `${LOG_FILE}.${i}`), (0, import_node_path11.join)(this.stateDir, `${LOG_FILE}.${i + 1}`));
          } catch {
          }
        }
        (0, import_node_fs10.renameSync)(this.path, (0, import_node_path11.join)(this.stateDir, `${LOG_FILE}.1`));
        this.open();
      }
    };
    LogTail = class {
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
  }
});

// src/daemon/server-state.ts
function startMode(def, usersRoot) {
  return def.start === "eager" && (!def.analyses || usersRoot()) ? "eager" : "lazy";
}
var init_server_state = __esm({
  "src/daemon/server-state.ts"() {
    "use strict";
  }
});

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
    root = (0, import_node_fs11.realpathSync)(values.root);
  } catch {
    throw new UserError(`daemon: --root ${values.root} does not exist`, 2);
  }
  return { root, port, ...values["unsafe-expose"] ? { host: values["unsafe-expose"] } : {}, ...idle !== void 0 ? { idleMinutes: idle } : {} };
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
var import_node_fs11, import_node_perf_hooks, HANDOFF, EarlyStart;
var init_early_start = __esm({
  "src/daemon/early-start.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs");
    import_node_perf_hooks = require("node:perf_hooks");
    init_config();
    init_paths();
    init_roots();
    init_trust();
    init_args();
    init_errors();
    init_child();
    init_log();
    init_server_state();
    HANDOFF = /* @__PURE__ */ Symbol.for("mcp-auto.early-start");
    EarlyStart = class {
      /** `spawn: false`: the config and log only (a daemon made without an early start). */
      constructor(root, opts = {}) {
        this.root = root;
        this.stateDir = stateDirFor(root);
        (0, import_node_fs11.mkdirSync)(this.stateDir, { recursive: true, mode: 448 });
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
  }
});

// src/clients/claude.ts
var claude;
var init_claude = __esm({
  "src/clients/claude.ts"() {
    "use strict";
    claude = {
      name: "claude",
      file: ".mcp.json",
      format: "json",
      container: ["mcpServers"],
      entry: (s) => ({
        type: s.client,
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: s.headers } : {}
      }),
      expandsEnv: true,
      verified: "cli"
    };
  }
});

// src/clients/entries.ts
function entriesFor(servers, port, auth) {
  const base = `http://127.0.0.1:${port}`;
  const headers = auth === "token" ? { Authorization: "Bearer ${MCP_AUTO_TOKEN}" } : void 0;
  return [...servers].map((s) => ({
    name: s.name,
    url: `${base}/servers/${s.name}/mcp`,
    sseUrl: `${base}/servers/${s.name}/sse`,
    client: s.client,
    ...headers ? { headers } : {}
  }));
}
function managedEntries(config, port) {
  return entriesFor(config.servers.values(), port, config.settings.auth);
}
function mcpConfigText(entries) {
  const mcpServers = Object.fromEntries(entries.map((e) => [e.name, claude.entry(e)]));
  return `${JSON.stringify({ mcpServers }, null, 2)}
`;
}
var init_entries = __esm({
  "src/clients/entries.ts"() {
    "use strict";
    init_claude();
  }
});

// src/clients/codex.ts
var codex;
var init_codex = __esm({
  "src/clients/codex.ts"() {
    "use strict";
    codex = {
      name: "codex",
      file: ".codex/config.toml",
      format: "toml",
      container: ["mcp_servers"],
      entry: (s) => {
        const bearer = /^Bearer \$\{(\w+)\}$/.exec(s.headers?.Authorization ?? "")?.[1];
        const others = Object.entries(s.headers ?? {}).filter(([k]) => !(bearer && k === "Authorization"));
        return {
          url: s.url,
          ...bearer ? { bearer_token_env_var: bearer } : {},
          ...others.length ? { http_headers: Object.fromEntries(others) } : {}
        };
      },
      expandsEnv: true,
      verified: "cli"
    };
  }
});

// src/clients/cursor.ts
function envRefs(headers, ref) {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/\$\{(\w+)\}/g, (_, name) => ref(name))]));
}
var cursor;
var init_cursor = __esm({
  "src/clients/cursor.ts"() {
    "use strict";
    cursor = {
      name: "cursor",
      file: ".cursor/mcp.json",
      format: "json",
      container: ["mcpServers"],
      entry: (s) => ({
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
      }),
      expandsEnv: true,
      verified: "docs"
    };
  }
});

// src/clients/docs-clients.ts
var roo, zed, amazonq, continueDev;
var init_docs_clients = __esm({
  "src/clients/docs-clients.ts"() {
    "use strict";
    init_cursor();
    roo = {
      name: "roo",
      file: ".roo/mcp.json",
      format: "json",
      container: ["mcpServers"],
      entry: (s) => ({
        type: s.client === "sse" ? "sse" : "streamable-http",
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
      }),
      expandsEnv: true,
      verified: "docs"
    };
    zed = {
      name: "zed",
      file: ".zed/settings.json",
      format: "jsonc",
      container: ["context_servers"],
      entry: (s) => ({ url: s.url }),
      expandsEnv: false,
      verified: "docs"
    };
    amazonq = {
      name: "amazonq",
      file: ".amazonq/mcp.json",
      format: "json",
      container: ["mcpServers"],
      entry: (s) => ({ type: "http", url: s.url }),
      expandsEnv: false,
      verified: "docs"
    };
    continueDev = {
      name: "continue",
      file: ".continue/mcpServers/mcp-auto.json",
      format: "json",
      container: ["mcpServers"],
      entry: (s) => ({ type: s.client === "sse" ? "sse" : "streamable-http", url: s.client === "sse" ? s.sseUrl : s.url }),
      expandsEnv: false,
      verified: "docs"
    };
  }
});

// src/clients/gemini.ts
var gemini;
var init_gemini = __esm({
  "src/clients/gemini.ts"() {
    "use strict";
    gemini = {
      name: "gemini",
      file: ".gemini/settings.json",
      format: "jsonc",
      container: ["mcpServers"],
      entry: (s) => ({
        type: s.client,
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: s.headers } : {}
      }),
      expandsEnv: true,
      verified: "cli"
    };
  }
});

// src/clients/opencode.ts
var opencode, kilo;
var init_opencode = __esm({
  "src/clients/opencode.ts"() {
    "use strict";
    init_cursor();
    opencode = {
      name: "opencode",
      file: "opencode.json",
      format: "jsonc",
      container: ["mcp"],
      entry: (s) => ({
        type: "remote",
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: envRefs(s.headers, (name) => `{env:${name}}`) } : {}
      }),
      expandsEnv: true,
      verified: "cli"
    };
    kilo = { ...opencode, name: "kilo", file: ".kilo/kilo.jsonc", verified: "docs" };
  }
});

// src/clients/qwen.ts
var qwen;
var init_qwen = __esm({
  "src/clients/qwen.ts"() {
    "use strict";
    qwen = {
      name: "qwen",
      file: ".qwen/settings.json",
      format: "jsonc",
      container: ["mcpServers"],
      entry: (s) => ({
        ...s.client === "sse" ? { url: s.sseUrl } : { httpUrl: s.url },
        ...s.headers ? { headers: s.headers } : {}
      }),
      expandsEnv: true,
      verified: "cli"
    };
  }
});

// src/clients/vscode.ts
var vscode;
var init_vscode = __esm({
  "src/clients/vscode.ts"() {
    "use strict";
    init_cursor();
    vscode = {
      name: "vscode",
      file: ".vscode/mcp.json",
      format: "jsonc",
      container: ["servers"],
      entry: (s) => ({
        type: s.client,
        url: s.client === "sse" ? s.sseUrl : s.url,
        ...s.headers ? { headers: envRefs(s.headers, (name) => `\${env:${name}}`) } : {}
      }),
      expandsEnv: true,
      verified: "docs"
    };
  }
});

// src/ensure/health-request.ts
var MAX_ANSWER;
var init_health_request = __esm({
  "src/ensure/health-request.ts"() {
    "use strict";
    MAX_ANSWER = 1 << 20;
  }
});

// src/ensure/daemon-state.ts
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function identityProof(secret, nonce, root, port) {
  return (0, import_node_crypto3.createHmac)("sha256", secret).update(`${nonce}
${root}
${port}`).digest("base64url");
}
var import_node_crypto3, IDENTITY_FILE;
var init_daemon_state = __esm({
  "src/ensure/daemon-state.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    init_paths();
    init_peer();
    init_health_request();
    IDENTITY_FILE = "identity";
  }
});

// src/ensure/lock.ts
async function withLock(dir, fn, waitMs = 15e3, name = "lock") {
  const file = (0, import_node_path12.join)(dir, name);
  const deadline = Date.now() + waitMs;
  for (; ; ) {
    try {
      const fd = (0, import_node_fs12.openSync)(file, "wx", 384);
      (0, import_node_fs12.writeSync)(fd, String(process.pid));
      (0, import_node_fs12.closeSync)(fd);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      if (isStale(file)) {
        try {
          (0, import_node_fs12.unlinkSync)(file);
        } catch {
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${file} is held by another mcp-auto; remove it if no mcp-auto is running`);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    return await fn();
  } finally {
    try {
      if ((0, import_node_fs12.readFileSync)(file, "utf8") === String(process.pid)) (0, import_node_fs12.unlinkSync)(file);
    } catch {
    }
  }
}
function isStale(file) {
  try {
    const pid = Number((0, import_node_fs12.readFileSync)(file, "utf8"));
    if (pid > 0 && !pidAlive(pid)) return true;
    return Date.now() - (0, import_node_fs12.statSync)(file).mtimeMs > STALE_MS;
  } catch {
    return false;
  }
}
var import_node_fs12, import_node_path12, STALE_MS;
var init_lock = __esm({
  "src/ensure/lock.ts"() {
    "use strict";
    import_node_fs12 = require("node:fs");
    import_node_path12 = require("node:path");
    init_daemon_state();
    STALE_MS = 3e4;
  }
});

// src/util/json-file.ts
function readUtf8(file) {
  const bytes = readRegular(file);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error("it is not valid UTF-8");
  }
}
var isJsonObject;
var init_json_file = __esm({
  "src/util/json-file.ts"() {
    "use strict";
    init_safe_path();
    init_errors();
    isJsonObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  }
});

// src/util/state-record.ts
function readStateRecord(file) {
  try {
    const data = JSON.parse((0, import_node_fs13.readFileSync)(file, "utf8"));
    return isJsonObject(data) ? data : void 0;
  } catch {
    return void 0;
  }
}
function writeStateRecord(file, data) {
  (0, import_node_fs13.mkdirSync)((0, import_node_path13.dirname)(file), { recursive: true, mode: 448 });
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}
`, 384);
}
var import_node_fs13, import_node_path13;
var init_state_record = __esm({
  "src/util/state-record.ts"() {
    "use strict";
    import_node_fs13 = require("node:fs");
    import_node_path13 = require("node:path");
    init_atomic();
    init_json_file();
  }
});

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
var init_scanner = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/scanner.js"() {
    "use strict";
    (function(CharacterCodes2) {
      CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
      CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
      CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
      CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
      CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
      CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
      CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
      CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
      CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
      CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
      CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
      CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
      CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
      CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
      CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
      CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
      CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
      CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
      CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
      CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
      CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
      CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
      CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
      CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
      CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
      CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
      CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
      CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
      CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
      CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
      CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
      CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
      CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
      CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
      CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
      CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
      CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
      CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
      CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
      CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
      CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
      CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
      CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
      CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
      CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
      CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
      CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
      CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
      CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
      CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
      CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
      CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
      CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
      CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
      CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
      CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
      CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
      CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
      CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
      CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
      CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
      CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
      CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
      CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
      CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
      CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
      CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
      CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
      CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
      CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
      CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
      CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
      CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
      CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
      CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
      CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
      CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
      CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
      CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
      CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
    })(CharacterCodes || (CharacterCodes = {}));
  }
});

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces, maxCachedValues, cachedBreakLinesWithSpaces, supportedEols;
var init_string_intern = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/string-intern.js"() {
    cachedSpaces = new Array(20).fill(0).map((_, index) => {
      return " ".repeat(index);
    });
    maxCachedValues = 200;
    cachedBreakLinesWithSpaces = {
      " ": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + " ".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + " ".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + " ".repeat(index);
        })
      },
      "	": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + "	".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + "	".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + "	".repeat(index);
        })
      }
    };
    supportedEols = ["\n", "\r", "\r\n"];
  }
});

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text.length && text.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text, offset) {
  return "\r\n".indexOf(text.charAt(offset)) !== -1;
}
var init_format = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/format.js"() {
    "use strict";
    init_scanner();
    init_string_intern();
  }
});

// node_modules/jsonc-parser/lib/esm/impl/parser.js
function getLocation(text, position) {
  const segments = [];
  const earlyReturnException = new Object();
  let previousNode = void 0;
  const previousNodeInst = {
    value: {},
    offset: 0,
    length: 0,
    type: "object",
    parent: void 0
  };
  let isAtPropertyKey = false;
  function setPreviousNode(value, offset, length, type) {
    previousNodeInst.value = value;
    previousNodeInst.offset = offset;
    previousNodeInst.length = length;
    previousNodeInst.type = type;
    previousNodeInst.colonOffset = void 0;
    previousNode = previousNodeInst;
  }
  try {
    visit(text, {
      onObjectBegin: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        isAtPropertyKey = position > offset;
        segments.push("");
      },
      onObjectProperty: (name, offset, length) => {
        if (position < offset) {
          throw earlyReturnException;
        }
        setPreviousNode(name, offset, length, "property");
        segments[segments.length - 1] = name;
        if (position <= offset + length) {
          throw earlyReturnException;
        }
      },
      onObjectEnd: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.pop();
      },
      onArrayBegin: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.push(0);
      },
      onArrayEnd: (offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        previousNode = void 0;
        segments.pop();
      },
      onLiteralValue: (value, offset, length) => {
        if (position < offset) {
          throw earlyReturnException;
        }
        setPreviousNode(value, offset, length, getNodeType(value));
        if (position <= offset + length) {
          throw earlyReturnException;
        }
      },
      onSeparator: (sep2, offset, length) => {
        if (position <= offset) {
          throw earlyReturnException;
        }
        if (sep2 === ":" && previousNode && previousNode.type === "property") {
          previousNode.colonOffset = offset;
          isAtPropertyKey = false;
          previousNode = void 0;
        } else if (sep2 === ",") {
          const last = segments[segments.length - 1];
          if (typeof last === "number") {
            segments[segments.length - 1] = last + 1;
          } else {
            isAtPropertyKey = true;
            segments[segments.length - 1] = "";
          }
          previousNode = void 0;
        }
      }
    });
  } catch (e) {
    if (e !== earlyReturnException) {
      throw e;
    }
  }
  return {
    path: segments,
    previousNode,
    isAtPropertyKey,
    matches: (pattern) => {
      let k = 0;
      for (let i = 0; k < pattern.length && i < segments.length; i++) {
        if (pattern[k] === segments[i] || pattern[k] === "*") {
          k++;
        } else if (pattern[k] !== "**") {
          return false;
        }
      }
      return k === pattern.length;
    }
  };
}
function parse2(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep2, offset, length) => {
      if (currentParent.type === "property") {
        if (sep2 === ":") {
          currentParent.colonOffset = offset;
        } else if (sep2 === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function getNodePath(node) {
  if (!node.parent || !node.parent.children) {
    return [];
  }
  const path = getNodePath(node.parent);
  if (node.parent.type === "property") {
    const key = node.parent.children[0].value;
    path.push(key);
  } else if (node.parent.type === "array") {
    const index = node.parent.children.indexOf(node);
    if (index !== -1) {
      path.push(index);
    }
  }
  return path;
}
function getNodeValue(node) {
  switch (node.type) {
    case "array":
      return node.children.map(getNodeValue);
    case "object":
      const obj = /* @__PURE__ */ Object.create(null);
      for (let prop of node.children) {
        const valueNode = prop.children[1];
        if (valueNode) {
          obj[prop.children[0].value] = getNodeValue(valueNode);
        }
      }
      return obj;
    case "null":
    case "string":
    case "number":
    case "boolean":
      return node.value;
    default:
      return void 0;
  }
}
function contains(node, offset, includeRightBound = false) {
  return offset >= node.offset && offset < node.offset + node.length || includeRightBound && offset === node.offset + node.length;
}
function findNodeAtOffset(node, offset, includeRightBound = false) {
  if (contains(node, offset, includeRightBound)) {
    const children = node.children;
    if (Array.isArray(children)) {
      for (let i = 0; i < children.length && children[i].offset <= offset; i++) {
        const item = findNodeAtOffset(children[i], offset, includeRightBound);
        if (item) {
          return item;
        }
      }
    }
    return node;
  }
  return void 0;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString2(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString2(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray2() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray2();
      case 1:
        return parseObject();
      case 10:
        return parseString2(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function stripComments(text, replaceCh) {
  let _scanner = createScanner(text), parts = [], kind, offset = 0, pos;
  do {
    pos = _scanner.getPosition();
    kind = _scanner.scan();
    switch (kind) {
      case 12:
      case 13:
      case 17:
        if (offset !== pos) {
          parts.push(text.substring(offset, pos));
        }
        if (replaceCh !== void 0) {
          parts.push(_scanner.getTokenValue().replace(/[^\r\n]/g, replaceCh));
        }
        offset = _scanner.getPosition();
        break;
    }
  } while (kind !== 17);
  return parts.join("");
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}
var ParseOptions;
var init_parser = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/parser.js"() {
    "use strict";
    init_scanner();
    (function(ParseOptions2) {
      ParseOptions2.DEFAULT = {
        allowTrailingComma: false
      };
    })(ParseOptions || (ParseOptions = {}));
  }
});

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text, originalPath, value, options) {
  const path = originalPath.slice();
  const errors = [];
  const root = parseTree(text, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path.length > 0) {
    lastSegment = path.pop();
    parent = findNodeAtLocation(root, path);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit2 = edits[i];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit) {
  return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}
var init_edit = __esm({
  "node_modules/jsonc-parser/lib/esm/impl/edit.js"() {
    "use strict";
    init_format();
    init_parser();
  }
});

// node_modules/jsonc-parser/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  ParseErrorCode: () => ParseErrorCode,
  ScanError: () => ScanError,
  SyntaxKind: () => SyntaxKind,
  applyEdits: () => applyEdits,
  createScanner: () => createScanner2,
  findNodeAtLocation: () => findNodeAtLocation2,
  findNodeAtOffset: () => findNodeAtOffset2,
  format: () => format2,
  getLocation: () => getLocation2,
  getNodePath: () => getNodePath2,
  getNodeValue: () => getNodeValue2,
  modify: () => modify,
  parse: () => parse3,
  parseTree: () => parseTree2,
  printParseErrorCode: () => printParseErrorCode,
  stripComments: () => stripComments2,
  visit: () => visit2
});
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
function format2(documentText, range, options) {
  return format(documentText, range, options);
}
function modify(text, path, value, options) {
  return setProperty(text, path, value, options);
}
function applyEdits(text, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text = applyEdit(text, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text;
}
var createScanner2, ScanError, SyntaxKind, getLocation2, parse3, parseTree2, findNodeAtLocation2, findNodeAtOffset2, getNodePath2, getNodeValue2, visit2, stripComments2, ParseErrorCode;
var init_main = __esm({
  "node_modules/jsonc-parser/lib/esm/main.js"() {
    "use strict";
    init_format();
    init_edit();
    init_scanner();
    init_parser();
    createScanner2 = createScanner;
    (function(ScanError2) {
      ScanError2[ScanError2["None"] = 0] = "None";
      ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
      ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
      ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
      ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
      ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
      ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
    })(ScanError || (ScanError = {}));
    (function(SyntaxKind2) {
      SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
      SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
      SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
      SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
      SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
      SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
      SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
      SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
      SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
      SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
      SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
      SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
      SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
      SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
      SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
      SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
      SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
    })(SyntaxKind || (SyntaxKind = {}));
    getLocation2 = getLocation;
    parse3 = parse2;
    parseTree2 = parseTree;
    findNodeAtLocation2 = findNodeAtLocation;
    findNodeAtOffset2 = findNodeAtOffset;
    getNodePath2 = getNodePath;
    getNodeValue2 = getNodeValue;
    visit2 = visit;
    stripComments2 = stripComments;
    (function(ParseErrorCode2) {
      ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
      ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
      ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
      ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
      ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
      ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
      ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
      ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
      ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
      ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
      ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
    })(ParseErrorCode || (ParseErrorCode = {}));
  }
});

// src/util/json-edit.ts
function styleOf(text) {
  const body = text.replace(/^\uFEFF/, "");
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  return {
    bom: text.startsWith("\uFEFF"),
    eol: body.includes("\r\n") ? "\r\n" : "\n",
    indent: indent ?? 2,
    finalNewline: body.length === 0 || /\r?\n$/.test(body)
  };
}
async function spliceJson(file, text, edits) {
  const style = styleOf(text);
  const { applyEdits: applyEdits2, findNodeAtLocation: findNodeAtLocation3, format: format3, modify: modify2, parseTree: parseTree3 } = await Promise.resolve().then(() => (init_main(), main_exports));
  const bom = text.startsWith("\uFEFF");
  let body = bom ? text.slice(1) : text;
  const indent = typeof style.indent === "number" ? " ".repeat(style.indent) : style.indent;
  const options = { insertSpaces: !indent.includes("	"), tabSize: indent.includes("	") ? 1 : indent.length, eol: style.eol };
  const multiline = body.includes("\n");
  try {
    for (const path of new Set(edits.map((e) => JSON.stringify(e.path)))) {
      const key = duplicateOnPath(parseTree3(body), JSON.parse(path));
      if (key !== void 0) throw new UserError(`${file} has the key ${JSON.stringify(key)} twice; remove one, then run \`mcp-auto ensure\``);
    }
    for (const { path, value, raw } of edits) {
      const changes = modify2(body, path, value, {});
      if (changes.length !== 1) {
        body = applyEdits2(body, changes);
        continue;
      }
      let change = changes[0];
      if (value === void 0) {
        const removed = body.slice(change.offset, change.offset + change.length);
        const trailing = /\r?\n[ \t]*$/.exec(removed);
        if (trailing && /^\s*\n/.test(removed)) change = { ...change, length: change.length - trailing[0].length };
        body = applyEdits2(body, [change]);
      } else {
        body = applyEdits2(body, [change]);
        if (multiline) body = applyEdits2(body, format3(body, { offset: change.offset, length: change.content.length }, options));
        const node = raw === void 0 ? void 0 : findNodeAtLocation3(parseTree3(body), path);
        if (node) body = body.slice(0, node.offset) + raw + body.slice(node.offset + node.length);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UserError(`${file} is nested too deeply to edit safely; left as it is`);
    throw error;
  }
  return (bom ? "\uFEFF" : "") + body;
}
function duplicateOnPath(root, path) {
  let node = root;
  for (const key of path) {
    if (node?.type !== "object") return void 0;
    const matches = (node.children ?? []).filter((p) => p.children?.[0]?.value === key);
    if (matches.length > 1) return key;
    node = matches[0]?.children?.[1];
  }
  return void 0;
}
var init_json_edit = __esm({
  "src/util/json-edit.ts"() {
    "use strict";
    init_errors();
  }
});

// src/util/git-index.ts
var MAX_INDEX;
var init_git_index = __esm({
  "src/util/git-index.ts"() {
    "use strict";
    init_safe_path();
    MAX_INDEX = 256 << 20;
  }
});

// src/clients/created.ts
function readCreated(stateDir) {
  return readStateRecord(recordFile(stateDir)) ?? {};
}
function recordCreated(root, stateDir, file, dir) {
  const created = readCreated(stateDir);
  const folder = dir ? (0, import_node_path14.relative)((0, import_node_fs14.realpathSync)(root), dir).split(import_node_path14.sep).join("/") : void 0;
  Object.defineProperty(created, file, { value: folder ? { dir: folder } : {}, enumerable: true, writable: true, configurable: true });
  writeStateRecord(recordFile(stateDir), created);
}
var import_node_fs14, import_node_path14, recordFile;
var init_created = __esm({
  "src/clients/created.ts"() {
    "use strict";
    import_node_fs14 = require("node:fs");
    import_node_path14 = require("node:path");
    init_git_index();
    init_safe_path();
    init_state_record();
    recordFile = (stateDir) => (0, import_node_path14.join)(stateDir, "created.json");
  }
});

// src/clients/git-exclude.ts
function excludeFile(root, create) {
  const git = (0, import_node_path15.join)(root, ".git");
  const info = (0, import_node_path15.join)(git, "info");
  const file = (0, import_node_path15.join)(info, "exclude");
  try {
    if (!(0, import_node_fs15.lstatSync)(git).isDirectory()) return void 0;
    const infoStat = (0, import_node_fs15.lstatSync)(info, { throwIfNoEntry: false });
    if (!infoStat) {
      if (!create) return void 0;
      (0, import_node_fs15.mkdirSync)(info, { mode: 493 });
    } else if (!infoStat.isDirectory()) {
      return void 0;
    }
    const fileStat = (0, import_node_fs15.lstatSync)(file, { throwIfNoEntry: false });
    if (fileStat && !fileStat.isFile()) return void 0;
    if (!fileStat && !create) return void 0;
    return file;
  } catch {
    return void 0;
  }
}
function splitLines(text) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return { lines, eol };
}
function addGitExclude(root, relative5) {
  const file = excludeFile(root, true);
  if (!file) return false;
  try {
    const text = (0, import_node_fs15.lstatSync)(file, { throwIfNoEntry: false }) ? (0, import_node_fs15.readFileSync)(file, "utf8") : "";
    const { lines, eol } = splitLines(text);
    const pattern = patternFor(relative5);
    if (lines.some((l) => l.trim() === pattern)) return false;
    writeFileAtomic(file, [...lines, EXCLUDE_COMMENT, pattern].join(eol) + eol);
    return true;
  } catch {
    return false;
  }
}
var import_node_fs15, import_node_path15, EXCLUDE_COMMENT, patternFor;
var init_git_exclude = __esm({
  "src/clients/git-exclude.ts"() {
    "use strict";
    import_node_fs15 = require("node:fs");
    import_node_path15 = require("node:path");
    init_atomic();
    EXCLUDE_COMMENT = "# added by mcp-auto (it created this file; `mcp-auto unadopt` or `forget` take it out)";
    patternFor = (relative5) => `/${relative5.split("\\").join("/").replace(/^\/+/, "")}`;
  }
});

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError;
var init_error = __esm({
  "node_modules/smol-toml/dist/error.js"() {
    TomlError = class _TomlError extends Error {
      line;
      column;
      codeblock;
      constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}

${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
      }
      /** @internal */
      static x(message, ctx, ptr) {
        throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
      }
    };
  }
});

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}
var init_primitive = __esm({
  "node_modules/smol-toml/dist/primitive.js"() {
    init_error();
  }
});

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE, TomlDate;
var init_date = __esm({
  "node_modules/smol-toml/dist/date.js"() {
    DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
    TomlDate = class _TomlDate extends Date {
      #hasDate = false;
      #hasTime = false;
      #offset = null;
      constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = "Z";
        let c;
        if (typeof date === "string") {
          if (fasttype)
            prep: {
              if (fasttype < 3) {
                if (+date.slice(11, 13) > 23) {
                  date = "";
                  break prep;
                }
                if (fasttype === 2) {
                  offset = null;
                  date += "Z";
                } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
                  offset = date.slice(date.length - 6);
                }
                if (unsafeDelim)
                  date = date.slice(0, 10) + "T" + date.slice(11);
              } else if (fasttype === 4) {
                date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
              }
              hasDate = fasttype !== 4;
              hasTime = fasttype !== 3;
            }
          else {
            let match = date.match(DATE_TIME_RE);
            if (match) {
              if (!match[1]) {
                hasDate = false;
                date = `0000-01-01T${date}`;
              }
              hasTime = !!match[2];
              hasTime && date[10] === " " && (date = date.replace(" ", "T"));
              if (match[2] && +match[2] > 23) {
                date = "";
              } else {
                offset = match[3] || null;
                if (!offset && hasTime)
                  date += "Z";
              }
            } else {
              date = "";
            }
          }
        }
        super(date);
        if (!isNaN(this.getTime())) {
          this.#hasDate = hasDate;
          this.#hasTime = hasTime;
          this.#offset = offset;
        }
      }
      isDateTime() {
        return this.#hasDate && this.#hasTime;
      }
      isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
      }
      isDate() {
        return this.#hasDate && !this.#hasTime;
      }
      isTime() {
        return this.#hasTime && !this.#hasDate;
      }
      isValid() {
        return this.#hasDate || this.#hasTime;
      }
      toISOString() {
        let iso = super.toISOString();
        if (this.isDate())
          return iso.slice(0, 10);
        if (this.isTime())
          return iso.slice(11, 23);
        if (this.#offset === null)
          return iso.slice(0, -1);
        if (this.#offset === "Z" || this.#offset === "z")
          return iso;
        let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
        offset = this.#offset[0] === "-" ? offset : -offset;
        let offsetDate = new Date(this.getTime() - offset * 6e4);
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
      }
      static wrapAsOffsetDateTime(jsDate, offset = "Z") {
        let date = new _TomlDate(jsDate);
        date.#offset = offset;
        return date;
      }
      static wrapAsLocalDateTime(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#offset = null;
        return date;
      }
      static wrapAsLocalDate(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
      }
      static wrapAsLocalTime(jsDate) {
        let date = new _TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
      }
    };
  }
});

// node_modules/smol-toml/dist/extract.js
function isDigit2(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit2(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit2(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit2(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit2(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit2(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}
var init_extract = __esm({
  "node_modules/smol-toml/dist/extract.js"() {
    init_primitive();
    init_struct();
    init_error();
    init_date();
  }
});

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}
var init_util = __esm({
  "node_modules/smol-toml/dist/util.js"() {
    init_error();
  }
});

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}
var init_struct = __esm({
  "node_modules/smol-toml/dist/struct.js"() {
    init_primitive();
    init_extract();
    init_util();
    init_error();
  }
});

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse4(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}
var init_parse = __esm({
  "node_modules/smol-toml/dist/parse.js"() {
    init_struct();
    init_extract();
    init_util();
    init_error();
  }
});

// node_modules/smol-toml/dist/stringify.js
function extendedTypeOf(obj) {
  let type = typeof obj;
  if (type === "object") {
    if (Array.isArray(obj))
      return "array";
    if (typeof obj.getUTCDate === "function" && obj instanceof Date)
      return "date";
    if (globalThis.Temporal) {
      if (obj.until) {
        if (obj instanceof Temporal.ZonedDateTime)
          return "temporal/tz+uc";
        if (obj instanceof Temporal.PlainDateTime || obj instanceof Temporal.PlainDate)
          return "temporal/uc";
        if (obj instanceof Temporal.PlainTime || obj instanceof Temporal.Instant)
          return "temporal";
        if (obj instanceof Temporal.PlainYearMonth)
          return "temporal/x";
      } else if (obj.toPlainDate && obj instanceof Temporal.PlainMonthDay || obj.negated && obj instanceof Temporal.Duration) {
        return "temporal/x";
      }
    }
  }
  return type;
}
function isArrayOfTables(obj) {
  for (let i = 0; i < obj.length; i++) {
    if (extendedTypeOf(obj[i]) !== "object")
      return false;
  }
  return obj.length != 0;
}
function formatWellFormedStringUnchecked(s) {
  return JSON.stringify(s).replaceAll("\x7F", "\\u007f");
}
function formatString(s) {
  return formatWellFormedStringUnchecked(HAS_WELLFORMED ? s.toWellFormed() : s);
}
function formatKey(s) {
  if (BARE_KEY.test(s))
    return s;
  if (HAS_WELLFORMED && !s.isWellFormed())
    throw new RangeError("key contains illegal lone surrogates");
  return formatWellFormedStringUnchecked(s);
}
function stringifyValue(val, type, depth, numberAsFloat, strictTemporal) {
  if (depth === 0) {
    throw new Error("Could not stringify the object: maximum object depth exceeded");
  }
  switch (type) {
    // @ts-expect-error -- intentional fallthrough case
    case "number":
      if (isNaN(val))
        return "nan";
      if (val === Infinity)
        return "inf";
      if (val === -Infinity)
        return "-inf";
      if (Number.isInteger(val) && (numberAsFloat || !Number.isSafeInteger(val)))
        return val.toFixed(1);
    case "bigint":
    case "boolean":
    case "temporal":
      return val.toString();
    case "string":
      return formatString(val);
    case "date":
      if (isNaN(val.getTime()))
        throw new TypeError("cannot serialize invalid date");
      return val.toISOString();
    case "object":
      return stringifyInlineTable(val, depth, numberAsFloat, strictTemporal);
    case "array":
      return stringifyArray(val, depth, numberAsFloat, strictTemporal);
    // @ts-expect-error -- intentional fallthrough case
    case "temporal/tz+uc":
      if (strictTemporal) {
        let tz = val.timeZoneId;
        let tzc = tz.charCodeAt(0);
        if (
          // Classic offset
          tzc !== 43 && tzc !== 45 && // Fast pre-check pass; see below for the actually accepted values
          (tzc !== 85 && tzc !== 71 && tzc !== 90 && tzc !== 69 || // UTC and its aliases; Temporal implementations don't all canonicalise unfortunately
          tz !== "UTC" && tz !== "UCT" && tz !== "Universal" && tz !== "Zulu" && // GMT is a TZ but it's for all intents and purposes equivalent to UTC. Safe to downgrade.
          !tz.startsWith("GMT") && tz !== "Greenwich" && // Etc/* are all safe to downgrade to offset (either UTC, GMT, or offset)
          !tz.startsWith("Etc/"))
        ) {
          throw new TypeError("Temporal objects with an IANA timezone are not allowed in Temporal strict mode");
        }
      }
    case "temporal/uc":
      if (strictTemporal && val.calendarId !== "iso8601")
        throw new TypeError("Temporal objects with a non-default calendar are not allowed in Temporal strict mode");
      return val.toString({
        calendarName: "never",
        timeZoneName: "never"
      });
    case "temporal/x":
      throw new TypeError("Unsupported " + val[Symbol.toStringTag]);
  }
}
function stringifyInlineTable(obj, depth, numberAsFloat, strictTemporal) {
  let keys = Object.keys(obj);
  if (keys.length === 0)
    return "{}";
  let res = "{ ";
  for (let i = 0; i < keys.length; i++) {
    let k = keys[i];
    if (i)
      res += ", ";
    res += formatKey(k) + " = " + stringifyValue(obj[k], extendedTypeOf(obj[k]), depth - 1, numberAsFloat, strictTemporal);
  }
  return res + " }";
}
function stringifyArray(array, depth, numberAsFloat, strictTemporal) {
  if (array.length === 0)
    return "[]";
  let res = "[ ";
  for (let i = 0; i < array.length; i++) {
    if (i)
      res += ", ";
    if (array[i] === null || array[i] === void 0) {
      throw new TypeError("arrays cannot contain null or undefined values");
    }
    res += stringifyValue(array[i], extendedTypeOf(array[i]), depth - 1, numberAsFloat, strictTemporal);
  }
  return res + " ]";
}
function stringifyArrayTable(array, key, depth, numberAsFloat, strictTemporal) {
  if (depth === 0) {
    throw new Error("Could not stringify the object: maximum object depth exceeded");
  }
  let res = "";
  for (let i = 0; i < array.length; i++) {
    res += `${res && "\n"}[[${key}]]
`;
    res += stringifyTable(0, array[i], key, depth, numberAsFloat, strictTemporal);
  }
  return res;
}
function stringifyTable(tableKey, obj, prefix, depth, numberAsFloat, strictTemporal) {
  if (depth === 0) {
    throw new Error("Could not stringify the object: maximum object depth exceeded");
  }
  let preamble = "";
  let tables = "";
  let keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    let k = keys[i];
    if (obj[k] !== null && obj[k] !== void 0) {
      let type = extendedTypeOf(obj[k]);
      if (type === "symbol" || type === "function") {
        throw new TypeError(`cannot serialize values of type '${type}'`);
      }
      let key = formatKey(k);
      if (type === "array" && isArrayOfTables(obj[k])) {
        tables += (tables && "\n") + stringifyArrayTable(obj[k], prefix ? `${prefix}.${key}` : key, depth - 1, numberAsFloat, strictTemporal);
      } else if (type === "object") {
        let tblKey = prefix ? `${prefix}.${key}` : key;
        tables += (tables && "\n") + stringifyTable(tblKey, obj[k], tblKey, depth - 1, numberAsFloat, strictTemporal);
      } else {
        preamble += key;
        preamble += " = ";
        preamble += stringifyValue(obj[k], type, depth, numberAsFloat, strictTemporal);
        preamble += "\n";
      }
    }
  }
  if (tableKey && (preamble || !tables))
    preamble = preamble ? `[${tableKey}]
${preamble}` : `[${tableKey}]`;
  return preamble && tables ? `${preamble}
${tables}` : preamble || tables;
}
function stringify(obj, { maxDepth = 1e3, numbersAsFloat = false, strictTemporal = false } = {}) {
  if (extendedTypeOf(obj) !== "object") {
    throw new TypeError("stringify can only be called with an object");
  }
  let str = stringifyTable(0, obj, "", maxDepth, numbersAsFloat, strictTemporal);
  if (str[str.length - 1] !== "\n")
    return str + "\n";
  return str;
}
var BARE_KEY, HAS_WELLFORMED;
var init_stringify = __esm({
  "node_modules/smol-toml/dist/stringify.js"() {
    BARE_KEY = /^[a-z0-9-_]+$/i;
    HAS_WELLFORMED = !!"".isWellFormed;
  }
});

// node_modules/smol-toml/dist/index.js
var dist_exports = {};
__export(dist_exports, {
  TomlDate: () => TomlDate,
  TomlError: () => TomlError,
  default: () => dist_default,
  parse: () => parse4,
  stringify: () => stringify
});
var dist_default;
var init_dist = __esm({
  "node_modules/smol-toml/dist/index.js"() {
    init_parse();
    init_stringify();
    init_date();
    init_error();
    dist_default = { parse: parse4, stringify, TomlDate, TomlError };
  }
});

// src/clients/merge.ts
function readOwnership(stateDir) {
  return readStateRecord((0, import_node_path16.join)(stateDir, "clients.json")) ?? {};
}
function writeOwnership(stateDir, ownership) {
  writeStateRecord((0, import_node_path16.join)(stateDir, "clients.json"), ownership);
}
async function parse5(adapter, text) {
  const body = text.replace(/^\uFEFF/, "");
  if (adapter.format === "toml") {
    const { parse: parseToml } = await Promise.resolve().then(() => (init_dist(), dist_exports));
    return parseToml(body);
  }
  if (body.trim() === "") return {};
  let data;
  if (adapter.format === "jsonc") {
    const { parse: parseJsonc, printParseErrorCode: printParseErrorCode2 } = await Promise.resolve().then(() => (init_main(), main_exports));
    const errors = [];
    data = parseJsonc(body, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors[0]) throw new Error(`${printParseErrorCode2(errors[0].error)} at offset ${errors[0].offset}`);
  } else {
    data = JSON.parse(body);
  }
  if (!isJsonObject(data)) throw new Error("the top level is not a JSON object");
  return data;
}
async function serialize(adapter, doc, style) {
  let text;
  if (adapter.format === "toml") {
    const { stringify: stringify2 } = await Promise.resolve().then(() => (init_dist(), dist_exports));
    text = stringify2(doc);
  } else {
    text = JSON.stringify(doc, null, style.indent);
  }
  text = text.replace(/\r?\n/g, style.eol);
  if (style.finalNewline && !text.endsWith(style.eol)) text += style.eol;
  return (style.bom ? "\uFEFF" : "") + text;
}
function container(doc, path, create) {
  let node = doc;
  for (const key of path) {
    const next = node[key];
    if (next === void 0) {
      if (!create) return void 0;
      node[key] = {};
    } else if (!isJsonObject(next)) {
      return void 0;
    }
    node = node[key];
  }
  return node;
}
async function syncOne(root, adapter, entries, owned) {
  const shown = (0, import_node_path16.join)(root, adapter.file);
  const result = { client: adapter.name, file: shown, status: "unchanged", conflicts: [], removed: [] };
  let file;
  try {
    file = pathInside(root, adapter.file);
  } catch (error) {
    return { result: { ...result, status: "refused", error: oneLine(error, 400) }, owned };
  }
  let text;
  try {
    text = readUtf8(file);
  } catch (error) {
    if (error.code === void 0) {
      return { result: { ...result, status: "refused", error: `${shown}: ${errorMessage(error)}; fix it and run \`mcp-auto ensure\`` }, owned };
    }
    if (error.code !== "ENOENT") {
      return { result: { ...result, status: "refused", error: `${shown} ${readProblem(error)}` }, owned };
    }
  }
  let doc;
  try {
    doc = text === void 0 ? {} : await parse5(adapter, text);
  } catch (error) {
    return { result: { ...result, status: "refused", error: `${shown} is not valid ${adapter.format.toUpperCase()} (${oneLine(error)}); fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const servers = container(doc, adapter.container, entries.length > 0);
  if (!servers) {
    if (entries.length === 0) return { result, owned: {} };
    return { result: { ...result, status: "refused", error: `${shown}: ${adapter.container.join(".")} is not an object; fix it and run \`mcp-auto ensure\`` }, owned };
  }
  const nextOwned = {};
  const edits = [];
  let changed = false;
  const managed = new Set(entries.map((e) => e.name));
  for (const server of entries) {
    const wanted = adapter.entry(server);
    const current = servers[server.name];
    const ours = server.name in owned && same(current, owned[server.name]);
    if (current !== void 0 && !ours && !same(current, wanted)) {
      result.conflicts.push(server.name);
      continue;
    }
    if (!same(current, wanted)) {
      servers[server.name] = wanted;
      edits.push({ path: [...adapter.container, server.name], value: wanted });
      changed = true;
    }
    nextOwned[server.name] = wanted;
  }
  for (const [name, written] of Object.entries(owned)) {
    if (managed.has(name) || !same(servers[name], written)) continue;
    delete servers[name];
    edits.push({ path: [...adapter.container, name], value: void 0 });
    result.removed.push(name);
    changed = true;
  }
  if (changed) {
    const style = text === void 0 ? styleOf('{\n  "x": 1\n}\n') : styleOf(text);
    try {
      if (pathInside(root, adapter.file) !== file) throw new Error(`${shown} changed while being edited; left alone`);
    } catch (error) {
      return { result: { ...result, status: "refused", error: oneLine(error, 400) }, owned };
    }
    let madeDir;
    try {
      madeDir = (0, import_node_fs16.mkdirSync)((0, import_node_path16.dirname)(file), { recursive: true });
    } catch (error) {
      return { result: { ...result, status: "refused", error: `cannot write ${shown}: ${writeProblem(error, (0, import_node_path16.dirname)(file))}` }, owned };
    }
    const inPlace = adapter.format !== "toml" && text !== void 0 && text.replace(/^\uFEFF/, "").trim() !== "";
    let next;
    try {
      next = inPlace ? await spliceJson(file, text, edits) : await serialize(adapter, doc, style);
    } catch (error) {
      return { result: { ...result, status: "refused", error: oneLine(error) }, owned };
    }
    try {
      writeFileAtomic(file, next);
    } catch (error) {
      return { result: { ...result, status: "refused", error: `cannot write ${file}: ${writeProblem(error, (0, import_node_path16.dirname)(file))}` }, owned };
    }
    result.status = "written";
    if (text === void 0) {
      addGitExclude(root, adapter.file);
      return { result, owned: nextOwned, created: { dir: madeDir } };
    }
  }
  return { result, owned: nextOwned };
}
function readProblem(error) {
  const code = error.code;
  if (code === "EISDIR") return "is a directory, not a file; remove or rename it, then run `mcp-auto ensure`";
  if (code === "EACCES" || code === "EPERM") return "cannot be read (permission denied)";
  return `cannot be read: ${oneLine(error)}`;
}
function writeProblem(error, dir) {
  const code = error.code;
  if (code === "EROFS") return `${dir} is on a read-only file system`;
  if (code === "EACCES" || code === "EPERM") return `${dir} is read-only for you (permission denied)`;
  if (code === "ENOSPC") return "the disk is full";
  return oneLine(error);
}
async function syncClients(root, stateDir, adapters2, entries) {
  return withClientFiles(stateDir, () => syncClientsLocked(root, stateDir, adapters2, entries));
}
function withClientFiles(stateDir, fn) {
  if (!(0, import_node_fs16.existsSync)(stateDir)) return fn();
  return withLock(stateDir, fn, 15e3, "clients.lock");
}
async function syncClientsLocked(root, stateDir, adapters2, entries) {
  const ownership = readOwnership(stateDir);
  const before = JSON.stringify(ownership);
  const results = [];
  for (const adapter of adapters2) {
    const skip = !adapter.expandsEnv && entries.some((e) => e.headers);
    const { result, owned, created } = await syncOne(root, adapter, skip ? [] : entries, ownership[adapter.file] ?? {});
    if (created) recordCreated(root, stateDir, adapter.file, created.dir);
    if (skip && result.status !== "refused") {
      result.status = "skipped";
      result.notice = `${adapter.name} cannot expand \${MCP_AUTO_TOKEN} in a header, so under "auth": "token" mcp-auto writes no entry to ${adapter.file} (drop "${adapter.name}" from "clients", or use "auth": "none")`;
    }
    results.push(result);
    if (Object.keys(owned).length > 0) ownership[adapter.file] = owned;
    else delete ownership[adapter.file];
  }
  if (JSON.stringify(ownership) !== before) writeOwnership(stateDir, ownership);
  return results;
}
function claimOwnership(stateDir, file, entries) {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file] ?? {};
  for (const [name, entry] of Object.entries(entries)) {
    Object.defineProperty(owned, name, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  ownership[file] = owned;
  writeOwnership(stateDir, ownership);
}
function ownedFiles(stateDir) {
  return Object.keys(readOwnership(stateDir));
}
function forgetOwnership(stateDir, file, names) {
  const ownership = readOwnership(stateDir);
  const owned = ownership[file];
  if (!owned) return;
  for (const name of names) delete owned[name];
  writeOwnership(stateDir, ownership);
}
var import_node_fs16, import_node_path16, same;
var init_merge = __esm({
  "src/clients/merge.ts"() {
    "use strict";
    import_node_fs16 = require("node:fs");
    import_node_path16 = require("node:path");
    init_atomic();
    init_lock();
    init_errors();
    init_json_file();
    init_safe_path();
    init_state_record();
    init_json_edit();
    init_created();
    init_git_exclude();
    same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  }
});

// src/clients/index.ts
var clients_exports = {};
__export(clients_exports, {
  adapters: () => adapters,
  claimOwnership: () => claimOwnership,
  forgetOwnership: () => forgetOwnership,
  ownedFiles: () => ownedFiles,
  syncClients: () => syncClients,
  syncClientsLocked: () => syncClientsLocked,
  withClientFiles: () => withClientFiles
});
var adapters;
var init_clients = __esm({
  "src/clients/index.ts"() {
    "use strict";
    init_claude();
    init_codex();
    init_cursor();
    init_docs_clients();
    init_gemini();
    init_opencode();
    init_qwen();
    init_vscode();
    init_merge();
    adapters = {
      claude,
      cursor,
      vscode,
      gemini,
      codex,
      qwen,
      opencode,
      kilo,
      roo,
      zed,
      amazonq,
      continue: continueDev
    };
  }
});

// src/daemon/client-refresh.ts
var import_node_fs17, import_node_path17, ClientRefresh;
var init_client_refresh = __esm({
  "src/daemon/client-refresh.ts"() {
    "use strict";
    import_node_fs17 = require("node:fs");
    import_node_path17 = require("node:path");
    init_entries();
    init_errors();
    ClientRefresh = class {
      /**
       * `reread` loads the config again: a reload's config may be older than the
       * files by the time the lock is ours (an `adopt` may have run meanwhile, and
       * syncing its entries away with a stale config would lose them).
       */
      constructor(root, stateDir, port, log, config, reread) {
        this.root = root;
        this.stateDir = stateDir;
        this.port = port;
        this.log = log;
        this.reread = reread;
        this.served = this.key(config);
      }
      root;
      stateDir;
      port;
      log;
      reread;
      served;
      queue = Promise.resolve();
      key(config) {
        return JSON.stringify([managedEntries(config, this.port), config.settings.clients]);
      }
      /** Called after every reload; one sync at a time, in order. */
      refresh(config) {
        this.queue = this.queue.then(() => this.sync(config), () => this.sync(config));
        return this.queue;
      }
      async sync(reloaded) {
        if (this.key(reloaded) === this.served) return;
        if (!(0, import_node_fs17.existsSync)((0, import_node_path17.join)(this.stateDir, "clients.json"))) {
          this.served = this.key(reloaded);
          return;
        }
        try {
          const { adapters: adapters2, syncClientsLocked: syncClientsLocked2, withClientFiles: withClientFiles2 } = await Promise.resolve().then(() => (init_clients(), clients_exports));
          await withClientFiles2(this.stateDir, async () => {
            const config = this.reread() ?? reloaded;
            this.served = this.key(config);
            const chosen = config.settings.clients.flatMap((name) => {
              const adapter = adapters2[name];
              if (!adapter) this.log(`clients: unknown client '${name}' in "clients"; skipped`);
              return adapter ? [adapter] : [];
            });
            for (const r of await syncClientsLocked2(this.root, this.stateDir, chosen, managedEntries(config, this.port))) {
              if (r.status === "written") this.log(`clients: updated ${r.file}`);
              if (r.error) this.log(`clients: ${r.error}`);
            }
          });
        } catch (error) {
          this.log(`clients: ${errorMessage(error)}`);
        }
      }
    };
  }
});

// node_modules/readdirp/esm/index.js
function readdirp(root, options = {}) {
  let type = options.entryType || options.type;
  if (type === "both")
    type = EntryTypes.FILE_DIR_TYPE;
  if (type)
    options.type = type;
  if (!root) {
    throw new Error("readdirp: root argument is required. Usage: readdirp(root, options)");
  } else if (typeof root !== "string") {
    throw new TypeError("readdirp: root argument must be a string. Usage: readdirp(root, options)");
  } else if (type && !ALL_TYPES.includes(type)) {
    throw new Error(`readdirp: Invalid type passed. Use one of ${ALL_TYPES.join(", ")}`);
  }
  options.root = root;
  return new ReaddirpStream(options);
}
var import_promises, import_node_stream, import_node_path18, EntryTypes, defaultOptions, RECURSIVE_ERROR_CODE, NORMAL_FLOW_ERRORS, ALL_TYPES, DIR_TYPES, FILE_TYPES, isNormalFlowError, wantBigintFsStats, emptyFn, normalizeFilter, ReaddirpStream;
var init_esm = __esm({
  "node_modules/readdirp/esm/index.js"() {
    import_promises = require("node:fs/promises");
    import_node_stream = require("node:stream");
    import_node_path18 = require("node:path");
    EntryTypes = {
      FILE_TYPE: "files",
      DIR_TYPE: "directories",
      FILE_DIR_TYPE: "files_directories",
      EVERYTHING_TYPE: "all"
    };
    defaultOptions = {
      root: ".",
      fileFilter: (_entryInfo) => true,
      directoryFilter: (_entryInfo) => true,
      type: EntryTypes.FILE_TYPE,
      lstat: false,
      depth: 2147483648,
      alwaysStat: false,
      highWaterMark: 4096
    };
    Object.freeze(defaultOptions);
    RECURSIVE_ERROR_CODE = "READDIRP_RECURSIVE_ERROR";
    NORMAL_FLOW_ERRORS = /* @__PURE__ */ new Set(["ENOENT", "EPERM", "EACCES", "ELOOP", RECURSIVE_ERROR_CODE]);
    ALL_TYPES = [
      EntryTypes.DIR_TYPE,
      EntryTypes.EVERYTHING_TYPE,
      EntryTypes.FILE_DIR_TYPE,
      EntryTypes.FILE_TYPE
    ];
    DIR_TYPES = /* @__PURE__ */ new Set([
      EntryTypes.DIR_TYPE,
      EntryTypes.EVERYTHING_TYPE,
      EntryTypes.FILE_DIR_TYPE
    ]);
    FILE_TYPES = /* @__PURE__ */ new Set([
      EntryTypes.EVERYTHING_TYPE,
      EntryTypes.FILE_DIR_TYPE,
      EntryTypes.FILE_TYPE
    ]);
    isNormalFlowError = (error) => NORMAL_FLOW_ERRORS.has(error.code);
    wantBigintFsStats = process.platform === "win32";
    emptyFn = (_entryInfo) => true;
    normalizeFilter = (filter) => {
      if (filter === void 0)
        return emptyFn;
      if (typeof filter === "function")
        return filter;
      if (typeof filter === "string") {
        const fl = filter.trim();
        return (entry) => entry.basename === fl;
      }
      if (Array.isArray(filter)) {
        const trItems = filter.map((item) => item.trim());
        return (entry) => trItems.some((f) => entry.basename === f);
      }
      return emptyFn;
    };
    ReaddirpStream = class extends import_node_stream.Readable {
      constructor(options = {}) {
        super({
          objectMode: true,
          autoDestroy: true,
          highWaterMark: options.highWaterMark
        });
        const opts = { ...defaultOptions, ...options };
        const { root, type } = opts;
        this._fileFilter = normalizeFilter(opts.fileFilter);
        this._directoryFilter = normalizeFilter(opts.directoryFilter);
        const statMethod = opts.lstat ? import_promises.lstat : import_promises.stat;
        if (wantBigintFsStats) {
          this._stat = (path) => statMethod(path, { bigint: true });
        } else {
          this._stat = statMethod;
        }
        this._maxDepth = opts.depth ?? defaultOptions.depth;
        this._wantsDir = type ? DIR_TYPES.has(type) : false;
        this._wantsFile = type ? FILE_TYPES.has(type) : false;
        this._wantsEverything = type === EntryTypes.EVERYTHING_TYPE;
        this._root = (0, import_node_path18.resolve)(root);
        this._isDirent = !opts.alwaysStat;
        this._statsProp = this._isDirent ? "dirent" : "stats";
        this._rdOptions = { encoding: "utf8", withFileTypes: this._isDirent };
        this.parents = [this._exploreDir(root, 1)];
        this.reading = false;
        this.parent = void 0;
      }
      async _read(batch) {
        if (this.reading)
          return;
        this.reading = true;
        try {
          while (!this.destroyed && batch > 0) {
            const par = this.parent;
            const fil = par && par.files;
            if (fil && fil.length > 0) {
              const { path, depth } = par;
              const slice = fil.splice(0, batch).map((dirent) => this._formatEntry(dirent, path));
              const awaited = await Promise.all(slice);
              for (const entry of awaited) {
                if (!entry)
                  continue;
                if (this.destroyed)
                  return;
                const entryType = await this._getEntryType(entry);
                if (entryType === "directory" && this._directoryFilter(entry)) {
                  if (depth <= this._maxDepth) {
                    this.parents.push(this._exploreDir(entry.fullPath, depth + 1));
                  }
                  if (this._wantsDir) {
                    this.push(entry);
                    batch--;
                  }
                } else if ((entryType === "file" || this._includeAsFile(entry)) && this._fileFilter(entry)) {
                  if (this._wantsFile) {
                    this.push(entry);
                    batch--;
                  }
                }
              }
            } else {
              const parent = this.parents.pop();
              if (!parent) {
                this.push(null);
                break;
              }
              this.parent = await parent;
              if (this.destroyed)
                return;
            }
          }
        } catch (error) {
          this.destroy(error);
        } finally {
          this.reading = false;
        }
      }
      async _exploreDir(path, depth) {
        let files;
        try {
          files = await (0, import_promises.readdir)(path, this._rdOptions);
        } catch (error) {
          this._onError(error);
        }
        return { files, depth, path };
      }
      async _formatEntry(dirent, path) {
        let entry;
        const basename6 = this._isDirent ? dirent.name : dirent;
        try {
          const fullPath = (0, import_node_path18.resolve)((0, import_node_path18.join)(path, basename6));
          entry = { path: (0, import_node_path18.relative)(this._root, fullPath), fullPath, basename: basename6 };
          entry[this._statsProp] = this._isDirent ? dirent : await this._stat(fullPath);
        } catch (err) {
          this._onError(err);
          return;
        }
        return entry;
      }
      _onError(err) {
        if (isNormalFlowError(err) && !this.destroyed) {
          this.emit("warn", err);
        } else {
          this.destroy(err);
        }
      }
      async _getEntryType(entry) {
        if (!entry && this._statsProp in entry) {
          return "";
        }
        const stats = entry[this._statsProp];
        if (stats.isFile())
          return "file";
        if (stats.isDirectory())
          return "directory";
        if (stats && stats.isSymbolicLink()) {
          const full = entry.fullPath;
          try {
            const entryRealPath = await (0, import_promises.realpath)(full);
            const entryRealPathStats = await (0, import_promises.lstat)(entryRealPath);
            if (entryRealPathStats.isFile()) {
              return "file";
            }
            if (entryRealPathStats.isDirectory()) {
              const len = entryRealPath.length;
              if (full.startsWith(entryRealPath) && full.substr(len, 1) === import_node_path18.sep) {
                const recursiveError = new Error(`Circular symlink detected: "${full}" points to "${entryRealPath}"`);
                recursiveError.code = RECURSIVE_ERROR_CODE;
                return this._onError(recursiveError);
              }
              return "directory";
            }
          } catch (error) {
            this._onError(error);
            return "";
          }
        }
      }
      _includeAsFile(entry) {
        const stats = entry && entry[this._statsProp];
        return stats && this._wantsEverything && !stats.isDirectory();
      }
    };
  }
});

// node_modules/chokidar/esm/handler.js
function createFsWatchInstance(path, options, listener, errHandler, emitRaw) {
  const handleEvent = (rawEvent, evPath) => {
    listener(path);
    emitRaw(rawEvent, evPath, { watchedPath: path });
    if (evPath && path !== evPath) {
      fsWatchBroadcast(sysPath.resolve(path, evPath), KEY_LISTENERS, sysPath.join(path, evPath));
    }
  };
  try {
    return (0, import_fs.watch)(path, {
      persistent: options.persistent
    }, handleEvent);
  } catch (error) {
    errHandler(error);
    return void 0;
  }
}
var import_fs, import_promises2, sysPath, import_os, STR_DATA, STR_END, STR_CLOSE, EMPTY_FN, pl, isWindows, isMacos, isLinux, isFreeBSD, isIBMi, EVENTS, EV, THROTTLE_MODE_WATCH, statMethods, KEY_LISTENERS, KEY_ERR, KEY_RAW, HANDLER_KEYS, binaryExtensions, isBinaryPath, foreach, addAndConvert, clearItem, delFromSet, isEmptySet, FsWatchInstances, fsWatchBroadcast, setFsWatchListener, FsWatchFileInstances, setFsWatchFileListener, NodeFsHandler;
var init_handler = __esm({
  "node_modules/chokidar/esm/handler.js"() {
    import_fs = require("fs");
    import_promises2 = require("fs/promises");
    sysPath = __toESM(require("path"), 1);
    import_os = require("os");
    STR_DATA = "data";
    STR_END = "end";
    STR_CLOSE = "close";
    EMPTY_FN = () => {
    };
    pl = process.platform;
    isWindows = pl === "win32";
    isMacos = pl === "darwin";
    isLinux = pl === "linux";
    isFreeBSD = pl === "freebsd";
    isIBMi = (0, import_os.type)() === "OS400";
    EVENTS = {
      ALL: "all",
      READY: "ready",
      ADD: "add",
      CHANGE: "change",
      ADD_DIR: "addDir",
      UNLINK: "unlink",
      UNLINK_DIR: "unlinkDir",
      RAW: "raw",
      ERROR: "error"
    };
    EV = EVENTS;
    THROTTLE_MODE_WATCH = "watch";
    statMethods = { lstat: import_promises2.lstat, stat: import_promises2.stat };
    KEY_LISTENERS = "listeners";
    KEY_ERR = "errHandlers";
    KEY_RAW = "rawEmitters";
    HANDLER_KEYS = [KEY_LISTENERS, KEY_ERR, KEY_RAW];
    binaryExtensions = /* @__PURE__ */ new Set([
      "3dm",
      "3ds",
      "3g2",
      "3gp",
      "7z",
      "a",
      "aac",
      "adp",
      "afdesign",
      "afphoto",
      "afpub",
      "ai",
      "aif",
      "aiff",
      "alz",
      "ape",
      "apk",
      "appimage",
      "ar",
      "arj",
      "asf",
      "au",
      "avi",
      "bak",
      "baml",
      "bh",
      "bin",
      "bk",
      "bmp",
      "btif",
      "bz2",
      "bzip2",
      "cab",
      "caf",
      "cgm",
      "class",
      "cmx",
      "cpio",
      "cr2",
      "cur",
      "dat",
      "dcm",
      "deb",
      "dex",
      "djvu",
      "dll",
      "dmg",
      "dng",
      "doc",
      "docm",
      "docx",
      "dot",
      "dotm",
      "dra",
      "DS_Store",
      "dsk",
      "dts",
      "dtshd",
      "dvb",
      "dwg",
      "dxf",
      "ecelp4800",
      "ecelp7470",
      "ecelp9600",
      "egg",
      "eol",
      "eot",
      "epub",
      "exe",
      "f4v",
      "fbs",
      "fh",
      "fla",
      "flac",
      "flatpak",
      "fli",
      "flv",
      "fpx",
      "fst",
      "fvt",
      "g3",
      "gh",
      "gif",
      "graffle",
      "gz",
      "gzip",
      "h261",
      "h263",
      "h264",
      "icns",
      "ico",
      "ief",
      "img",
      "ipa",
      "iso",
      "jar",
      "jpeg",
      "jpg",
      "jpgv",
      "jpm",
      "jxr",
      "key",
      "ktx",
      "lha",
      "lib",
      "lvp",
      "lz",
      "lzh",
      "lzma",
      "lzo",
      "m3u",
      "m4a",
      "m4v",
      "mar",
      "mdi",
      "mht",
      "mid",
      "midi",
      "mj2",
      "mka",
      "mkv",
      "mmr",
      "mng",
      "mobi",
      "mov",
      "movie",
      "mp3",
      "mp4",
      "mp4a",
      "mpeg",
      "mpg",
      "mpga",
      "mxu",
      "nef",
      "npx",
      "numbers",
      "nupkg",
      "o",
      "odp",
      "ods",
      "odt",
      "oga",
      "ogg",
      "ogv",
      "otf",
      "ott",
      "pages",
      "pbm",
      "pcx",
      "pdb",
      "pdf",
      "pea",
      "pgm",
      "pic",
      "png",
      "pnm",
      "pot",
      "potm",
      "potx",
      "ppa",
      "ppam",
      "ppm",
      "pps",
      "ppsm",
      "ppsx",
      "ppt",
      "pptm",
      "pptx",
      "psd",
      "pya",
      "pyc",
      "pyo",
      "pyv",
      "qt",
      "rar",
      "ras",
      "raw",
      "resources",
      "rgb",
      "rip",
      "rlc",
      "rmf",
      "rmvb",
      "rpm",
      "rtf",
      "rz",
      "s3m",
      "s7z",
      "scpt",
      "sgi",
      "shar",
      "snap",
      "sil",
      "sketch",
      "slk",
      "smv",
      "snk",
      "so",
      "stl",
      "suo",
      "sub",
      "swf",
      "tar",
      "tbz",
      "tbz2",
      "tga",
      "tgz",
      "thmx",
      "tif",
      "tiff",
      "tlz",
      "ttc",
      "ttf",
      "txz",
      "udf",
      "uvh",
      "uvi",
      "uvm",
      "uvp",
      "uvs",
      "uvu",
      "viv",
      "vob",
      "war",
      "wav",
      "wax",
      "wbmp",
      "wdp",
      "weba",
      "webm",
      "webp",
      "whl",
      "wim",
      "wm",
      "wma",
      "wmv",
      "wmx",
      "woff",
      "woff2",
      "wrm",
      "wvx",
      "xbm",
      "xif",
      "xla",
      "xlam",
      "xls",
      "xlsb",
      "xlsm",
      "xlsx",
      "xlt",
      "xltm",
      "xltx",
      "xm",
      "xmind",
      "xpi",
      "xpm",
      "xwd",
      "xz",
      "z",
      "zip",
      "zipx"
    ]);
    isBinaryPath = (filePath) => binaryExtensions.has(sysPath.extname(filePath).slice(1).toLowerCase());
    foreach = (val, fn) => {
      if (val instanceof Set) {
        val.forEach(fn);
      } else {
        fn(val);
      }
    };
    addAndConvert = (main, prop, item) => {
      let container2 = main[prop];
      if (!(container2 instanceof Set)) {
        main[prop] = container2 = /* @__PURE__ */ new Set([container2]);
      }
      container2.add(item);
    };
    clearItem = (cont) => (key) => {
      const set = cont[key];
      if (set instanceof Set) {
        set.clear();
      } else {
        delete cont[key];
      }
    };
    delFromSet = (main, prop, item) => {
      const container2 = main[prop];
      if (container2 instanceof Set) {
        container2.delete(item);
      } else if (container2 === item) {
        delete main[prop];
      }
    };
    isEmptySet = (val) => val instanceof Set ? val.size === 0 : !val;
    FsWatchInstances = /* @__PURE__ */ new Map();
    fsWatchBroadcast = (fullPath, listenerType, val1, val2, val3) => {
      const cont = FsWatchInstances.get(fullPath);
      if (!cont)
        return;
      foreach(cont[listenerType], (listener) => {
        listener(val1, val2, val3);
      });
    };
    setFsWatchListener = (path, fullPath, options, handlers) => {
      const { listener, errHandler, rawEmitter } = handlers;
      let cont = FsWatchInstances.get(fullPath);
      let watcher;
      if (!options.persistent) {
        watcher = createFsWatchInstance(path, options, listener, errHandler, rawEmitter);
        if (!watcher)
          return;
        return watcher.close.bind(watcher);
      }
      if (cont) {
        addAndConvert(cont, KEY_LISTENERS, listener);
        addAndConvert(cont, KEY_ERR, errHandler);
        addAndConvert(cont, KEY_RAW, rawEmitter);
      } else {
        watcher = createFsWatchInstance(
          path,
          options,
          fsWatchBroadcast.bind(null, fullPath, KEY_LISTENERS),
          errHandler,
          // no need to use broadcast here
          fsWatchBroadcast.bind(null, fullPath, KEY_RAW)
        );
        if (!watcher)
          return;
        watcher.on(EV.ERROR, async (error) => {
          const broadcastErr = fsWatchBroadcast.bind(null, fullPath, KEY_ERR);
          if (cont)
            cont.watcherUnusable = true;
          if (isWindows && error.code === "EPERM") {
            try {
              const fd = await (0, import_promises2.open)(path, "r");
              await fd.close();
              broadcastErr(error);
            } catch (err) {
            }
          } else {
            broadcastErr(error);
          }
        });
        cont = {
          listeners: listener,
          errHandlers: errHandler,
          rawEmitters: rawEmitter,
          watcher
        };
        FsWatchInstances.set(fullPath, cont);
      }
      return () => {
        delFromSet(cont, KEY_LISTENERS, listener);
        delFromSet(cont, KEY_ERR, errHandler);
        delFromSet(cont, KEY_RAW, rawEmitter);
        if (isEmptySet(cont.listeners)) {
          cont.watcher.close();
          FsWatchInstances.delete(fullPath);
          HANDLER_KEYS.forEach(clearItem(cont));
          cont.watcher = void 0;
          Object.freeze(cont);
        }
      };
    };
    FsWatchFileInstances = /* @__PURE__ */ new Map();
    setFsWatchFileListener = (path, fullPath, options, handlers) => {
      const { listener, rawEmitter } = handlers;
      let cont = FsWatchFileInstances.get(fullPath);
      const copts = cont && cont.options;
      if (copts && (copts.persistent < options.persistent || copts.interval > options.interval)) {
        (0, import_fs.unwatchFile)(fullPath);
        cont = void 0;
      }
      if (cont) {
        addAndConvert(cont, KEY_LISTENERS, listener);
        addAndConvert(cont, KEY_RAW, rawEmitter);
      } else {
        cont = {
          listeners: listener,
          rawEmitters: rawEmitter,
          options,
          watcher: (0, import_fs.watchFile)(fullPath, options, (curr, prev) => {
            foreach(cont.rawEmitters, (rawEmitter2) => {
              rawEmitter2(EV.CHANGE, fullPath, { curr, prev });
            });
            const currmtime = curr.mtimeMs;
            if (curr.size !== prev.size || currmtime > prev.mtimeMs || currmtime === 0) {
              foreach(cont.listeners, (listener2) => listener2(path, curr));
            }
          })
        };
        FsWatchFileInstances.set(fullPath, cont);
      }
      return () => {
        delFromSet(cont, KEY_LISTENERS, listener);
        delFromSet(cont, KEY_RAW, rawEmitter);
        if (isEmptySet(cont.listeners)) {
          FsWatchFileInstances.delete(fullPath);
          (0, import_fs.unwatchFile)(fullPath);
          cont.options = cont.watcher = void 0;
          Object.freeze(cont);
        }
      };
    };
    NodeFsHandler = class {
      constructor(fsW) {
        this.fsw = fsW;
        this._boundHandleError = (error) => fsW._handleError(error);
      }
      /**
       * Watch file for changes with fs_watchFile or fs_watch.
       * @param path to file or dir
       * @param listener on fs change
       * @returns closer for the watcher instance
       */
      _watchWithNodeFs(path, listener) {
        const opts = this.fsw.options;
        const directory = sysPath.dirname(path);
        const basename6 = sysPath.basename(path);
        const parent = this.fsw._getWatchedDir(directory);
        parent.add(basename6);
        const absolutePath = sysPath.resolve(path);
        const options = {
          persistent: opts.persistent
        };
        if (!listener)
          listener = EMPTY_FN;
        let closer;
        if (opts.usePolling) {
          const enableBin = opts.interval !== opts.binaryInterval;
          options.interval = enableBin && isBinaryPath(basename6) ? opts.binaryInterval : opts.interval;
          closer = setFsWatchFileListener(path, absolutePath, options, {
            listener,
            rawEmitter: this.fsw._emitRaw
          });
        } else {
          closer = setFsWatchListener(path, absolutePath, options, {
            listener,
            errHandler: this._boundHandleError,
            rawEmitter: this.fsw._emitRaw
          });
        }
        return closer;
      }
      /**
       * Watch a file and emit add event if warranted.
       * @returns closer for the watcher instance
       */
      _handleFile(file, stats, initialAdd) {
        if (this.fsw.closed) {
          return;
        }
        const dirname11 = sysPath.dirname(file);
        const basename6 = sysPath.basename(file);
        const parent = this.fsw._getWatchedDir(dirname11);
        let prevStats = stats;
        if (parent.has(basename6))
          return;
        const listener = async (path, newStats) => {
          if (!this.fsw._throttle(THROTTLE_MODE_WATCH, file, 5))
            return;
          if (!newStats || newStats.mtimeMs === 0) {
            try {
              const newStats2 = await (0, import_promises2.stat)(file);
              if (this.fsw.closed)
                return;
              const at = newStats2.atimeMs;
              const mt = newStats2.mtimeMs;
              if (!at || at <= mt || mt !== prevStats.mtimeMs) {
                this.fsw._emit(EV.CHANGE, file, newStats2);
              }
              if ((isMacos || isLinux || isFreeBSD) && prevStats.ino !== newStats2.ino) {
                this.fsw._closeFile(path);
                prevStats = newStats2;
                const closer2 = this._watchWithNodeFs(file, listener);
                if (closer2)
                  this.fsw._addPathCloser(path, closer2);
              } else {
                prevStats = newStats2;
              }
            } catch (error) {
              this.fsw._remove(dirname11, basename6);
            }
          } else if (parent.has(basename6)) {
            const at = newStats.atimeMs;
            const mt = newStats.mtimeMs;
            if (!at || at <= mt || mt !== prevStats.mtimeMs) {
              this.fsw._emit(EV.CHANGE, file, newStats);
            }
            prevStats = newStats;
          }
        };
        const closer = this._watchWithNodeFs(file, listener);
        if (!(initialAdd && this.fsw.options.ignoreInitial) && this.fsw._isntIgnored(file)) {
          if (!this.fsw._throttle(EV.ADD, file, 0))
            return;
          this.fsw._emit(EV.ADD, file, stats);
        }
        return closer;
      }
      /**
       * Handle symlinks encountered while reading a dir.
       * @param entry returned by readdirp
       * @param directory path of dir being read
       * @param path of this item
       * @param item basename of this item
       * @returns true if no more processing is needed for this entry.
       */
      async _handleSymlink(entry, directory, path, item) {
        if (this.fsw.closed) {
          return;
        }
        const full = entry.fullPath;
        const dir = this.fsw._getWatchedDir(directory);
        if (!this.fsw.options.followSymlinks) {
          this.fsw._incrReadyCount();
          let linkPath;
          try {
            linkPath = await (0, import_promises2.realpath)(path);
          } catch (e) {
            this.fsw._emitReady();
            return true;
          }
          if (this.fsw.closed)
            return;
          if (dir.has(item)) {
            if (this.fsw._symlinkPaths.get(full) !== linkPath) {
              this.fsw._symlinkPaths.set(full, linkPath);
              this.fsw._emit(EV.CHANGE, path, entry.stats);
            }
          } else {
            dir.add(item);
            this.fsw._symlinkPaths.set(full, linkPath);
            this.fsw._emit(EV.ADD, path, entry.stats);
          }
          this.fsw._emitReady();
          return true;
        }
        if (this.fsw._symlinkPaths.has(full)) {
          return true;
        }
        this.fsw._symlinkPaths.set(full, true);
      }
      _handleRead(directory, initialAdd, wh, target, dir, depth, throttler) {
        directory = sysPath.join(directory, "");
        throttler = this.fsw._throttle("readdir", directory, 1e3);
        if (!throttler)
          return;
        const previous = this.fsw._getWatchedDir(wh.path);
        const current = /* @__PURE__ */ new Set();
        let stream = this.fsw._readdirp(directory, {
          fileFilter: (entry) => wh.filterPath(entry),
          directoryFilter: (entry) => wh.filterDir(entry)
        });
        if (!stream)
          return;
        stream.on(STR_DATA, async (entry) => {
          if (this.fsw.closed) {
            stream = void 0;
            return;
          }
          const item = entry.path;
          let path = sysPath.join(directory, item);
          current.add(item);
          if (entry.stats.isSymbolicLink() && await this._handleSymlink(entry, directory, path, item)) {
            return;
          }
          if (this.fsw.closed) {
            stream = void 0;
            return;
          }
          if (item === target || !target && !previous.has(item)) {
            this.fsw._incrReadyCount();
            path = sysPath.join(dir, sysPath.relative(dir, path));
            this._addToNodeFs(path, initialAdd, wh, depth + 1);
          }
        }).on(EV.ERROR, this._boundHandleError);
        return new Promise((resolve4, reject) => {
          if (!stream)
            return reject();
          stream.once(STR_END, () => {
            if (this.fsw.closed) {
              stream = void 0;
              return;
            }
            const wasThrottled = throttler ? throttler.clear() : false;
            resolve4(void 0);
            previous.getChildren().filter((item) => {
              return item !== directory && !current.has(item);
            }).forEach((item) => {
              this.fsw._remove(directory, item);
            });
            stream = void 0;
            if (wasThrottled)
              this._handleRead(directory, false, wh, target, dir, depth, throttler);
          });
        });
      }
      /**
       * Read directory to add / remove files from `@watched` list and re-read it on change.
       * @param dir fs path
       * @param stats
       * @param initialAdd
       * @param depth relative to user-supplied path
       * @param target child path targeted for watch
       * @param wh Common watch helpers for this path
       * @param realpath
       * @returns closer for the watcher instance.
       */
      async _handleDir(dir, stats, initialAdd, depth, target, wh, realpath2) {
        const parentDir = this.fsw._getWatchedDir(sysPath.dirname(dir));
        const tracked = parentDir.has(sysPath.basename(dir));
        if (!(initialAdd && this.fsw.options.ignoreInitial) && !target && !tracked) {
          this.fsw._emit(EV.ADD_DIR, dir, stats);
        }
        parentDir.add(sysPath.basename(dir));
        this.fsw._getWatchedDir(dir);
        let throttler;
        let closer;
        const oDepth = this.fsw.options.depth;
        if ((oDepth == null || depth <= oDepth) && !this.fsw._symlinkPaths.has(realpath2)) {
          if (!target) {
            await this._handleRead(dir, initialAdd, wh, target, dir, depth, throttler);
            if (this.fsw.closed)
              return;
          }
          closer = this._watchWithNodeFs(dir, (dirPath, stats2) => {
            if (stats2 && stats2.mtimeMs === 0)
              return;
            this._handleRead(dirPath, false, wh, target, dir, depth, throttler);
          });
        }
        return closer;
      }
      /**
       * Handle added file, directory, or glob pattern.
       * Delegates call to _handleFile / _handleDir after checks.
       * @param path to file or ir
       * @param initialAdd was the file added at watch instantiation?
       * @param priorWh depth relative to user-supplied path
       * @param depth Child path actually targeted for watch
       * @param target Child path actually targeted for watch
       */
      async _addToNodeFs(path, initialAdd, priorWh, depth, target) {
        const ready = this.fsw._emitReady;
        if (this.fsw._isIgnored(path) || this.fsw.closed) {
          ready();
          return false;
        }
        const wh = this.fsw._getWatchHelpers(path);
        if (priorWh) {
          wh.filterPath = (entry) => priorWh.filterPath(entry);
          wh.filterDir = (entry) => priorWh.filterDir(entry);
        }
        try {
          const stats = await statMethods[wh.statMethod](wh.watchPath);
          if (this.fsw.closed)
            return;
          if (this.fsw._isIgnored(wh.watchPath, stats)) {
            ready();
            return false;
          }
          const follow = this.fsw.options.followSymlinks;
          let closer;
          if (stats.isDirectory()) {
            const absPath = sysPath.resolve(path);
            const targetPath = follow ? await (0, import_promises2.realpath)(path) : path;
            if (this.fsw.closed)
              return;
            closer = await this._handleDir(wh.watchPath, stats, initialAdd, depth, target, wh, targetPath);
            if (this.fsw.closed)
              return;
            if (absPath !== targetPath && targetPath !== void 0) {
              this.fsw._symlinkPaths.set(absPath, targetPath);
            }
          } else if (stats.isSymbolicLink()) {
            const targetPath = follow ? await (0, import_promises2.realpath)(path) : path;
            if (this.fsw.closed)
              return;
            const parent = sysPath.dirname(wh.watchPath);
            this.fsw._getWatchedDir(parent).add(wh.watchPath);
            this.fsw._emit(EV.ADD, wh.watchPath, stats);
            closer = await this._handleDir(parent, stats, initialAdd, depth, path, wh, targetPath);
            if (this.fsw.closed)
              return;
            if (targetPath !== void 0) {
              this.fsw._symlinkPaths.set(sysPath.resolve(path), targetPath);
            }
          } else {
            closer = this._handleFile(wh.watchPath, stats, initialAdd);
          }
          ready();
          if (closer)
            this.fsw._addPathCloser(path, closer);
          return false;
        } catch (error) {
          if (this.fsw._handleError(error)) {
            ready();
            return path;
          }
        }
      }
    };
  }
});

// node_modules/chokidar/esm/index.js
var esm_exports = {};
__export(esm_exports, {
  FSWatcher: () => FSWatcher,
  WatchHelper: () => WatchHelper,
  default: () => esm_default,
  watch: () => watch
});
function arrify(item) {
  return Array.isArray(item) ? item : [item];
}
function createPattern(matcher) {
  if (typeof matcher === "function")
    return matcher;
  if (typeof matcher === "string")
    return (string) => matcher === string;
  if (matcher instanceof RegExp)
    return (string) => matcher.test(string);
  if (typeof matcher === "object" && matcher !== null) {
    return (string) => {
      if (matcher.path === string)
        return true;
      if (matcher.recursive) {
        const relative5 = sysPath2.relative(matcher.path, string);
        if (!relative5) {
          return false;
        }
        return !relative5.startsWith("..") && !sysPath2.isAbsolute(relative5);
      }
      return false;
    };
  }
  return () => false;
}
function normalizePath(path) {
  if (typeof path !== "string")
    throw new Error("string expected");
  path = sysPath2.normalize(path);
  path = path.replace(/\\/g, "/");
  let prepend = false;
  if (path.startsWith("//"))
    prepend = true;
  const DOUBLE_SLASH_RE2 = /\/\//;
  while (path.match(DOUBLE_SLASH_RE2))
    path = path.replace(DOUBLE_SLASH_RE2, "/");
  if (prepend)
    path = "/" + path;
  return path;
}
function matchPatterns(patterns, testString, stats) {
  const path = normalizePath(testString);
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index];
    if (pattern(path, stats)) {
      return true;
    }
  }
  return false;
}
function anymatch(matchers, testString) {
  if (matchers == null) {
    throw new TypeError("anymatch: specify first argument");
  }
  const matchersArray = arrify(matchers);
  const patterns = matchersArray.map((matcher) => createPattern(matcher));
  if (testString == null) {
    return (testString2, stats) => {
      return matchPatterns(patterns, testString2, stats);
    };
  }
  return matchPatterns(patterns, testString);
}
function watch(paths, options = {}) {
  const watcher = new FSWatcher(options);
  watcher.add(paths);
  return watcher;
}
var import_fs2, import_promises3, import_events, sysPath2, SLASH, SLASH_SLASH, ONE_DOT, TWO_DOTS, STRING_TYPE, BACK_SLASH_RE, DOUBLE_SLASH_RE, DOT_RE, REPLACER_RE, isMatcherObject, unifyPaths, toUnix, normalizePathToUnix, normalizeIgnored, getAbsolutePath, EMPTY_SET, DirEntry, STAT_METHOD_F, STAT_METHOD_L, WatchHelper, FSWatcher, esm_default;
var init_esm2 = __esm({
  "node_modules/chokidar/esm/index.js"() {
    import_fs2 = require("fs");
    import_promises3 = require("fs/promises");
    import_events = require("events");
    sysPath2 = __toESM(require("path"), 1);
    init_esm();
    init_handler();
    SLASH = "/";
    SLASH_SLASH = "//";
    ONE_DOT = ".";
    TWO_DOTS = "..";
    STRING_TYPE = "string";
    BACK_SLASH_RE = /\\/g;
    DOUBLE_SLASH_RE = /\/\//;
    DOT_RE = /\..*\.(sw[px])$|~$|\.subl.*\.tmp/;
    REPLACER_RE = /^\.[/\\]/;
    isMatcherObject = (matcher) => typeof matcher === "object" && matcher !== null && !(matcher instanceof RegExp);
    unifyPaths = (paths_) => {
      const paths = arrify(paths_).flat();
      if (!paths.every((p) => typeof p === STRING_TYPE)) {
        throw new TypeError(`Non-string provided as watch path: ${paths}`);
      }
      return paths.map(normalizePathToUnix);
    };
    toUnix = (string) => {
      let str = string.replace(BACK_SLASH_RE, SLASH);
      let prepend = false;
      if (str.startsWith(SLASH_SLASH)) {
        prepend = true;
      }
      while (str.match(DOUBLE_SLASH_RE)) {
        str = str.replace(DOUBLE_SLASH_RE, SLASH);
      }
      if (prepend) {
        str = SLASH + str;
      }
      return str;
    };
    normalizePathToUnix = (path) => toUnix(sysPath2.normalize(toUnix(path)));
    normalizeIgnored = (cwd = "") => (path) => {
      if (typeof path === "string") {
        return normalizePathToUnix(sysPath2.isAbsolute(path) ? path : sysPath2.join(cwd, path));
      } else {
        return path;
      }
    };
    getAbsolutePath = (path, cwd) => {
      if (sysPath2.isAbsolute(path)) {
        return path;
      }
      return sysPath2.join(cwd, path);
    };
    EMPTY_SET = Object.freeze(/* @__PURE__ */ new Set());
    DirEntry = class {
      constructor(dir, removeWatcher) {
        this.path = dir;
        this._removeWatcher = removeWatcher;
        this.items = /* @__PURE__ */ new Set();
      }
      add(item) {
        const { items } = this;
        if (!items)
          return;
        if (item !== ONE_DOT && item !== TWO_DOTS)
          items.add(item);
      }
      async remove(item) {
        const { items } = this;
        if (!items)
          return;
        items.delete(item);
        if (items.size > 0)
          return;
        const dir = this.path;
        try {
          await (0, import_promises3.readdir)(dir);
        } catch (err) {
          if (this._removeWatcher) {
            this._removeWatcher(sysPath2.dirname(dir), sysPath2.basename(dir));
          }
        }
      }
      has(item) {
        const { items } = this;
        if (!items)
          return;
        return items.has(item);
      }
      getChildren() {
        const { items } = this;
        if (!items)
          return [];
        return [...items.values()];
      }
      dispose() {
        this.items.clear();
        this.path = "";
        this._removeWatcher = EMPTY_FN;
        this.items = EMPTY_SET;
        Object.freeze(this);
      }
    };
    STAT_METHOD_F = "stat";
    STAT_METHOD_L = "lstat";
    WatchHelper = class {
      constructor(path, follow, fsw) {
        this.fsw = fsw;
        const watchPath = path;
        this.path = path = path.replace(REPLACER_RE, "");
        this.watchPath = watchPath;
        this.fullWatchPath = sysPath2.resolve(watchPath);
        this.dirParts = [];
        this.dirParts.forEach((parts) => {
          if (parts.length > 1)
            parts.pop();
        });
        this.followSymlinks = follow;
        this.statMethod = follow ? STAT_METHOD_F : STAT_METHOD_L;
      }
      entryPath(entry) {
        return sysPath2.join(this.watchPath, sysPath2.relative(this.watchPath, entry.fullPath));
      }
      filterPath(entry) {
        const { stats } = entry;
        if (stats && stats.isSymbolicLink())
          return this.filterDir(entry);
        const resolvedPath = this.entryPath(entry);
        return this.fsw._isntIgnored(resolvedPath, stats) && this.fsw._hasReadPermissions(stats);
      }
      filterDir(entry) {
        return this.fsw._isntIgnored(this.entryPath(entry), entry.stats);
      }
    };
    FSWatcher = class extends import_events.EventEmitter {
      // Not indenting methods for history sake; for now.
      constructor(_opts = {}) {
        super();
        this.closed = false;
        this._closers = /* @__PURE__ */ new Map();
        this._ignoredPaths = /* @__PURE__ */ new Set();
        this._throttled = /* @__PURE__ */ new Map();
        this._streams = /* @__PURE__ */ new Set();
        this._symlinkPaths = /* @__PURE__ */ new Map();
        this._watched = /* @__PURE__ */ new Map();
        this._pendingWrites = /* @__PURE__ */ new Map();
        this._pendingUnlinks = /* @__PURE__ */ new Map();
        this._readyCount = 0;
        this._readyEmitted = false;
        const awf = _opts.awaitWriteFinish;
        const DEF_AWF = { stabilityThreshold: 2e3, pollInterval: 100 };
        const opts = {
          // Defaults
          persistent: true,
          ignoreInitial: false,
          ignorePermissionErrors: false,
          interval: 100,
          binaryInterval: 300,
          followSymlinks: true,
          usePolling: false,
          // useAsync: false,
          atomic: true,
          // NOTE: overwritten later (depends on usePolling)
          ..._opts,
          // Change format
          ignored: _opts.ignored ? arrify(_opts.ignored) : arrify([]),
          awaitWriteFinish: awf === true ? DEF_AWF : typeof awf === "object" ? { ...DEF_AWF, ...awf } : false
        };
        if (isIBMi)
          opts.usePolling = true;
        if (opts.atomic === void 0)
          opts.atomic = !opts.usePolling;
        const envPoll = process.env.CHOKIDAR_USEPOLLING;
        if (envPoll !== void 0) {
          const envLower = envPoll.toLowerCase();
          if (envLower === "false" || envLower === "0")
            opts.usePolling = false;
          else if (envLower === "true" || envLower === "1")
            opts.usePolling = true;
          else
            opts.usePolling = !!envLower;
        }
        const envInterval = process.env.CHOKIDAR_INTERVAL;
        if (envInterval)
          opts.interval = Number.parseInt(envInterval, 10);
        let readyCalls = 0;
        this._emitReady = () => {
          readyCalls++;
          if (readyCalls >= this._readyCount) {
            this._emitReady = EMPTY_FN;
            this._readyEmitted = true;
            process.nextTick(() => this.emit(EVENTS.READY));
          }
        };
        this._emitRaw = (...args) => this.emit(EVENTS.RAW, ...args);
        this._boundRemove = this._remove.bind(this);
        this.options = opts;
        this._nodeFsHandler = new NodeFsHandler(this);
        Object.freeze(opts);
      }
      _addIgnoredPath(matcher) {
        if (isMatcherObject(matcher)) {
          for (const ignored of this._ignoredPaths) {
            if (isMatcherObject(ignored) && ignored.path === matcher.path && ignored.recursive === matcher.recursive) {
              return;
            }
          }
        }
        this._ignoredPaths.add(matcher);
      }
      _removeIgnoredPath(matcher) {
        this._ignoredPaths.delete(matcher);
        if (typeof matcher === "string") {
          for (const ignored of this._ignoredPaths) {
            if (isMatcherObject(ignored) && ignored.path === matcher) {
              this._ignoredPaths.delete(ignored);
            }
          }
        }
      }
      // Public methods
      /**
       * Adds paths to be watched on an existing FSWatcher instance.
       * @param paths_ file or file list. Other arguments are unused
       */
      add(paths_, _origAdd, _internal) {
        const { cwd } = this.options;
        this.closed = false;
        this._closePromise = void 0;
        let paths = unifyPaths(paths_);
        if (cwd) {
          paths = paths.map((path) => {
            const absPath = getAbsolutePath(path, cwd);
            return absPath;
          });
        }
        paths.forEach((path) => {
          this._removeIgnoredPath(path);
        });
        this._userIgnored = void 0;
        if (!this._readyCount)
          this._readyCount = 0;
        this._readyCount += paths.length;
        Promise.all(paths.map(async (path) => {
          const res = await this._nodeFsHandler._addToNodeFs(path, !_internal, void 0, 0, _origAdd);
          if (res)
            this._emitReady();
          return res;
        })).then((results) => {
          if (this.closed)
            return;
          results.forEach((item) => {
            if (item)
              this.add(sysPath2.dirname(item), sysPath2.basename(_origAdd || item));
          });
        });
        return this;
      }
      /**
       * Close watchers or start ignoring events from specified paths.
       */
      unwatch(paths_) {
        if (this.closed)
          return this;
        const paths = unifyPaths(paths_);
        const { cwd } = this.options;
        paths.forEach((path) => {
          if (!sysPath2.isAbsolute(path) && !this._closers.has(path)) {
            if (cwd)
              path = sysPath2.join(cwd, path);
            path = sysPath2.resolve(path);
          }
          this._closePath(path);
          this._addIgnoredPath(path);
          if (this._watched.has(path)) {
            this._addIgnoredPath({
              path,
              recursive: true
            });
          }
          this._userIgnored = void 0;
        });
        return this;
      }
      /**
       * Close watchers and remove all listeners from watched paths.
       */
      close() {
        if (this._closePromise) {
          return this._closePromise;
        }
        this.closed = true;
        this.removeAllListeners();
        const closers = [];
        this._closers.forEach((closerList) => closerList.forEach((closer) => {
          const promise = closer();
          if (promise instanceof Promise)
            closers.push(promise);
        }));
        this._streams.forEach((stream) => stream.destroy());
        this._userIgnored = void 0;
        this._readyCount = 0;
        this._readyEmitted = false;
        this._watched.forEach((dirent) => dirent.dispose());
        this._closers.clear();
        this._watched.clear();
        this._streams.clear();
        this._symlinkPaths.clear();
        this._throttled.clear();
        this._closePromise = closers.length ? Promise.all(closers).then(() => void 0) : Promise.resolve();
        return this._closePromise;
      }
      /**
       * Expose list of watched paths
       * @returns for chaining
       */
      getWatched() {
        const watchList = {};
        this._watched.forEach((entry, dir) => {
          const key = this.options.cwd ? sysPath2.relative(this.options.cwd, dir) : dir;
          const index = key || ONE_DOT;
          watchList[index] = entry.getChildren().sort();
        });
        return watchList;
      }
      emitWithAll(event, args) {
        this.emit(event, ...args);
        if (event !== EVENTS.ERROR)
          this.emit(EVENTS.ALL, event, ...args);
      }
      // Common helpers
      // --------------
      /**
       * Normalize and emit events.
       * Calling _emit DOES NOT MEAN emit() would be called!
       * @param event Type of event
       * @param path File or directory path
       * @param stats arguments to be passed with event
       * @returns the error if defined, otherwise the value of the FSWatcher instance's `closed` flag
       */
      async _emit(event, path, stats) {
        if (this.closed)
          return;
        const opts = this.options;
        if (isWindows)
          path = sysPath2.normalize(path);
        if (opts.cwd)
          path = sysPath2.relative(opts.cwd, path);
        const args = [path];
        if (stats != null)
          args.push(stats);
        const awf = opts.awaitWriteFinish;
        let pw;
        if (awf && (pw = this._pendingWrites.get(path))) {
          pw.lastChange = /* @__PURE__ */ new Date();
          return this;
        }
        if (opts.atomic) {
          if (event === EVENTS.UNLINK) {
            this._pendingUnlinks.set(path, [event, ...args]);
            setTimeout(() => {
              this._pendingUnlinks.forEach((entry, path2) => {
                this.emit(...entry);
                this.emit(EVENTS.ALL, ...entry);
                this._pendingUnlinks.delete(path2);
              });
            }, typeof opts.atomic === "number" ? opts.atomic : 100);
            return this;
          }
          if (event === EVENTS.ADD && this._pendingUnlinks.has(path)) {
            event = EVENTS.CHANGE;
            this._pendingUnlinks.delete(path);
          }
        }
        if (awf && (event === EVENTS.ADD || event === EVENTS.CHANGE) && this._readyEmitted) {
          const awfEmit = (err, stats2) => {
            if (err) {
              event = EVENTS.ERROR;
              args[0] = err;
              this.emitWithAll(event, args);
            } else if (stats2) {
              if (args.length > 1) {
                args[1] = stats2;
              } else {
                args.push(stats2);
              }
              this.emitWithAll(event, args);
            }
          };
          this._awaitWriteFinish(path, awf.stabilityThreshold, event, awfEmit);
          return this;
        }
        if (event === EVENTS.CHANGE) {
          const isThrottled = !this._throttle(EVENTS.CHANGE, path, 50);
          if (isThrottled)
            return this;
        }
        if (opts.alwaysStat && stats === void 0 && (event === EVENTS.ADD || event === EVENTS.ADD_DIR || event === EVENTS.CHANGE)) {
          const fullPath = opts.cwd ? sysPath2.join(opts.cwd, path) : path;
          let stats2;
          try {
            stats2 = await (0, import_promises3.stat)(fullPath);
          } catch (err) {
          }
          if (!stats2 || this.closed)
            return;
          args.push(stats2);
        }
        this.emitWithAll(event, args);
        return this;
      }
      /**
       * Common handler for errors
       * @returns The error if defined, otherwise the value of the FSWatcher instance's `closed` flag
       */
      _handleError(error) {
        const code = error && error.code;
        if (error && code !== "ENOENT" && code !== "ENOTDIR" && (!this.options.ignorePermissionErrors || code !== "EPERM" && code !== "EACCES")) {
          this.emit(EVENTS.ERROR, error);
        }
        return error || this.closed;
      }
      /**
       * Helper utility for throttling
       * @param actionType type being throttled
       * @param path being acted upon
       * @param timeout duration of time to suppress duplicate actions
       * @returns tracking object or false if action should be suppressed
       */
      _throttle(actionType, path, timeout) {
        if (!this._throttled.has(actionType)) {
          this._throttled.set(actionType, /* @__PURE__ */ new Map());
        }
        const action = this._throttled.get(actionType);
        if (!action)
          throw new Error("invalid throttle");
        const actionPath = action.get(path);
        if (actionPath) {
          actionPath.count++;
          return false;
        }
        let timeoutObject;
        const clear = () => {
          const item = action.get(path);
          const count = item ? item.count : 0;
          action.delete(path);
          clearTimeout(timeoutObject);
          if (item)
            clearTimeout(item.timeoutObject);
          return count;
        };
        timeoutObject = setTimeout(clear, timeout);
        const thr = { timeoutObject, clear, count: 0 };
        action.set(path, thr);
        return thr;
      }
      _incrReadyCount() {
        return this._readyCount++;
      }
      /**
       * Awaits write operation to finish.
       * Polls a newly created file for size variations. When files size does not change for 'threshold' milliseconds calls callback.
       * @param path being acted upon
       * @param threshold Time in milliseconds a file size must be fixed before acknowledging write OP is finished
       * @param event
       * @param awfEmit Callback to be called when ready for event to be emitted.
       */
      _awaitWriteFinish(path, threshold, event, awfEmit) {
        const awf = this.options.awaitWriteFinish;
        if (typeof awf !== "object")
          return;
        const pollInterval = awf.pollInterval;
        let timeoutHandler;
        let fullPath = path;
        if (this.options.cwd && !sysPath2.isAbsolute(path)) {
          fullPath = sysPath2.join(this.options.cwd, path);
        }
        const now = /* @__PURE__ */ new Date();
        const writes = this._pendingWrites;
        function awaitWriteFinishFn(prevStat) {
          (0, import_fs2.stat)(fullPath, (err, curStat) => {
            if (err || !writes.has(path)) {
              if (err && err.code !== "ENOENT")
                awfEmit(err);
              return;
            }
            const now2 = Number(/* @__PURE__ */ new Date());
            if (prevStat && curStat.size !== prevStat.size) {
              writes.get(path).lastChange = now2;
            }
            const pw = writes.get(path);
            const df = now2 - pw.lastChange;
            if (df >= threshold) {
              writes.delete(path);
              awfEmit(void 0, curStat);
            } else {
              timeoutHandler = setTimeout(awaitWriteFinishFn, pollInterval, curStat);
            }
          });
        }
        if (!writes.has(path)) {
          writes.set(path, {
            lastChange: now,
            cancelWait: () => {
              writes.delete(path);
              clearTimeout(timeoutHandler);
              return event;
            }
          });
          timeoutHandler = setTimeout(awaitWriteFinishFn, pollInterval);
        }
      }
      /**
       * Determines whether user has asked to ignore this path.
       */
      _isIgnored(path, stats) {
        if (this.options.atomic && DOT_RE.test(path))
          return true;
        if (!this._userIgnored) {
          const { cwd } = this.options;
          const ign = this.options.ignored;
          const ignored = (ign || []).map(normalizeIgnored(cwd));
          const ignoredPaths = [...this._ignoredPaths];
          const list = [...ignoredPaths.map(normalizeIgnored(cwd)), ...ignored];
          this._userIgnored = anymatch(list, void 0);
        }
        return this._userIgnored(path, stats);
      }
      _isntIgnored(path, stat4) {
        return !this._isIgnored(path, stat4);
      }
      /**
       * Provides a set of common helpers and properties relating to symlink handling.
       * @param path file or directory pattern being watched
       */
      _getWatchHelpers(path) {
        return new WatchHelper(path, this.options.followSymlinks, this);
      }
      // Directory helpers
      // -----------------
      /**
       * Provides directory tracking objects
       * @param directory path of the directory
       */
      _getWatchedDir(directory) {
        const dir = sysPath2.resolve(directory);
        if (!this._watched.has(dir))
          this._watched.set(dir, new DirEntry(dir, this._boundRemove));
        return this._watched.get(dir);
      }
      // File helpers
      // ------------
      /**
       * Check for read permissions: https://stackoverflow.com/a/11781404/1358405
       */
      _hasReadPermissions(stats) {
        if (this.options.ignorePermissionErrors)
          return true;
        return Boolean(Number(stats.mode) & 256);
      }
      /**
       * Handles emitting unlink events for
       * files and directories, and via recursion, for
       * files and directories within directories that are unlinked
       * @param directory within which the following item is located
       * @param item      base path of item/directory
       */
      _remove(directory, item, isDirectory) {
        const path = sysPath2.join(directory, item);
        const fullPath = sysPath2.resolve(path);
        isDirectory = isDirectory != null ? isDirectory : this._watched.has(path) || this._watched.has(fullPath);
        if (!this._throttle("remove", path, 100))
          return;
        if (!isDirectory && this._watched.size === 1) {
          this.add(directory, item, true);
        }
        const wp = this._getWatchedDir(path);
        const nestedDirectoryChildren = wp.getChildren();
        nestedDirectoryChildren.forEach((nested) => this._remove(path, nested));
        const parent = this._getWatchedDir(directory);
        const wasTracked = parent.has(item);
        parent.remove(item);
        if (this._symlinkPaths.has(fullPath)) {
          this._symlinkPaths.delete(fullPath);
        }
        let relPath = path;
        if (this.options.cwd)
          relPath = sysPath2.relative(this.options.cwd, path);
        if (this.options.awaitWriteFinish && this._pendingWrites.has(relPath)) {
          const event = this._pendingWrites.get(relPath).cancelWait();
          if (event === EVENTS.ADD)
            return;
        }
        this._watched.delete(path);
        this._watched.delete(fullPath);
        const eventName = isDirectory ? EVENTS.UNLINK_DIR : EVENTS.UNLINK;
        if (wasTracked && !this._isIgnored(path))
          this._emit(eventName, path);
        this._closePath(path);
      }
      /**
       * Closes all watchers for a path
       */
      _closePath(path) {
        this._closeFile(path);
        const dir = sysPath2.dirname(path);
        this._getWatchedDir(dir).remove(sysPath2.basename(path));
      }
      /**
       * Closes only file-specific watchers
       */
      _closeFile(path) {
        const closers = this._closers.get(path);
        if (!closers)
          return;
        closers.forEach((closer) => closer());
        this._closers.delete(path);
      }
      _addPathCloser(path, closer) {
        if (!closer)
          return;
        let list = this._closers.get(path);
        if (!list) {
          list = [];
          this._closers.set(path, list);
        }
        list.push(closer);
      }
      _readdirp(root, opts) {
        if (this.closed)
          return;
        const options = { type: EVENTS.ALL, alwaysStat: true, lstat: true, ...opts, depth: 0 };
        let stream = readdirp(root, options);
        this._streams.add(stream);
        stream.once(STR_CLOSE, () => {
          stream = void 0;
        });
        stream.once(STR_END, () => {
          if (stream) {
            this._streams.delete(stream);
            stream = void 0;
          }
        });
        return stream;
      }
    };
    esm_default = { watch, FSWatcher };
  }
});

// src/daemon/config-watch.ts
async function watchConfig(root, log, on) {
  const trustDir2 = (0, import_node_path19.join)(stateHome(), "trust");
  for (const dir of [trustDir2, (0, import_node_path19.dirname)(userConfigPath())]) {
    try {
      (0, import_node_fs18.mkdirSync)(dir, { recursive: true, mode: 448 });
    } catch (error) {
      log(`config watch: cannot create ${dir}: ${errorMessage(error)}; changes there are seen at the next reload`);
    }
  }
  const { watch: watch2 } = await Promise.resolve().then(() => (init_esm2(), esm_exports));
  const watcher = watch2([userConfigPath(), projectConfigPath(root), trustDir2], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
    depth: 0
  });
  let timer;
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(() => on.change(), 150);
  });
  watcher.on("error", (error) => log(`config watch: ${errorMessage(error)}`));
  let gone = false;
  const checkRoot = () => {
    if (gone || (0, import_node_fs18.existsSync)(root)) return gone;
    gone = true;
    folder?.close();
    on.rootGone();
    return true;
  };
  let folder;
  try {
    folder = (0, import_node_fs18.watch)(root, { persistent: false }, () => void checkRoot());
    folder.on("error", () => void checkRoot());
  } catch (error) {
    log(`config watch: cannot watch ${root}: ${errorMessage(error)}; a deleted project is seen within 30 s`);
  }
  return {
    checkRoot,
    async close() {
      clearTimeout(timer);
      folder?.close();
      await watcher.close();
    }
  };
}
var import_node_fs18, import_node_path19;
var init_config_watch = __esm({
  "src/daemon/config-watch.ts"() {
    "use strict";
    import_node_fs18 = require("node:fs");
    import_node_path19 = require("node:path");
    init_config();
    init_paths();
    init_errors();
  }
});

// src/gateway/lean-http.ts
function parseHead(head, serves) {
  const lineEnd = head.indexOf("\r\n");
  const line = REQUEST_LINE.exec(head.slice(0, lineEnd));
  if (!line) return void 0;
  const method = line[1];
  const target = line[2];
  const query = target.indexOf("?");
  if (!serves(query < 0 ? target : target.slice(0, query))) return void 0;
  const headers = {};
  FIELD_LINE.lastIndex = lineEnd + 2;
  while (FIELD_LINE.lastIndex < head.length) {
    const field = FIELD_LINE.exec(head);
    if (!field) return void 0;
    const name = field[1].toLowerCase();
    if (headers[name] !== void 0 || name === "__proto__") return void 0;
    headers[name] = trimSpaces(field[2]);
  }
  if (headers["transfer-encoding"] !== void 0 || headers.expect !== void 0 || headers.upgrade !== void 0) return void 0;
  const length = headers["content-length"];
  if (method === "POST" ? length === void 0 || !DIGITS.test(length) : length !== void 0) return void 0;
  return { method, target, headers, length: method === "POST" ? Number(length) : 0 };
}
function trimSpaces(value) {
  let start = 0;
  let end = value.length;
  while (start < end && (value[start] === " " || value[start] === "	")) start++;
  while (end > start && (value[end - 1] === " " || value[end - 1] === "	")) end--;
  return value.slice(start, end);
}
function frame(chunk) {
  return chunk ? `${Buffer.byteLength(chunk).toString(16)}\r
${chunk}\r
` : "";
}
function httpDate() {
  const now = Date.now();
  if (now - dateSecond >= 1e3) {
    dateSecond = now - now % 1e3;
    dateText = new Date(dateSecond).toUTCString();
  }
  return dateText;
}
function noop() {
}
var import_node_events2, import_node_http, MAX_HEAD_BYTES, KEEP_ALIVE_MS, REQUEST_LINE, TOKEN, FIELD_LINE, DIGITS, CLOSE, SAFE_VALUE, LeanRequest, LeanResponse, LeanConnection, LeanFront, dateSecond, dateText;
var init_lean_http = __esm({
  "src/gateway/lean-http.ts"() {
    "use strict";
    import_node_events2 = require("node:events");
    import_node_http = require("node:http");
    MAX_HEAD_BYTES = 16 * 1024;
    KEEP_ALIVE_MS = 6e4;
    REQUEST_LINE = /^(POST|GET) (\/[\x21-\x7e]*) HTTP\/1\.1$/;
    TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
    FIELD_LINE = /([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([\t\x20-\x7e\x80-\xff]*)\r\n/y;
    DIGITS = /^\d{1,10}$/;
    CLOSE = /(?:^|,)[\t ]*close[\t ]*(?:,|$)/i;
    SAFE_VALUE = /^[\t\x20-\x7e]*$/;
    LeanRequest = class extends import_node_events2.EventEmitter {
      constructor(method, url, headers, socket, body) {
        super();
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.socket = socket;
        this.body = body;
      }
      method;
      url;
      headers;
      socket;
      body;
      complete = true;
      httpVersion = "1.1";
      resume() {
        return this;
      }
      destroy() {
        this.socket.destroy();
        return this;
      }
    };
    LeanResponse = class extends import_node_events2.EventEmitter {
      constructor(connection, socket) {
        super();
        this.connection = connection;
        this.socket = socket;
      }
      connection;
      socket;
      statusCode = 200;
      shouldKeepAlive = true;
      headersSent = false;
      writableEnded = false;
      writableFinished = false;
      destroyed = false;
      headers = {};
      chunked = false;
      writeHead(status, headers = {}) {
        if (this.headersSent) throw new Error("writeHead after the head was sent");
        this.statusCode = status;
        this.headers = headers;
        return this;
      }
      flushHeaders() {
        if (!this.headersSent) this.socket.write(this.head(void 0));
      }
      write(chunk) {
        if (this.writableEnded || this.destroyed) return false;
        const head = this.headersSent ? "" : this.head(void 0);
        return this.socket.write(head + (this.chunked ? frame(chunk) : chunk));
      }
      end(chunk) {
        if (this.writableEnded) return this;
        if (!this.destroyed) {
          if (!this.headersSent) this.socket.write(this.head(Buffer.byteLength(chunk ?? "")) + (chunk ?? ""));
          else if (this.chunked) this.socket.write(`${chunk ? frame(chunk) : ""}0\r
\r
`);
          else if (chunk) this.socket.write(chunk);
        }
        this.writableEnded = true;
        this.writableFinished = true;
        this.emit("finish");
        this.connection.finished(this);
        return this;
      }
      destroy() {
        this.socket.destroy();
        return this;
      }
      /** Node's ServerResponse emits 'close' once, after 'finish' or when the connection goes. */
      closed() {
        if (this.destroyed) return;
        this.destroyed = true;
        this.emit("close");
      }
      /** The status line and headers; bodyLength undefined starts a stream (chunked unless a length was given). */
      head(bodyLength) {
        let head = `HTTP/1.1 ${this.statusCode} ${import_node_http.STATUS_CODES[this.statusCode] ?? "Unknown"}\r
date: ${httpDate()}\r
`;
        let length = false;
        for (const name in this.headers) {
          const raw = this.headers[name];
          const value = String(raw);
          if (raw === void 0 || !SAFE_VALUE.test(value) || !TOKEN.test(name)) throw new Error(`invalid response header ${name}`);
          const lower = name.toLowerCase();
          if (lower === "transfer-encoding" || lower === "connection" || lower === "keep-alive") continue;
          if (lower === "content-length") length = true;
          head += `${name}: ${value}\r
`;
        }
        if (!length) {
          if (bodyLength !== void 0) head += `content-length: ${bodyLength}\r
`;
          else {
            this.chunked = true;
            head += "transfer-encoding: chunked\r\n";
          }
        }
        if (!this.shouldKeepAlive) head += "connection: close\r\n";
        this.headersSent = true;
        return `${head}\r
`;
      }
    };
    LeanConnection = class {
      constructor(socket, front) {
        this.socket = socket;
        this.front = front;
        socket.on("data", this.onData);
        socket.on("close", this.onClose);
        socket.on("error", noop);
        socket.setTimeout(KEEP_ALIVE_MS, this.onTimeout);
        front.sockets.add(socket);
      }
      socket;
      front;
      /** Bytes read and not served yet (the start of the next request). */
      buffer;
      active;
      onData = (chunk) => {
        this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
        if (this.active && this.buffer.length > MAX_HEAD_BYTES + this.front.maxBodyBytes) this.socket.destroy();
        else this.next();
      };
      onTimeout = () => {
        if (!this.active) this.socket.destroy();
      };
      onClose = () => {
        this.front.sockets.delete(this.socket);
        const res = this.active;
        this.active = void 0;
        res?.closed();
      };
      /** A reply was sent: on to the next request, or close when the reply said so. */
      finished(res) {
        if (this.active !== res) return;
        this.active = void 0;
        process.nextTick(() => res.closed());
        if (!res.shouldKeepAlive) {
          this.socket.off("data", this.onData);
          this.socket.end();
          return;
        }
        if (this.buffer) process.nextTick(() => this.next());
      }
      /**
       * Serves the request in the buffer if it is whole. Clients send a request's
       * head and body in one write, and one write of less than 64 KB arrives in
       * one read; a request that came in parts (a slow or odd client, a large
       * body) goes to Node's server, with its timeouts for heads and bodies.
       */
      next() {
        const buffer2 = this.buffer;
        if (this.active || !buffer2 || this.socket.destroyed) return;
        const headEnd = buffer2.indexOf("\r\n\r\n");
        if (headEnd < 0 || headEnd > MAX_HEAD_BYTES) return this.handOff();
        const request2 = parseHead(buffer2.toString("latin1", 0, headEnd + 2), this.front.serves);
        const end = headEnd + 4 + (request2?.length ?? 0);
        if (!request2 || request2.length > this.front.maxBodyBytes || buffer2.length < end) return this.handOff();
        this.buffer = end < buffer2.length ? buffer2.subarray(end) : void 0;
        const req = new LeanRequest(request2.method, request2.target, request2.headers, this.socket, buffer2.subarray(headEnd + 4, end));
        const res = this.active = new LeanResponse(this, this.socket);
        if (CLOSE.test(request2.headers.connection ?? "")) res.shouldKeepAlive = false;
        this.front.handle(req, res);
      }
      /** Node's http server takes the connection, and first the bytes read and not served. */
      handOff() {
        this.socket.off("data", this.onData);
        this.socket.off("close", this.onClose);
        this.socket.off("error", noop);
        this.socket.setTimeout(0);
        this.socket.off("timeout", this.onTimeout);
        this.front.sockets.delete(this.socket);
        this.front.node.emit("connection", this.socket);
        if (this.buffer) this.socket.emit("data", this.buffer);
        this.buffer = void 0;
      }
    };
    LeanFront = class {
      /**
       * `serves(path)`: whether the gateway answers a request to this path from a
       * body read whole (not an http child's reverse proxy, which streams it);
       * a longer body than maxBodyBytes goes to Node's server (and its 413).
       */
      constructor(node, serves, handle, maxBodyBytes) {
        this.node = node;
        this.serves = serves;
        this.handle = handle;
        this.maxBodyBytes = maxBodyBytes;
      }
      node;
      serves;
      handle;
      maxBodyBytes;
      /** The connections the front still serves (Node's server tracks the rest). */
      sockets = /* @__PURE__ */ new Set();
      accept(socket) {
        new LeanConnection(socket, this);
      }
      closeAll() {
        for (const socket of this.sockets) socket.destroy();
      }
    };
    dateSecond = 0;
    dateText = "";
  }
});

// src/gateway/http-util.ts
function readBody(req, limit = MAX_BODY_BYTES) {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ ok: false, status: 413, message: `request body over ${limit} bytes` });
  }
  if (req instanceof LeanRequest) return Promise.resolve({ ok: true, text: req.body.toString("utf8") });
  return new Promise((resolve4) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        resolve4({ ok: false, status: 413, message: `request body over ${limit} bytes` });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve4({ ok: true, text: chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8") }));
    req.on("error", () => resolve4({ ok: false, status: 400, message: "request body could not be read" }));
    req.on("close", () => {
      if (!req.complete) resolve4({ ok: false, status: 400, message: "request body was cut off" });
    });
  });
}
async function readJsonBody(req, res) {
  const body = await readBody(req);
  if (!body.ok) {
    if (res.headersSent) return void 0;
    sendJson(res, body.status, errorResponse(null, INVALID_REQUEST, body.message));
    return void 0;
  }
  try {
    return { value: JSON.parse(body.text) };
  } catch {
    sendJson(res, 400, errorResponse(null, PARSE_ERROR, "Parse error: the body is not valid JSON"));
    return void 0;
  }
}
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}
function sendError(res, status, message, headers = {}) {
  sendJson(res, status, { error: message }, headers);
}
function startEventStream(res, headers = {}) {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    // Tell buffering proxies to pass events through at once.
    "x-accel-buffering": "no",
    ...headers
  });
  res.flushHeaders();
}
function writeEvent(res, message, event = "message") {
  if (res.writableEnded || res.destroyed) return false;
  res.write(`event: ${event}
data: ${JSON.stringify(message)}

`);
  return true;
}
function keepAlive(res, everyMs = 25e3) {
  const timer = setInterval(() => {
    if (res.writableEnded || res.destroyed) clearInterval(timer);
    else res.write(": keep-alive\n\n");
  }, everyMs);
  timer.unref();
  res.once("close", () => clearInterval(timer));
}
function acceptsEventStream(req) {
  return (req.headers.accept ?? "").includes("text/event-stream");
}
function isJsonContentType(req) {
  return /^application\/json\s*(;|$)/i.test(req.headers["content-type"] ?? "");
}
var MAX_BODY_BYTES;
var init_http_util = __esm({
  "src/gateway/http-util.ts"() {
    "use strict";
    init_jsonrpc();
    init_lean_http();
    MAX_BODY_BYTES = 4 * 1024 * 1024;
  }
});

// src/daemon/security.ts
function allowedHosts(port, exposedHost) {
  const hosts = [...LOOPBACK_NAMES].map((name) => `${name}:${port}`);
  if (exposedHost) hosts.push(`${exposedHost.includes(":") ? `[${exposedHost}]` : exposedHost}:${port}`);
  return new Set(hosts);
}
function checkHostAndOrigin(req, hosts) {
  const host = (req.headers.host ?? "").toLowerCase();
  if (!hosts.has(host)) return `Host '${host}' is not this daemon's loopback address`;
  const origin = req.headers.origin;
  if (origin !== void 0 && origin !== "null") {
    let hostname;
    try {
      const url = new URL(origin);
      if (url.protocol !== "http:" && url.protocol !== "https:") return `Origin '${origin}' is not allowed`;
      hostname = url.hostname;
    } catch {
      return `Origin '${origin}' is not a URL`;
    }
    if (!LOOPBACK_NAMES.has(hostname)) return `Origin '${origin}' is not a loopback page`;
  } else if (origin === "null") {
    return "Origin null (a sandboxed or file page) is not allowed";
  }
  return void 0;
}
function bearerMatches(req, token) {
  const header = req.headers.authorization ?? "";
  const presented = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const a = (0, import_node_crypto4.createHash)("sha256").update(presented).digest();
  const b = (0, import_node_crypto4.createHash)("sha256").update(token).digest();
  return presented.length > 0 && (0, import_node_crypto4.timingSafeEqual)(a, b);
}
var import_node_crypto4, LOOPBACK_NAMES;
var init_security = __esm({
  "src/daemon/security.ts"() {
    "use strict";
    import_node_crypto4 = require("node:crypto");
    LOOPBACK_NAMES = /* @__PURE__ */ new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
  }
});

// src/daemon/access.ts
function isLoopback(address) {
  return address.startsWith("127.") || address === "::1" || address.startsWith("::ffff:127.");
}
var BODY_TIMEOUT_MS, MAX_STREAMS_PER_PEER, LOG_EVERY_MS, Access;
var init_access = __esm({
  "src/daemon/access.ts"() {
    "use strict";
    init_peer();
    init_http_util();
    BODY_TIMEOUT_MS = 1e4;
    MAX_STREAMS_PER_PEER = 64;
    LOG_EVERY_MS = 1e4;
    Access = class {
      constructor(log) {
        this.log = log;
      }
      log;
      /** Each accepted connection's account, looked up once (keep-alive requests reuse it). */
      peers = /* @__PURE__ */ new WeakMap();
      streams = /* @__PURE__ */ new Map();
      me = ownUid();
      /** Linux: the kernel's socket tables say who connects. Elsewhere token auth is the default. */
      ownerOnly = canSeeSockets() && this.me !== void 0;
      lastLogged = 0;
      unlogged = 0;
      /**
       * At accept: the one lookup of this connection's account, synchronous (a
       * few ms, once per connection). Not in the thread pool: queued behind a
       * slow fsync there, a verdict could take seconds.
       */
      accept(socket) {
        if (!this.ownerOnly) return;
        const remote = socket.remoteAddress ?? "";
        if (!isLoopback(remote)) return;
        const remotePort = socket.remotePort ?? 0;
        const entry = peerOf(remote, remotePort, socket.localAddress ?? "", socket.localPort ?? 0);
        let peer;
        if (!entry) peer = { uid: void 0, refused: "cannot tell which account this connection comes from (its socket is gone); refused" };
        else if (entry.uid !== this.me) peer = { uid: entry.uid, refused: `this daemon serves only its owner (uid ${this.me}); connections from uid ${entry.uid} are refused` };
        else peer = { uid: entry.uid };
        this.peers.set(socket, peer);
        if (peer.refused) this.note(`refused a connection from ${remote}:${remotePort}: ${peer.refused}`);
      }
      /** Answers 403 (and closes) when the connection's account, looked up at accept, may not get in: true when refused. */
      refuse(req, res) {
        const refused = this.peers.get(req.socket)?.refused;
        if (!refused) return false;
        res.shouldKeepAlive = false;
        sendError(res, 403, refused, { connection: "close" });
        req.resume();
        return true;
      }
      /** 408 when a request's body is not in within BODY_TIMEOUT_MS. */
      bodyDeadline(req, res) {
        if (req.method === "GET" || req.method === "HEAD" || req.complete) return;
        const timer = setTimeout(() => {
          if (req.complete) return;
          this.note(`${req.method} ${req.url}: the body did not arrive within ${BODY_TIMEOUT_MS / 1e3} s; answered 408`);
          if (!res.headersSent) {
            res.shouldKeepAlive = false;
            sendError(res, 408, `the request body did not arrive within ${BODY_TIMEOUT_MS / 1e3} s`, { connection: "close" });
            res.once("finish", () => req.socket.destroy());
          } else {
            req.socket.destroy();
          }
        }, BODY_TIMEOUT_MS);
        const clear = () => clearTimeout(timer);
        req.once("end", clear);
        res.once("close", clear);
      }
      /**
       * Counts an event stream (GET on an endpoint) against its account while it
       * is open; 429 and true when the account already holds the maximum.
       */
      limitStreams(req, res) {
        if (req.method !== "GET") return false;
        const key = String(this.peers.get(req.socket)?.uid ?? req.socket.remoteAddress ?? "unknown");
        const open3 = this.streams.get(key) ?? 0;
        if (open3 >= MAX_STREAMS_PER_PEER) {
          this.note(`refused a stream: ${open3} already open for ${key}`);
          sendError(res, 429, `too many open event streams from this account (at most ${MAX_STREAMS_PER_PEER}); close some clients`);
          return true;
        }
        this.streams.set(key, open3 + 1);
        res.once("close", () => {
          const left = (this.streams.get(key) ?? 1) - 1;
          if (left > 0) this.streams.set(key, left);
          else this.streams.delete(key);
        });
        return false;
      }
      /** Logs refusals, at most one line per LOG_EVERY_MS (a flood must not fill the log). */
      note(line) {
        const now = Date.now();
        if (now - this.lastLogged < LOG_EVERY_MS) {
          this.unlogged++;
          return;
        }
        this.log(this.unlogged ? `${line} (and ${this.unlogged} more since the last such line)` : line);
        this.lastLogged = now;
        this.unlogged = 0;
      }
    };
  }
});

// src/gateway/session-store.ts
function trimHello(hello) {
  const capabilities = {};
  for (const [key, value] of Object.entries(hello.capabilities ?? {}).slice(0, MAX_CAPABILITIES)) {
    const name = key.slice(0, 64);
    const size = JSON.stringify(value ?? {}).length;
    capabilities[name] = size <= MAX_CAPABILITY_BYTES ? value : {};
  }
  const info = hello.clientInfo;
  const trimmed = {
    protocolVersion: String(hello.protocolVersion).slice(0, 32),
    capabilities,
    ...info ? { clientInfo: { ...typeof info.name === "string" ? { name: info.name.slice(0, 128) } : {}, ...typeof info.version === "string" ? { version: info.version.slice(0, 64) } : {} } } : {}
  };
  if (JSON.stringify(trimmed).length > MAX_SESSION_BYTES) trimmed.capabilities = Object.fromEntries(Object.keys(capabilities).map((k) => [k, {}]));
  return trimmed;
}
var import_node_fs19, import_promises4, import_node_path20, MAX_SESSIONS, MAX_SESSION_BYTES, MAX_CAPABILITY_BYTES, MAX_CAPABILITIES, SessionStore;
var init_session_store = __esm({
  "src/gateway/session-store.ts"() {
    "use strict";
    import_node_fs19 = require("node:fs");
    import_promises4 = require("node:fs/promises");
    import_node_path20 = require("node:path");
    init_errors();
    MAX_SESSIONS = 1e3;
    MAX_SESSION_BYTES = 8 * 1024;
    MAX_CAPABILITY_BYTES = 512;
    MAX_CAPABILITIES = 16;
    SessionStore = class {
      constructor(file, log) {
        this.file = file;
        this.log = log;
        try {
          const data = JSON.parse((0, import_node_fs19.readFileSync)(file, "utf8"));
          const valid = Object.entries(data).filter(([, stored]) => stored && typeof stored.server === "string" && stored.hello && typeof stored.hello.protocolVersion === "string").sort(([, a], [, b]) => (a.savedAt ?? 0) - (b.savedAt ?? 0)).slice(-MAX_SESSIONS);
          for (const [id, stored] of valid) this.sessions.set(id, { ...stored, hello: trimHello(stored.hello) });
        } catch {
        }
      }
      file;
      log;
      /** In order of last use: the first is the one idle longest. */
      sessions = /* @__PURE__ */ new Map();
      writing = false;
      dirty = false;
      failing = false;
      /** Bumped by each synchronous flush: an asynchronous write begun before it must not land after it. */
      flushes = 0;
      get size() {
        return this.sessions.size;
      }
      load(server, id) {
        const stored = this.sessions.get(id);
        if (stored?.server !== server) return void 0;
        this.sessions.delete(id);
        this.sessions.set(id, stored);
        return stored.hello;
      }
      save(server, id, hello) {
        this.sessions.delete(id);
        this.sessions.set(id, { server, hello: trimHello(hello), savedAt: Date.now() });
        while (this.sessions.size > MAX_SESSIONS) {
          const oldest = this.sessions.keys().next().value;
          if (oldest === void 0) break;
          this.sessions.delete(oldest);
        }
        this.schedule();
      }
      remove(id) {
        if (this.sessions.delete(id)) this.schedule();
      }
      /** Drops every session of a server that no longer exists. */
      removeServer(server) {
        for (const [id, stored] of this.sessions) if (stored.server === server) this.sessions.delete(id);
        this.schedule();
      }
      /** Synchronous write, for the daemon's last act before it exits. */
      flush() {
        this.dirty = false;
        this.flushes++;
        const tmp = this.tempName();
        try {
          (0, import_node_fs19.writeFileSync)(tmp, this.serialize(), { mode: 384 });
          const fd = (0, import_node_fs19.openSync)(tmp, "r");
          try {
            (0, import_node_fs19.fsyncSync)(fd);
          } finally {
            (0, import_node_fs19.closeSync)(fd);
          }
          (0, import_node_fs19.renameSync)(tmp, this.file);
          this.saved();
        } catch (error) {
          try {
            (0, import_node_fs19.unlinkSync)(tmp);
          } catch {
          }
          this.failed(error);
        }
      }
      /** A write soon, off the request path (the next turn of the event loop). */
      schedule() {
        this.dirty = true;
        if (!this.writing) setImmediate(() => void this.writeAsync());
      }
      async writeAsync() {
        if (this.writing || !this.dirty) return;
        this.writing = true;
        this.dirty = false;
        const flushes = this.flushes;
        const tmp = this.tempName();
        try {
          const handle = await (0, import_promises4.open)(tmp, "wx", 384);
          try {
            await handle.writeFile(this.serialize());
            await handle.sync();
          } finally {
            await handle.close();
          }
          if (flushes === this.flushes) {
            await (0, import_promises4.rename)(tmp, this.file);
            this.saved();
          } else {
            await (0, import_promises4.unlink)(tmp);
          }
        } catch (error) {
          await (0, import_promises4.unlink)(tmp).catch(() => {
          });
          this.failed(error);
        } finally {
          this.writing = false;
          if (this.dirty) setImmediate(() => void this.writeAsync());
        }
      }
      serialize() {
        return JSON.stringify(Object.fromEntries(this.sessions));
      }
      tempName() {
        return (0, import_node_path20.join)((0, import_node_path20.dirname)(this.file), `.${(0, import_node_path20.basename)(this.file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      }
      saved() {
        if (this.failing) this.log("sessions: saving works again");
        this.failing = false;
      }
      failed(error) {
        if (!this.failing) this.log(`sessions: cannot save ${this.file}: ${errorMessage(error)}; sessions will not survive a restart`);
        this.failing = true;
      }
    };
  }
});

// src/gateway/proxy.ts
async function proxyToChild(req, res, child, path, hooks) {
  if (child.state !== "ready" && !await child.whenReady(child.def.startTimeoutMs)) {
    return sendError(res, 503, `server '${child.def.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ""}; see \`mcp-auto logs\``);
  }
  const port = child.internalPort;
  if (!child.listenerStillOurs()) {
    return sendError(res, 502, `server '${child.def.name}': its port ${port} is no longer held by it; not forwarding (mcp-auto restart)`);
  }
  const headers = { ...req.headers, host: `127.0.0.1:${port}` };
  for (const name of HOP_BY_HOP.slice(0, -1)) delete headers[name];
  delete headers.origin;
  delete headers.authorization;
  delete headers["proxy-authorization"];
  delete headers.cookie;
  const upstream = (0, import_node_http2.request)({ host: "127.0.0.1", port, method: req.method, path, headers, agent }, (reply) => {
    const out = { ...reply.headers };
    for (const name of HOP_BY_HOP) delete out[name];
    if (hooks?.reply) return hooks.reply(reply, res, out);
    res.writeHead(reply.statusCode ?? 502, out);
    res.flushHeaders();
    reply.pipe(res);
    reply.on("error", () => res.destroy());
  });
  upstream.on("error", (error) => {
    if (!res.headersSent) sendError(res, 502, `server '${child.def.name}' did not answer: ${error.message}`);
    else res.destroy();
  });
  res.once("close", () => {
    if (!res.writableFinished) upstream.destroy();
  });
  if (hooks?.body) upstream.end(hooks.body);
  else req.pipe(upstream);
}
var import_node_http2, HOP_BY_HOP, agent;
var init_proxy = __esm({
  "src/gateway/proxy.ts"() {
    "use strict";
    import_node_http2 = require("node:http");
    init_http_util();
    HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host"];
    agent = new import_node_http2.Agent({ keepAlive: true, maxSockets: 256 });
  }
});

// src/gateway/sse.ts
function isStreamRequest(req, res) {
  if (req.method !== "GET") {
    sendError(res, 405, "use GET to open the event stream", { allow: "GET" });
    return false;
  }
  if (!acceptsEventStream(req)) {
    sendError(res, 406, "Accept must list text/event-stream");
    return false;
  }
  return true;
}
function startLegacyStream(res, messagesUrl) {
  startEventStream(res);
  keepAlive(res);
  res.write(`event: endpoint
data: ${messagesUrl}

`);
}
async function acceptLegacyPost(req, res, sessions, sessionId) {
  const refuse = (status, message, headers) => {
    sendError(res, status, message, headers);
    return void 0;
  };
  if (req.method !== "POST") return refuse(405, "use POST", { allow: "POST" });
  if (!sessionId) return refuse(400, "the sessionId query parameter is required");
  const session = sessions.get(sessionId);
  if (!session) return refuse(404, "Session not found: open a new event stream");
  if (!isJsonContentType(req)) return refuse(415, "Content-Type must be application/json");
  const body = await readJsonBody(req, res);
  if (!body) return void 0;
  const shaped = asMessages(body.value);
  if (!shaped) {
    sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message or batch"));
    return void 0;
  }
  res.writeHead(202, { "content-type": "text/plain" }).end("Accepted");
  return { session, messages: shaped.messages };
}
var import_node_crypto5, SseSession, SseEndpoint;
var init_sse = __esm({
  "src/gateway/sse.ts"() {
    "use strict";
    import_node_crypto5 = require("node:crypto");
    init_jsonrpc();
    init_http_util();
    SseSession = class {
      constructor(res) {
        this.res = res;
      }
      res;
      transport = "sse";
      hello;
      id = (0, import_node_crypto5.randomUUID)();
      send(message) {
        writeEvent(this.res, message);
      }
    };
    SseEndpoint = class {
      constructor(base, router) {
        this.base = base;
        this.router = router;
      }
      base;
      router;
      sessions = /* @__PURE__ */ new Map();
      get sessionCount() {
        return this.sessions.size;
      }
      /** GET <base>/sse */
      open(req, res) {
        if (!isStreamRequest(req, res)) return;
        const session = new SseSession(res);
        this.sessions.set(session.id, session);
        this.router.open(session);
        startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
        res.once("close", () => {
          this.sessions.delete(session.id);
          this.router.close(session);
        });
      }
      /** POST <base>/messages?sessionId=… */
      async post(req, res, sessionId) {
        const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
        if (!accepted) return;
        for (const message of accepted.messages) this.router.receive(accepted.session, message);
      }
      closeAll() {
        for (const session of this.sessions.values()) session.res.end();
      }
    };
  }
});

// src/gateway/unavailable.ts
function unavailable(child, id) {
  const detail = child.lastError ? `: ${child.lastError}` : "";
  return errorResponse(
    id,
    SERVER_UNAVAILABLE,
    `mcp-auto: server '${child.def.name}' is ${child.state}${detail}; see \`mcp-auto logs\``,
    { stderr: child.stderrTail.slice(-5) }
  );
}
var init_unavailable = __esm({
  "src/gateway/unavailable.ts"() {
    "use strict";
    init_jsonrpc();
  }
});

// src/gateway/tool-filter.ts
function globRegExp(glob) {
  let re = regexCache.get(glob);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".");
    re = new RegExp(`^${body}$`, "s");
    regexCache.set(glob, re);
  }
  return re;
}
function toolAllowed(filter, name) {
  if (!filter) return true;
  if ("allow" in filter) return filter.allow.some((glob) => globRegExp(glob).test(name));
  return !filter.deny.some((glob) => globRegExp(glob).test(name));
}
function describeFilter(filter) {
  return "allow" in filter ? `tools.allow ${JSON.stringify(filter.allow)}` : `tools.deny ${JSON.stringify(filter.deny)}`;
}
function toolCallRefusal(def, request2) {
  if (request2.method !== "tools/call" || !def.tools) return void 0;
  const name = request2.params?.name;
  if (typeof name !== "string" || toolAllowed(def.tools, name)) return void 0;
  return errorResponse(
    request2.id,
    INVALID_PARAMS,
    `mcp-auto: tool '${name}' of server '${def.name}' is filtered out by the config (${describeFilter(def.tools)})`,
    { filter: def.tools }
  );
}
function nameOf(tool) {
  return isObject2(tool) && typeof tool.name === "string" ? tool.name : void 0;
}
function filterToolsResult(filter, result) {
  if (!filter || !isObject2(result) || !Array.isArray(result.tools)) return result;
  return { ...result, tools: result.tools.filter((tool) => {
    const name = nameOf(tool);
    return name !== void 0 && toolAllowed(filter, name);
  }) };
}
function withToolsListChanged(result) {
  const capabilities = result.capabilities;
  if (!isObject2(capabilities) || !isObject2(capabilities.tools) || capabilities.tools.listChanged === true) return result;
  return { ...result, capabilities: { ...capabilities, tools: { ...capabilities.tools, listChanged: true } } };
}
function onlyToolsDiffer(a, b) {
  const { tools: _a, ...restA } = a;
  const { tools: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
var INVALID_PARAMS, BYTES_PER_TOKEN, regexCache, isObject2, tokensOf, ToolCatalog;
var init_tool_filter = __esm({
  "src/gateway/tool-filter.ts"() {
    "use strict";
    init_jsonrpc();
    INVALID_PARAMS = -32602;
    BYTES_PER_TOKEN = 4;
    regexCache = /* @__PURE__ */ new Map();
    isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    tokensOf = (bytes) => Math.ceil(bytes / BYTES_PER_TOKEN);
    ToolCatalog = class {
      pages = /* @__PURE__ */ new Map();
      seenAt = 0;
      memo;
      /** Records one page of a tools/list reply; returns the result as the filter lets sessions see it. */
      seen(cursor2, result, filter) {
        if (isObject2(result) && Array.isArray(result.tools)) {
          const key = typeof cursor2 === "string" ? cursor2 : "";
          if (key === "") this.pages.clear();
          this.pages.set(key, { tools: result.tools, next: typeof result.nextCursor === "string" ? result.nextCursor : void 0 });
          this.seenAt = Date.now();
          this.memo = void 0;
        }
        return filterToolsResult(filter, result);
      }
      /** The list changed (list_changed, a new child): what was seen no longer counts. */
      invalidate() {
        this.pages.clear();
        this.memo = void 0;
      }
      /** The whole list, when every page from the first to the last was seen. */
      all() {
        const tools = [];
        const visited = /* @__PURE__ */ new Set();
        let key = "";
        while (key !== void 0) {
          const page = this.pages.get(key);
          if (!page || visited.has(key)) return void 0;
          visited.add(key);
          tools.push(...page.tools);
          key = page.next;
        }
        return tools;
      }
      get complete() {
        return this.all() !== void 0;
      }
      stats(filter) {
        if (this.memo && this.memo.filter === filter) return this.memo.stats;
        const all = this.all();
        let stats = null;
        if (all) {
          const exposed = all.filter((tool) => {
            const name = nameOf(tool);
            return name !== void 0 && toolAllowed(filter, name);
          });
          const bytes = Buffer.byteLength(JSON.stringify(exposed));
          const totalBytes = Buffer.byteLength(JSON.stringify(all));
          const largest = exposed.map((tool) => ({ name: nameOf(tool), bytes: Buffer.byteLength(JSON.stringify(tool)) })).sort((a, b) => b.bytes - a.bytes).slice(0, 10);
          stats = { exposed: exposed.length, total: all.length, bytes, tokens: tokensOf(bytes), totalBytes, totalTokens: tokensOf(totalBytes), largest, seenAt: this.seenAt };
        }
        this.memo = { filter, stats };
        return stats;
      }
    };
  }
});

// src/gateway/sse-bridge.ts
var import_node_crypto6, BridgedSession, SseBridge;
var init_sse_bridge = __esm({
  "src/gateway/sse-bridge.ts"() {
    "use strict";
    import_node_crypto6 = require("node:crypto");
    init_errors();
    init_jsonrpc();
    init_http_util();
    init_sse();
    init_unavailable();
    init_tool_filter();
    BridgedSession = class {
      constructor(res, child, path, log, tools) {
        this.res = res;
        this.child = child;
        this.path = path;
        this.log = log;
        this.tools = tools;
      }
      res;
      child;
      path;
      log;
      tools;
      id = (0, import_node_crypto6.randomUUID)();
      upstream;
      closed = false;
      /** tools/list requests in flight → their cursor (the reply is filtered and recorded). */
      lists = /* @__PURE__ */ new Map();
      async forward(message) {
        if (isRequest(message)) {
          const refusal = toolCallRefusal(this.child.def, message);
          if (refusal) return void writeEvent(this.res, refusal);
          if (message.method === "tools/list") this.lists.set(message.id, message.params?.cursor);
        }
        const upstream = await (this.upstream ??= this.connect());
        if (!upstream) {
          if (isRequest(message)) writeEvent(this.res, unavailable(this.child, message.id));
          this.upstream = void 0;
          return;
        }
        try {
          await upstream.send(message);
        } catch (error) {
          if (isRequest(message)) writeEvent(this.res, errorResponse(message.id, -32e3, `mcp-auto: server '${this.child.def.name}' did not take the request: ${errorMessage(error)}`));
        }
      }
      async connect() {
        const child = this.child;
        if (child.state !== "ready" && !await child.whenReady(child.def.startTimeoutMs)) return void 0;
        const { StreamableHTTPClientTransport } = await import("./sdk-http-client.cjs");
        const transport = new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${child.internalPort}${this.path}`));
        transport.onmessage = (received) => {
          let message = received;
          if (isResponse(message) && "result" in message) {
            const version = message.result?.protocolVersion;
            if (typeof version === "string") transport.setProtocolVersion(version);
            if (this.lists.has(message.id)) {
              message = { ...message, result: this.tools.seen(this.lists.get(message.id), message.result, child.def.tools) };
            }
          }
          if (isResponse(message)) this.lists.delete(message.id);
          writeEvent(this.res, message);
        };
        transport.onerror = (error) => this.log(`server ${child.def.name}: sse bridge: ${errorMessage(error)}`);
        transport.onclose = () => {
          if (!this.closed) this.res.end();
        };
        await transport.start();
        return transport;
      }
      async close() {
        this.closed = true;
        const upstream = await this.upstream?.catch(() => void 0);
        if (!upstream) return;
        await upstream.terminateSession().catch(() => {
        });
        await upstream.close().catch(() => {
        });
      }
    };
    SseBridge = class {
      constructor(base, child, path, log, tools, streams2) {
        this.base = base;
        this.child = child;
        this.path = path;
        this.log = log;
        this.tools = tools;
        this.streams = streams2;
      }
      base;
      child;
      path;
      log;
      tools;
      streams;
      sessions = /* @__PURE__ */ new Map();
      get sessionCount() {
        return this.sessions.size;
      }
      /** GET <base>/sse: the stream opens at once; the child is reached on the first message. */
      open(req, res) {
        if (!isStreamRequest(req, res)) return;
        const session = new BridgedSession(res, this.child, this.path(), this.log, this.tools);
        this.sessions.set(session.id, session);
        const add = (message) => {
          writeEvent(res, message);
        };
        this.streams.add(add);
        startLegacyStream(res, `${this.base}/messages?sessionId=${session.id}`);
        res.once("close", () => {
          this.sessions.delete(session.id);
          this.streams.delete(add);
          void session.close();
        });
      }
      /** POST <base>/messages?sessionId=… */
      async post(req, res, sessionId) {
        const accepted = await acceptLegacyPost(req, res, this.sessions, sessionId);
        if (!accepted) return;
        for (const message of accepted.messages) await accepted.session.forward(message);
      }
      closeAll() {
        for (const session of this.sessions.values()) session.res.end();
      }
    };
  }
});

// src/gateway/call-log.ts
function targetOf(method, params) {
  const named = method === "resources/read" ? params?.uri : method === "tools/call" || method === "prompts/get" ? params?.name : void 0;
  return typeof named === "string" ? named.slice(0, 80) : void 0;
}
var KEEP2, BUCKET_MS, BUCKETS, CallLog;
var init_call_log = __esm({
  "src/gateway/call-log.ts"() {
    "use strict";
    KEEP2 = 20;
    BUCKET_MS = 1e4;
    BUCKETS = 60;
    CallLog = class {
      total = 0;
      failed = 0;
      recent = [];
      ambiguous = 0;
      lastAmbiguous;
      slots = [];
      add(record) {
        this.total++;
        if (record.outcome !== "ok") this.failed++;
        this.recent.push(record);
        if (this.recent.length > KEEP2) this.recent.shift();
        const at = record.at - record.at % BUCKET_MS;
        let slot = this.slots.at(-1);
        if (slot?.at !== at) {
          slot = { at, count: 0, failed: 0, totalMs: 0, maxMs: 0 };
          this.slots.push(slot);
          if (this.slots.length > BUCKETS) this.slots.shift();
        }
        slot.count++;
        if (record.outcome !== "ok") slot.failed++;
        slot.totalMs += record.ms;
        slot.maxMs = Math.max(slot.maxMs, record.ms);
      }
      /** The slots of the last ten minutes that saw calls, oldest first. */
      buckets(now = Date.now()) {
        return this.slots.filter((b) => b.at > now - BUCKETS * BUCKET_MS).map((b) => ({ ...b }));
      }
      refusedAsAmbiguous(refusal) {
        this.ambiguous++;
        this.lastAmbiguous = refusal;
      }
      stats() {
        return { total: this.total, failed: this.failed, recent: [...this.recent], ambiguous: this.ambiguous, ...this.lastAmbiguous ? { lastAmbiguous: this.lastAmbiguous } : {} };
      }
    };
  }
});

// src/gateway/router.ts
var import_node_path21, import_node_url, SESSION_PROTOCOL_VERSIONS, LIST_CHANGED, CAPABILITY_OF, CAN_ASK_CLIENT, Router;
var init_router = __esm({
  "src/gateway/router.ts"() {
    "use strict";
    import_node_path21 = require("node:path");
    import_node_url = require("node:url");
    init_call_log();
    init_jsonrpc();
    init_tool_filter();
    init_unavailable();
    SESSION_PROTOCOL_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];
    LIST_CHANGED = [
      ["tools", "notifications/tools/list_changed"],
      ["resources", "notifications/resources/list_changed"],
      ["prompts", "notifications/prompts/list_changed"]
    ];
    CAPABILITY_OF = {
      "sampling/createMessage": "sampling",
      "elicitation/create": "elicitation"
    };
    CAN_ASK_CLIENT = /* @__PURE__ */ new Set(["tools/call", "prompts/get", "resources/read"]);
    Router = class {
      constructor(child, root, waitMs, tools = new ToolCatalog()) {
        this.child = child;
        this.root = root;
        this.waitMs = waitMs;
        this.tools = tools;
        child.on("message", (m) => this.fromChild(m));
        child.on("ready", () => this.onChildReady());
        child.on("down", (reason) => this.onChildDown(reason));
      }
      child;
      root;
      waitMs;
      tools;
      nextId = 1;
      pending = /* @__PURE__ */ new Map();
      sessions = /* @__PURE__ */ new Map();
      /** Requests waiting for the child to become ready, in arrival order. */
      queue = [];
      queueTimer;
      logLevel;
      everReady = false;
      calls = new CallLog();
      /** The gateway's own requests to the child (tools/list for status), by upstream id. */
      own = /* @__PURE__ */ new Map();
      get sessionCount() {
        return this.sessions.size;
      }
      open(session) {
        if (!this.sessions.has(session)) {
          this.sessions.set(session, { inflight: /* @__PURE__ */ new Map(), subscriptions: /* @__PURE__ */ new Set(), serverRequests: /* @__PURE__ */ new Set(), lastSeen: Date.now() });
        }
      }
      /** Who is connected, for the page. */
      describeSessions(now = Date.now()) {
        return [...this.sessions].map(([session, state]) => {
          const info = session.hello?.clientInfo;
          return {
            client: info?.name ? `${info.name}${info.version ? ` ${info.version}` : ""}` : "unknown client",
            transport: session.transport,
            inflight: state.inflight.size,
            idleMs: now - state.lastSeen
          };
        });
      }
      /** A session ended: its in-flight requests are cancelled upstream, its subscriptions dropped. */
      close(session) {
        const state = this.sessions.get(session);
        if (!state) return;
        this.sessions.delete(session);
        for (const upstreamId of state.inflight.values()) {
          this.logCall(upstreamId, "cancelled");
          this.pending.delete(upstreamId);
          this.child.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: upstreamId, reason: "client session closed" } });
        }
        for (const uri of state.subscriptions) this.unsubscribeIfUnused(uri);
        this.queue = this.queue.filter((q) => q.session !== session);
      }
      /** A message from a client session. */
      receive(session, message) {
        this.open(session);
        this.sessions.get(session).lastSeen = Date.now();
        if (isRequest(message)) this.fromClientRequest(session, message);
        else if (isNotification(message)) this.fromClientNotification(session, message);
        else if (isResponse(message)) this.fromClientResponse(session, message);
      }
      fromClientRequest(session, request2) {
        switch (request2.method) {
          case "initialize":
            this.initialize(session, request2);
            return;
          case "ping":
            session.send(resultResponse(request2.id, {}), request2.id);
            return;
          case "tools/call": {
            const refusal = toolCallRefusal(this.child.def, request2);
            if (refusal) return void session.send(refusal, request2.id);
            break;
          }
          case "resources/subscribe":
          case "resources/unsubscribe": {
            const uri = request2.params?.uri;
            if (typeof uri === "string") {
              const subs = this.sessions.get(session).subscriptions;
              if (request2.method === "resources/subscribe") subs.add(uri);
              else {
                subs.delete(uri);
                if (this.subscribers(uri).length > 0) {
                  session.send(resultResponse(request2.id, {}), request2.id);
                  return;
                }
              }
            }
            break;
          }
          case "logging/setLevel":
            if (typeof request2.params?.level === "string") this.logLevel = request2.params.level;
            break;
        }
        this.forward(session, request2);
      }
      /** Answers from the child's cached InitializeResult: the child is initialized once. */
      initialize(session, request2) {
        const params = request2.params ?? {};
        const requested = typeof params.protocolVersion === "string" ? params.protocolVersion : SESSION_PROTOCOL_VERSIONS[0];
        const protocolVersion = SESSION_PROTOCOL_VERSIONS.includes(requested) ? requested : SESSION_PROTOCOL_VERSIONS[0];
        session.hello = {
          protocolVersion,
          capabilities: params.capabilities ?? {},
          clientInfo: params.clientInfo
        };
        const answer = () => {
          const result = this.child.state === "ready" || this.child.replaysInit ? this.child.initResult : void 0;
          if (!result) {
            session.send(this.unavailable(request2.id), request2.id);
            return;
          }
          session.send(resultResponse(request2.id, { ...withToolsListChanged(result), protocolVersion }), request2.id);
        };
        if (this.child.state === "ready" || this.child.replaysInit) answer();
        else void this.child.whenReady(this.waitMs()).then(answer);
      }
      forward(session, request2) {
        if (this.child.state !== "ready") {
          if (this.child.state === "failed" || this.child.state === "stopped") {
            session.send(this.unavailable(request2.id), request2.id);
            return;
          }
          this.child.start();
          this.queue.push({ session, request: request2, deadline: Date.now() + this.waitMs() });
          this.armQueueTimer();
          return;
        }
        const upstreamId = this.nextId++;
        const entry = { session, clientId: request2.id, method: request2.method, started: Date.now(), target: targetOf(request2.method, request2.params) };
        if (request2.method === "tools/list") entry.cursor = request2.params?.cursor;
        let params = request2.params;
        const token = params?._meta?.progressToken;
        if (isRequestId(token)) {
          entry.progressToken = token;
          params = { ...params, _meta: { ...params._meta, progressToken: upstreamId } };
        }
        this.pending.set(upstreamId, entry);
        this.sessions.get(session)?.inflight.set(request2.id, upstreamId);
        if (!this.child.send({ jsonrpc: "2.0", id: upstreamId, method: request2.method, ...params ? { params } : {} })) {
          this.settle(upstreamId);
          session.send(this.unavailable(request2.id), request2.id);
        }
      }
      fromClientNotification(session, notification) {
        switch (notification.method) {
          case "notifications/initialized":
          case "notifications/roots/list_changed":
            return;
          case "notifications/cancelled": {
            const requestId = notification.params?.requestId;
            if (!isRequestId(requestId)) return;
            const state = this.sessions.get(session);
            const upstreamId = state?.inflight.get(requestId);
            if (upstreamId === void 0) return;
            this.logCall(upstreamId, "cancelled");
            this.settle(upstreamId);
            this.child.send({ ...notification, params: { ...notification.params, requestId: upstreamId } });
            return;
          }
          default:
            this.child.send(notification);
        }
      }
      fromClientResponse(session, response) {
        const state = this.sessions.get(session);
        if (response.id === null || !state?.serverRequests.delete(response.id)) return;
        this.child.send(response);
      }
      fromChild(message) {
        if (isResponse(message)) {
          if (typeof message.id !== "number") return;
          const own = this.own.get(message.id);
          if (own) {
            this.own.delete(message.id);
            own(message);
            return;
          }
          const entry = this.pending.get(message.id);
          if (!entry) return;
          this.logCall(message.id, "error" in message ? "error" : "ok");
          this.settle(message.id);
          const reply = entry.method === "tools/list" && "result" in message ? { ...message, result: this.tools.seen(entry.cursor, message.result, this.child.def.tools) } : message;
          entry.session.send({ ...reply, id: entry.clientId }, entry.clientId);
        } else if (isRequest(message)) {
          this.serverRequest(message);
        } else if (isNotification(message)) {
          this.serverNotification(message);
        }
      }
      serverRequest(request2) {
        if (request2.method === "roots/list") {
          this.child.send(resultResponse(request2.id, { roots: [{ uri: (0, import_node_url.pathToFileURL)(this.root).href, name: (0, import_node_path21.basename)(this.root) }] }));
          return;
        }
        if (request2.method === "ping") {
          this.child.send(resultResponse(request2.id, {}));
          return;
        }
        const capability = CAPABILITY_OF[request2.method];
        const candidates = [];
        for (const [session2, state2] of this.sessions) {
          if (capability && session2.hello?.capabilities?.[capability] === void 0) continue;
          const asking = [...state2.inflight].filter(([, upstreamId]) => !capability || CAN_ASK_CLIENT.has(this.pending.get(upstreamId)?.method ?? ""));
          if (asking.length > 0) candidates.push({ session: session2, state: state2, related: asking.at(-1)[0] });
        }
        if (candidates.length !== 1) {
          if (candidates.length > 1) this.calls.refusedAsAmbiguous({ at: Date.now(), method: request2.method, candidates: candidates.length });
          const why = candidates.length === 0 ? `no client session${capability ? ` that supports ${capability}` : ""} has a request in flight that could have asked for it` : `${candidates.length} client sessions have requests in flight that could have asked for it; mcp-auto cannot tell which (run this server with "transport": "http" to give every session its own)`;
          this.child.send(errorResponse(request2.id, INTERNAL_ERROR, `mcp-auto: cannot route ${request2.method}: ${why}`));
          return;
        }
        const { session, state, related } = candidates[0];
        state.serverRequests.add(request2.id);
        session.send(request2, related);
      }
      serverNotification(notification) {
        const params = notification.params ?? {};
        switch (notification.method) {
          case "notifications/progress": {
            const token = params.progressToken;
            const entry = typeof token === "number" ? this.pending.get(token) : void 0;
            if (!entry || entry.progressToken === void 0) return;
            entry.session.send({ ...notification, params: { ...params, progressToken: entry.progressToken } }, entry.clientId);
            return;
          }
          case "notifications/cancelled": {
            const requestId = params.requestId;
            for (const [session, state] of this.sessions) {
              if (isRequestId(requestId) && state.serverRequests.delete(requestId)) session.send(notification);
            }
            return;
          }
          case "notifications/resources/updated": {
            if (typeof params.uri === "string") for (const session of this.subscribers(params.uri)) session.send(notification);
            return;
          }
          case "notifications/tools/list_changed":
            this.tools.invalidate();
            for (const session of this.sessions.keys()) session.send(notification);
            return;
          default:
            for (const session of this.sessions.keys()) session.send(notification);
        }
      }
      subscribers(uri) {
        return [...this.sessions].filter(([, state]) => state.subscriptions.has(uri)).map(([session]) => session);
      }
      unsubscribeIfUnused(uri) {
        if (this.subscribers(uri).length > 0 || this.child.state !== "ready") return;
        this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "resources/unsubscribe", params: { uri } });
      }
      logCall(upstreamId, outcome) {
        const entry = this.pending.get(upstreamId);
        if (!entry) return;
        const at = Date.now();
        this.calls.add({ at, method: entry.method, ...entry.target ? { target: entry.target } : {}, ms: at - entry.started, outcome });
      }
      settle(upstreamId) {
        const entry = this.pending.get(upstreamId);
        if (!entry) return;
        this.pending.delete(upstreamId);
        this.sessions.get(entry.session)?.inflight.delete(entry.clientId);
      }
      /** The child went away: nothing in flight may hang. */
      onChildDown(reason) {
        for (const [id, done] of this.own) done(errorResponse(id, SERVER_UNAVAILABLE, reason));
        this.own.clear();
        for (const upstreamId of this.pending.keys()) this.logCall(upstreamId, "lost");
        const pending = [...this.pending.values()];
        this.pending.clear();
        for (const state of this.sessions.values()) {
          state.inflight.clear();
          state.serverRequests.clear();
        }
        for (const entry of pending) {
          entry.session.send(errorResponse(
            entry.clientId,
            SERVER_UNAVAILABLE,
            `mcp-auto: server '${this.child.def.name}' ${reason} while handling ${entry.method}; it is being restarted, try again`
          ), entry.clientId);
        }
        if (this.child.state === "failed" || this.child.state === "stopped") this.drainQueue();
      }
      onChildReady() {
        this.tools.invalidate();
        if (this.everReady) {
          for (const uri of new Set([...this.sessions.values()].flatMap((s) => [...s.subscriptions]))) {
            this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "resources/subscribe", params: { uri } });
          }
          if (this.logLevel) this.child.send({ jsonrpc: "2.0", id: this.nextId++, method: "logging/setLevel", params: { level: this.logLevel } });
          const capabilities = this.child.initResult?.capabilities ?? {};
          for (const [capability, method] of LIST_CHANGED) {
            if (capabilities[capability] === void 0) continue;
            for (const session of this.sessions.keys()) session.send({ jsonrpc: "2.0", method });
          }
        }
        this.everReady = true;
        this.drainQueue();
      }
      /** The tool filter changed (config reload, child untouched): sessions list again. */
      toolFilterChanged() {
        for (const session of this.sessions.keys()) session.send({ jsonrpc: "2.0", method: "notifications/tools/list_changed" });
      }
      /**
       * Lists the child's tools for the gateway itself (every page), so status can
       * measure them before any client asked. Only on demand (status, doctor):
       * never on the ensure path. False when the child is not ready or is slow.
       */
      async fetchTools(timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        let cursor2;
        for (let page = 0; page < 100; page++) {
          if (this.child.state !== "ready") return false;
          const id = this.nextId++;
          const response = await new Promise((resolve4) => {
            const timer = setTimeout(() => {
              this.own.delete(id);
              resolve4(void 0);
            }, Math.max(0, deadline - Date.now()));
            this.own.set(id, (r) => {
              clearTimeout(timer);
              resolve4(r);
            });
            if (!this.child.send({ jsonrpc: "2.0", id, method: "tools/list", ...cursor2 ? { params: { cursor: cursor2 } } : {} })) {
              this.own.delete(id);
              clearTimeout(timer);
              resolve4(void 0);
            }
          });
          if (!response || !("result" in response)) return false;
          this.tools.seen(cursor2, response.result, void 0);
          const next = response.result?.nextCursor;
          if (typeof next !== "string") return true;
          cursor2 = next;
        }
        return false;
      }
      drainQueue() {
        const queue = this.queue;
        this.queue = [];
        for (const { session, request: request2 } of queue) this.forward(session, request2);
      }
      armQueueTimer() {
        if (this.queueTimer) return;
        this.queueTimer = setInterval(() => {
          const now = Date.now();
          const expired = this.queue.filter((q) => q.deadline <= now);
          this.queue = this.queue.filter((q) => q.deadline > now);
          for (const { session, request: request2 } of expired) {
            session.send(errorResponse(
              request2.id,
              REQUEST_TIMEOUT,
              `mcp-auto: server '${this.child.def.name}' is still ${this.child.state}; see \`mcp-auto logs\``
            ), request2.id);
          }
          if (this.queue.length === 0) {
            clearInterval(this.queueTimer);
            this.queueTimer = void 0;
          }
        }, 250);
      }
      unavailable(id) {
        return unavailable(this.child, id);
      }
    };
  }
});

// src/gateway/post-exchange.ts
var PostExchange;
var init_post_exchange = __esm({
  "src/gateway/post-exchange.ts"() {
    "use strict";
    init_http_util();
    PostExchange = class {
      constructor(res, count, batch, headers) {
        this.res = res;
        this.batch = batch;
        this.headers = headers;
        this.remaining = count;
        res.once("close", () => {
          this.mode = "done";
        });
      }
      res;
      batch;
      headers;
      remaining;
      replies = [];
      mode = "json";
      reply(message) {
        if (this.mode === "done") return;
        this.remaining--;
        if (this.mode === "sse") writeEvent(this.res, message);
        else this.replies.push(message);
        if (this.remaining === 0) this.finish();
      }
      /** A message that belongs to this POST's requests but is not a reply; false if the stream is gone. */
      push(message) {
        if (this.mode === "done") return false;
        if (this.mode === "json") {
          startEventStream(this.res, this.headers);
          this.mode = "sse";
          for (const reply of this.replies.splice(0)) writeEvent(this.res, reply);
        }
        return writeEvent(this.res, message);
      }
      finish() {
        if (this.mode === "json") sendJson(this.res, 200, this.batch ? this.replies : this.replies[0], this.headers);
        else this.res.end();
        this.mode = "done";
      }
    };
  }
});

// src/gateway/stateless.ts
function isObject3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function metaOf(message) {
  if (!isObject3(message) || !isObject3(message.params)) return void 0;
  return isObject3(message.params._meta) ? message.params._meta : void 0;
}
function hasClaim(message) {
  const meta = metaOf(message);
  return meta !== void 0 && META_PROTOCOL_VERSION in meta;
}
function headerOf(req, name) {
  const value = req.headers[name];
  return typeof value === "string" ? value.trim() : void 0;
}
function isStatelessPost(req, body) {
  const header = headerOf(req, "mcp-protocol-version");
  const headerStateless = header !== void 0 && header >= FIRST_STATELESS_VERSION;
  if (Array.isArray(body)) return body.some(hasClaim);
  if (!isObject3(body) || typeof body.method !== "string") return false;
  if (body.method === "initialize") return headerStateless || validStatelessClaim(body);
  return headerStateless || hasClaim(body);
}
function validStatelessClaim(message) {
  const meta = metaOf(message);
  const version = meta?.[META_PROTOCOL_VERSION];
  return typeof version === "string" && version >= FIRST_STATELESS_VERSION && envelopeIssues(meta).length === 0;
}
function kindOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function expected(key, type, v) {
  return { key, problem: `Invalid input: expected ${type}, received ${kindOf(v)}` };
}
function envelopeIssues(meta) {
  const issues = [];
  for (const key of [META_PROTOCOL_VERSION, META_CLIENT_CAPABILITIES]) if (!(key in meta)) issues.push({ key, problem: "missing" });
  const token = meta.progressToken;
  if (token !== void 0 && typeof token !== "string" && !Number.isInteger(token)) issues.push(expected("progressToken", "string or integer", token));
  const version = meta[META_PROTOCOL_VERSION];
  if (version !== void 0 && typeof version !== "string") issues.push(expected(META_PROTOCOL_VERSION, "string", version));
  const info = meta[META_CLIENT_INFO];
  if (info !== void 0) {
    if (!isObject3(info)) issues.push(expected(META_CLIENT_INFO, "object", info));
    else for (const field of ["name", "version"]) {
      if (typeof info[field] !== "string") issues.push(expected(`${META_CLIENT_INFO}.${field}`, "string", info[field]));
    }
  }
  const caps = meta[META_CLIENT_CAPABILITIES];
  if (caps !== void 0) {
    if (!isObject3(caps)) issues.push(expected(META_CLIENT_CAPABILITIES, "object", caps));
    else for (const field of ["experimental", "sampling", "elicitation", "roots", "extensions"]) {
      if (caps[field] !== void 0 && !isObject3(caps[field])) issues.push(expected(`${META_CLIENT_CAPABILITIES}.${field}`, "object", caps[field]));
    }
  }
  const level = meta[META_LOG_LEVEL];
  if (level !== void 0 && !LOG_LEVELS.includes(level)) {
    issues.push({ key: META_LOG_LEVEL, problem: `Invalid option: expected one of ${LOG_LEVELS.map((l) => `"${l}"`).join("|")}` });
  }
  return issues;
}
function mismatch(header, body) {
  return { status: 400, code: HEADER_MISMATCH, message: `Bad Request: the request headers and body disagree: ${body}`, data: { mismatch: { header, body } } };
}
function classify(req, body) {
  if (Array.isArray(body)) {
    return { status: 400, code: INVALID_REQUEST, message: "Bad Request: JSON-RPC batches may not contain requests for protocol revision 2026-07-28 or later" };
  }
  if (!isMessage(body) || isResponse(body)) {
    return { status: 400, code: INVALID_REQUEST, message: "Bad Request: the request body is not a valid JSON-RPC message" };
  }
  const header = headerOf(req, "mcp-protocol-version");
  const methodHeader = headerOf(req, "mcp-method");
  const method = body.method;
  const meta = metaOf(body);
  if (isRequest(body) && method === "initialize" && !validStatelessClaim(body)) {
    return mismatch(header, "an initialize request (legacy handshake) was sent with a 2026-07-28 MCP-Protocol-Version header");
  }
  if (hasClaim(body)) {
    const claimed = meta[META_PROTOCOL_VERSION];
    const issue = isRequest(body) ? envelopeIssues(meta)[0] : typeof claimed === "string" ? void 0 : expected(META_PROTOCOL_VERSION, "string", claimed);
    if (issue) {
      return {
        status: 400,
        code: INVALID_PARAMS2,
        data: { envelope: issue },
        message: `Invalid _meta envelope for protocol revision 2026-07-28: ${issue.key}: ${issue.problem}`
      };
    }
    const version = claimed;
    if (header !== void 0 && header !== version) {
      return mismatch(header, `the body envelope names protocol version ${version} but the MCP-Protocol-Version header names ${header}`);
    }
    if (methodHeader !== void 0 && methodHeader !== method) {
      return mismatch(methodHeader, `the body names method ${method} but the Mcp-Method header names ${methodHeader}`);
    }
    return { message: body, version };
  }
  if (isRequest(body)) {
    const missing = meta === void 0 ? ["_meta"] : envelopeIssues(meta).filter((i) => i.problem === "missing").map((i) => i.key);
    return {
      status: 400,
      code: INVALID_PARAMS2,
      data: { envelope: { missing } },
      message: `Invalid params: the MCP-Protocol-Version header names protocol revision ${header}, but the request is missing the required per-request envelope key(s): ${missing.join(", ")}`
    };
  }
  if (methodHeader !== void 0 && methodHeader !== method) {
    return mismatch(methodHeader, `the notification body names method ${method} but the Mcp-Method header names ${methodHeader}`);
  }
  return { message: body, version: header };
}
function checkStandardHeaders(req, request2, version) {
  if (headerOf(req, "mcp-protocol-version") === void 0) {
    return mismatch("(missing)", `the body envelope names protocol version ${version} but the required MCP-Protocol-Version header is absent`);
  }
  if (headerOf(req, "mcp-method") === void 0) {
    return mismatch("(missing)", `the body names method ${request2.method} but the required Mcp-Method header is absent`);
  }
  const field = NAME_HEADER_SOURCE[request2.method];
  if (!field) return void 0;
  const value = request2.params?.[field];
  const bodyValue = typeof value === "string" ? value : void 0;
  const nameHeader = headerOf(req, "mcp-name");
  if (nameHeader === void 0) {
    return bodyValue === void 0 ? void 0 : mismatch("(missing)", `the body carries params.${field}="${bodyValue}" but the required Mcp-Name header is absent`);
  }
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === void 0) return mismatch(nameHeader, "the Mcp-Name header carries an invalid Base64 sentinel value");
  if (bodyValue !== void 0 && decoded !== bodyValue) {
    return mismatch(nameHeader, `the body carries params.${field}="${bodyValue}" but the Mcp-Name header names "${decoded}"`);
  }
  return void 0;
}
function decodeHeaderValue(value) {
  if (!value.startsWith("=?base64?") || !value.endsWith("?=")) return value;
  const b64 = value.slice(9, -2);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) return void 0;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(b64, "base64"));
  } catch {
    return void 0;
  }
}
function forChild(request2) {
  if (!request2.params) return request2;
  const { _meta, inputResponses: _responses, requestState: _state, ...params } = request2.params;
  const meta = { ..._meta };
  for (const key of ENVELOPE_KEYS) delete meta[key];
  return { ...request2, params: Object.keys(meta).length > 0 ? { ...params, _meta: meta } : params };
}
function forStatelessClient(method, response, serverInfo) {
  if (response.error) {
    return response.error.code === RESOURCE_NOT_FOUND_2025 ? { ...response, error: { ...response.error, code: INVALID_PARAMS2 } } : response;
  }
  if (!isObject3(response.result)) return response;
  const result = { resultType: "complete", ...response.result };
  if (method === "tools/list" && Array.isArray(result.tools)) {
    result.tools = result.tools.map((tool) => {
      if (!isObject3(tool) || !("execution" in tool)) return tool;
      const { execution: _execution, ...rest } = tool;
      return rest;
    });
  }
  if (result.resultType === "complete" && CACHEABLE_METHODS.has(method)) {
    if (!(Number.isSafeInteger(result.ttlMs) && result.ttlMs >= 0)) result.ttlMs = 0;
    if (result.cacheScope !== "public" && result.cacheScope !== "private") result.cacheScope = "private";
  }
  return { ...response, result: withServerInfo(result, serverInfo) };
}
function withServerInfo(result, serverInfo) {
  if (serverInfo === void 0) return result;
  if (result._meta === void 0) return { ...result, _meta: { [META_SERVER_INFO]: serverInfo } };
  if (!isObject3(result._meta) || result._meta[META_SERVER_INFO] !== void 0) return result;
  return { ...result, _meta: { ...result._meta, [META_SERVER_INFO]: serverInfo } };
}
function progressTokenOf(request2) {
  const token = request2.params?._meta?.progressToken;
  return isRequestId(token) ? token : void 0;
}
function listenFilterOf(value) {
  if (!isObject3(value)) return void 0;
  for (const flag of ["toolsListChanged", "promptsListChanged", "resourcesListChanged"]) {
    if (value[flag] !== void 0 && typeof value[flag] !== "boolean") return void 0;
  }
  const uris = value.resourceSubscriptions;
  if (uris !== void 0 && !(Array.isArray(uris) && uris.every((u) => typeof u === "string"))) return void 0;
  return value;
}
function honoured(filter, capabilities) {
  const can = (capability, bit) => {
    const entry = capabilities?.[capability];
    return capabilities === void 0 || isObject3(entry) && entry[bit] === true;
  };
  const out = {};
  if (filter.toolsListChanged && can("tools", "listChanged")) out.toolsListChanged = true;
  if (filter.promptsListChanged && can("prompts", "listChanged")) out.promptsListChanged = true;
  if (filter.resourcesListChanged && can("resources", "listChanged")) out.resourcesListChanged = true;
  if (filter.resourceSubscriptions?.length && can("resources", "subscribe")) out.resourceSubscriptions = [...filter.resourceSubscriptions];
  return out;
}
function accepts(filter, notification) {
  switch (notification.method) {
    case "notifications/tools/list_changed":
      return filter.toolsListChanged === true;
    case "notifications/prompts/list_changed":
      return filter.promptsListChanged === true;
    case "notifications/resources/list_changed":
      return filter.resourcesListChanged === true;
    case "notifications/resources/updated":
      return filter.resourceSubscriptions?.includes(notification.params?.uri) === true;
    default:
      return false;
  }
}
var import_node_crypto7, FIRST_STATELESS_VERSION, STATELESS_PROTOCOL_VERSIONS, META_PROTOCOL_VERSION, META_CLIENT_INFO, META_CLIENT_CAPABILITIES, META_LOG_LEVEL, META_SERVER_INFO, META_SUBSCRIPTION_ID, ENVELOPE_KEYS, INVALID_PARAMS2, RESOURCE_NOT_FOUND_2025, HEADER_MISMATCH, UNSUPPORTED_PROTOCOL_VERSION, GONE_METHODS, CACHEABLE_METHODS, NAME_HEADER_SOURCE, INPUT_REQUEST_METHODS, MULTI_ROUND_METHODS, LOG_LEVELS, INPUT_WAIT_MS, StatelessSession, SUBSCRIBE_WAIT_MS, ListenSession, StatelessEndpoint;
var init_stateless = __esm({
  "src/gateway/stateless.ts"() {
    "use strict";
    import_node_crypto7 = require("node:crypto");
    init_jsonrpc();
    init_http_util();
    init_post_exchange();
    init_tool_filter();
    FIRST_STATELESS_VERSION = "2026-07-28";
    STATELESS_PROTOCOL_VERSIONS = ["2026-07-28"];
    META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
    META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
    META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
    META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";
    META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";
    ENVELOPE_KEYS = [META_PROTOCOL_VERSION, META_CLIENT_INFO, META_CLIENT_CAPABILITIES, META_LOG_LEVEL];
    INVALID_PARAMS2 = -32602;
    RESOURCE_NOT_FOUND_2025 = -32002;
    HEADER_MISMATCH = -32020;
    UNSUPPORTED_PROTOCOL_VERSION = -32022;
    GONE_METHODS = /* @__PURE__ */ new Set([
      "initialize",
      "ping",
      "logging/setLevel",
      "resources/subscribe",
      "resources/unsubscribe",
      "tasks/get",
      "tasks/result",
      "tasks/list",
      "tasks/cancel",
      "sampling/createMessage",
      "elicitation/create",
      "roots/list"
    ]);
    CACHEABLE_METHODS = /* @__PURE__ */ new Set(["tools/list", "prompts/list", "resources/list", "resources/templates/list", "resources/read"]);
    NAME_HEADER_SOURCE = { "tools/call": "name", "prompts/get": "name", "resources/read": "uri" };
    INPUT_REQUEST_METHODS = /* @__PURE__ */ new Set(["sampling/createMessage", "elicitation/create", "roots/list"]);
    MULTI_ROUND_METHODS = /* @__PURE__ */ new Set(["tools/call", "prompts/get", "resources/read"]);
    LOG_LEVELS = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];
    INPUT_WAIT_MS = 5 * 6e4;
    StatelessSession = class {
      constructor(endpoint, hello, method) {
        this.endpoint = endpoint;
        this.hello = hello;
        this.method = method;
      }
      endpoint;
      hello;
      method;
      transport = "stateless";
      id = (0, import_node_crypto7.randomUUID)();
      /** The opaque requestState naming this call while it waits for a retry. */
      token = (0, import_node_crypto7.randomUUID)();
      /** The id the router knows this call by: the first POST's. */
      clientId;
      exchange;
      /** Child requests waiting for the client's answer, by inputRequests key. */
      awaiting = /* @__PURE__ */ new Map();
      /** Keys of `awaiting` not yet put to the client. */
      unasked = /* @__PURE__ */ new Set();
      /** The call's reply, when it came while no POST was open. */
      finalReply;
      waitTimer;
      nextKey = 1;
      ended = false;
      get router() {
        return this.endpoint.router;
      }
      /** The first POST: forwards the request through the router. */
      start(res, request2) {
        this.clientId = request2.id;
        this.attach(res, request2);
        this.router.receive(this, forChild(request2));
      }
      /** A retry of this call carrying `inputResponses`: hands the answers to the child and goes on on the new POST. */
      resume(res, request2) {
        clearTimeout(this.waitTimer);
        this.endpoint.waiting.delete(this.token);
        this.attach(res, request2);
        const responses = isObject3(request2.params?.inputResponses) ? request2.params.inputResponses : {};
        for (const [key, childRequest] of this.awaiting) {
          if (!(key in responses)) {
            this.unasked.add(key);
            continue;
          }
          this.awaiting.delete(key);
          this.router.receive(this, resultResponse(childRequest.id, responses[key]));
        }
        if (this.finalReply) this.deliver(this.finalReply);
        else if (this.unasked.size > 0) this.askForInput();
      }
      send(message) {
        if (this.ended) return;
        if (isResponse(message)) {
          if (message.id !== null && message.id === this.clientId) this.deliver(message);
        } else if (isRequest(message)) {
          this.childAsks(message);
        } else if (message.method === "notifications/progress") {
          const exchange = this.exchange;
          if (exchange?.progressToken !== void 0) exchange.post.push({ ...message, params: { ...message.params, progressToken: exchange.progressToken } });
        } else if (message.method === "notifications/cancelled") {
          for (const [key, childRequest] of this.awaiting) {
            if (childRequest.id !== message.params?.requestId) continue;
            this.awaiting.delete(key);
            this.unasked.delete(key);
          }
        }
      }
      attach(res, request2) {
        const exchange = { res, post: new PostExchange(res, 1, false, {}), id: request2.id, progressToken: progressTokenOf(request2) };
        this.exchange = exchange;
        res.once("close", () => {
          if (this.exchange === exchange) this.end("the client closed the request");
        });
      }
      deliver(response) {
        const exchange = this.exchange;
        if (!exchange) {
          this.finalReply = response;
          return;
        }
        this.exchange = void 0;
        exchange.post.reply(forStatelessClient(this.method, { ...response, id: exchange.id }, this.endpoint.serverInfo));
        this.end();
      }
      childAsks(request2) {
        if (!INPUT_REQUEST_METHODS.has(request2.method) || !MULTI_ROUND_METHODS.has(this.method)) {
          this.router.receive(this, errorResponse(
            request2.id,
            METHOD_NOT_FOUND,
            `mcp-auto: ${request2.method} cannot reach a client on protocol revision 2026-07-28 during ${this.method}`
          ));
          return;
        }
        const key = `mcp-auto-${this.nextKey++}`;
        this.awaiting.set(key, request2);
        this.unasked.add(key);
        if (this.exchange) this.askForInput();
      }
      /** Answers the open POST with input_required; the call keeps running upstream. */
      askForInput() {
        const exchange = this.exchange;
        this.exchange = void 0;
        const inputRequests = {};
        for (const key of this.unasked) {
          const { method, params } = this.awaiting.get(key);
          inputRequests[key] = params ? { method, params } : { method };
        }
        this.unasked.clear();
        const result = withServerInfo({ resultType: "input_required", inputRequests, requestState: this.token }, this.endpoint.serverInfo);
        this.endpoint.waiting.set(this.token, this);
        this.waitTimer = setTimeout(() => this.end(`no retry within ${INPUT_WAIT_MS / 6e4} min`), INPUT_WAIT_MS);
        this.waitTimer.unref();
        exchange.post.reply(resultResponse(exchange.id, result));
      }
      /** The call is over: what the child still asks is refused, the rest is cancelled upstream by the router. */
      end(why) {
        if (this.ended) return;
        this.ended = true;
        clearTimeout(this.waitTimer);
        this.endpoint.waiting.delete(this.token);
        for (const childRequest of this.awaiting.values()) {
          this.router.receive(this, errorResponse(
            childRequest.id,
            INTERNAL_ERROR,
            `mcp-auto: the client did not answer ${childRequest.method}${why ? `: ${why}` : ""}`
          ));
        }
        this.awaiting.clear();
        this.router.close(this);
      }
    };
    SUBSCRIBE_WAIT_MS = 5e3;
    ListenSession = class {
      constructor(router, res, subscriptionId, filter, serverInfo) {
        this.router = router;
        this.res = res;
        this.subscriptionId = subscriptionId;
        this.filter = filter;
        this.serverInfo = serverInfo;
      }
      router;
      res;
      subscriptionId;
      filter;
      serverInfo;
      transport = "stateless";
      id = (0, import_node_crypto7.randomUUID)();
      // No capabilities: a listen stream is never where the child's sampling or elicitation goes.
      hello = { protocolVersion: FIRST_STATELESS_VERSION, capabilities: {} };
      /** Subscriptions the child has not answered yet; until then what it sends waits here. */
      unanswered = 0;
      held;
      acknowledge;
      /**
       * The acknowledgement waits for the child's answers to `count` resource
       * subscriptions (at most SUBSCRIBE_WAIT_MS): a client that acts at once
       * (changes a resource) must find them in place upstream.
       */
      acknowledgeAfter(count, acknowledge) {
        if (count === 0) return acknowledge();
        this.unanswered = count;
        this.held = [];
        this.acknowledge = acknowledge;
        setTimeout(() => this.release(), SUBSCRIBE_WAIT_MS).unref();
      }
      release() {
        const held = this.held;
        if (!held) return;
        this.held = void 0;
        this.acknowledge?.();
        for (const message of held) this.send(message);
      }
      send(message) {
        if (isRequest(message)) {
          this.router.receive(this, errorResponse(message.id, INTERNAL_ERROR, `mcp-auto: ${message.method} cannot be answered on a subscriptions/listen stream`));
          return;
        }
        if (!isNotification(message)) {
          if (this.held && --this.unanswered <= 0) this.release();
          return;
        }
        if (this.held) this.held.push(message);
        else if (accepts(this.filter, message)) this.write(message.method, message.params);
      }
      write(method, params) {
        writeEvent(this.res, { jsonrpc: "2.0", method, params: { ...params, _meta: { ...params?._meta, [META_SUBSCRIPTION_ID]: this.subscriptionId } } });
      }
      /** Ends the stream the way the revision says a server ends it: a final empty result. */
      finish() {
        writeEvent(this.res, resultResponse(this.subscriptionId, withServerInfo({ resultType: "complete", _meta: { [META_SUBSCRIPTION_ID]: this.subscriptionId } }, this.serverInfo)));
        this.res.end();
      }
    };
    StatelessEndpoint = class {
      constructor(name, router) {
        this.name = name;
        this.router = router;
      }
      name;
      router;
      /** Calls that answered input_required, by their requestState. */
      waiting = /* @__PURE__ */ new Map();
      listeners = /* @__PURE__ */ new Set();
      nextSubscribe = 1;
      /** Open subscriptions/listen streams (a client holding one is in use). */
      get listenCount() {
        return this.listeners.size;
      }
      get serverInfo() {
        return this.router.child.initResult?.serverInfo;
      }
      async post(req, res, body) {
        const classified = classify(req, body);
        const id = isObject3(body) && typeof body.method === "string" && isRequestId(body.id) ? body.id : null;
        if ("status" in classified) return this.refuse(res, id, classified);
        const { message, version } = classified;
        if (!STATELESS_PROTOCOL_VERSIONS.includes(version)) {
          return this.refuse(res, id, {
            status: 400,
            code: UNSUPPORTED_PROTOCOL_VERSION,
            message: `Unsupported protocol version: ${version}`,
            data: { supported: STATELESS_PROTOCOL_VERSIONS, requested: version }
          });
        }
        if (!isRequest(message)) return void res.writeHead(202).end();
        const refusal = checkStandardHeaders(req, message, version);
        if (refusal) return this.refuse(res, message.id, refusal);
        const meta = message.params._meta;
        const hello = {
          protocolVersion: version,
          capabilities: meta[META_CLIENT_CAPABILITIES],
          clientInfo: meta[META_CLIENT_INFO]
        };
        switch (message.method) {
          case "server/discover":
            return this.discover(res, message);
          case "subscriptions/listen":
            return this.listen(res, message);
        }
        if (GONE_METHODS.has(message.method)) {
          return sendJson(res, 404, errorResponse(message.id, METHOD_NOT_FOUND, `Method not found: ${message.method} is not part of protocol revision ${version}`));
        }
        const state = message.params?.requestState;
        if (state !== void 0) {
          const session = typeof state === "string" ? this.waiting.get(state) : void 0;
          if (!session || session.method !== message.method) {
            return sendJson(res, 200, errorResponse(
              message.id,
              INVALID_PARAMS2,
              `mcp-auto: requestState is unknown or has expired (calls wait ${INPUT_WAIT_MS / 6e4} min for their retry); call ${message.method} again without it`
            ));
          }
          return session.resume(res, message);
        }
        new StatelessSession(this, hello, message.method).start(res, message);
      }
      refuse(res, id, refusal) {
        sendJson(res, refusal.status, errorResponse(id, refusal.code, refusal.message, refusal.data));
      }
      /** The child's InitializeResult, waiting (bounded) while it starts. */
      async initResult() {
        const child = this.router.child;
        if (child.state !== "ready" && !child.replaysInit) await child.whenReady(child.def.startTimeoutMs);
        return child.initResult && withToolsListChanged(child.initResult);
      }
      unavailable(id) {
        const child = this.router.child;
        return errorResponse(id, SERVER_UNAVAILABLE, `mcp-auto: server '${this.name}' is ${child.state}${child.lastError ? `: ${child.lastError}` : ""}; see \`mcp-auto logs\``);
      }
      /** Answered from the InitializeResult the gateway cached when it initialized the child. */
      async discover(res, request2) {
        const init = await this.initResult();
        if (!init) return sendJson(res, 200, this.unavailable(request2.id));
        const { tasks: _tasks, ...capabilities } = isObject3(init.capabilities) ? init.capabilities : {};
        const result = withServerInfo({
          resultType: "complete",
          supportedVersions: STATELESS_PROTOCOL_VERSIONS,
          capabilities,
          ...typeof init.instructions === "string" ? { instructions: init.instructions } : {},
          ttlMs: 0,
          cacheScope: "private"
        }, init.serverInfo);
        sendJson(res, 200, resultResponse(request2.id, result));
      }
      async listen(res, request2) {
        const filter = listenFilterOf(request2.params?.notifications);
        if (!filter) {
          return sendJson(res, 200, errorResponse(request2.id, INVALID_PARAMS2, "Invalid params: 'notifications' is required and must be a valid SubscriptionFilter"));
        }
        const init = await this.initResult();
        if (!init) return sendJson(res, 200, this.unavailable(request2.id));
        const honouredFilter = honoured(filter, isObject3(init.capabilities) ? init.capabilities : void 0);
        const session = new ListenSession(this.router, res, request2.id, honouredFilter, init.serverInfo);
        startEventStream(res);
        const acknowledge = () => session.write("notifications/subscriptions/acknowledged", { notifications: honouredFilter });
        if (Object.keys(honouredFilter).length === 0) {
          acknowledge();
          return session.finish();
        }
        keepAlive(res);
        this.listeners.add(session);
        this.router.open(session);
        const uris = honouredFilter.resourceSubscriptions ?? [];
        session.acknowledgeAfter(uris.length, acknowledge);
        for (const uri of uris) {
          this.router.receive(session, { jsonrpc: "2.0", id: `mcp-auto-listen-${this.nextSubscribe++}`, method: "resources/subscribe", params: { uri } });
        }
        res.once("close", () => {
          this.listeners.delete(session);
          this.router.close(session);
        });
      }
      closeAll() {
        for (const session of this.listeners) session.finish();
        for (const session of this.waiting.values()) session.end("mcp-auto is stopping");
      }
    };
  }
});

// src/gateway/streamable.ts
var import_node_crypto8, BACKLOG_LIMIT, SESSION_HEADER, StreamableSession, StreamableEndpoint;
var init_streamable = __esm({
  "src/gateway/streamable.ts"() {
    "use strict";
    import_node_crypto8 = require("node:crypto");
    init_jsonrpc();
    init_http_util();
    init_post_exchange();
    init_stateless();
    BACKLOG_LIMIT = 64;
    SESSION_HEADER = "mcp-session-id";
    StreamableSession = class {
      constructor(id) {
        this.id = id;
      }
      id;
      transport = "streamable";
      hello;
      lastUsed = Date.now();
      /** client request id → the POST that carries its reply. */
      exchanges = /* @__PURE__ */ new Map();
      stream;
      backlog = [];
      send(message, relatedRequestId) {
        if (isResponse(message) && message.id !== null) {
          const exchange = this.exchanges.get(message.id);
          if (exchange) {
            this.exchanges.delete(message.id);
            exchange.reply(message);
            return;
          }
        }
        if (relatedRequestId !== void 0 && this.exchanges.get(relatedRequestId)?.push(message)) return;
        if (this.stream && writeEvent(this.stream, message)) return;
        if (this.backlog.length < BACKLOG_LIMIT) this.backlog.push(message);
      }
      get hasStream() {
        return this.stream !== void 0;
      }
      attachStream(res) {
        this.stream?.end();
        this.stream = res;
        startEventStream(res, { [SESSION_HEADER]: this.id });
        keepAlive(res);
        for (const message of this.backlog.splice(0)) writeEvent(res, message);
        res.once("close", () => {
          if (this.stream === res) this.stream = void 0;
        });
      }
      end() {
        this.stream?.end();
        this.stream = void 0;
      }
    };
    StreamableEndpoint = class {
      constructor(name, router, store) {
        this.name = name;
        this.router = router;
        this.store = store;
        this.stateless = new StatelessEndpoint(name, router);
      }
      name;
      router;
      store;
      sessions = /* @__PURE__ */ new Map();
      stateless;
      get sessionCount() {
        return this.sessions.size;
      }
      /** Sessions in use: a stream open, a request in flight, or one within the last windowMs. */
      liveCount(windowMs) {
        const since = Date.now() - windowMs;
        let n = 0;
        for (const s of this.sessions.values()) if (s.hasStream || s.exchanges.size > 0 || s.lastUsed >= since) n++;
        return n;
      }
      get streamCount() {
        let n = 0;
        for (const s of this.sessions.values()) if (s.hasStream) n++;
        return n + this.stateless.listenCount;
      }
      async handle(req, res) {
        switch (req.method) {
          case "POST":
            return this.post(req, res);
          case "GET":
            return this.get(req, res);
          case "DELETE":
            return this.delete(req, res);
          default:
            sendError(res, 405, "use POST, GET or DELETE", { allow: "GET, POST, DELETE" });
        }
      }
      async post(req, res) {
        if (!isJsonContentType(req)) return sendError(res, 415, "Content-Type must be application/json");
        const accept = req.headers.accept ?? "";
        if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
          return sendError(res, 406, "Accept must list application/json and text/event-stream");
        }
        const body = await readJsonBody(req, res);
        if (!body) return;
        const parsed = body.value;
        if (isStatelessPost(req, parsed)) return this.stateless.post(req, res, parsed);
        const shaped = asMessages(parsed);
        if (!shaped) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: not a JSON-RPC 2.0 message or batch"));
        const { messages, batch } = shaped;
        const init = messages.find((m) => isRequest(m) && m.method === "initialize");
        let session;
        if (init) {
          if (messages.length > 1) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Invalid Request: initialize must be sent alone"));
          session = new StreamableSession((0, import_node_crypto8.randomUUID)());
          this.sessions.set(session.id, session);
        } else {
          const id = req.headers[SESSION_HEADER];
          if (typeof id !== "string" || !id) return sendJson(res, 400, errorResponse(null, INVALID_REQUEST, "Bad Request: Mcp-Session-Id header is required"));
          session = this.session(id);
          if (!session) return sendJson(res, 404, errorResponse(null, -32001, "Session not found: initialize a new session"));
        }
        session.lastUsed = Date.now();
        const requests = messages.filter(isRequest);
        if (requests.length === 0) {
          res.writeHead(202).end();
          for (const message of messages) this.router.receive(session, message);
          return;
        }
        const exchange = new PostExchange(res, requests.length, batch, { [SESSION_HEADER]: session.id });
        for (const message of messages) {
          if (isRequest(message)) {
            if (session.exchanges.has(message.id)) {
              exchange.reply(errorResponse(message.id, INVALID_REQUEST, `Invalid Request: id ${JSON.stringify(message.id)} is already in flight`));
              continue;
            }
            session.exchanges.set(message.id, exchange);
          }
          this.router.receive(session, message);
        }
        if (init && session.hello) this.store?.save(this.name, session.id, session.hello);
      }
      get(req, res) {
        if (!acceptsEventStream(req)) return sendError(res, 406, "Accept must list text/event-stream");
        const session = this.sessionFromHeader(req, res);
        if (!session) return;
        session.lastUsed = Date.now();
        session.attachStream(res);
      }
      delete(req, res) {
        const session = this.sessionFromHeader(req, res);
        if (!session) return;
        this.drop(session);
        this.store?.remove(session.id);
        res.writeHead(200).end();
      }
      sessionFromHeader(req, res) {
        const id = req.headers[SESSION_HEADER];
        if (typeof id !== "string" || !id) {
          sendError(res, 400, "Mcp-Session-Id header is required");
          return void 0;
        }
        const session = this.session(id);
        if (!session) sendError(res, 404, "Session not found: initialize a new session");
        return session;
      }
      /** A live session, or one brought back from the store after a daemon restart. */
      session(id) {
        const live = this.sessions.get(id);
        if (live) return live;
        const hello = this.store?.load(this.name, id);
        if (!hello) return void 0;
        const session = new StreamableSession(id);
        session.hello = hello;
        this.sessions.set(id, session);
        this.router.open(session);
        return session;
      }
      drop(session) {
        this.sessions.delete(session.id);
        session.end();
        this.router.close(session);
      }
      /** Forgets sessions idle longer than maxIdleMs with no stream open (the store can bring them back). */
      sweep(maxIdleMs) {
        const cutoff = Date.now() - maxIdleMs;
        for (const session of this.sessions.values()) {
          if (!session.hasStream && session.exchanges.size === 0 && session.lastUsed < cutoff) this.drop(session);
        }
      }
      closeAll() {
        this.stateless.closeAll();
        for (const session of this.sessions.values()) this.drop(session);
      }
    };
  }
});

// src/gateway/proxy-tool-filter.ts
function readRaw(req) {
  return new Promise((resolve4) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve4(void 0);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve4(Buffer.concat(chunks)));
    req.on("error", () => resolve4(void 0));
  });
}
function requestsIn(body) {
  let parsed;
  try {
    parsed = JSON.parse(body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch {
    return { requests: [], batch: false };
  }
  const batch = Array.isArray(parsed);
  const list = batch ? parsed : [parsed];
  return { requests: list.filter((m) => isMessage(m) && isRequest(m)), batch };
}
async function proxyWithToolFilter(req, res, child, path, catalog, legacy) {
  const encoding = req.headers["content-encoding"];
  if (child.def.tools && encoding !== void 0 && encoding !== "identity") {
    req.resume();
    return sendJson(res, 415, errorResponse(null, INVALID_REQUEST, `mcp-auto: server '${child.def.name}' has a tool filter, so request bodies must not be compressed (Content-Encoding: ${encoding})`));
  }
  const body = await readRaw(req);
  if (!body) return sendJson(res, 413, errorResponse(null, INVALID_REQUEST, `request body over ${MAX_BODY_BYTES} bytes, or unreadable`));
  const { requests, batch } = requestsIn(body);
  const refused = requests.map((r) => toolCallRefusal(child.def, r));
  const status = legacy ? 400 : 200;
  if (refused.some(Boolean)) {
    if (!batch) return sendJson(res, status, refused[0]);
    return sendJson(res, status, requests.map((r, i) => refused[i] ?? errorResponse(
      r.id,
      INVALID_REQUEST,
      `mcp-auto: this batch also holds a tool call the config filters out, so none of it was sent to '${child.def.name}'; send ${r.method} on its own`
    )));
  }
  const lists = new Map(requests.filter((r) => r.method === "tools/list").map((r) => [r.id, r.params?.cursor]));
  if (lists.size === 0 || legacy) return proxyToChild(req, res, child, path, { body });
  const filtered = (message) => {
    if (!isResponse(message) || message.id === null || !lists.has(message.id) || !("result" in message)) return message;
    return { ...message, result: catalog.seen(lists.get(message.id), message.result, child.def.tools) };
  };
  return proxyToChild(req, res, child, path, { body, reply: (reply, out, headers) => rewriteReply(reply, out, headers, filtered) });
}
function proxyEventStream(req, res, child, path, catalog, streams2) {
  const filtered = (message) => {
    if (isNotification(message) && message.method === "notifications/tools/list_changed") catalog.invalidate();
    if (!isResponse(message) || !isToolsResult(message.result)) return message;
    return { ...message, result: filterToolsResult(child.def.tools, message.result) };
  };
  return proxyToChild(req, res, child, path, {
    reply: (reply, out, headers) => {
      rewriteReply(reply, out, headers, filtered);
      if (!/^text\/event-stream/i.test(String(headers["content-type"] ?? ""))) return;
      const add = (message) => {
        if (!out.writableEnded && !out.destroyed) out.write(`event: message
data: ${JSON.stringify(message)}

`);
      };
      streams2.add(add);
      out.once("close", () => streams2.delete(add));
    }
  });
}
function isToolsResult(result) {
  return typeof result === "object" && result !== null && Array.isArray(result.tools);
}
function rewriteReply(reply, res, headers, rewrite) {
  reply.on("error", () => res.destroy());
  const type = String(headers["content-type"] ?? "");
  const status = reply.statusCode ?? 502;
  if (/^application\/json/i.test(type)) {
    const chunks = [];
    reply.on("data", (chunk) => chunks.push(chunk));
    reply.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const out = rewriteJson(text, rewrite) ?? text;
      res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(out)) });
      res.end(out);
    });
    return;
  }
  const { "content-length": _length, ...streamed } = headers;
  res.writeHead(status, /^text\/event-stream/i.test(type) ? streamed : headers);
  res.flushHeaders();
  if (!/^text\/event-stream/i.test(type)) return void reply.pipe(res);
  const events2 = new SseEvents((event) => res.write(rewriteEvent(event, rewrite)));
  reply.setEncoding("utf8");
  reply.on("data", (chunk) => events2.push(chunk));
  reply.on("end", () => {
    events2.flush();
    res.end();
  });
}
function rewriteJson(text, rewrite) {
  if (!text.includes("tools")) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return void 0;
  }
  const one = (m) => isMessage(m) ? rewrite(m) : m;
  return JSON.stringify(Array.isArray(parsed) ? parsed.map(one) : one(parsed));
}
function rewriteEvent(event, rewrite) {
  const lines = event.split(/\r\n|\r|\n/);
  const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(l.startsWith("data: ") ? 6 : 5));
  if (data.length === 0) return `${event}

`;
  const text = rewriteJson(data.join("\n"), rewrite);
  if (text === void 0) return `${event}

`;
  return `${lines.filter((l) => !l.startsWith("data:")).map((l) => `${l}
`).join("")}data: ${text}

`;
}
async function fetchHttpTools(child, catalog, timeoutMs) {
  if (child.state !== "ready" || !child.internalPort) return false;
  const url = `http://127.0.0.1:${child.internalPort}${child.def.path}`;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  let id = 0;
  const ask = async (method, params) => {
    const request2 = { jsonrpc: "2.0", id: `mcp-auto-tools-${++id}`, method, ...params ? { params } : {} };
    const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(request2), signal });
    const session = res.headers.get("mcp-session-id");
    if (session) headers["mcp-session-id"] = session;
    const text = await res.text();
    const bodies = /^text\/event-stream/i.test(res.headers.get("content-type") ?? "") ? text.split(/\r?\n/).filter((l) => l.startsWith("data:")).map((l) => l.slice(5)) : [text];
    for (const body of bodies) {
      try {
        const message = JSON.parse(body);
        if (message.id === request2.id) return typeof message.result === "object" && message.result !== null ? message.result : void 0;
      } catch {
      }
    }
    return void 0;
  };
  try {
    const init = await ask("initialize", { protocolVersion: CHILD_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "mcp-auto", version: VERSION } });
    if (!init) return false;
    if (typeof init.protocolVersion === "string") headers["mcp-protocol-version"] = init.protocolVersion;
    await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }), signal }).then((r) => r.body?.cancel());
    let cursor2;
    for (let page = 0; page < 100; page++) {
      const result = await ask("tools/list", cursor2 ? { cursor: cursor2 } : void 0);
      if (!result) return false;
      catalog.seen(cursor2, result, void 0);
      if (typeof result.nextCursor !== "string") return true;
      cursor2 = result.nextCursor;
    }
    return false;
  } catch {
    return false;
  } finally {
    if (headers["mcp-session-id"]) void fetch(url, { method: "DELETE", headers, signal: AbortSignal.timeout(1e3) }).then((r) => r.body?.cancel(), () => {
    });
  }
}
var SseEvents;
var init_proxy_tool_filter = __esm({
  "src/gateway/proxy-tool-filter.ts"() {
    "use strict";
    init_child();
    init_version();
    init_http_util();
    init_jsonrpc();
    init_proxy();
    init_tool_filter();
    SseEvents = class {
      constructor(onEvent) {
        this.onEvent = onEvent;
      }
      onEvent;
      buffer = "";
      push(chunk) {
        this.buffer += chunk;
        let match;
        while (match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer)) {
          const event = this.buffer.slice(0, match.index);
          this.buffer = this.buffer.slice(match.index + match[0].length);
          this.onEvent(event);
        }
      }
      flush() {
        if (this.buffer) this.onEvent(this.buffer);
        this.buffer = "";
      }
    };
  }
});

// src/daemon/server-unit.ts
var LIVE_WINDOW_MS, LIVE_MS, ServerUnit;
var init_server_unit = __esm({
  "src/daemon/server-unit.ts"() {
    "use strict";
    init_child();
    init_http_util();
    init_proxy();
    init_http_util();
    init_jsonrpc();
    init_sse_bridge();
    init_unavailable();
    init_router();
    init_sse();
    init_streamable();
    init_tool_filter();
    init_proxy_tool_filter();
    LIVE_WINDOW_MS = Number(process.env.MCP_AUTO_LIVE_WINDOW_MS) || 5 * 6e4;
    LIVE_MS = 5 * 6e4;
    ServerUnit = class {
      constructor(def, ctx, base, store, startMode2, child) {
        this.def = def;
        this.base = base;
        this.startMode = startMode2;
        this.child = child ?? new SupervisedChild(def, ctx);
        if (def.transport === "stdio") {
          this.router = new Router(this.child, ctx.root, () => this.child.def.startTimeoutMs, this.tools);
          this.streamable = new StreamableEndpoint(def.name, this.router, store);
          this.sse = new SseEndpoint(`/servers/${def.name}`, this.router);
        } else {
          this.child.on("ready", () => this.tools.invalidate());
          this.bridge = new SseBridge(`/servers/${def.name}`, this.child, () => this.def.path, ctx.log, this.tools, this.eventStreams);
        }
      }
      def;
      base;
      startMode;
      child;
      router;
      streamable;
      sse;
      /** The tools the child listed, as seen through the gateway (unfiltered). */
      tools = new ToolCatalog();
      /** An http child's open event streams, where the gateway can add a notification. */
      eventStreams = /* @__PURE__ */ new Set();
      /** An http child's legacy SSE endpoints, bridged to its Streamable HTTP. */
      bridge;
      /** Starts the child if it is eager; a lazy one waits for its first session. */
      startIfEager() {
        if (this.startMode === "eager") this.child.start();
      }
      /** Same transport, new command/args/env: restart the child only (a child not started stays so until needed). */
      async redefine(def, startMode2) {
        this.def = def;
        this.startMode = startMode2;
        await this.child.redefine(def);
        this.startIfEager();
      }
      /** Only the tool filter changed: applied at once, the child keeps running; sessions list again. */
      setToolFilter(def) {
        this.def = def;
        this.child.def = def;
        this.router?.toolFilterChanged();
        for (const add of this.eventStreams) add({ jsonrpc: "2.0", method: "notifications/tools/list_changed" });
      }
      /** Makes sure the tool stats are known: the gateway lists the child's tools itself when no session did yet (status, doctor). */
      async measureTools(timeoutMs) {
        if (this.tools.complete) return;
        if (this.router) await this.router.fetchTools(timeoutMs);
        else await fetchHttpTools(this.child, this.tools, timeoutMs);
      }
      /** An http child's requests stream through to it (the daemon's lean front then leaves them to Node's server). */
      get streamsBodies() {
        return !this.router;
      }
      /** `rest` is the path after /servers/<name>, e.g. "/mcp"; `search` its query, "?…" or empty. */
      async handle(req, res, rest, search) {
        if (!this.router) {
          if (rest === "/sse") return this.bridge.open(req, res);
          if (rest === "/messages") return this.bridge.post(req, res, new URLSearchParams(search).get("sessionId"));
          if (rest === "/mcp" && req.method === "POST" && !await this.childUp()) return this.refuseHttp(req, res);
          const path = (rest === "/mcp" ? this.def.path : rest) + search;
          if (req.method === "POST") return proxyWithToolFilter(req, res, this.child, path, this.tools, rest !== "/mcp");
          if (req.method === "GET") return proxyEventStream(req, res, this.child, path, this.tools, this.eventStreams);
          return proxyToChild(req, res, this.child, path);
        }
        switch (rest) {
          case "/mcp":
            return this.streamable.handle(req, res);
          case "/sse":
            return this.sse.open(req, res);
          case "/messages":
            return this.sse.post(req, res, new URLSearchParams(search).get("sessionId"));
          default:
            sendError(res, 404, `no endpoint ${rest}; use /servers/${this.def.name}/mcp or /servers/${this.def.name}/sse`);
        }
      }
      async childUp() {
        return this.child.state === "ready" || this.child.whenReady(this.child.def.startTimeoutMs);
      }
      /**
       * An http child that cannot start or has failed: a JSON-RPC request (above
       * all `initialize`) gets the server's last error as a JSON-RPC error, as a
       * stdio child's sessions do, so a client shows the reason.
       */
      async refuseHttp(req, res) {
        const body = await readJsonBody(req, res);
        if (!body) return;
        const request2 = asMessages(body.value)?.messages.find(isRequest);
        if (!request2) return sendError(res, 503, unavailable(this.child, null).error.message);
        sendJson(res, 200, unavailable(this.child, request2.id));
      }
      /** Client sessions now connected (for /health and the idle timer). */
      get sessions() {
        return (this.streamable?.sessionCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
      }
      /** Sessions with a stream open or a request in flight, or used within LIVE_WINDOW_MS (an SSE session is its stream). */
      get liveSessions() {
        return (this.streamable?.liveCount(LIVE_WINDOW_MS) ?? 0) + (this.sse?.sessionCount ?? 0);
      }
      /** Open event streams: a client that holds one is in use even when quiet. */
      get openStreams() {
        return (this.streamable?.streamCount ?? 0) + (this.sse?.sessionCount ?? 0) + (this.bridge?.sessionCount ?? 0);
      }
      sweep(maxIdleMs) {
        this.streamable?.sweep(maxIdleMs);
      }
      health() {
        const c = this.child;
        return {
          name: this.def.name,
          transport: this.def.transport,
          client: this.def.client,
          state: c.state,
          start: this.startMode,
          analyses: this.def.analyses,
          pid: c.pid ?? null,
          restarts: c.restarts,
          sessions: this.sessions,
          liveSessions: this.liveSessions,
          lastError: c.lastError ?? null,
          stderrTail: c.stderrTail.slice(-10),
          url: `${this.base}/servers/${this.def.name}/mcp`,
          sseUrl: `${this.base}/servers/${this.def.name}/sse`,
          calls: this.router?.calls.stats() ?? null,
          tools: this.tools.stats(this.def.tools)
        };
      }
      /** health() plus who is connected and the call history, for the page. */
      pageView() {
        const now = Date.now();
        return {
          ...this.health(),
          toolFilter: this.def.tools ?? null,
          sessionList: (this.router?.describeSessions(now) ?? []).map((s) => ({ ...s, live: s.inflight > 0 || s.transport === "sse" || s.idleMs < LIVE_MS })),
          buckets: this.router?.calls.buckets(now) ?? []
        };
      }
      async stop() {
        this.streamable?.closeAll();
        this.sse?.closeAll();
        this.bridge?.closeAll();
        await this.child.stop();
      }
    };
  }
});

// src/daemon/page.html
var page_default;
var init_page = __esm({
  "src/daemon/page.html"() {
    page_default = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>mcp-auto</title>
<style>
  :root { color-scheme: light dark; --bg: #fafafa; --fg: #1d1d1f; --dim: #6e6e73; --line: #d8d8dc; --card: #fff;
    --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --accent: #0969da; }
  @media (prefers-color-scheme: dark) { :root { --bg: #111114; --fg: #e6e6e9; --dim: #9a9aa3; --line: #2e2e35; --card: #1a1a1f;
    --ok: #3fb950; --warn: #d29922; --bad: #f85149; --accent: #58a6ff; } }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg); color: var(--fg); }
  header { padding: 14px 22px; border-bottom: 1px solid var(--line); display: flex; gap: 18px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 17px; margin: 0; font-weight: 600; word-break: break-all; }
  .meta { color: var(--dim); font-size: 13px; display: flex; gap: 14px; flex-wrap: wrap; }
  main { padding: 16px 22px 40px; display: grid; gap: 18px; max-width: 1200px; }
  h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--dim); margin: 6px 0 8px; font-weight: 600; }
  .servers { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
  .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
  .card .top { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
  .card .name { font-weight: 600; font-size: 15px; }
  .state { font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; }
  .state.ready { color: var(--ok); } .state.failed { color: var(--bad); } .state.other { color: var(--warn); }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 10px 0 0; font-size: 13px; }
  dt { color: var(--dim); } dd { margin: 0; word-break: break-word; }
  .error { color: var(--bad); }
  details { margin-top: 8px; font-size: 12px; } summary { cursor: pointer; color: var(--dim); }
  pre { margin: 6px 0 0; padding: 8px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px;
    font: 12px/1.4 ui-monospace, "SF Mono", Menlo, monospace; white-space: pre-wrap; word-break: break-all; max-height: 320px; overflow: auto; }
  table { width: 100%; border-collapse: collapse; font-size: 13px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); }
  th { color: var(--dim); font-weight: 600; font-size: 12px; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .ok { color: var(--ok); } .bad { color: var(--bad); }
  .empty { color: var(--dim); font-style: italic; padding: 8px 0; }
  svg { width: 100%; height: 130px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
  svg .mean { fill: none; stroke: var(--accent); stroke-width: 2; } svg .max { fill: none; stroke: var(--dim); stroke-width: 1; stroke-dasharray: 3 3; }
  svg text { fill: var(--dim); font-size: 11px; }
  #banner { display: none; background: var(--bad); color: #fff; padding: 6px 22px; font-size: 13px; }
  #banner.show { display: block; }
</style>
</head>
<body>
<div id="banner" role="status">Lost the daemon \u2014 retrying\u2026</div>
<header>
  <h1 id="root">mcp-auto</h1>
  <div class="meta" id="meta"></div>
</header>
<main>
  <section><h2>Servers</h2><div class="servers" id="servers"></div></section>
  <section><h2>Latency, last 10 minutes (mean and max per 10 s)</h2><svg id="chart"></svg></section>
  <section><h2>Recent calls</h2>
    <table><thead><tr><th>time</th><th>server</th><th>method</th><th>tool / resource</th><th class="num">ms</th><th>outcome</th></tr></thead>
    <tbody id="calls"></tbody></table>
  </section>
  <section><h2>Log</h2><pre id="log"></pre></section>
</main>
<script>
'use strict';
// Every value from the daemon is text (paths, stderr, tool names may come from
// a project): it goes in through textContent, never as markup.
const byId = (id) => document.getElementById(id);
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
const svgEl = (tag, props) => {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(props)) node.setAttribute(key, value);
  return node;
};
function duration(ms) {
  const s = Math.floor(ms / 1000);
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
}
const kb = (bytes) => bytes >= 1024 ? (bytes / 1024).toFixed(1) + ' KB' : bytes + ' B';

function toolsText(tools) {
  if (!tools) return 'not listed yet';
  let text = tools.exposed + (tools.total !== tools.exposed ? ' of ' + tools.total : '') + ' tools';
  if (typeof tools.bytes === 'number') text += ', ' + kb(tools.bytes) + (typeof tools.tokens === 'number' ? ' (~' + tools.tokens + ' tokens)' : '');
  return text;
}
function filterText(filter) {
  if (!filter) return '';
  if (filter.allow) return 'allow ' + filter.allow.join(', ');
  if (filter.deny) return 'deny ' + filter.deny.join(', ');
  return '';
}

function serverCard(s) {
  const stateClass = s.state === 'ready' ? 'ready' : s.state === 'failed' ? 'failed' : 'other';
  const rows = [
    ['transport', s.transport + (s.pid ? ' \xB7 pid ' + s.pid : '')],
    ['restarts', String(s.restarts)],
    ['tools', toolsText(s.tools)],
  ];
  const filter = filterText(s.toolFilter || (s.tools && s.tools.filter));
  if (filter) rows.push(['filter', filter]);
  const sessions = s.sessionList || [];
  const live = sessions.filter((x) => x.live).length;
  rows.push(['sessions', sessions.length ? live + ' live, ' + (sessions.length - live) + ' idle' : String(s.sessions || 0)]);
  const dl = el('dl');
  for (const [k, v] of rows) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  if (s.lastError) dl.append(el('dt', { text: 'last error' }), el('dd', { class: 'error', text: s.lastError }));
  const card = el('div', { class: 'card', 'data-server': s.name },
    el('div', { class: 'top' }, el('span', { class: 'name', text: s.name }), el('span', { class: 'state ' + stateClass, 'data-state': s.state, text: s.state })),
    dl);
  if (sessions.length) {
    const list = el('pre');
    list.textContent = sessions.map((x) => (x.live ? '\u25CF ' : '\u25CB ') + x.client + ' (' + x.transport + (x.inflight ? ', ' + x.inflight + ' in flight' : '') + ', last seen ' + duration(x.idleMs) + ' ago)').join('\\n');
    card.append(el('details', {}, el('summary', { text: 'clients' }), list));
  }
  if (s.stderrTail && s.stderrTail.length) {
    const pre = el('pre');
    pre.textContent = s.stderrTail.join('\\n');
    card.append(el('details', {}, el('summary', { text: 'stderr (last ' + s.stderrTail.length + ' lines)' }), pre));
  }
  return card;
}

function renderCalls(servers) {
  const calls = servers.flatMap((s) => ((s.calls && s.calls.recent) || []).map((c) => Object.assign({ server: s.name }, c)))
    .sort((a, b) => b.at - a.at).slice(0, 30);
  const body = byId('calls');
  body.replaceChildren(...(calls.length ? calls.map((c) => el('tr', {},
    el('td', { text: new Date(c.at).toLocaleTimeString() }),
    el('td', { text: c.server }),
    el('td', { text: c.method }),
    el('td', { text: c.target || '' }),
    el('td', { class: 'num', text: String(c.ms) }),
    el('td', { class: c.outcome === 'ok' ? 'ok' : 'bad', text: c.outcome }))) : [el('tr', {}, el('td', { colspan: '6', class: 'empty', text: 'no calls yet' }))]));
}

function renderChart(servers, now) {
  const slots = new Map();
  for (const s of servers) for (const b of s.buckets || []) {
    const slot = slots.get(b.at) || { count: 0, totalMs: 0, maxMs: 0 };
    slot.count += b.count; slot.totalMs += b.totalMs; slot.maxMs = Math.max(slot.maxMs, b.maxMs);
    slots.set(b.at, slot);
  }
  const chart = byId('chart');
  // Drawn in the element's own pixels, so text and lines keep their shape.
  const width = Math.max(200, chart.clientWidth || 600);
  const height = 130;
  chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
  chart.replaceChildren();
  const text = (x, y, anchor, value) => {
    const t = svgEl('text', { x: String(x), y: String(y), 'text-anchor': anchor });
    t.textContent = value;
    chart.append(t);
  };
  const span = 600_000;
  const start = now - span;
  const points = [...slots.entries()].filter(([at]) => at >= start).sort((a, b) => a[0] - b[0]);
  text(10, height - 6, 'start', '10 min ago');
  text(width - 10, height - 6, 'end', 'now');
  if (points.length === 0) {
    text(width / 2, height / 2, 'middle', 'no calls in the last 10 minutes');
    return;
  }
  const top = Math.max(1, ...points.map(([, p]) => p.maxMs));
  const x = (at) => ((at + 5_000 - start) / span * (width - 20) + 10).toFixed(1);
  const y = (ms) => (height - 22 - ms / top * (height - 40)).toFixed(1);
  const line = (cls, pick) => {
    // A single slot is drawn as a short flat stroke, not an invisible point.
    const pts = points.length === 1 ? [[points[0][0] - 4_000, points[0][1]], [points[0][0] + 4_000, points[0][1]]] : points;
    chart.append(svgEl('polyline', { class: cls, points: pts.map(([at, p]) => x(at) + ',' + y(pick(p))).join(' ') }));
  };
  line('max', (p) => p.maxMs);
  line('mean', (p) => p.totalMs / p.count);
  text(10, 14, 'start', 'max ' + top + ' ms');
}

function render(state) {
  byId('banner').classList.remove('show');
  byId('root').textContent = state.root;
  document.title = 'mcp-auto \xB7 ' + state.root.split('/').pop();
  const mem = state.memoryMb ? state.memoryMb.rss + ' MB' : '';
  byId('meta').replaceChildren(...['127.0.0.1:' + state.port, 'pid ' + state.pid, 'mcp-auto ' + state.version, 'up ' + duration(state.uptimeMs), mem]
    .filter(Boolean).map((t) => el('span', { text: t })));
  byId('servers').replaceChildren(...(state.servers.length ? state.servers.map(serverCard) : [el('div', { class: 'empty', text: 'no servers configured' })]));
  renderCalls(state.servers);
  renderChart(state.servers, state.now);
}

const log = byId('log');
function appendLog(lines) {
  const follow = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  log.textContent = (log.textContent ? log.textContent + '\\n' : '') + lines.join('\\n');
  const all = log.textContent.split('\\n');
  if (all.length > 500) log.textContent = all.slice(-500).join('\\n');
  if (follow) log.scrollTop = log.scrollHeight;
}

const events = new EventSource('page/events');
events.addEventListener('state', (e) => render(JSON.parse(e.data)));
events.addEventListener('logs', (e) => { log.textContent = ''; appendLog(JSON.parse(e.data)); });
events.addEventListener('log', (e) => appendLog([JSON.parse(e.data)]));
events.onerror = () => byId('banner').classList.add('show');
</script>
</body>
</html>
`;
  }
});

// src/daemon/page.ts
var page_exports = {};
__export(page_exports, {
  servePage: () => servePage
});
function servePage(req, res, path, source) {
  if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, 405, "the page is read-only: use GET", { allow: "GET, HEAD" });
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(page_default), ...HEADERS });
    res.end(req.method === "HEAD" ? void 0 : page_default);
    return;
  }
  if (path === "/page/events") return events(res, source);
  sendError(res, 404, `no page at ${path}; the page is at /`);
}
function events(res, source) {
  if (streams >= MAX_STREAMS) return sendError(res, 429, `${MAX_STREAMS} pages are open already; close one`);
  streams++;
  startEventStream(res, HEADERS);
  keepAlive(res);
  const send = (event, data) => {
    if (!res.writableEnded && !res.destroyed) res.write(`event: ${event}
data: ${JSON.stringify(data)}

`);
  };
  const update = () => send("state", source.state());
  send("logs", source.logTail.snapshot());
  update();
  const timer = setInterval(update, UPDATE_MS);
  const unfollow = source.logTail.follow((line) => send("log", line));
  const unsubscribe = source.onChange(update);
  res.once("close", () => {
    streams--;
    clearInterval(timer);
    unfollow();
    unsubscribe();
  });
}
var import_node_crypto9, UPDATE_MS, MAX_STREAMS, sha256, inline, CSP, HEADERS, streams;
var init_page2 = __esm({
  "src/daemon/page.ts"() {
    "use strict";
    import_node_crypto9 = require("node:crypto");
    init_page();
    init_http_util();
    UPDATE_MS = 1e3;
    MAX_STREAMS = 8;
    sha256 = (text) => `'sha256-${(0, import_node_crypto9.createHash)("sha256").update(text).digest("base64")}'`;
    inline = (tag) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(page_default)?.[1] ?? "";
    CSP = [
      "default-src 'none'",
      `script-src ${sha256(inline("script"))}`,
      `style-src ${sha256(inline("style"))}`,
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'"
    ].join("; ");
    HEADERS = {
      "content-security-policy": CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "no-store"
    };
    streams = 0;
  }
});

// src/daemon/daemon.ts
var daemon_exports = {};
__export(daemon_exports, {
  Daemon: () => Daemon
});
function memoryMb() {
  const m = process.memoryUsage();
  const mb = (bytes) => Math.round(bytes / 104857.6) / 10;
  return { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external + m.arrayBuffers) };
}
var import_node_http3, import_node_net2, import_node_fs20, import_node_path22, import_node_crypto10, CHORE_MS, HEADERS_TIMEOUT_MS, SERVER_PATH, BURST_OVER_MS, SECOND_COLLECTION_MS, SESSION_SWEEP_MS, Daemon, round1;
var init_daemon = __esm({
  "src/daemon/daemon.ts"() {
    "use strict";
    import_node_http3 = require("node:http");
    import_node_net2 = require("node:net");
    import_node_fs20 = require("node:fs");
    import_node_path22 = require("node:path");
    import_node_crypto10 = require("node:crypto");
    init_atomic();
    init_config();
    init_errors();
    init_paths();
    init_roots();
    init_client_refresh();
    init_config_watch();
    init_version();
    init_child();
    init_http_util();
    init_lean_http();
    init_security();
    init_access();
    init_daemon_state();
    init_session_store();
    init_server_unit();
    init_server_state();
    init_tool_filter();
    init_early_start();
    init_entries();
    CHORE_MS = 3e4;
    HEADERS_TIMEOUT_MS = 1e4;
    SERVER_PATH = /^\/servers\/([^/]+)(\/[^/]*)$/;
    BURST_OVER_MS = 3e3;
    SECOND_COLLECTION_MS = 6e3;
    SESSION_SWEEP_MS = 10 * 6e4;
    Daemon = class {
      constructor(options) {
        this.options = options;
        const early = this.early = options.early ?? new EarlyStart(options.root, { spawn: false });
        this.stateDir = early.stateDir;
        this.log = early.log;
        this.logTail = early.logTail;
        this.store = new SessionStore((0, import_node_path22.join)(this.stateDir, "sessions.json"), this.log);
        this.config = early.config ?? loadConfig();
        this.identity = this.loadSecret(IDENTITY_FILE);
        this.access = new Access(this.log);
        this.hosts = allowedHosts(options.port, options.host);
        const handle = (req, res) => {
          clearTimeout(firstHeaders.get(req.socket));
          this.route(req, res).catch((error) => {
            this.log(`request ${req.method} ${req.url} failed: ${errorMessage(error)}`);
            if (!res.headersSent) sendError(res, 500, "internal error");
            else res.destroy();
          });
        };
        this.server = (0, import_node_http3.createServer)({ noDelay: true, keepAliveTimeout: KEEP_ALIVE_MS, requestTimeout: 0, headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: CHORE_MS }, handle);
        this.front = new LeanFront(this.server, (path) => this.servesWhole(path), handle, MAX_BODY_BYTES);
        const firstHeaders = /* @__PURE__ */ new WeakMap();
        this.listener = (0, import_node_net2.createServer)({ noDelay: true }, (socket) => {
          this.access.accept(socket);
          const timer = setTimeout(() => socket.destroy(), HEADERS_TIMEOUT_MS);
          firstHeaders.set(socket, timer);
          socket.once("close", () => clearTimeout(timer));
          this.front.accept(socket);
        });
      }
      options;
      stateDir;
      log;
      server;
      /** Listens, and serves the hot path (lean-http.ts); hands other connections to `server`. */
      listener;
      front;
      units = /* @__PURE__ */ new Map();
      store;
      config;
      token;
      lastActivity = Date.now();
      lastRequest = 0;
      requestsSinceCollect = 0;
      firstCollectionAt;
      startedAt = Date.now();
      timers = [];
      stopping;
      closeWatcher;
      /** True once the project folder is gone (the daemon is then stopping). */
      checkRoot = () => false;
      access;
      /** Answers /health's challenge: proves to ensure, exec, doctor and stop that this is the root's daemon. */
      identity;
      /** The Host headers a request may carry (DNS rebinding). */
      hosts;
      /** Milliseconds since the process started at each start-up phase (/health; the bench's cold-start rows). */
      startup = { loaded: round1(performance.now()) };
      /** The latest log lines, for the page. */
      logTail;
      early;
      page;
      /** Whether the lean front may serve requests to this path: not an http child's, whose bodies stream through. */
      servesWhole(path) {
        const match = SERVER_PATH.exec(path);
        if (!match) return false;
        try {
          return this.units.get(decodeURIComponent(match[1]))?.streamsBodies !== true;
        } catch {
          return false;
        }
      }
      get base() {
        return `http://127.0.0.1:${this.options.port}`;
      }
      /** The project config is read only once the user trusted it. */
      readConfig() {
        return readDaemonConfig(this.options.root, this.log);
      }
      /**
       * Binds the port first (a millisecond; only the daemon that holds the port
       * may reap and record children), then takes over the eager children that
       * early-start.ts spawned before this module loaded — their start-up is what
       * a first client waits for — and only then does the rest. Clients can
       * connect while children start; a lazy child starts with its first session.
       */
      async start() {
        await new Promise((resolve4, reject) => {
          this.listener.once("error", reject);
          this.listener.listen(this.options.port, this.options.host ?? "127.0.0.1", () => {
            this.listener.off("error", reject);
            this.server.emit("listening");
            this.startChores();
            resolve4();
          });
        });
        this.startup.listening = round1(performance.now());
        this.reapOrphans(this.early.pids);
        this.early.adopt({
          onSpawn: (pid, command) => this.recordChild(pid, command),
          usersRoot: this.usersRoot
        });
        for (const def of this.config.servers.values()) this.addUnit(def);
        this.startup.childrenSpawned = round1(this.early.spawnedAt ?? performance.now());
        if (this.config.settings.auth === "token") this.token = this.loadToken();
        this.log(`daemon ${VERSION} for ${this.options.root} on ${this.base} (pid ${process.pid})`);
        const record = { root: this.options.root, port: this.options.port, pid: process.pid, version: VERSION, startedAt: new Date(this.startedAt).toISOString() };
        writeFileAtomic((0, import_node_path22.join)(this.stateDir, "daemon.json"), `${JSON.stringify(record, null, 2)}
`, 384);
        (0, import_node_fs20.rmSync)((0, import_node_path22.join)(this.stateDir, IDLE_STOPPED), { force: true });
        await this.watchConfig();
      }
      /** Read at each child's start: marks and trustedRoots may change while the daemon runs. */
      usersRoot = () => isUsersRoot(this.options.root, this.config.settings.trustedRoots);
      addUnit(def) {
        const usersRoot = this.usersRoot;
        const unit = new ServerUnit(def, {
          root: this.options.root,
          stateDir: this.stateDir,
          log: this.log,
          get usersRoot() {
            return usersRoot();
          },
          onSpawn: (pid, command) => this.recordChild(pid, command)
        }, this.base, this.store, this.startModeOf(def), this.early.take(def.name));
        this.units.set(def.name, unit);
        unit.startIfEager();
      }
      /** Eager servers that analyse project content start with the daemon only in the user's own roots. */
      startModeOf(def) {
        const mode = startMode(def, this.usersRoot);
        if (mode === "lazy" && def.start === "eager") {
          this.log(`server ${def.name}: starts when the first client connects (it analyses project content, and ${this.options.root} is not marked as yours in "trustedRoots")`);
        }
        return mode;
      }
      /** Starts every server not started yet (`exec` and `/health?start=1`: whoever asks needs them all). */
      startAll() {
        for (const unit of this.units.values()) unit.child.start();
      }
      async route(req, res) {
        this.access.bodyDeadline(req, res);
        if (this.access.refuse(req, res)) return;
        const refusal = checkHostAndOrigin(req, this.hosts);
        if (refusal) {
          this.log(`refused ${req.method} ${req.url}: ${refusal}`);
          return sendError(res, 403, refusal);
        }
        const raw = req.url ?? "/";
        const query = raw.indexOf("?");
        let match = SERVER_PATH.exec(query < 0 ? raw : raw.slice(0, query));
        let search = query < 0 ? "" : raw.slice(query);
        if (!match) {
          const url = new URL(raw, this.base);
          const path = url.pathname;
          if (path === "/health") return this.health(req, res, url);
          if (path === "/" || path.startsWith("/page/")) return this.servePage(req, res, path);
          match = SERVER_PATH.exec(path);
          if (!match) return sendError(res, 404, `no such path ${path}; servers are under /servers/<name>/mcp, status at /health`);
          search = url.search;
        }
        if (this.token !== void 0 && !bearerMatches(req, this.token)) {
          return sendError(res, 401, "missing or wrong bearer token", { "www-authenticate": "Bearer" });
        }
        const unit = this.units.get(decodeURIComponent(match[1]));
        if (!unit) {
          const names = [...this.units.keys()];
          return sendError(res, 404, `no server '${match[1]}' here; servers: ${names.length ? names.join(", ") : "(none configured)"}`);
        }
        this.lastActivity = this.lastRequest = Date.now();
        this.requestsSinceCollect++;
        if (this.access.limitStreams(req, res)) return;
        if (this.options.collectGarbage && !this.gcTimer) this.scheduleCollection(BURST_OVER_MS);
        return unit.handle(req, res, match[2], search);
      }
      async health(req, res, url) {
        if (url.searchParams.get("ensure") === "1") this.lastActivity = Date.now();
        if (url.searchParams.get("tools") === "1") await Promise.all([...this.units.values()].map((u) => u.measureTools(2e3)));
        const authorized = this.token === void 0 || bearerMatches(req, this.token);
        if (url.searchParams.get("start") === "1" && authorized) {
          this.lastActivity = Date.now();
          this.startAll();
        }
        const servers = [...this.units.values()].map((u) => u.health());
        if (url.searchParams.get("form") === "shell") return this.shellHealth(res, servers);
        const challenge = url.searchParams.get("challenge");
        sendJson(res, 200, {
          ...challenge ? { proof: identityProof(this.identity, challenge.slice(0, 128), this.options.root, this.options.port) } : {},
          root: this.options.root,
          port: this.options.port,
          pid: process.pid,
          version: VERSION,
          uptimeMs: Date.now() - this.startedAt,
          startup: this.startup,
          idleTimeoutMinutes: this.idleMinutes,
          memoryMb: memoryMb(),
          auth: this.config.settings.auth,
          // With token auth, stderr lines, errors and recent calls (which may hold paths or secrets) need the token.
          servers: authorized ? servers : servers.map((s) => ({ ...s, lastError: s.lastError ? "(needs the token)" : null, stderrTail: [], calls: s.calls && { ...s.calls, recent: [] } }))
        });
      }
      /**
       * /health for the installed command's fast path (shell/bin.bash), which
       * reads it with bash builtins: `key=value` lines (the root, the port,
       * whether every server is ready), a blank line, then what `mcp-config`
       * prints. Nothing in it needs the token: /health without one says as much.
       */
      shellHealth(res, servers) {
        const ready = servers.every((s) => s.state === "ready") ? 1 : 0;
        const config = mcpConfigText(entriesFor(servers, this.options.port, this.config.settings.auth));
        const text = `root=${this.options.root}
port=${this.options.port}
ready=${ready}

${config}`;
        res.writeHead(200, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text) });
        res.end(text);
      }
      /** The page's code loads on its first request only: a daemon nobody looks at pays nothing. */
      async servePage(req, res, path) {
        if (this.token !== void 0 && !bearerMatches(req, this.token)) {
          return sendError(res, 401, "the page is not served under token auth (see SECURITY.md)", { "www-authenticate": "Bearer" });
        }
        this.page ??= Promise.resolve().then(() => (init_page2(), page_exports));
        const { servePage: servePage2 } = await this.page;
        servePage2(req, res, path, { state: () => this.pageState(), logTail: this.logTail, onChange: (fn) => this.onServerChange(fn) });
      }
      /** Calls fn after any server's child goes down or becomes ready. */
      onServerChange(fn) {
        const later = () => setImmediate(fn);
        const children = [...this.units.values()].map((u) => u.child);
        for (const child of children) child.on("down", later).on("ready", later);
        return () => {
          for (const child of children) child.off("down", later).off("ready", later);
        };
      }
      /** What the page shows: /health's view with each server's clients and call history. */
      pageState() {
        return {
          root: this.options.root,
          port: this.options.port,
          pid: process.pid,
          version: VERSION,
          now: Date.now(),
          uptimeMs: Date.now() - this.startedAt,
          memoryMb: memoryMb(),
          servers: [...this.units.values()].map((u) => u.pageView())
        };
      }
      /** Reloads config and applies the difference: only changed servers restart. */
      reload() {
        const next = this.readConfig();
        if (!next) return;
        this.config = next;
        this.applyAuth();
        for (const [name, unit] of this.units) {
          const def = next.servers.get(name);
          if (!def) {
            this.log(`config: server ${name} removed`);
            this.units.delete(name);
            this.store.removeServer(name);
            void unit.stop();
          } else if (JSON.stringify(def) !== JSON.stringify(unit.def) && onlyToolsDiffer(def, unit.def)) {
            this.log(`config: server ${name}: tool filter changed; applied without a restart, sessions told to list again`);
            unit.setToolFilter(def);
          } else if (JSON.stringify(def) !== JSON.stringify(unit.def)) {
            this.log(`config: server ${name} changed; restarting it`);
            if (def.transport === unit.def.transport) void unit.redefine(def, this.startModeOf(def));
            else {
              void unit.stop();
              this.addUnit(def);
            }
          }
        }
        for (const def of next.servers.values()) {
          if (!this.units.has(def.name)) {
            this.log(`config: server ${def.name} added`);
            this.addUnit(def);
          }
        }
        this.onReload?.();
      }
      /** Set in start(): brings the client files in step after a reload (client-refresh.ts). */
      onReload;
      /** "auth" switched while running: applied at once (the token file made on the way to token). */
      applyAuth() {
        if (this.config.settings.auth === "token") {
          if (this.token === void 0) this.log('config: auth is now "token"; clients need the bearer token');
          this.token ??= this.loadToken();
        } else if (this.token !== void 0) {
          const exposed = this.options.host !== void 0 && !["127.0.0.1", "::1", "localhost"].includes(this.options.host);
          if (exposed) this.log('config: auth "none" ignored: this daemon listens beyond loopback (--unsafe-expose) and keeps its token');
          else {
            this.log('config: auth is now "none"');
            this.token = void 0;
          }
        }
      }
      /**
       * Every periodic chore on one timer, at most every 30 s. Created in the same
       * 'listening' emit as Node's own 30 s connections check, so the two share
       * their start and fire in one wake-up: an idle daemon's own timers wake it
       * twice a minute (V8 may add a garbage-collection task after a chore).
       */
      startChores() {
        let lastSweep = Date.now();
        this.timers.push(setInterval(() => {
          if (this.checkRoot()) return;
          if (Date.now() - lastSweep >= 6e4) {
            lastSweep = Date.now();
            for (const u of this.units.values()) u.sweep(SESSION_SWEEP_MS);
          }
          this.checkIdle();
        }, this.idleCheckMs()).unref());
      }
      async watchConfig() {
        const refresh = new ClientRefresh(this.options.root, this.stateDir, this.options.port, this.log, this.config, () => this.readConfig());
        this.onReload = () => void refresh.refresh(this.config);
        const watch2 = await watchConfig(this.options.root, this.log, {
          change: () => this.reload(),
          rootGone: () => {
            this.log(`${this.options.root} was deleted; stopping (\`mcp-auto forget ${this.options.root}\` removes its state)`);
            void this.stop({ keepRecord: true }).then(() => process.exit(0));
          }
        });
        this.closeWatcher = () => watch2.close();
        this.checkRoot = () => watch2.checkRoot();
      }
      get idleMinutes() {
        return this.options.idleTimeoutMinutes ?? this.config.settings.idleTimeoutMinutes;
      }
      idleCheckMs() {
        const minutes = this.idleMinutes;
        return minutes > 0 ? Math.max(250, Math.min(CHORE_MS, minutes * 6e4 / 4)) : CHORE_MS;
      }
      checkIdle() {
        const minutes = this.idleMinutes;
        if (minutes <= 0) return;
        let streams2 = 0;
        for (const unit of this.units.values()) streams2 += unit.openStreams;
        if (streams2 > 0) {
          this.lastActivity = Date.now();
          return;
        }
        if (Date.now() - this.lastActivity >= minutes * 6e4) {
          this.log(`idle for ${minutes} min with no client; stopping (the next cd or prompt in the project brings it back)`);
          void this.stop().then(async () => {
            await this.withdrawClientEntries();
            try {
              (0, import_node_fs20.writeFileSync)((0, import_node_path22.join)(this.stateDir, IDLE_STOPPED), "", { mode: 384 });
            } catch {
            }
            process.exit(0);
          });
        }
      }
      /**
       * Once the port is let go, client files must not name it: whoever binds it
       * next would get every client started without a cd (an IDE). The entries
       * come back with the next ensure (the hook's next prompt, a cd, exec).
       */
      async withdrawClientEntries() {
        const started = Date.now();
        try {
          const { adapters: adapters2, syncClients: syncClients2 } = await Promise.resolve().then(() => (init_clients(), clients_exports));
          const chosen = this.config.settings.clients.map((name) => adapters2[name]).filter((a) => a !== void 0);
          const results = await syncClients2(this.options.root, this.stateDir, chosen, []);
          const written = results.filter((r) => r.status === "written").map((r) => r.file);
          this.log(`took mcp-auto's entries out of ${written.length ? written.join(", ") : "no client file"} in ${Date.now() - started} ms (the next ensure puts them back)`);
        } catch (error) {
          this.log(`could not take the entries out of the client files: ${errorMessage(error)}`);
        }
      }
      /**
       * V8 keeps the heap it grew during a burst for the next one; a daemon is idle
       * most of its life, so once a burst is over it hands that memory back: a
       * first collection, then a second one that can shrink the young generation
       * (the memory row of `npm run soak`).
       */
      collectAfterBurst() {
        const now = Date.now();
        if (this.requestsSinceCollect > 0) {
          const quiet = now - this.lastRequest;
          if (quiet < BURST_OVER_MS) return this.scheduleCollection(BURST_OVER_MS - quiet);
          this.requestsSinceCollect = 0;
          this.firstCollectionAt = now;
          this.scheduleCollection(SECOND_COLLECTION_MS);
        } else if (this.firstCollectionAt !== void 0) {
          this.firstCollectionAt = void 0;
        } else {
          return;
        }
        this.options.collectGarbage?.();
      }
      gcTimer;
      scheduleCollection(ms) {
        clearTimeout(this.gcTimer);
        this.gcTimer = setTimeout(() => {
          this.gcTimer = void 0;
          this.collectAfterBurst();
        }, ms).unref();
      }
      loadToken() {
        return this.loadSecret("token");
      }
      /** A secret kept in the 0700 state dir (0600): the bearer token, the identity secret. */
      loadSecret(name) {
        const file = (0, import_node_path22.join)(this.stateDir, name);
        try {
          const secret2 = (0, import_node_fs20.readFileSync)(file, "utf8").trim();
          if (secret2.length >= 32) return secret2;
        } catch {
        }
        const secret = (0, import_node_crypto10.randomBytes)(32).toString("base64url");
        writeFileAtomic(file, `${secret}
`, 384);
        (0, import_node_fs20.chmodSync)(file, 384);
        return secret;
      }
      /**
       * Children of a daemon that was killed -9 survive in their own process
       * groups (children.json): stop them, sparing `ours` (spawned by this daemon
       * before it held its port, should a pid have been reused).
       */
      reapOrphans(ours) {
        const file = (0, import_node_path22.join)(this.stateDir, "children.json");
        let old = [];
        try {
          old = JSON.parse((0, import_node_fs20.readFileSync)(file, "utf8"));
        } catch {
        }
        for (const { pid, command } of old) {
          if (ours.includes(pid)) continue;
          try {
            const cmdline = (0, import_node_fs20.readFileSync)(`/proc/${pid}/cmdline`, "utf8").split("\0")[0];
            if (cmdline && (cmdline === command || cmdline.endsWith(`/${command}`))) {
              this.log(`stopping leftover child ${pid} (${command}) of an earlier daemon`);
              killGroup(pid, "SIGKILL");
            }
          } catch {
          }
        }
        this.children = [];
        if (old.length > 0) this.writeChildren();
      }
      children = [];
      recordChild(pid, command) {
        this.children = this.children.filter((c) => {
          try {
            process.kill(c.pid, 0);
            return true;
          } catch {
            return false;
          }
        });
        this.children.push({ pid, command });
        this.writeChildren();
      }
      writeChildren() {
        try {
          writeFileAtomic((0, import_node_path22.join)(this.stateDir, "children.json"), JSON.stringify(this.children), 384);
        } catch (error) {
          this.log(`cannot record children: ${errorMessage(error)}`);
        }
      }
      stop(opts = {}) {
        this.stopping ??= (async () => {
          this.log("stopping");
          for (const t of this.timers) clearInterval(t);
          clearTimeout(this.gcTimer);
          this.listener.close();
          this.front.closeAll();
          this.server.close();
          this.server.closeAllConnections();
          await Promise.all([...this.units.values()].map((u) => u.stop()));
          await this.closeWatcher?.();
          this.store.flush();
          this.children = [];
          this.writeChildren();
          const record = (0, import_node_path22.join)(this.stateDir, "daemon.json");
          if (!opts.keepRecord) try {
            const { pid } = JSON.parse((0, import_node_fs20.readFileSync)(record, "utf8"));
            if (pid === process.pid) (0, import_node_fs20.unlinkSync)(record);
          } catch {
          }
          this.log("stopped");
        })();
        return this.stopping;
      }
    };
    round1 = (ms) => Math.round(ms * 10) / 10;
  }
});

// src/daemon/main.ts
var main_exports2 = {};
__export(main_exports2, {
  runDaemon: () => runDaemon
});
module.exports = __toCommonJS(main_exports2);

// src/commands/daemon.ts
var import_node_v8 = require("node:v8");
var import_node_vm = require("node:vm");
init_early_start();
init_errors();
async function run(argv) {
  (0, import_node_v8.setFlagsFromString)("--expose-gc");
  let gc;
  const collectGarbage = () => {
    gc ??= (0, import_node_vm.runInNewContext)("gc");
    (0, import_node_v8.setFlagsFromString)("--compact-on-every-full-gc");
    try {
      gc();
    } finally {
      (0, import_node_v8.setFlagsFromString)("--no-compact-on-every-full-gc");
    }
  };
  const { root, port, host, idleMinutes } = parseDaemonArgs(argv);
  if (host && !["127.0.0.1", "::1", "localhost"].includes(host)) {
    const { loadConfig: loadConfig2 } = await Promise.resolve().then(() => (init_config(), config_exports));
    if (loadConfig2().settings.auth !== "token") {
      throw new UserError('daemon: --unsafe-expose needs token auth: set "auth": "token" in the config first', 2);
    }
  }
  const early = takeEarlyStart(root) ?? new EarlyStart(root);
  const { Daemon: Daemon2 } = await Promise.resolve().then(() => (init_daemon(), daemon_exports));
  const daemon = new Daemon2({ root, port, host, idleTimeoutMinutes: idleMinutes, collectGarbage, early });
  try {
    await daemon.start();
  } catch (error) {
    await early.stop();
    if (error.code === "EADDRINUSE") throw new UserError(`daemon: port ${port} is already in use`, 3);
    throw new UserError(`daemon: ${errorMessage(error)}`);
  }
  const shutdown = (signal) => {
    daemon.log(`${signal} received`);
    void daemon.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGHUP", () => daemon.reload());
  process.on("uncaughtException", (error) => daemon.log(`uncaught: ${error.stack ?? errorMessage(error)}`));
  return new Promise(() => {
  });
}

// src/daemon/main.ts
init_errors();
function runDaemon(argv) {
  return run(argv).catch(reportError);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  runDaemon
});
//# sourceMappingURL=daemon.cjs.map
