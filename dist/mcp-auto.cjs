#!/usr/bin/env node
"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};

// src/util/terminal.ts
var init_terminal = __esm({
  "src/util/terminal.ts"() {
    "use strict";
  }
});

// src/util/errors.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
var UserError;
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

// src/util/run-command.ts
function runCommand(command, extraEnv) {
  const { spawn } = process.getBuiltinModule("node:child_process");
  return new Promise((resolve3) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    const forwarded = ["SIGTERM", "SIGHUP", "SIGUSR1", "SIGUSR2"];
    const terminal = (0, import_node_tty.isatty)(0);
    if (!terminal) forwarded.push("SIGINT", "SIGQUIT");
    const forward = (signal) => {
      child.kill(signal);
    };
    const ignore = () => {
    };
    for (const s of forwarded) process.on(s, forward);
    if (terminal) for (const s of ["SIGINT", "SIGQUIT"]) process.on(s, ignore);
    const done = (code) => {
      for (const s of forwarded) process.off(s, forward);
      for (const s of ["SIGINT", "SIGQUIT"]) process.off(s, ignore);
      resolve3(code);
    };
    child.once("error", (error) => {
      const notFound = error.code === "ENOENT";
      console.error(`mcp-auto: exec: ${command[0]}: ${notFound ? "command not found" : errorMessage(error)}`);
      done(notFound ? 127 : 126);
    });
    child.once("exit", (code, signal) => {
      done(code ?? 128 + (signal ? import_node_os.constants.signals[signal] : 0));
    });
  });
}
var import_node_os, import_node_tty;
var init_run_command = __esm({
  "src/util/run-command.ts"() {
    "use strict";
    import_node_os = require("node:os");
    import_node_tty = require("node:tty");
    init_errors();
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

// src/ensure/health-request.ts
function getHealth(port, path, timeoutMs, token) {
  return new Promise((resolve3) => {
    const socket = (0, import_node_net.connect)({ host: "127.0.0.1", port });
    const chunks = [];
    let size = 0;
    let settled = false;
    const settle = (value) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve3(value);
    };
    socket.setTimeout(timeoutMs, () => settle(void 0));
    socket.on("connect", () => {
      socket.write(`GET ${path} HTTP/1.1\r
Host: 127.0.0.1:${port}\r
Connection: close\r
${token ? `Authorization: Bearer ${token}\r
` : ""}\r
`);
    });
    socket.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_ANSWER) return settle("not-health");
      chunks.push(chunk);
      const answer = parseHealth(Buffer.concat(chunks));
      if (answer !== void 0) settle(answer);
    });
    socket.on("error", () => settle(void 0));
    socket.on("close", () => settle(chunks.length ? parseHealth(Buffer.concat(chunks)) : void 0));
  });
}
function parseHealth(answer) {
  const head = answer.toString("latin1", 0, Math.min(answer.length, 8192));
  const end = head.indexOf("\r\n\r\n");
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1];
  if (end < 0 || status === void 0) return void 0;
  const headers = head.slice(0, end + 2);
  const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(headers)?.[1];
  const rest2 = answer.subarray(end + 4);
  let body;
  if (length !== void 0) body = rest2.length === Number(length) ? rest2 : void 0;
  else if (/\r\ntransfer-encoding: *chunked\r\n/i.test(headers)) body = unchunk(rest2);
  else return "not-health";
  if (body === void 0) return void 0;
  if (status !== "200") return "not-health";
  try {
    const health = JSON.parse(body.toString("utf8"));
    return typeof health.root === "string" && Array.isArray(health.servers) ? health : "not-health";
  } catch {
    return "not-health";
  }
}
function unchunk(data) {
  const parts = [];
  let at = 0;
  for (; ; ) {
    const line = data.indexOf("\r\n", at);
    if (line < 0) return void 0;
    const size = Number.parseInt(data.toString("latin1", at, line), 16);
    if (!Number.isFinite(size)) return void 0;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < line + 2 + size + 2) return void 0;
    parts.push(data.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}
var import_node_net, MAX_ANSWER;
var init_health_request = __esm({
  "src/ensure/health-request.ts"() {
    "use strict";
    import_node_net = require("node:net");
    MAX_ANSWER = 1 << 20;
  }
});

// src/config/dirs.ts
function xdg(name2, fallback) {
  const value = process.env[name2];
  return value && value.startsWith("/") ? value : (0, import_node_path.join)((0, import_node_os2.homedir)(), fallback);
}
function stateHome() {
  return (0, import_node_path.join)(xdg("XDG_STATE_HOME", ".local/state"), "mcp-auto");
}
var import_node_os2, import_node_path;
var init_dirs = __esm({
  "src/config/dirs.ts"() {
    "use strict";
    import_node_os2 = require("node:os");
    import_node_path = require("node:path");
  }
});

// src/ensure/peer.ts
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
    fd = (0, import_node_fs.openSync)(file, "r");
    let got;
    while ((got = (0, import_node_fs.readSync)(fd, buffer, 0, piece, null)) > 0) {
      const from = text.length;
      text += buffer.toString("latin1", 0, got);
      if (enough(text, from)) break;
    }
    return text;
  } catch {
    return "";
  } finally {
    if (fd !== void 0) (0, import_node_fs.closeSync)(fd);
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
var import_node_fs, LISTEN, hexPort, buffer, LISTENING_PIECE;
var init_peer = __esm({
  "src/ensure/peer.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    LISTEN = "0A";
    hexPort = (port) => port.toString(16).toUpperCase().padStart(4, "0");
    buffer = Buffer.allocUnsafe(4096);
    LISTENING_PIECE = 150;
  }
});

