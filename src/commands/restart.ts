import { parse } from '../util/args.ts';
import { ensureRoot, locateRoot } from '../ensure/ensure.ts';
import { recordFor, rootArg, stopRoot } from '../ensure/lifecycle.ts';
import { canBind } from '../ensure/port.ts';

export const help = `
Usage: mcp-auto restart [DIR] [--json]

Stops a project's daemon and starts it again on the same port. Clients keep
their sessions (they are persisted), so they need not reconnect.

Example:
  mcp-auto restart
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('restart', argv, { json: { type: 'boolean' } });
  const root = rootArg('restart', positionals);
  const before = recordFor(root);
  await stopRoot(root);
  // The same port, so clients need not be told: wait (briefly) for the old
  // daemon's socket to be free; if another program took it, ensure probes anew.
  let port = before?.port;
  if (port !== undefined) {
    const deadline = Date.now() + 3_000;
    while (!(await canBind(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!(await canBind(port))) port = undefined;
  }
  const result = await ensureRoot(locateRoot(root)!, { preferPort: port });
  console.log(values.json ? JSON.stringify(result, null, 2) : `mcp-auto: restarted the daemon for ${root} on ${result.url}`);
  return 0;
}
