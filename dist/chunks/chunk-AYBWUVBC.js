#!/usr/bin/env node

// src/ensure/health-request.ts
import { connect } from "node:net";
var MAX_ANSWER = 1 << 20;
function getHealth(port, path, timeoutMs, token) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const chunks = [];
    let size = 0;
    let settled = false;
    const settle = (value) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => settle(void 0));
    socket.on("connect", () => {
      socket.write(`GET ${path} HTTP/1.1\r
Host: 127.0.0.1:${port}\r
Connection: close\r
${token ? `Authorization: Bearer ${token}\r
` : ""}\r
`);
    });
    socket.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_ANSWER) return settle("not-health");
      chunks.push(chunk);
      const answer = parseHealth(Buffer.concat(chunks));
      if (answer !== void 0) settle(answer);
    });
    socket.on("error", () => settle(void 0));
    socket.on("close", () => settle(chunks.length ? parseHealth(Buffer.concat(chunks)) : void 0));
  });
}
function parseHealth(answer) {
  const head = answer.toString("latin1", 0, Math.min(answer.length, 8192));
  const end = head.indexOf("\r\n\r\n");
  const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head)?.[1];
  if (end < 0 || status === void 0) return void 0;
  const headers = head.slice(0, end + 2);
  const length = /\r\ncontent-length: *(\d+)\r\n/i.exec(headers)?.[1];
  const rest = answer.subarray(end + 4);
  let body;
  if (length !== void 0) body = rest.length === Number(length) ? rest : void 0;
  else if (/\r\ntransfer-encoding: *chunked\r\n/i.test(headers)) body = unchunk(rest);
  else return "not-health";
  if (body === void 0) return void 0;
  if (status !== "200") return "not-health";
  try {
    const health = JSON.parse(body.toString("utf8"));
    return typeof health.root === "string" && Array.isArray(health.servers) ? health : "not-health";
  } catch {
    return "not-health";
  }
}
function unchunk(data) {
  const parts = [];
  let at = 0;
  for (; ; ) {
    const line = data.indexOf("\r\n", at);
    if (line < 0) return void 0;
    const size = Number.parseInt(data.toString("latin1", at, line), 16);
    if (!Number.isFinite(size)) return void 0;
    if (size === 0) return Buffer.concat(parts);
    if (data.length < line + 2 + size + 2) return void 0;
    parts.push(data.subarray(line + 2, line + 2 + size));
    at = line + 2 + size + 2;
  }
}

export {
  getHealth
};
//# sourceMappingURL=chunk-AYBWUVBC.js.map
