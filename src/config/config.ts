import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, oneLine } from '../util/errors.ts';
import { didYouMean } from '../util/suggest.ts';
import { configDir } from './paths.ts';
import { presets } from './presets.ts';
import type { StartMode } from '../daemon/server-state.ts';

/** One MCP server the daemon runs for a project (placeholders not yet expanded). */
export interface ServerDef {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Where it runs; '' = mcp-auto's neutral folder (see launch.ts). */
  cwd: string;
  /** Defined by the project's own (trusted) .mcp-auto.json: only then may the project take part in launching it. */
  fromProject: boolean;
  /** How the child speaks MCP: over stdio, or by serving HTTP itself on `{port}`. */
  transport: 'stdio' | 'http';
  /** For an http child: the path it serves MCP at. */
  path: string;
  /** Which of the daemon's endpoints client configs point at. */
  client: 'http' | 'sse';
  /** How long a start may take before the server counts as failed. */
  startTimeoutMs: number;
  /** "lazy": starts with the first client session; "eager": with the daemon (see server-state.ts). */
  start: StartMode;
  /** Does it analyse or execute project content? Such a server starts eagerly only in the user's own roots. */
  analyses: boolean;
  /** Which of the child's tools sessions see and may call (none: all). */
  tools?: ToolFilter;
}

/** A tool filter: only the tools named (allow), or all but those (deny); names may use * and ? globs. */
export type ToolFilter = { allow: string[] } | { deny: string[] };

export interface Settings {
  portRange: [number, number];
  /** Minutes without a client session or an `ensure` before the daemon stops; 0 = never. */
  idleTimeoutMinutes: number;
  markers: string[];
  clients: string[];
  auth: 'none' | 'token';
  /** Globs of roots the user marked as theirs (user config only; see roots.ts). */
  trustedRoots: string[];
}

export interface EffectiveConfig {
  settings: Settings;
  servers: Map<string, ServerDef>;
  /** The files that were read, in order. */
  files: string[];
}

/** A server as written in a config file: a name to switch on or off, or a (partial) definition. */
export type ServerSpec = boolean | (Partial<Omit<ServerDef, 'name'>> & { preset?: string });

export interface ConfigFile {
  servers?: Record<string, ServerSpec> | string[];
  defaults?: string[];
  portRange?: [number, number];
  idleTimeoutMinutes?: number;
  markers?: string[];
  clients?: string[];
  auth?: 'none' | 'token';
  trustedRoots?: string[];
}

export const defaultSettings: Settings = {
  // Below Linux's ephemeral range (32768+) and the BSD/Windows one (49152+).
  portRange: [24000, 26999],
  idleTimeoutMinutes: 30,
  markers: ['.mcp-auto.json', '.git', '.serena/project.yml', '.mcp.json'],
  clients: ['claude'],
  // Linux: no token, the daemon lets in only its owner's processes (peer uid
  // from /proc/net/tcp). Elsewhere the peer cannot be seen: token auth (untested; SECURITY.md).
  auth: process.platform === 'linux' ? 'none' : 'token',
  trustedRoots: [],
};

export const PROJECT_CONFIG = '.mcp-auto.json';
export const USER_CONFIG_NAME = 'config';

export function userConfigPath(): string {
  return join(configDir(), `${USER_CONFIG_NAME}.json`);
}

export function projectConfigPath(root: string): string {
  return join(root, PROJECT_CONFIG);
}

/** Reads and validates a config file; undefined when it does not exist. */
export function readConfigFile(file: string): ConfigFile | undefined {
  const { config, problems } = checkConfigFile(file);
  if (problems.length > 0) throw ConfigError.all(problems);
  return config;
}

/**
 * A config file and every problem in it; the config keeps only its valid
 * parts, so that loading can go on and find the problems behind these.
 */
function checkConfigFile(file: string, given?: string): { config?: ConfigFile; problems: ConfigError[] } {
  let text: string;
  if (given !== undefined) text = given;
  else try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problems: [] };
    const code = (error as NodeJS.ErrnoException).code;
    return { problems: [new ConfigError(file, undefined, code === 'EISDIR' ? 'is a directory, not a file' : oneLine(error))] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problems: [new ConfigError(file, undefined, `not valid JSON (${oneLine(error)})`)] };
  }
  return validateConfig(file, data);
}

