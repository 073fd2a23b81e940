import { parse } from '../util/args.ts';
import { projectConfigPath } from '../config/config.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { untrust } from '../config/trust.ts';

export const help = `
Usage: mcp-auto untrust [DIR]     (also: mcp-auto deny)

Revokes trust in a project's .mcp-auto.json: the daemon goes back to the
servers of your own config.

Example:
  mcp-auto untrust
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('untrust', argv, {});
  const file = projectConfigPath(rootArg('untrust', positionals));
  console.log(untrust(file) ? `mcp-auto: ${file} is no longer trusted` : `mcp-auto: ${file} was not trusted`);
  return 0;
}
