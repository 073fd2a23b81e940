#!/usr/bin/env node
import {
  stopRoot
} from "./chunk-AFUMIZT3.js";
import {
  locateRoot,
  projectConfig
} from "./chunk-IED5TB7I.js";
import {
  STDERR_FILE
} from "./chunk-MT5LDDFF.js";
import {
  parse
} from "./chunk-3QUSHYHU.js";
import "./chunk-VPR7O2NL.js";
import "./chunk-FFCTF4SY.js";
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import "./chunk-VKZGXJS7.js";
import "./chunk-CWON7UJY.js";
import "./chunk-QFQDEMEW.js";
import {
  UserError
} from "./chunk-AIQ3PVV7.js";
import {
  choosePort
} from "./chunk-344WA2EI.js";
import {
  daemonStatus,
  fetchHealth
} from "./chunk-GNZ7CVPQ.js";
import "./chunk-AYBWUVBC.js";
import "./chunk-IFT3ZBIK.js";
import {
  rootHash,
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import "./chunk-RB6Z466D.js";
import "./chunk-TSVP3ZNH.js";

// src/commands/service.ts
import { spawnSync } from "node:child_process";
import { closeSync, existsSync as existsSync2, mkdirSync, openSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join as join2 } from "node:path";

// src/ensure/service.ts
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
function platform() {
  if (process.platform === "linux") return "systemd";
  if (process.platform === "darwin") return "launchd";
  return void 0;
}
function unitName(root) {
  return `mcp-auto-${rootHash(root)}`;
}
function launchdLabel(root) {
  return `dev.mcp-auto.${rootHash(root)}`;
}
function systemdUnitDir() {
  const config = process.env.XDG_CONFIG_HOME?.startsWith("/") ? process.env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(config, "systemd", "user");
}
function launchAgentsDir() {
  return join(homedir(), "Library", "LaunchAgents");
}
function serviceFile(kind, root) {
  return kind === "systemd" ? join(systemdUnitDir(), `${unitName(root)}.service`) : join(launchAgentsDir(), `${launchdLabel(root)}.plist`);
}
function daemonArgs(spec) {
  return ["/usr/bin/env", "mcp-auto", "daemon", "--root", spec.root, "--port", String(spec.port), "--idle-timeout", "0"];
}
function servicePath(path = process.env.PATH ?? "") {
  return [...new Set(path.split(delimiter).filter((dir) => dir.startsWith("/")))].join(delimiter);
}
function mcpAutoOnPath(path) {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, "mcp-auto");
    if (dir && existsSync(candidate)) return candidate;
  }
  return void 0;
}
function refuseNewlines(spec) {
  for (const value of [spec.root, spec.path, spec.logFile]) {
    if (/[\n\r\0]/.test(value)) throw new UserError(`service: cannot write a service for a path with a line break: ${JSON.stringify(value)}`, 2);
  }
}
var systemdEscape = (s) => s.replaceAll("%", "%%");
var systemdQuote = (s) => `"${systemdEscape(s).replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
var systemdWord = (s) => /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? systemdEscape(s) : systemdQuote(s.replaceAll("$", "$$"));
function systemdUnit(spec) {
  refuseNewlines(spec);
  return [
    `# Written by \`mcp-auto service install\`; remove it with \`mcp-auto service uninstall --root ${spec.root}\`.`,
    "[Unit]",
    `Description=mcp-auto daemon for ${systemdEscape(spec.root)}`,
    "",
    "[Service]",
    "Type=simple",
    // The PATH of the install: /usr/bin/env finds mcp-auto, and mcp-auto finds node, in it.
    `Environment=${systemdQuote(`PATH=${spec.path}`)}`,
    `ExecStart=${daemonArgs(spec).map(systemdWord).join(" ")}`,
    "Restart=on-failure",
    "RestartSec=2",
    `StandardError=append:${systemdEscape(spec.logFile)}`,
    "",
    "[Install]",
    "WantedBy=default.target",
    ""
  ].join("\n");
}
var xml = (s) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
function launchdPlist(spec) {
  refuseNewlines(spec);
  const str = (s) => `<string>${xml(s)}</string>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    "<!-- Written by `mcp-auto service install`; remove it with `mcp-auto service uninstall`. -->",
    '<plist version="1.0">',
    "<dict>",
    `  <key>Label</key>${str(launchdLabel(spec.root))}`,
    "  <key>ProgramArguments</key>",
    "  <array>",
    ...daemonArgs(spec).map((a) => `    ${str(a)}`),
    "  </array>",
    "  <key>EnvironmentVariables</key>",
    `  <dict><key>PATH</key>${str(spec.path)}</dict>`,
    "  <key>RunAtLoad</key><true/>",
    // Restart when it fails, as systemd's Restart=on-failure; a clean stop stays stopped.
    "  <key>KeepAlive</key>",
    "  <dict><key>SuccessfulExit</key><false/></dict>",
    `  <key>StandardErrorPath</key>${str(spec.logFile)}`,
    "</dict>",
    "</plist>",
    ""
  ].join("\n");
}
function renderService(kind, spec) {
  return kind === "systemd" ? systemdUnit(spec) : launchdPlist(spec);
}
function systemdWords(line) {
  const words = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) {
    words.push((m[1] !== void 0 ? m[1].replace(/\\(.)/g, "$1") : m[2]).replaceAll("$$", "$").replaceAll("%%", "%"));
  }
  return words;
}
function plistStrings(text) {
  const array = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(text)?.[1] ?? "";
  return [...array.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) => m[1].replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
}
function readService(kind, file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
  const args = kind === "systemd" ? systemdWords(/^ExecStart=(.*)$/m.exec(text)?.[1] ?? "") : plistStrings(text);
  const at = (flag) => args[args.indexOf(flag) + 1];
  const root = at("--root");
  const port = Number(at("--port"));
  if (!args.includes("--root") || !root || !Number.isInteger(port)) return void 0;
  const name = file.split("/").pop().replace(/\.(service|plist)$/, "");
  return { file, name, root, port };
}
function installedServices(kind) {
  const dir = kind === "systemd" ? systemdUnitDir() : launchAgentsDir();
  const pattern = kind === "systemd" ? /^mcp-auto-[0-9a-f]{16}\.service$/ : /^dev\.mcp-auto\.[0-9a-f]{16}\.plist$/;
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => pattern.test(n)).sort().map((n) => readService(kind, join(dir, n))).filter((s) => s !== void 0);
}

// src/commands/service.ts
var help = `
Usage: mcp-auto service install|uninstall|status [--root DIR] [--dry-run] [--json]

Keeps a project's daemon always running: a systemd user unit on Linux
(~/.config/systemd/user/mcp-auto-<hash>.service), a launchd agent on macOS
(~/Library/LaunchAgents/dev.mcp-auto.<hash>.plist). It starts at login, is
restarted when it fails, and never stops for idleness. It runs
\`/usr/bin/env mcp-auto daemon \u2026\` with the PATH you install it from, so
upgrading mcp-auto needs no reinstall; if that PATH names one Node version
(nvm, fnm, volta shims are fine), run \`service install\` again after switching.

  install      write the file, enable it and start the daemon
  uninstall    stop and disable it, remove the file
  status       list installed services and whether their daemons answer
  --root DIR   the project's root (default: the project around the current
               directory); --root ~ keeps a user-level daemon serving your
               user config's servers
  --dry-run    print the file install would write; change nothing
  --json       status as JSON

Examples:
  mcp-auto service install --dry-run
  mcp-auto service install --root ~/code/foo
  mcp-auto service status --json
`;
var actions = ["install", "uninstall", "status"];
async function run(argv) {
  const { values, positionals } = parse("service", argv, {
    root: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" }
  });
  const action = positionals[0];
  if (positionals.length !== 1 || !actions.includes(action)) {
    throw new UserError("service: name one action, install, uninstall or status; e.g. mcp-auto service install", 2);
  }
  const kind = platform();
  if (!kind) throw new UserError(`service: no service manager support on ${process.platform}; run \`mcp-auto daemon\` under your own supervisor`);
  if (action === "status") return status(kind, values.root === void 0 ? void 0 : resolveRoot(values.root), values.json === true);
  const root = resolveRoot(values.root);
  if (action === "install") return install(kind, root, values["dry-run"] === true);
  return uninstall(kind, root, values["dry-run"] === true);
}
function resolveRoot(dir) {
  if (dir !== void 0) {
    try {
      return realpathSync(dir);
    } catch {
      throw new UserError(`service: --root ${dir} does not exist`, 2);
    }
  }
  const project = locateRoot(process.cwd());
  if (!project) throw new UserError("service: no project here (no root marker above this directory); pass --root DIR", 2);
  return project.root;
}
async function install(kind, root, dryRun) {
  const spec = {
    root,
    port: await servicePort(root),
    path: servicePath(),
    logFile: join2(stateDirFor(root), STDERR_FILE)
  };
  const text = renderService(kind, spec);
  const onPath = mcpAutoOnPath(spec.path);
  if (dryRun) {
    process.stdout.write(text);
    if (!onPath) console.error("mcp-auto: note: mcp-auto is not on PATH, so this service could not start it; install it with `npm install -g mcp-auto`");
    return 0;
  }
  if (!onPath) throw new UserError("service: mcp-auto is not on PATH, so a service could not start it; install it with `npm install -g mcp-auto`");
  const file = serviceFile(kind, root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text, 420);
  mkdirSync(stateDirFor(root), { recursive: true, mode: 448 });
  closeSync(openSync(spec.logFile, "a", 384));
  const name = kind === "systemd" ? unitName(root) : launchdLabel(root);
  if (kind === "systemd") {
    const reload = systemctl("daemon-reload");
    if (!reload.ok) {
      const wants = join2(systemdUnitDir(), "default.target.wants");
      mkdirSync(wants, { recursive: true });
      rmSync(join2(wants, `${name}.service`), { force: true });
      symlinkSync(file, join2(wants, `${name}.service`));
      console.log(`mcp-auto: systemctl --user is not available here (${reload.error}); wrote and enabled ${file}, it starts with your next systemd user session`);
      return 0;
    }
    systemctl("stop", `${name}.service`);
    await stopRoot(root);
    const enable = systemctl("enable", "--now", `${name}.service`);
    if (!enable.ok) throw new UserError(`service: systemctl --user enable --now ${name}.service failed: ${enable.error}; see \`systemctl --user status ${name}\``);
  } else {
    const target = `gui/${process.getuid()}`;
    launchctl("bootout", `${target}/${name}`);
    await stopRoot(root);
    const boot = launchctl("bootstrap", target, file);
    if (!boot.ok) {
      console.log(`mcp-auto: launchctl bootstrap failed (${boot.error}); wrote ${file}, it loads at your next login`);
      return 0;
    }
  }
  console.log(`mcp-auto: service ${name} keeps the daemon for ${root} running on port ${spec.port}`);
  return 0;
}
async function servicePort(root) {
  const status2 = await daemonStatus(root);
  if (status2.kind === "running") return status2.health.port;
  return (await choosePort(root, projectConfig(root).config.settings.portRange)).port;
}
async function uninstall(kind, root, dryRun) {
  const file = serviceFile(kind, root);
  if (!existsSync2(file)) throw new UserError(`service: no service installed for ${root}; see \`mcp-auto service status\``);
  const name = kind === "systemd" ? unitName(root) : launchdLabel(root);
  if (dryRun) {
    console.log(`would stop ${name} and remove ${file}`);
    return 0;
  }
  let managerNote = "";
  if (kind === "systemd") {
    const disable = systemctl("disable", "--now", `${name}.service`);
    if (!disable.ok) managerNote = ` (systemctl --user is not available here: ${disable.error})`;
    rmSync(join2(systemdUnitDir(), "default.target.wants", `${name}.service`), { force: true });
    rmSync(file, { force: true });
    if (disable.ok) systemctl("daemon-reload");
  } else {
    launchctl("bootout", `gui/${process.getuid()}/${name}`);
    rmSync(file, { force: true });
  }
  const stopped = await stopRoot(root);
  console.log(`mcp-auto: removed the service ${name} (${file})${managerNote}; ${stopped ? "stopped its daemon" : "no daemon was running"} \u2014 the shell hook starts one on demand again`);
  return 0;
}
async function status(kind, root, json) {
  const services = installedServices(kind).filter((s) => root === void 0 || s.root === root);
  const rows = await Promise.all(services.map(async (s) => ({
    ...s,
    state: managerState(kind, s.name),
    daemonPid: await daemonPid(s)
  })));
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    console.log(`no mcp-auto service installed${root ? ` for ${root}` : ""}; add one with \`mcp-auto service install\``);
    return 0;
  }
  const table = [
    ["ROOT", "PORT", "SERVICE", "STATE", "DAEMON"],
    ...rows.map((r) => [r.root, String(r.port), r.name, r.state, r.daemonPid ? `pid ${r.daemonPid}` : "not answering"])
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((c, i) => i === row.length - 1 ? c : c.padEnd(widths[i])).join("  "));
  return 0;
}
async function daemonPid(s) {
  const health = await fetchHealth(s.port);
  return health?.root === s.root ? health.pid : null;
}
function managerState(kind, name) {
  if (kind === "systemd") {
    const result2 = spawnSync("systemctl", ["--user", "is-active", `${name}.service`], { encoding: "utf8" });
    const state = result2.stdout?.trim();
    return result2.error || !state || /bus|connect/i.test(result2.stderr ?? "") ? "unknown" : state;
  }
  const result = spawnSync("launchctl", ["print", `gui/${process.getuid()}/${name}`], { encoding: "utf8" });
  if (result.error) return "unknown";
  return result.status === 0 ? /state = (\w+)/.exec(result.stdout)?.[1] ?? "loaded" : "not loaded";
}
function runTool(command, args) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) return { ok: false, error: `${command}: ${result.error.code ?? result.error.message}` };
  const error = (result.stderr || result.stdout || "").trim().split("\n")[0] ?? "";
  return { ok: result.status === 0, error: error || `exit ${result.status}` };
}
var systemctl = (...args) => runTool("systemctl", ["--user", ...args]);
var launchctl = (...args) => runTool("launchctl", args);
export {
  help,
  run
};
//# sourceMappingURL=service-ZVQMB52I.js.map
