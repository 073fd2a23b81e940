#!/usr/bin/env node
import {
  rootArg
} from "./chunk-AFUMIZT3.js";
import {
  rssMb
} from "./chunk-IED5TB7I.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import {
  safeText
} from "./chunk-AIQ3PVV7.js";
import {
  allRecords,
  fetchHealth,
  pidAlive
} from "./chunk-GNZ7CVPQ.js";

// src/commands/status.ts
import { existsSync } from "node:fs";

// node_modules/kleur/index.mjs
var FORCE_COLOR;
var NODE_DISABLE_COLORS;
var NO_COLOR;
var TERM;
var isTTY = true;
if (typeof process !== "undefined") {
  ({ FORCE_COLOR, NODE_DISABLE_COLORS, NO_COLOR, TERM } = process.env || {});
  isTTY = process.stdout && process.stdout.isTTY;
}
var $ = {
  enabled: !NODE_DISABLE_COLORS && NO_COLOR == null && TERM !== "dumb" && (FORCE_COLOR != null && FORCE_COLOR !== "0" || isTTY),
  // modifiers
  reset: init(0, 0),
  bold: init(1, 22),
  dim: init(2, 22),
  italic: init(3, 23),
  underline: init(4, 24),
  inverse: init(7, 27),
  hidden: init(8, 28),
  strikethrough: init(9, 29),
  // colors
  black: init(30, 39),
  red: init(31, 39),
  green: init(32, 39),
  yellow: init(33, 39),
  blue: init(34, 39),
  magenta: init(35, 39),
  cyan: init(36, 39),
  white: init(37, 39),
  gray: init(90, 39),
  grey: init(90, 39),
  // background colors
  bgBlack: init(40, 49),
  bgRed: init(41, 49),
  bgGreen: init(42, 49),
  bgYellow: init(43, 49),
  bgBlue: init(44, 49),
  bgMagenta: init(45, 49),
  bgCyan: init(46, 49),
  bgWhite: init(47, 49)
};
function run(arr, str) {
  let i = 0, tmp, beg = "", end = "";
  for (; i < arr.length; i++) {
    tmp = arr[i];
    beg += tmp.open;
    end += tmp.close;
    if (!!~str.indexOf(tmp.close)) {
      str = str.replace(tmp.rgx, tmp.close + tmp.open);
    }
  }
  return beg + str + end;
}
function chain(has, keys) {
  let ctx = { has, keys };
  ctx.reset = $.reset.bind(ctx);
  ctx.bold = $.bold.bind(ctx);
  ctx.dim = $.dim.bind(ctx);
  ctx.italic = $.italic.bind(ctx);
  ctx.underline = $.underline.bind(ctx);
  ctx.inverse = $.inverse.bind(ctx);
  ctx.hidden = $.hidden.bind(ctx);
  ctx.strikethrough = $.strikethrough.bind(ctx);
  ctx.black = $.black.bind(ctx);
  ctx.red = $.red.bind(ctx);
  ctx.green = $.green.bind(ctx);
  ctx.yellow = $.yellow.bind(ctx);
  ctx.blue = $.blue.bind(ctx);
  ctx.magenta = $.magenta.bind(ctx);
  ctx.cyan = $.cyan.bind(ctx);
  ctx.white = $.white.bind(ctx);
  ctx.gray = $.gray.bind(ctx);
  ctx.grey = $.grey.bind(ctx);
  ctx.bgBlack = $.bgBlack.bind(ctx);
  ctx.bgRed = $.bgRed.bind(ctx);
  ctx.bgGreen = $.bgGreen.bind(ctx);
  ctx.bgYellow = $.bgYellow.bind(ctx);
  ctx.bgBlue = $.bgBlue.bind(ctx);
  ctx.bgMagenta = $.bgMagenta.bind(ctx);
  ctx.bgCyan = $.bgCyan.bind(ctx);
  ctx.bgWhite = $.bgWhite.bind(ctx);
  return ctx;
}
function init(open, close) {
  let blk = {
    open: `\x1B[${open}m`,
    close: `\x1B[${close}m`,
    rgx: new RegExp(`\\x1b\\[${close}m`, "g")
  };
  return function(txt) {
    if (this !== void 0 && this.has !== void 0) {
      !!~this.has.indexOf(open) || (this.has.push(open), this.keys.push(blk));
      return txt === void 0 ? this : $.enabled ? run(this.keys, txt + "") : txt + "";
    }
    return txt === void 0 ? chain([open], [blk]) : $.enabled ? run([blk], txt + "") : txt + "";
  };
}
var kleur_default = $;

