#!/usr/bin/env node
import {
  probeHealth
} from "./chunk-GNZ7CVPQ.js";

// src/ensure/port.ts
import { createHash } from "node:crypto";
import { createServer } from "node:net";
var PROBE_LIMIT = 64;
function hashedPort(root, [low, high]) {
  const n = createHash("sha256").update(root).digest().readUInt32BE(0);
  return low + n % (high - low + 1);
}
function probeOrder(root, range) {
  const [low, high] = range;
  const size = high - low + 1;
  const first = hashedPort(root, range) - low;
  return Array.from({ length: Math.min(PROBE_LIMIT, size) }, (_, i) => low + (first + i) % size);
}
async function portHolder(port, root) {
  if (await canBind(port)) return { holder: "free" };
  const probe = await probeHealth(port, { timeoutMs: 500 });
  if (probe.kind !== "proven") return { holder: "foreign", ...probe.kind === "impostor" ? { why: probe.why } : {} };
  const health = probe.health;
  return health.root === root ? { holder: "ours" } : { holder: "other-daemon", otherRoot: health.root };
}
async function choosePort(root, range) {
  const impostors = [];
  for (const port of probeOrder(root, range)) {
    const { holder, why } = await portHolder(port, root);
    if (holder === "free" || holder === "ours") return { port, holder, impostors };
    if (why) impostors.push(why);
  }
  throw new Error(`no free port in ${range[0]}-${range[1]} near ${hashedPort(root, range)}; widen "portRange" in the config`);
}
function canBind(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export {
  hashedPort,
  probeOrder,
  portHolder,
  choosePort,
  canBind
};
//# sourceMappingURL=chunk-344WA2EI.js.map