export function parseConfig(file: string, text: string): ConfigFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, undefined, `not valid JSON (${oneLine(error)})`);
  }
  const { config, problems } = validateConfig(file, data);
  if (problems.length > 0) throw ConfigError.all(problems);
  return config!;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isStringMap = (v: unknown): v is Record<string, string> => isObject(v) && Object.values(v).every((s) => typeof s === 'string');

const KNOWN_KEYS = new Set(['$schema', 'servers', 'defaults', 'portRange', 'idleTimeoutMinutes', 'markers', 'clients', 'auth', 'trustedRoots']);
const SPEC_KEYS = new Set(['preset', 'command', 'args', 'env', 'cwd', 'transport', 'path', 'client', 'startTimeoutMs', 'start', 'analyses', 'tools']);

function validateConfig(file: string, data: unknown): { config?: ConfigFile; problems: ConfigError[] } {
  if (!isObject(data)) return { problems: [new ConfigError(file, undefined, 'must be a JSON object')] };
  // Every problem, not only the first: the user fixes the file once. What is
  // wrong is left out of the config returned with them.
  const problems: ConfigError[] = [];
  const clean: Record<string, unknown> = { ...data };
  const fail = (key: string, detail: string, drop: string[] = [key]) => {
    problems.push(new ConfigError(file, key, detail));
    if (drop.length === 2 && isObject(clean[drop[0]!])) {
      const { [drop[1]!]: _, ...rest } = clean[drop[0]!] as Record<string, unknown>;
      clean[drop[0]!] = rest;
    } else {
      delete clean[drop[0]!];
    }
  };
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) fail(key, `unknown key${didYouMean(key, KNOWN_KEYS)} (known: ${[...KNOWN_KEYS].slice(1).join(', ')})`);
  }
  const { servers, defaults, portRange, idleTimeoutMinutes, markers, clients, auth, trustedRoots } = data;
  if (servers !== undefined) {
    if (isStringArray(servers)) {
      // a plain list of names is shorthand for { name: true }
    } else if (isObject(servers)) {
      for (const [name, spec] of Object.entries(servers)) validateSpec((key, detail) => fail(key, detail, ['servers', name]), `servers.${name}`, name, spec);
    } else {
      fail('servers', 'must be an object of server definitions or a list of names');
    }
  }
  if (defaults !== undefined && !isStringArray(defaults)) fail('defaults', 'must be a list of server names');
  if (portRange !== undefined) {
    const ok = Array.isArray(portRange) && portRange.length === 2 && portRange.every((p) => Number.isInteger(p) && p >= 1024 && p <= 65535)
      && (portRange[0] as number) <= (portRange[1] as number);
    if (!ok) fail('portRange', 'must be [low, high], whole numbers from 1024 to 65535, low <= high');
  }
  if (idleTimeoutMinutes !== undefined && !(typeof idleTimeoutMinutes === 'number' && idleTimeoutMinutes >= 0)) {
    fail('idleTimeoutMinutes', 'must be a number of minutes, 0 for never');
  }
  if (markers !== undefined && !(isStringArray(markers) && markers.length > 0)) fail('markers', 'must be a non-empty list of file names');
  if (clients !== undefined && !isStringArray(clients)) fail('clients', 'must be a list of client names');
  if (auth !== undefined && auth !== 'none' && auth !== 'token') fail('auth', 'must be "none" or "token"');
  if (trustedRoots !== undefined && !(isStringArray(trustedRoots) && trustedRoots.every((p) => p.startsWith('/') || p === '~' || p.startsWith('~/')))) {
    fail('trustedRoots', 'must be a list of absolute paths or globs, e.g. ["~/code/*"]');
  }
  return { config: clean as ConfigFile, problems };
}

