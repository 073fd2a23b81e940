#!/usr/bin/env node
import {
  writeFileAtomic
} from "./chunk-NKQXVY3M.js";
import {
  rootHash
} from "./chunk-W4LNQTZQ.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/config/roots.ts
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
function recordsDir() {
  return join(stateHome(), "roots");
}
function globMatches(pattern, path) {
  const expanded = pattern === "~" || pattern.startsWith("~/") ? join(homedir(), pattern.slice(1)) : pattern;
  const trimmed = expanded.length > 1 ? expanded.replace(/\/+$/, "") : expanded;
  let source = "";
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i];
    if (c === "*" && trimmed[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`).test(path);
}
function isUsersRoot(root, trustedRoots) {
  if (trustedRoots.some((pattern) => globMatches(pattern, root))) return true;
  try {
    return readFileSync(join(recordsDir(), rootHash(root)), "utf8") === `${root}
`;
  } catch {
    return false;
  }
}
function markRoot(root) {
  mkdirSync(recordsDir(), { recursive: true, mode: 448 });
  writeFileAtomic(join(recordsDir(), rootHash(root)), `${root}
`, 384);
}
function unmarkRoot(root) {
  const file = join(recordsDir(), rootHash(root));
  try {
    if (readFileSync(file, "utf8") !== `${root}
`) return false;
  } catch {
    return false;
  }
  rmSync(file, { force: true });
  return true;
}

export {
  isUsersRoot,
  markRoot,
  unmarkRoot
};
//# sourceMappingURL=chunk-RU7FJPFX.js.map
