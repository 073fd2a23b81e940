#!/usr/bin/env node
import {
  MAX_PROJECT_FILE,
  within,
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  safeText
} from "./chunk-AIQ3PVV7.js";
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
import { closeSync as closeSync2, constants, existsSync, fstatSync as fstatSync2, lstatSync, mkdirSync, openSync as openSync2, readSync, readdirSync, realpathSync, unlinkSync } from "node:fs";
import { readFileSync } from "node:fs";
import { dirname, join as join2 } from "node:path";
function trustDir() {
  return join2(stateHome(), "trust");
}
function digest(file, content) {
  return createHash("sha256").update(file).update("\0").update(content).digest("hex");
}
function readProjectFile(file) {
  let real = file;
  try {
    if (lstatSync(file).isSymbolicLink()) {
      real = realpathSync(file);
      const root = realpathSync(dirname(file));
      if (!within(root, real)) return { state: "unsafe", problem: `${file} is a symlink out of the project (to ${real}); not used` };
    }
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  let fd;
  try {
    fd = openSync2(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error.code === "ENOENT") return { state: "missing" };
    return { state: "unsafe", problem: `${file}: ${error.message}` };
  }
  try {
    const info = fstatSync2(fd);
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
      const n = readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    const content = bytes.subarray(0, length);
    const state = existsSync(join2(trustDir(), digest(file, content))) ? "trusted" : "untrusted";
    return { state, text: content.toString("utf8"), bytes: content };
  } finally {
    closeSync2(fd);
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
  writeFileAtomic(join2(trustDir(), digest(file, read.bytes)), `${file}
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
    const record = join2(trustDir(), name);
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
//# sourceMappingURL=chunk-MT5LDDFF.js.map
