import { parse } from '../util/args.ts';
import { daemonStatus } from '../ensure/daemon-state.ts';
import { userSettings } from '../ensure/ensure.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { hashedPort } from '../ensure/port.ts';

export const help = `
Usage: mcp-auto port [DIR] [--json]

Prints a project's port: the one its running daemon uses, else the one its
root hashes to.

Example:
  curl http://127.0.0.1:$(mcp-auto port)/health
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('port', argv, { json: { type: 'boolean' } });
  const root = rootArg('port', positionals);
  const status = await daemonStatus(root);
  const running = status.kind === 'running';
  const port = running ? status.record.port : hashedPort(root, userSettings().portRange);
  console.log(values.json ? JSON.stringify({ root, port, running }) : String(port));
  return 0;
}
