#!/usr/bin/env node
import {
  writeFileAtomic
} from "./chunk-LOCU4XPC.js";
import {
  safeText
} from "./chunk-PVH4M7UH.js";
import {
  UserError
} from "./chunk-GK4YEDLR.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/daemon/log.ts
import { closeSync, fstatSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
var LOG_FILE = "daemon.log";
var STDERR_FILE = "daemon.stderr";
var MAX_BYTES = 1024 * 1024;
var KEEP = 3;
function logFiles(stateDir) {
  const files = [];
  for (let i = KEEP; i >= 1; i--) files.push(join(stateDir, `${LOG_FILE}.${i}`));
  files.push(join(stateDir, LOG_FILE));
  return files.filter((f) => {
    try {
      return statSync(f).isFile();
    } catch {
      return false;
    }
  });
}
var RotatingLog = class {
  constructor(stateDir, maxBytes = Number(process.env.MCP_AUTO_LOG_BYTES) || MAX_BYTES) {
    this.stateDir = stateDir;
    this.maxBytes = maxBytes;
    this.path = join(stateDir, LOG_FILE);
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
      this.size += writeSync(this.fd, line);
    } catch {
      this.close();
    }
  }
  close() {
    if (this.fd !== void 0) try {
      closeSync(this.fd);
    } catch {
    }
    this.fd = void 0;
  }
  open() {
    this.fd = openSync(this.path, "a", 384);
    this.size = fstatSync(this.fd).size;
  }
  rotate() {
    this.close();
    rmSync(join(this.stateDir, `${LOG_FILE}.${KEEP}`), { force: true });
    for (let i = KEEP - 1; i >= 1; i--) {
      try {
        renameSync(join(this.stateDir, `${LOG_FILE}.${i}`), join(this.stateDir, `${LOG_FILE}.${i + 1}`));
      } catch {
      }
    }
    renameSync(this.path, join(this.stateDir, `${LOG_FILE}.1`));
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
    return !fstatSync(2).isFile();
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

// src/config/trust.ts
import { createHash } from "node:crypto";
import { closeSync as closeSync3, constants as constants2, existsSync, fstatSync as fstatSync3, lstatSync as lstatSync2, mkdirSync, openSync as openSync3, readSync as readSync2, readdirSync, realpathSync as realpathSync2, unlinkSync } from "node:fs";
import { readFileSync } from "node:fs";
import { dirname, join as join3 } from "node:path";

// src/util/safe-path.ts
import { closeSync as closeSync2, constants, fstatSync as fstatSync2, lstatSync, openSync as openSync2, readSync, realpathSync, statSync as statSync2 } from "node:fs";
import { join as join2, relative, isAbsolute } from "node:path";
var MAX_PROJECT_FILE = 4 << 20;
function within(root, path) {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function pathInside(root, rel) {
  const realRoot = realpathSync(root);
  const parts = rel.split("/").filter(Boolean);
  const shown = join2(root, rel);
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    const next = join2(current, parts[i]);
    const what = parts.slice(0, i + 1).join("/");
    let info;
    try {
      info = lstatSync(next);
    } catch (error) {
      if (error.code === "ENOENT") return join2(next, ...parts.slice(i + 1));
      throw error;
    }
    if (info.isSymbolicLink()) {
      let target;
      try {
        target = realpathSync(next);
      } catch {
        throw new UserError(`${shown}: ${what} is a symlink that does not resolve; left alone, nothing written`);
      }
      if (!within(realRoot, target)) throw new UserError(`${shown}: ${what} is a symlink out of the project (to ${target}); left alone, nothing written`);
      current = target;
      info = statSync2(current);
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
  const fd = openSync2(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync2(fd);
    if (!info.isFile()) throw new Error(`${file} is not a regular file`);
    if (info.size > cap) throw new Error(`${file} is larger than ${cap >> 20} MB`);
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (; ; ) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) throw new Error(`${file} grew while being read`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync2(fd);
  }
}

// src/config/trust.ts
function trustDir() {
  return join3(stateHome(), "trust");
}
function digest(file, content) {
  return createHash("sha256").update(file).update("\0").update(content).digest("hex");
}
function readProjectFile(file) {
  let real = file;
  try {
    if (lstatSync2(file).isSymbolicLink()) {
      real = realpathSync2(file);
      const root = realpathSync2(dirname(file));
      if (!within(root, real)) return { state: "unsafe", problem: `${file} is a symlink out of the project (to ${real}); not used` };
    }
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  let fd;
  try {
    fd = openSync3(real, constants2.O_RDONLY | constants2.O_NONBLOCK);
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  try {
    const info = fstatSync3(fd);
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
      const n = readSync2(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    const content = bytes.subarray(0, length);
    const state = existsSync(join3(trustDir(), digest(file, content))) ? "trusted" : "untrusted";
    return { state, text: content.toString("utf8"), bytes: content };
  } finally {
    closeSync3(fd);
  }
}
function trustState(file) {
  return readProjectFile(file).state;
}
function trust(file) {
  const read = readProjectFile(file);
  if (read.state === "missing") throw new Error(`${file} does not exist`);
  if (read.state === "unsafe") throw new Error(read.problem);
  untrust(file);
  mkdirSync(trustDir(), { recursive: true, mode: 448 });
  writeFileAtomic(join3(trustDir(), digest(file, read.bytes)), `${file}
`, 384);
}
function untrust(file) {
  let removed = false;
  let names = [];
  try {
    names = readdirSync(trustDir());
  } catch {
    return false;
  }
  for (const name of names) {
    const record = join3(trustDir(), name);
    let text;
    try {
      text = readFileSync(record, "utf8");
    } catch {
      text = void 0;
    }
    if (text === `${file}
`) {
      unlinkSync(record);
      removed = true;
    }
  }
  return removed;
}

export {
  within,
  pathInside,
  readRegular,
  LOG_FILE,
  STDERR_FILE,
  logFiles,
  RotatingLog,
  makeLogger,
  LogTail,
  readProjectFile,
  trustState,
  trust,
  untrust
};
//# sourceMappingURL=chunk-5PIPUPJL.js.map