// src/commands/status.ts
var help = `
Usage: mcp-auto status [DIR] [--json] [--watch]

Lists every mcp-auto daemon (or DIR's only; a deleted project's old path
works too): root, port, pid, uptime, memory, and each server's state, calls
and sessions \u2014 live ones (a stream open, or a request in the last 5 minutes)
apart from idle ones, which some clients never close, and what its tools cost
each session: how many it exposes of how many it lists (a "tools" filter in
the config trims them), the size of their definitions in bytes and in tokens
(estimated as bytes / 4). Daemons whose process is gone show as stale
(\`mcp-auto doctor --fix\` cleans them up).

  --json    print the list as JSON (with each server's recent calls)
  --watch   redraw every second, with the most recent calls (Ctrl-C to quit)

Example:
  mcp-auto status
`;
async function collect(root) {
  const records = allRecords().filter((r) => root === void 0 || r.root === root);
  const rows = await Promise.all(records.map(async (record) => {
    const health = pidAlive(record.pid) ? await fetchHealth(record.port, { timeoutMs: 3e3, tools: true }) : void 0;
    const running = health?.root === record.root;
    return {
      root: record.root,
      port: record.port,
      pid: record.pid,
      state: running ? "running" : "stale",
      uptimeMs: running ? health.uptimeMs : null,
      rootGone: !existsSync(record.root),
      rssMb: running ? await rssMb(record.pid) ?? null : null,
      servers: running ? health.servers : []
    };
  }));
  return rows.sort((a, b) => a.root.localeCompare(b.root));
}
function duration(ms) {
  const s = Math.floor(ms / 1e3);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h${String(Math.floor(s % 3600 / 60)).padStart(2, "0")}m`;
}
var RECENT = 8;
function render(rows, { recent = false } = {}) {
  if (rows.length === 0) return "no mcp-auto daemons (cd into a project with the hook installed, or run `mcp-auto ensure`)";
  const stateColour = (s) => s === "ready" ? kleur_default.green(s) : s === "failed" ? kleur_default.red(s) : s === "not-started" ? kleur_default.dim(s) : kleur_default.yellow(s);
  const lines = [];
  for (const raw of rows) {
    const r = { ...raw, root: safeText(raw.root), servers: raw.servers.map((s) => ({ ...s, name: safeText(s.name), lastError: s.lastError && safeText(s.lastError) })) };
    const gone = r.rootGone ? `  ${kleur_default.red("(folder deleted; mcp-auto forget cleans up)")}` : "";
    const head = r.state === "running" ? `${kleur_default.bold(r.root)}  127.0.0.1:${r.port}  pid ${r.pid}  up ${duration(r.uptimeMs)}  ${r.rssMb ?? "?"} MB${gone}` : `${kleur_default.bold(r.root)}  ${kleur_default.red("stale")} (pid ${r.pid} on port ${r.port} is gone; mcp-auto doctor --fix)${gone}`;
    lines.push(head);
    for (const s of r.servers) {
      const extra = s.lastError ? `  ${kleur_default.dim(s.lastError)}` : "";
      const calls = s.calls ? `  calls ${s.calls.total}${s.calls.failed ? ` (${s.calls.failed} failed)` : ""}` : "";
      const ambiguous = s.calls?.ambiguous ? `  ${kleur_default.yellow(`${s.calls.ambiguous} refused as ambiguous`)}` : "";
      lines.push(`  ${s.name.padEnd(16)} ${stateColour(s.state)}${" ".repeat(Math.max(1, 13 - s.state.length))}${sessions(s)}  restarts ${s.restarts}${calls}${ambiguous}${toolsText(s.tools)}${extra}`);
    }
    if (recent) lines.push(...recentCalls(r.servers));
  }
  return lines.join("\n");
}
function toolsText(tools) {
  if (tools === void 0) return "";
  if (tools === null) return kleur_default.dim("  tools not listed yet");
  return `  tools ${tools.exposed}/${tools.total} ${kB(tools.bytes)} ~${tools.tokens} tok`;
}
function kB(bytes) {
  return bytes < 1e3 ? `${bytes} B` : `${(bytes / 1e3).toFixed(1)} kB`;
}
function sessions(s) {
  if (s.liveSessions === void 0 || s.sessions === 0) return `sessions ${s.sessions}`;
  const idle = s.sessions - s.liveSessions;
  return `sessions ${s.liveSessions} live${idle > 0 ? `, ${idle} idle` : ""}`;
}
function recentCalls(servers) {
  const calls = servers.flatMap((s) => (s.calls?.recent ?? []).map((c) => ({ ...c, server: s.name }))).sort((a, b) => b.at - a.at).slice(0, RECENT);
  if (calls.length === 0) return [];
  const outcome = (o) => o === "ok" ? kleur_default.green(o) : kleur_default.red(o);
  return [kleur_default.dim("  recent calls"), ...calls.map((c) => `    ${new Date(c.at).toLocaleTimeString()}  ${safeText(c.server).padEnd(12)} ${safeText(`${c.method}${c.target ? ` ${c.target}` : ""}`).padEnd(36)} ${`${c.ms} ms`.padStart(8)}  ${outcome(c.outcome)}`)];
}
async function run2(argv) {
  const { values, positionals } = parse("status", argv, { json: { type: "boolean" }, watch: { type: "boolean", short: "w" } });
  const tty = process.stdout.isTTY === true;
  if (!tty || process.env.NO_COLOR) kleur_default.enabled = false;
  const root = positionals.length ? rootArg("status", positionals, { allowGone: true }) : void 0;
  if (values.watch) {
    for (; ; ) {
      const text = render(await collect(root), { recent: true });
      const clear = tty ? "\x1B[H\x1B[2J" : "";
      process.stdout.write(`${clear}${(/* @__PURE__ */ new Date()).toLocaleTimeString()}  mcp-auto status --watch (Ctrl-C to quit)

${text}
${tty ? "" : "\n"}`);
      await new Promise((r) => setTimeout(r, 1e3));
    }
  }
  const rows = await collect(root);
  console.log(values.json ? JSON.stringify(rows, null, 2) : render(rows));
  return 0;
}

export {
  kleur_default,
  help,
  collect,
  render,
  toolsText,
  kB,
  run2 as run
};
//# sourceMappingURL=chunk-VLQTWHUH.js.map