function validateSpec(fail: (key: string, detail: string) => void, key: string, name: string, spec: unknown): void {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(name)) return fail(key, 'a server name may use letters, digits, _ . - (at most 64)');
  if (typeof spec === 'boolean') return;
  if (!isObject(spec)) return fail(key, 'must be true, false or a server definition object');
  for (const k of Object.keys(spec)) {
    if (!SPEC_KEYS.has(k)) fail(`${key}.${k}`, `unknown key${didYouMean(k, SPEC_KEYS)} (known: ${[...SPEC_KEYS].join(', ')})`);
  }
  const s = spec as Record<string, unknown>;
  if (s.preset !== undefined && !(typeof s.preset === 'string' && s.preset in presets)) {
    fail(`${key}.preset`, `unknown preset${typeof s.preset === 'string' ? didYouMean(s.preset, Object.keys(presets)) : ''} (known: ${Object.keys(presets).join(', ')})`);
  }
  if (s.command !== undefined && !(typeof s.command === 'string' && s.command.length > 0)) fail(`${key}.command`, 'must be a non-empty string');
  if (s.args !== undefined && !isStringArray(s.args)) fail(`${key}.args`, 'must be a list of strings');
  if (s.env !== undefined && !isStringMap(s.env)) fail(`${key}.env`, 'must be an object of string values');
  if (s.cwd !== undefined && typeof s.cwd !== 'string') fail(`${key}.cwd`, 'must be a string');
  if (s.transport !== undefined && s.transport !== 'stdio' && s.transport !== 'http') fail(`${key}.transport`, 'must be "stdio" or "http"');
  if (s.path !== undefined && !(typeof s.path === 'string' && s.path.startsWith('/'))) fail(`${key}.path`, 'must be a path starting with /');
  if (s.client !== undefined && s.client !== 'http' && s.client !== 'sse') fail(`${key}.client`, 'must be "http" or "sse"');
  if (s.startTimeoutMs !== undefined && !(typeof s.startTimeoutMs === 'number' && s.startTimeoutMs > 0)) fail(`${key}.startTimeoutMs`, 'must be a positive number');
  if (s.tools !== undefined) validateToolFilter(fail, `${key}.tools`, s.tools);
  if (s.start !== undefined && s.start !== 'lazy' && s.start !== 'eager') fail(`${key}.start`, 'must be "lazy" (with the first client session) or "eager" (with the daemon)');
  if (s.analyses !== undefined && typeof s.analyses !== 'boolean') fail(`${key}.analyses`, 'must be true (it analyses or executes project content) or false');
}

function validateToolFilter(fail: (key: string, detail: string) => void, key: string, tools: unknown): void {
  const example = 'e.g. {"allow": ["echo", "get-*"]} or {"deny": ["*-long-*"]}';
  if (!isObject(tools)) return fail(key, `must be an object with "allow" or "deny", ${example}`);
  const keys = Object.keys(tools);
  for (const k of keys) {
    if (k !== 'allow' && k !== 'deny') return fail(`${key}.${k}`, `unknown key${didYouMean(k, ['allow', 'deny'])} (known: allow, deny), ${example}`);
  }
  if (keys.length !== 1) return fail(key, `give either "allow" or "deny" (not both, not neither), ${example}`);
  const list = tools[keys[0]!];
  if (!(isStringArray(list) && list.every((name) => name.length > 0))) {
    fail(`${key}.${keys[0]}`, 'must be a list of tool names (globs with * and ? allowed)');
  }
}

function specsOf(config: ConfigFile | undefined): Record<string, ServerSpec> {
  const servers = config?.servers;
  if (!servers) return {};
  if (Array.isArray(servers)) return Object.fromEntries(servers.map((name) => [name, true]));
  return servers;
}

/** Turns a spec into a full definition: user definition or preset first, then the spec's own keys. */
function resolveServer(file: string, key: string, name: string, spec: ServerSpec, userSpecs: Record<string, ServerSpec>, fromProject: boolean): ServerDef {
  const own = typeof spec === 'object' ? spec : {};
  const userSpec = userSpecs[name];
  const userBase = typeof userSpec === 'object' && userSpec !== own ? userSpec : {};
  const presetName = own.preset ?? userBase.preset ?? (presets[name] ? name : undefined);
  const preset: Partial<ServerDef> = presetName ? presets[presetName]!() : {};
  const merged = { ...preset, ...userBase, ...own };
  // A command of the user's own (not the preset's) may do anything: it analyses unless they say not.
  const ownCommand = own.command !== undefined || userBase.command !== undefined;
  // Only a command the trusted project itself names runs in the project; a
  // project that switches on a preset or filters a user server changes no cwd.
  const ownProjectCommand = fromProject && own.command !== undefined;
  const analyses = own.analyses ?? userBase.analyses ?? (ownCommand ? undefined : preset.analyses) ?? true;
  if (!merged.command) {
    const known = [...Object.keys(presets), ...Object.keys(userSpecs)].filter((n) => n !== name);
    const what = key === 'defaults' ? `'${name}' is neither a preset nor a server in "servers"`
      : spec === true ? `no preset named '${name}'` : 'no command';
    throw new ConfigError(file, key, `${what}${didYouMean(name, known)}: give "command", or use a preset (${Object.keys(presets).join(', ')})`);
  }
  return {
    name,
    command: merged.command,
    args: merged.args ?? [],
    env: { ...(preset.env ?? {}), ...(userBase.env ?? {}), ...(own.env ?? {}) },
    // A trusted project server runs in its project, as a client would start it;
    // a user or preset server in a neutral folder, getting the project as an argument.
    cwd: merged.cwd ?? (ownProjectCommand ? '{root}' : ''),
    fromProject: ownProjectCommand,
    transport: merged.transport ?? 'stdio',
    path: merged.path ?? '/mcp',
    client: merged.client ?? 'http',
    startTimeoutMs: merged.startTimeoutMs ?? 60_000,
    start: merged.start ?? 'lazy',
    analyses,
    ...(merged.tools ? { tools: merged.tools } : {}),
  };
}

