import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EarlyStart, parseDaemonArgs, takeEarlyStart } from '../daemon/early-start.ts';
import { UserError, errorMessage } from '../util/errors.ts';

export const help = `
Usage: mcp-auto daemon --root DIR --port N [--idle-timeout MINUTES] [--unsafe-expose HOST]

Runs a project's daemon in the foreground: every configured MCP server, served at
http://127.0.0.1:N/servers/<name>/mcp (Streamable HTTP) and /servers/<name>/sse
(legacy SSE), with status at /health. \`mcp-auto ensure\` (and the shell hook)
start it detached for you; run it by hand to watch its log on the terminal.

  --idle-timeout MIN    stop after MIN minutes without clients (0 = never;
                        default: the config's idleTimeoutMinutes, 30)
  --unsafe-expose HOST  listen on HOST instead of 127.0.0.1; refused unless the
                        config sets "auth": "token"

Example:
  mcp-auto daemon --root ~/code/foo --port 24567
`;

export async function run(argv: string[]): Promise<number> {
  // A long-lived, mostly idle process: once a burst of requests is over, the
  // daemon collects garbage (see Daemon), so that V8 hands back the heap it
  // grew for the burst. Flags set at run time, so that a daemon started by
  // `ensure`, by a service or by hand runs alike; measured by `npm run soak`.
  setFlagsFromString('--expose-gc');
  let gc: (() => void) | undefined;
  const collectGarbage = () => {
    // A flag set at run time reaches new contexts: this is how the daemon gets
    // V8's gc (made on first use, off the path to the first client).
    gc ??= runInNewContext('gc') as () => void;
    // Compacting this one collection returns the old-space pages a burst left
    // half empty; collections under load stay as V8 chooses.
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  };
  const { root, port, host, idleMinutes } = parseDaemonArgs(argv);
  if (host && !['127.0.0.1', '::1', 'localhost'].includes(host)) {
    const { loadConfig } = await import('../config/config.ts');
    if (loadConfig().settings.auth !== 'token') {
      throw new UserError('daemon: --unsafe-expose needs token auth: set "auth": "token" in the config first', 2);
    }
  }
  // The eager children first (the bin may have started them already), then the daemon's own code.
  const early = takeEarlyStart(root) ?? new EarlyStart(root);
  const { Daemon } = await import('../daemon/daemon.ts');
  const daemon = new Daemon({ root, port, host, idleTimeoutMinutes: idleMinutes, collectGarbage, early });
  try {
    await daemon.start();
  } catch (error) {
    await early.stop();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UserError(`daemon: port ${port} is already in use`, 3);
    throw new UserError(`daemon: ${errorMessage(error)}`);
  }
  const shutdown = (signal: string) => {
    daemon.log(`${signal} received`);
    void daemon.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGHUP', () => daemon.reload());
  // A broken pipe to a client must never take the daemon down.
  process.on('uncaughtException', (error) => daemon.log(`uncaught: ${error.stack ?? errorMessage(error)}`));
  return new Promise<number>(() => { /* runs until a signal */ });
}
