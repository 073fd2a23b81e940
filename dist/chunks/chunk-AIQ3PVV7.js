#!/usr/bin/env node

// src/util/terminal.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function safeText(text) {
  return text.replace(CONTROL, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}
function safeLines(text) {
  return text.split("\n").map(safeText).join("\n");
}

// src/util/errors.ts
var UserError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
};
var ConfigError = class _ConfigError extends UserError {
  constructor(file, key, detail) {
    const shown = key && /[\u0000-\u001f\u007f\u2028\u2029]/.test(key) ? JSON.stringify(key) : key;
    super(`${file}${shown ? `: ${shown}` : ""}: ${detail}`, 2);
    this.file = file;
    this.key = key;
    this.problems = [this];
  }
  file;
  key;
  /** Every problem found in one go (a user fixes them all at once); the message lists them all, on one line. */
  problems;
  /** One error standing for all of `errors` (at least one). */
  static all(errors) {
    const problems = errors.flatMap((e) => e.problems);
    const first = errors[0];
    if (problems.length === 1) return first;
    const all = new _ConfigError(first.file, first.key, "");
    all.message = problems.map((p) => p.message).join("; ");
    all.problems = problems;
    return all;
  }
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function oneLine(error, max = 200) {
  const text = errorMessage(error).replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}
function reportError(error) {
  console.error(`mcp-auto: ${safeText(errorMessage(error))}`);
  if (!(error instanceof UserError) && process.env.MCP_AUTO_DEBUG) console.error(error);
  return error instanceof UserError ? error.exitCode : 1;
}

export {
  safeText,
  safeLines,
  UserError,
  ConfigError,
  errorMessage,
  oneLine,
  reportError
};
//# sourceMappingURL=chunk-AIQ3PVV7.js.map
