#!/usr/bin/env node
import {
  getHealth
} from "./chunk-AYBWUVBC.js";
import {
  listenerOf,
  ownUid
} from "./chunk-IFT3ZBIK.js";
import {
  stateDirFor
} from "./chunk-W4LNQTZQ.js";
import {
  stateHome
} from "./chunk-RB6Z466D.js";

// src/ensure/daemon-state.ts
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
function readRecord(stateDir) {
  try {
    const data = JSON.parse(readFileSync(join(stateDir, "daemon.json"), "utf8"));
    return typeof data.port === "number" && typeof data.pid === "number" && typeof data.root === "string" ? data : void 0;
  } catch {
    return void 0;
  }
}
function recordFor(root) {
  return readRecord(stateDirFor(root));
}
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function identityProof(secret, nonce, root, port) {
  return createHmac("sha256", secret).update(`${nonce}
${root}
${port}`).digest("base64url");
}
function readIdentitySecret(root) {
  try {
    return readFileSync(join(stateDirFor(root), IDENTITY_FILE), "utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
var IDENTITY_FILE = "identity";
async function probeHealth(port, opts = {}) {
  const listener = listenerOf(port);
  const me = ownUid();
  if (listener && me !== void 0 && listener.uid !== me) return { kind: "impostor", why: `port ${port} is held by another account (uid ${listener.uid})` };
  const nonce = randomBytes(18).toString("base64url");
  const answer = await getHealth(port, `/health?challenge=${nonce}${healthQuery(opts)}`, opts.timeoutMs ?? 1e3);
  if (answer === void 0) return { kind: "nothing" };
  if (answer === "not-health") return { kind: "impostor", why: `port ${port} is held by a program that is not an mcp-auto daemon` };
  const secret = readIdentitySecret(answer.root);
  const proof = answer.proof;
  if (!secret || typeof proof !== "string" || proof !== identityProof(secret, nonce, answer.root, port)) {
    return { kind: "impostor", root: answer.root, why: `port ${port} answers as the daemon of ${answer.root} but cannot prove it` };
  }
  return { kind: "proven", health: answer };
}
async function fetchHealth(port, opts = {}) {
  const probe = await probeHealth(port, opts.token ? { ...opts, start: false } : opts);
  if (probe.kind !== "proven") return void 0;
  if (!opts.token) return probe.health;
  const query = healthQuery(opts);
  const answer = await getHealth(port, query ? `/health?${query.slice(1)}` : "/health", opts.timeoutMs ?? 1e3, opts.token);
  return typeof answer === "object" && answer.root === probe.health.root ? answer : void 0;
}
function healthQuery(opts) {
  return `${opts.ensure ? "&ensure=1" : ""}${opts.start ? "&start=1" : ""}${opts.tools && !opts.ensure ? "&tools=1" : ""}`;
}
async function daemonStatus(root, opts = {}) {
  const record = recordFor(root);
  if (!record) return { kind: "none" };
  if (!pidAlive(record.pid)) return { kind: "stale", record, why: `pid ${record.pid} is not running` };
  const probe = await probeHealth(record.port, { ensure: opts.ensure, tools: opts.tools, timeoutMs: opts.tools ? 3e3 : void 0 });
  if (probe.kind === "nothing") return { kind: "stale", record, why: `nothing answers on port ${record.port}` };
  if (probe.kind === "impostor") return { kind: "stale", record, why: probe.why };
  const { health } = probe;
  if (health.root !== root) return { kind: "stale", record, why: `port ${record.port} serves ${health.root}` };
  return { kind: "running", record, health };
}
function allRecords() {
  let dirs = [];
  try {
    dirs = readdirSync(stateHome());
  } catch {
    return [];
  }
  return dirs.map((d) => readRecord(join(stateHome(), d))).filter((r) => r !== void 0);
}

export {
  readRecord,
  recordFor,
  pidAlive,
  identityProof,
  readIdentitySecret,
  IDENTITY_FILE,
  probeHealth,
  fetchHealth,
  daemonStatus,
  allRecords
};
//# sourceMappingURL=chunk-GNZ7CVPQ.js.map
