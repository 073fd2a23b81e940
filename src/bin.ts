// Node's entry (dist/mcp-auto.cjs), which the installed command (dist/mcp-auto,
// shell/bin.bash) runs whenever bash cannot answer alone: a small CommonJS
// file that Node runs without its ESM loader, which would cost every call
// ~15 ms (`npm run bench`). Here are only the calls scripts make again and
// again: `exec` and `mcp-config` with their daemon up, answered from the
// stamp (commands/stamped.ts) where bash could not (macOS); and
// `daemon`, which spawns its eager children before the rest loads
// (daemon/early-start.ts, dist/early-start.cjs) and then runs from one
// CommonJS file (daemon/main.ts, dist/daemon.cjs). Everything else, and
// whatever the stamp cannot answer, is the full CLI's (dist/mcp-auto.js,
// code-split so each command loads only its own modules).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
const ownArgs = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;

/** The exit code when answered here (the stamp, the daemon); undefined for the full CLI to take over (its errors included). */
async function fromStamp(): Promise<number | undefined> {
  if (ownArgs.includes('--help') || ownArgs.includes('-h')) return undefined;
  // The daemon's eager children start before the daemon's code loads (early-start.ts); the daemon adopts them.
  if (name === 'daemon') {
    // A file of its own (dist/early-start.cjs): no other command parses it.
    const { startEarlyFor } = require('./early-start.cjs') as typeof import('./daemon/early-start.ts');
    startEarlyFor(rest);
    // Then the daemon itself, CommonJS as well (daemon/main.ts, dist/daemon.cjs).
    const { runDaemon } = require('./daemon.cjs') as typeof import('./daemon/main.ts');
    return runDaemon(rest);
  }
  if (name !== 'exec' && name !== 'mcp-config') return undefined;
  // Loaded for these two only: every other command goes straight to the full CLI.
  const { configFromStamp, execFromStamp, parseExec, printConfig } = await import('./commands/stamped.ts');
  if (name === 'exec') return execFromStamp(parseExec(rest));
  if (rest.length > 1 || rest[0]?.startsWith('-')) return undefined;
  const entries = await configFromStamp(resolve(rest[0] ?? '.'));
  if (!entries) return undefined;
  printConfig(entries);
  return 0;
}

fromStamp().catch(() => undefined).then(async (code) => {
  if (code !== undefined) process.exitCode = code;
  else await import(pathToFileURL(resolve(__dirname, 'mcp-auto.js')).href);
});