// src/ensure/stamp-check.ts
function stampsDir() {
  return (0, import_node_path2.join)(stateHome(), "direnv");
}
function stampFor(dir) {
  const name2 = dir.replaceAll("%", "%25").replaceAll("/", "%2F");
  return dir.startsWith("/") && Buffer.byteLength(name2) <= 255 ? (0, import_node_path2.join)(stampsDir(), name2) : void 0;
}
function processStartTime(pid) {
  try {
    const stat = (0, import_node_fs2.readFileSync)(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
function readFreshStamp(file, dir) {
  const uid = process.getuid?.();
  if (uid === void 0) return void 0;
  let text;
  let stampTime;
  try {
    const stamp = (0, import_node_fs2.lstatSync)(file, { bigint: true });
    if (!stamp.isFile() || stamp.uid !== BigInt(uid)) return void 0;
    stampTime = stamp.mtimeNs;
    text = (0, import_node_fs2.readFileSync)(file, "utf8");
  } catch {
    return void 0;
  }
  if (!text.endsWith("\n")) return void 0;
  const fields = /* @__PURE__ */ new Map();
  for (const line of text.slice(0, -1).split("\n")) {
    const at = line.indexOf("=");
    const key = at < 0 ? line : line.slice(0, at);
    const value = line.slice(at + 1);
    switch (key) {
      case "have":
        if (!notNewer(value, stampTime)) return void 0;
        break;
      case "absent":
        if (exists(value)) return void 0;
        break;
      case "v":
      case "dir":
      case "root":
      case "port":
      case "pid":
      case "start":
      case "uid":
      case "token":
      case "scope":
        if (fields.has(key)) return void 0;
        fields.set(key, value);
        break;
      default:
        return void 0;
    }
  }
  const [root, port, pid, start, token] = ["root", "port", "pid", "start", "token"].map((k) => fields.get(k) ?? "");
  const scope = fields.get("scope") ?? "all";
  if (fields.get("v") !== "1" || fields.get("dir") !== dir || fields.get("uid") !== String(uid) || !root.startsWith("/")) return void 0;
  if (!/^\d+$/.test(port) || !/^\d+$/.test(pid) || !/^\d+$/.test(start) || scope !== "all" && scope !== "daemon") return void 0;
  try {
    if ((0, import_node_fs2.statSync)(`/proc/${pid}`).uid !== uid) return void 0;
  } catch {
    return void 0;
  }
  if (processStartTime(Number(pid)) !== start) return void 0;
  if (listenerOf(Number(port))?.uid !== uid) return void 0;
  return { root, port: Number(port), ...token ? { token } : {}, scope };
}
function notNewer(file, than) {
  try {
    return (0, import_node_fs2.statSync)(file, { bigint: true }).mtimeNs <= than;
  } catch {
    return false;
  }
}
function exists(file) {
  try {
    (0, import_node_fs2.lstatSync)(file);
    return true;
  } catch {
    return false;
  }
}
var import_node_fs2, import_node_path2;
var init_stamp_check = __esm({
  "src/ensure/stamp-check.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
    import_node_path2 = require("node:path");
    init_dirs();
    init_peer();
  }
});

// src/commands/stamped.ts
var stamped_exports = {};
__export(stamped_exports, {
  configFromStamp: () => configFromStamp,
  execEnv: () => execEnv,
  execFromStamp: () => execFromStamp,
  parseExec: () => parseExec,
  printConfig: () => printConfig
});
function freshStampOnce(dir) {
  const global = globalThis;
  if (global[STAMP_TRIED]) return void 0;
  global[STAMP_TRIED] = true;
  const stamp = stampFor(dir);
  return stamp ? readFreshStamp(stamp, dir) : void 0;
}
function parseExec(argv) {
  const dashes = argv.indexOf("--");
  if (dashes < 0 || dashes === argv.length - 1) {
    throw new UserError("exec: give the command after --, e.g. mcp-auto exec -- npm test", 2);
  }
  const { values } = parse("exec", argv.slice(0, dashes), { root: { type: "string" }, timeout: { type: "string" } }, false);
  const timeoutS = values.timeout === void 0 ? 120 : Number(values.timeout);
  if (!(timeoutS > 0)) throw new UserError(`exec: --timeout must be a number of seconds, not '${values.timeout}'`, 2);
  return { dir: (0, import_node_path3.resolve)(values.root ?? "."), timeoutS, command: argv.slice(dashes + 1) };
}
function execEnv(port, token) {
  return { MCP_AUTO_PORT: String(port), MCP_AUTO_URL: `http://127.0.0.1:${port}`, ...token ? { MCP_AUTO_TOKEN: token } : {} };
}
async function execFromStamp(options) {
  const fresh = freshStampOnce(options.dir);
  if (fresh?.scope !== "all") return void 0;
  const health = await getHealth(fresh.port, "/health?start=1", 2e3, fresh.token);
  if (typeof health !== "object" || health.root !== fresh.root || !health.servers.every((s) => s.state === "ready")) return void 0;
  return runCommand(options.command, execEnv(fresh.port, fresh.token));
}
async function configFromStamp(dir) {
  const fresh = freshStampOnce(dir);
  if (!fresh) return void 0;
  const health = await getHealth(fresh.port, "/health?ensure=1", 1e3, fresh.token);
  if (typeof health !== "object" || health.root !== fresh.root || health.port !== fresh.port) return void 0;
  return entriesFor(health.servers, fresh.port, health.auth);
}
function printConfig(entries) {
  process.stdout.write(mcpConfigText(entries));
}
var import_node_path3, STAMP_TRIED;
var init_stamped = __esm({
  "src/commands/stamped.ts"() {
    "use strict";
    import_node_path3 = require("node:path");
    init_args();
    init_errors();
    init_run_command();
    init_entries();
    init_health_request();
    init_stamp_check();
    STAMP_TRIED = /* @__PURE__ */ Symbol.for("mcp-auto.stamp-tried");
  }
});

// src/bin.ts
var import_node_path4 = require("node:path");
var import_node_url = require("node:url");
var [name, ...rest] = process.argv.slice(2);
var ownArgs = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
async function fromStamp() {
  if (ownArgs.includes("--help") || ownArgs.includes("-h")) return void 0;
  if (name === "daemon") {
    const { startEarlyFor } = require("./early-start.cjs");
    startEarlyFor(rest);
    const { runDaemon } = require("./daemon.cjs");
    return runDaemon(rest);
  }
  if (name !== "exec" && name !== "mcp-config") return void 0;
  const { configFromStamp: configFromStamp2, execFromStamp: execFromStamp2, parseExec: parseExec2, printConfig: printConfig2 } = await Promise.resolve().then(() => (init_stamped(), stamped_exports));
  if (name === "exec") return execFromStamp2(parseExec2(rest));
  if (rest.length > 1 || rest[0]?.startsWith("-")) return void 0;
  const entries = await configFromStamp2((0, import_node_path4.resolve)(rest[0] ?? "."));
  if (!entries) return void 0;
  printConfig2(entries);
  return 0;
}
fromStamp().catch(() => void 0).then(async (code) => {
  if (code !== void 0) process.exitCode = code;
  else await import((0, import_node_url.pathToFileURL)((0, import_node_path4.resolve)(__dirname, "mcp-auto.js")).href);
});
//# sourceMappingURL=mcp-auto.cjs.map
