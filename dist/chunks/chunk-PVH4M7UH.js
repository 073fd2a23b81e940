#!/usr/bin/env node

// src/util/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

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

export {
  VERSION,
  safeText,
  safeLines
};
//# sourceMappingURL=chunk-PVH4M7UH.js.map