export interface LoadOptions {
  /** Project config to apply; only passed once the user trusted it. */
  projectFile?: string;
  /** Its text as read (and hashed) by the trust check: parsed as is, never read again. */
  projectText?: string;
  /** Already-read user config (tests, the daemon's watcher). */
  userConfig?: ConfigFile;
}

/**
 * The effective config for a project: built-in defaults, then the user config,
 * then (if trusted) the project's `.mcp-auto.json`. Out of the box a project gets `memory`.
 */
export function loadConfig(options: LoadOptions = {}): EffectiveConfig {
  const userFile = userConfigPath();
  const files: string[] = [];
  // Both files are read before anything throws: every problem is reported at once.
  const problems: ConfigError[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const lenient = (file: string, text?: string) => {
    const { config, problems: found } = checkConfigFile(file, text);
    problems.push(...found);
    return config;
  };
  const user = options.userConfig ?? lenient(userFile);
  if (user) files.push(userFile);
  // The project file is parsed from exactly the bytes the trust check hashed.
  const project = options.projectFile ? lenient(options.projectFile, options.projectText) : undefined;
  // A project cannot vouch for itself.
  if (project?.trustedRoots !== undefined) problems.push(new ConfigError(options.projectFile!, 'trustedRoots', 'belongs in the user config only'));
  if (project && options.projectFile) files.push(options.projectFile);

  const settings: Settings = { ...defaultSettings };
  for (const layer of [user, project]) {
    if (!layer) continue;
    if (layer.portRange) settings.portRange = layer.portRange;
    if (layer.idleTimeoutMinutes !== undefined) settings.idleTimeoutMinutes = layer.idleTimeoutMinutes;
    if (layer.markers) settings.markers = layer.markers;
    if (layer.clients) settings.clients = layer.clients;
    if (layer.auth) settings.auth = layer.auth;
  }
  if (user?.trustedRoots) settings.trustedRoots = user.trustedRoots;

  const userSpecs = specsOf(user);
  const wanted = new Map<string, { file: string; key: string; spec: ServerSpec }>();
  for (const name of user?.defaults ?? ['memory']) {
    wanted.set(name, { file: userFile, key: userSpecs[name] === undefined ? 'defaults' : `servers.${name}`, spec: userSpecs[name] ?? true });
  }
  for (const [name, spec] of Object.entries(userSpecs)) {
    // A user definition is a server every project gets, unless it is switched off.
    if (spec !== false && !wanted.has(name)) wanted.set(name, { file: userFile, key: `servers.${name}`, spec });
    if (spec === false) wanted.delete(name);
  }
  for (const [name, spec] of Object.entries(specsOf(project))) {
    if (spec === false) wanted.delete(name);
    else wanted.set(name, { file: options.projectFile!, key: `servers.${name}`, spec });
  }
  const servers = new Map<string, ServerDef>();
  for (const [name, { file, key, spec }] of wanted) {
    const def = attempt(() => resolveServer(file, key, name, spec, userSpecs, file === options.projectFile && file !== userFile));
    if (def) servers.set(name, def);
  }
  if (problems.length > 0) throw ConfigError.all(problems);
  return { settings, servers, files };
}

/** Expands `{root}`, `{port}`, `{name}` and `{state}` in a value. */
export function expand(value: string, vars: { root: string; port?: number; name: string; state: string }): string {
  return value.replace(/\{(root|port|name|state)\}/g, (whole, key: string) => {
    const v = vars[key as keyof typeof vars];
    return v === undefined ? whole : String(v);
  });
}
