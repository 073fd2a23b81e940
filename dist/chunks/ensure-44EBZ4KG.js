#!/usr/bin/env node
import { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);
import {
  ensureRoot,
  linkIdleMarker,
  locateRoot,
  unseenNotices,
  writeFileAtomic,
  writeNotices
} from "./chunk-VH3QAMA7.js";
import {
  safeText
} from "./chunk-HVWLQLT7.js";
import "./chunk-3IWKIRKS.js";
import {
  existingDir,
  parse
} from "./chunk-YAJH6NXK.js";
import {
  projectConfigPath,
  userConfigPath
} from "./chunk-MOQM4UEW.js";
import {
  UserError,
  oneLine
} from "./chunk-HMP7BMKC.js";
import {
  IDLE_STOPPED,
  stateDirFor,
  stateHome
} from "./chunk-BZRLDOEP.js";
import "./chunk-SMDNWAYG.js";

// src/commands/ensure.ts
import { basename, dirname as dirname2, join as join2, resolve } from "node:path";

// src/ensure/stamp.ts
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
function stampsDir() {
  return join(stateHome(), "direnv");
}
function checkStampPath(file) {
  if (dirname(file) !== stampsDir() || file.endsWith("/")) throw new UserError(`ensure: --stamp must be a file in ${stampsDir()}`, 2);
  return file;
}
function processStartTime(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[19];
  } catch {
    return void 0;
  }
}
function removeStamp(file) {
  rmSync(file, { force: true });
}
function writeStamp(file, dir, result) {
  const start = processStartTime(result.pid);
  const clean = result.notices.length === 0 && result.clients.every((c) => c.status !== "refused" && !c.error && c.conflicts.length === 0);
  const values = [dir, result.root, ...result.clients.map((c) => c.file)];
  if (!start || !clean || !dir.startsWith("/") || values.some((v) => v.includes("\n"))) return;
  const stateDir = stateDirFor(result.root);
  const maybe = (f) => existsSync(f) ? `have=${f}` : `absent=${f}`;
  const lines = [
    "v=1",
    `dir=${dir}`,
    `root=${result.root}`,
    `port=${result.port}`,
    `pid=${result.pid}`,
    `start=${start}`,
    `uid=${process.getuid?.() ?? -1}`,
    `token=${result.token ?? ""}`,
    // A client file ensure had nothing to write into (no servers) may not exist: it must stay so.
    ...result.clients.map((c) => maybe(c.file)),
    `have=${join(stateDir, "daemon.json")}`,
    `absent=${join(stateDir, IDLE_STOPPED)}`,
    maybe(projectConfigPath(result.root)),
    maybe(userConfigPath()),
    maybe(join(stateHome(), "trust")),
    // An upgrade of mcp-auto goes through ensure once (it replaces older daemons).
    `have=${process.argv[1]}`
  ];
  mkdirSync(stampsDir(), { recursive: true, mode: 448 });
  writeFileAtomic(file, `${lines.join("\n")}
`, 384);
}

// src/commands/ensure.ts
var help = `
Usage: mcp-auto ensure [--quiet] [--json] [--notice-file FILE [--idle-link]] [--stamp FILE] [--] [DIR]

Finds the project root from DIR (default: the current directory), makes sure
that root's daemon runs on its port (starting it detached if not) and points
the client configs (.mcp.json, \u2026) at it. Idempotent: when all is right it
writes nothing. The shell hook and \`use mcp\` run this for you.

  --quiet             print nothing unless something is wrong
  --json              print the result as JSON
  --notice-file FILE  append what the user must see to FILE, each notice once
                      (the shell hook shows it at the next prompt); FILE must
                      be in mcp-auto's notices folder ($XDG_STATE_HOME/mcp-auto/notices)
  --idle-link         also link FILE.daemon to the daemon's idle-stop marker
                      (the hook's next prompt brings an idled-out daemon back)
  --stamp FILE        when all is right, record it in FILE for \`use mcp\`'s
                      fast path (a file in mcp-auto's state folder)

Examples:
  mcp-auto ensure
  mcp-auto ensure ~/code/foo --json
`;
function checkNoticeFile(file) {
  const folder = join2(stateHome(), "notices");
  const full = resolve(file);
  if (dirname2(full) !== folder || basename(full).startsWith(".")) {
    throw new UserError(`ensure: --notice-file must be a file in ${folder}`, 2);
  }
}
async function run(argv) {
  const { values, positionals } = parse("ensure", argv, {
    quiet: { type: "boolean", short: "q" },
    json: { type: "boolean" },
    "notice-file": { type: "string" },
    "idle-link": { type: "boolean" },
    stamp: { type: "string" }
  });
  if (values["notice-file"] !== void 0) checkNoticeFile(values["notice-file"]);
  try {
    return await ensure(values, positionals);
  } catch (error) {
    if (values["notice-file"]) writeNotices(values["notice-file"], [safeText(`mcp-auto: ${oneLine(error, 400)}`)]);
    throw error;
  }
}
async function ensure(values, positionals) {
  const dir = existingDir("ensure", positionals);
  const noticeFile = values["notice-file"];
  const stamp = values.stamp === void 0 ? void 0 : checkStampPath(values.stamp);
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) {
    if (values.json) console.log(JSON.stringify({ root: null, reason: `no project root above ${dir}` }));
    else if (!values.quiet) console.error(safeText(`mcp-auto: no project root above ${dir} (markers: .mcp-auto.json, .git, \u2026); nothing to do`));
    return 0;
  }
  if (noticeFile && values["idle-link"]) linkIdleMarker(noticeFile, project.root);
  const result = await ensureRoot(project);
  const refused = result.clients.some((c) => c.status === "refused");
  if (stamp) writeStamp(stamp, positionals[0] ?? process.cwd(), result);
  if (values["notice-file"]) {
    writeNotices(values["notice-file"], unseenNotices(result.root, result.notices).map(safeText));
  } else if (!values.json) {
    for (const line of result.notices) console.error(safeText(line));
  }
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else if (!values.quiet) {
    const written = result.clients.filter((c) => c.status === "written").map((c) => c.file);
    if (result.started) console.log(safeText(`mcp-auto: started the daemon for ${result.root} on ${result.url} (${result.servers.join(", ") || "no servers"})`));
    if (written.length) console.log(safeText(`mcp-auto: updated ${written.join(", ")}`));
  }
  return refused ? 1 : 0;
}
export {
  help,
  run
};
//# sourceMappingURL=ensure-44EBZ4KG.js.map
