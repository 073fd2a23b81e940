#!/usr/bin/env node

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

export {
  writeFileAtomic
};
//# sourceMappingURL=chunk-LOCU4XPC.js.map
