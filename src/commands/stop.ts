import { parse } from '../util/args.ts';
import { allRecords } from '../ensure/daemon-state.ts';
import { rootArg, stopDaemon, stopRoot } from '../ensure/lifecycle.ts';

export const help = `
Usage: mcp-auto stop [DIR | --all]

Stops a project's daemon and its servers (SIGTERM, then SIGKILL after 5 s).
The next cd into the project (or \`mcp-auto ensure\`) starts it again on the
same port.

Examples:
  mcp-auto stop
  mcp-auto stop --all
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('stop', argv, { all: { type: 'boolean' } });
  if (values.all) {
    const results = await Promise.all(allRecords().map(async (r) => ({ root: r.root, stopped: await stopDaemon(r) })));
    const stopped = results.filter((r) => r.stopped);
    console.log(stopped.length ? `mcp-auto: stopped ${stopped.length} daemon(s)` : 'mcp-auto: no daemon was running');
    return 0;
  }
  const root = rootArg('stop', positionals, { allowGone: true });
  console.log((await stopRoot(root)) ? `mcp-auto: stopped the daemon for ${root}` : `mcp-auto: no daemon was running for ${root}`);
  return 0;
}
