import { parse } from '../util/args.ts';
import { ensureRoot, locateRoot } from '../ensure/ensure.ts';
import { rootArg, stopRoot } from '../ensure/lifecycle.ts';

export const help = `
Usage: mcp-auto restart [DIR] [--json]

Stops a project's daemon and starts it again on the same port. Clients keep
their sessions (they are persisted), so they need not reconnect.

Example:
  mcp-auto restart
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('restart', argv, { json: { type: 'boolean' } });
  const root = rootArg(positionals[0]);
  await stopRoot(root);
  const result = await ensureRoot(locateRoot(root)!);
  console.log(values.json ? JSON.stringify(result, null, 2) : `mcp-auto: restarted the daemon for ${root} on ${result.url}`);
  return 0;
}
