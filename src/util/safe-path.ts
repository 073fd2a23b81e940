import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { UserError } from './errors.ts';

// A project may be a hostile clone: `.mcp.json -> ~/.claude.json`, `.cursor ->
// ~/.cursor`, `.mcp.json -> /dev/zero`. mcp-auto writes into a project only
// through paths that stay inside it, and reads only regular files of sane size.

/** The largest project file mcp-auto reads (client configs, .mcp-auto.json, .git/index excepted). */
export const MAX_PROJECT_FILE = 4 << 20;

/** True when `path` is `root` or below it (both real paths). */
export function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The real path of `rel` under `root`, checked component by component: each
 * one that exists must be a folder (the file itself a regular file), and a
 * symlink on the way must resolve inside the root. A link inside the project
 * (say .mcp.json -> config/mcp.json) is followed; one out of it, or one that
 * does not resolve, is refused with a one-line reason. What does not exist yet
 * would be created inside the root.
 */
export function pathInside(root: string, rel: string): string {
  const realRoot = realpathSync(root);
  const parts = rel.split('/').filter(Boolean);
  const shown = join(root, rel);
  let current = realRoot;
  for (let i = 0; i < parts.length; i++) {
    const next = join(current, parts[i]!);
    const what = parts.slice(0, i + 1).join('/');
    let info;
    try {
      info = lstatSync(next);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return join(next, ...parts.slice(i + 1));
      throw error;
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(next);
      } catch {
        throw new UserError(`${shown}: ${what} is a symlink that does not resolve; left alone, nothing written`);
      }
      if (!within(realRoot, target)) throw new UserError(`${shown}: ${what} is a symlink out of the project (to ${target}); left alone, nothing written`);
      current = target;
      info = statSync(current);
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

/**
 * True when `rel` under `root` is a plain file at its own path: no link on the
 * way to it or at its end. Only such a file may mcp-auto remove as one it
 * made; one that became a link, or sits under one, is the user's.
 */
export function isPlainFileAt(root: string, rel: string): boolean {
  try {
    const own = join(realpathSync(root), rel);
    return pathInside(root, rel) === own && lstatSync(own).isFile();
  } catch {
    return false;
  }
}

/**
 * A file's bytes, only if it is a regular file no larger than `cap`: a FIFO,
 * a device (/dev/zero) or a huge file is refused without reading it. ENOENT
 * passes through as is.
 */
export function readRegular(file: string, cap = MAX_PROJECT_FILE): Buffer {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(`${file} is not a regular file`);
    if (info.size > cap) throw new Error(`${file} is larger than ${cap >> 20} MB`);
    const buffer = Buffer.alloc(info.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) throw new Error(`${file} grew while being read`);
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
