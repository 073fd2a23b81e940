#!/usr/bin/env node
import {
  UserError
} from "./chunk-AIQ3PVV7.js";

// src/util/atomic.ts
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { dirname, basename, join } from "node:path";
function writeFileAtomic(target, data, mode) {
  const path = isSymlink(target) ? realpathSync(target) : target;
  let keepMode = mode;
  if (keepMode === void 0) {
    try {
      keepMode = statSync(path).mode & 511;
    } catch {
      keepMode = 420;
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(tmp, "wx", keepMode);
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw error;
  }
}
function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

// src/util/safe-path.ts
import { closeSync as closeSync2, constants, fstatSync, lstatSync as lstatSync2, openSync as openSync2, readSync, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import { join as join2, relative, isAbsolute } from "node:path";
var MAX_PROJECT_FILE = 4 << 20;
function within(root, path) {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
}
function pathInside(root, rel) {
  const realRoot = realpathSync2(root);
  const parts = rel.split("/").filter(Boolean);
  const shown = join2(root, rel);
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    const next = join2(current, parts[i]);
    const what = parts.slice(0, i + 1).join("/");
    let info;
    try {
      info = lstatSync2(next);
    } catch (error) {
      if (error.code === "ENOENT") return join2(next, ...parts.slice(i + 1));
      throw error;
    }
    if (info.isSymbolicLink()) {
      let target;
      try {
        target = realpathSync2(next);
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
function isPlainFileAt(root, rel) {
  try {
    const own = join2(realpathSync2(root), rel);
    return pathInside(root, rel) === own && lstatSync2(own).isFile();
  } catch {
    return false;
  }
}
function readRegular(file, cap = MAX_PROJECT_FILE) {
  const fd = openSync2(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
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

export {
  writeFileAtomic,
  MAX_PROJECT_FILE,
  within,
  pathInside,
  isPlainFileAt,
  readRegular
};
//# sourceMappingURL=chunk-NKQXVY3M.js.map
