import { UserError, errorMessage } from '../util/errors.ts';
import { runCommand } from '../util/run-command.ts';
import { execEnv, execFromStamp, parseExec } from './stamped.ts';

export const help = `
Usage: mcp-auto exec [--root DIR] [--timeout S] -- CMD [ARG...]

For scripts, CI and agents without an interactive shell: makes sure the
project's daemon runs, starts every server not started yet (servers start
lazily, with their first client) and waits until all are ready, then runs CMD with
MCP_AUTO_PORT and MCP_AUTO_URL set (and MCP_AUTO_TOKEN with "auth": "token")
and exits with CMD's exit code. Signals
sent to exec reach CMD (Ctrl-C on a terminal reaches it directly).

  --root DIR   the project (default: the project around the current directory)
  --timeout S  how long to wait for the servers, in seconds (default 120)

Exit status: CMD's own (128+N when a signal N ended it); 125 when mcp-auto
failed or the servers were not ready in time; 126 when CMD cannot be run;
127 when CMD is not found.

Examples:
  mcp-auto exec -- claude -p "list the open TODOs"
  mcp-auto exec --root ~/code/foo --timeout 300 -- npm test
`;

/** env(1)'s convention: the wrapper's own failure is 125. */
const FAILED = 125;

export async function run(argv: string[]): Promise<number> {
  const options = parseExec(argv);
  let port: number;
  let token: string | undefined;
  try {
    const answered = await execFromStamp(options);
    if (answered !== undefined) return answered;
    ({ port, token } = await ensureFor(options.dir));
    await waitUntilReady(port, options.timeoutS * 1000, token);
  } catch (error) {
    throw new UserError(`exec: ${errorMessage(error).replace(/^(ensure|exec): /, '')}`, error instanceof UserError && error.exitCode === 2 ? 2 : FAILED);
  }
  return runCommand(options.command, execEnv(port, token));
}

/** ensure's whole path, and the stamp for the next exec (or `use mcp`) here. */
async function ensureFor(dir: string): Promise<{ port: number; token?: string }> {
  const { ensureStamped } = await import('../ensure/stamp.ts');
  const result = await ensureStamped(dir);
  if (!result) throw new UserError(`no project root above ${dir}; run inside a project or pass --root DIR`, 2);
  for (const line of result.notices) console.error(line);
  return result;
}

/**
 * Starts the servers not started yet and polls /health until every one is
 * ready, proving the daemon at each poll (fetchHealth); a failed server or the
 * deadline ends the wait. A GET over node:net, not fetch: undici's load would
 * cost exec ~20 ms.
 */
async function waitUntilReady(port: number, timeoutMs: number, token: string | undefined): Promise<void> {
  const { fetchHealth } = await import('../ensure/daemon-state.ts');
  const started = Date.now();
  const progress = process.stderr.isTTY === true;
  let shown = '';
  try {
    for (;;) {
      let waiting: Array<{ name: string; state: string }> = [];
      const health = await fetchHealth(port, { timeoutMs: 2000, start: true, ...(token ? { token } : {}) });
      if (health) {
        const failed = health.servers.find((s) => s.state === 'failed');
        if (failed) throw new UserError(`server ${failed.name} failed${failed.lastError ? `: ${failed.lastError}` : ''}; see \`mcp-auto logs\``);
        waiting = health.servers.filter((s) => s.state !== 'ready');
        if (waiting.length === 0) return;
      } else {
        waiting = [{ name: 'daemon', state: 'not answering' }];
      }
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        throw new UserError(`not ready after ${Math.round(timeoutMs / 1000)} s: ${waiting.map((s) => `${s.name} (${s.state})`).join(', ')}; see \`mcp-auto logs\`, or raise --timeout`);
      }
      const line = `mcp-auto: waiting for ${waiting.map((s) => `${s.name} (${s.state})`).join(', ')}… ${Math.round(elapsed / 1000)} s`;
      if (progress && elapsed > 300 && line !== shown) {
        process.stderr.write(`\r\x1b[K${line}`);
        shown = line;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    if (shown) process.stderr.write('\r\x1b[K');
  }
}
