#!/usr/bin/env node
import {
  UserError,
  errorMessage
} from "./chunk-AIQ3PVV7.js";

// src/util/args.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
function parse(command, argv, options, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UserError(`${command}: ${errorMessage(error).replace(/\. To specify.*$/s, "")}; see \`mcp-auto ${command} --help\``, 2);
  }
}
function dirArg(command, positionals) {
  if (positionals.length > 1) {
    throw new UserError(`${command}: takes at most one DIR, got ${positionals.length} (${positionals.join(" ")}); see \`mcp-auto ${command} --help\``, 2);
  }
  return resolve(positionals[0] ?? ".");
}
function existingDir(command, positionals) {
  const dir = dirArg(command, positionals);
  let isDir;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UserError(`${command}: ${dir} does not exist`, 2);
  }
  if (!isDir) throw new UserError(`${command}: ${dir} is not a directory`, 2);
  return dir;
}

export {
  parse,
  dirArg,
  existingDir
};
//# sourceMappingURL=chunk-3QUSHYHU.js.map
