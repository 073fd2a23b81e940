// Shared bench plumbing: timing and percentiles, a private HOME, ports in the
// bench's range, and processes that are always stopped (whole tree, by pid).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { alive, descendants, procStat } from './proc.mjs';

export { alive, descendants, procStat };

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cli = join(repo, 'dist', 'mcp-auto.cjs'); // the Node entry, which the installed command runs
export const command = join(repo, 'dist', 'mcp-auto'); // the installed command (package.json bin; shell/bin.bash)
export const everythingBin = join(repo, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export const now = () => performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of an unsorted list of numbers (p in 0..100). */
/** Calls fn with each line a child prints on `stream` (line-delimited JSON-RPC, as stdio servers speak). */
export function eachLine(stream, fn) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      fn(line);
    }
  });
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (values) => percentile(values, 50);

/** Rejects after ms with a message naming what was waited for. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Ports: the bench owns 29000-29499. A rising cursor means a port is never
// reused within one run, so a stopped gateway's sockets cannot confuse the next.
const PORT_LOW = 29000;
const PORT_HIGH = 29499;
let portCursor = PORT_LOW;

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function nextPort() {
  while (portCursor <= PORT_HIGH) {
    const port = portCursor++;
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port left in ${PORT_LOW}-${PORT_HIGH}`);
}

const homes = new Set();

/** A private HOME/XDG tree with a mcp-auto user config; remove() deletes it. */
export function makeHome(userConfig) {
  const home = realpathSync(mkdtempSync(join(tmpdir(), 'mcp-auto-bench-')));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local/state'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    NO_COLOR: '1',
  };
  delete env.MCP_AUTO_PORT;
  delete env.MCP_AUTO_URL;
  const configDir = join(env.XDG_CONFIG_HOME, 'mcp-auto');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), JSON.stringify(userConfig, null, 2));
  const root = join(home, 'project');
  mkdirSync(join(root, '.git'), { recursive: true });
  homes.add(home);
  const remove = () => {
    homes.delete(home);
    rmSync(home, { recursive: true, force: true });
  };
  return { home, env, root, remove };
}

// ---- processes ----------------------------------------------------------

/** Resident set size of one process in MB (its own, not its children's). */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  return kb / 1024;
}

const running = new Set();

/**
 * Spawns a process in its own process group with stdout ignored and the tail
 * of its stderr kept for error messages. It is stopped by stopAll() at the latest.
 */
export function startProcess(command, args, { env = process.env, cwd } = {}) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  const proc = {
    child,
    pid: child.pid,
    spawnedAt: now(),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stderrTail: () => explainStderr(stderr),
    stop: () => stopTree(proc),
  };
  running.add(proc);
  return proc;
}

/**
 * The line of a dead process's stderr that says why: the first error line when
 * there is one (a Node stack trace ends in braces and the Node version), else the last line.
 */
export function explainStderr(stderr) {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^Node\.js v|^[{}]$|^at /.test(l));
  const line = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function signalTree(pids, signal) {
  for (const pid of pids) {
    for (const target of [-pid, pid]) {
      try { process.kill(target, signal); } catch { /* gone, or not a group leader */ }
    }
  }
}

/**
 * SIGTERM to the process group, then SIGKILL to whatever of the tree is left
 * after a grace period. Descendants are collected first because some gateways
 * put their children in groups of their own.
 */
export async function stopTree(proc, graceMs = 3000) {
  running.delete(proc);
  const tree = [proc.pid, ...descendants(proc.pid)];
  signalTree([proc.pid], 'SIGTERM');
  const deadline = now() + graceMs;
  while (now() < deadline && tree.some(alive)) {
    for (const pid of tree) for (const d of descendants(pid)) if (!tree.includes(d)) tree.push(d);
    await sleep(25);
  }
  const left = tree.filter(alive);
  if (left.length) {
    signalTree(left, 'SIGKILL');
    const killDeadline = now() + 2000;
    while (now() < killDeadline && left.some(alive)) await sleep(25);
  }
}

/** Stops everything this process started and has not stopped yet. */
export async function stopAll() {
  await Promise.all([...running].map((proc) => stopTree(proc, 1000)));
}

// A bench interrupted by Ctrl-C or a crash must not leave gateways or temp homes behind.
function cleanUpNow() {
  for (const proc of running) signalTree([proc.pid, ...descendants(proc.pid)], 'SIGKILL');
  running.clear();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  homes.clear();
}
process.once('exit', cleanUpNow);
// `on`, not `once`: a second Ctrl-C during the clean-up must not kill us half-way.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { cleanUpNow(); process.exit(130); });
}

// ---- README ---------------------------------------------------------------

/**
 * Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->`
 * in README.md, so each run regenerates its own summary there (the full
 * tables live in bench/results.md and bench/soak-results.md).
 */
export function updateReadme(name, markdown) {
  const file = join(repo, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) return false;
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`);
  return true;
}

/**
 * The README's view of a `npm run bench` report: the run's machine line, then
 * every line that checks a target (met or NOT met) and every speed-up, as the
 * report words them — the summary cannot read better than the tables.
 */
export function benchSummary(report) {
  const lines = report.split('\n');
  const machine = lines.find((l) => l.startsWith('Machine:')) ?? '';
  const checks = lines.filter((l) => l.startsWith('- ') && /\b(met|NOT met)\b|faster/.test(l));
  const met = checks.filter((l) => /\bmet\b/.test(l) && !/NOT met/.test(l)).length;
  const missed = checks.filter((l) => /NOT met/.test(l)).length;
  return [machine, '', `Targets in this run: ${met} lines met, ${missed} NOT met. Every table, and how each figure is measured: [bench/results.md](bench/results.md).`, '', ...checks].join('\n');
}

/** The README's view of a `npm run soak` report: the machine line, and each row's outcome in one line. */
export function soakSummary(report) {
  const lines = report.split('\n');
  const machine = lines.find((l) => l.startsWith('Machine:')) ?? '';
  const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| what') && !l.startsWith('| ---'))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()));
  const met = rows.filter((r) => r[3] === 'yes').length;
  return [machine, '', `${met} of ${rows.length} rows met their target. The table with every figure: [bench/soak-results.md](bench/soak-results.md).`, '',
    ...rows.map((r) => `- ${r[0]}: ${r[3] === 'yes' ? 'met' : 'NOT met'} — ${r[1]}`)].join('\n');
}
