import { parse } from '../util/args.ts';
import { projectConfigPath } from '../config/config.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { untrust } from '../config/trust.ts';
import { unmarkRoot } from '../config/roots.ts';
import { safeText } from '../util/terminal.ts';

export const help = `
Usage: mcp-auto untrust [DIR]     (also: mcp-auto deny)
       mcp-auto untrust --root [DIR]

Revokes trust in a project's .mcp-auto.json: the daemon goes back to the
servers of your own config. With --root: takes away the mark of
\`mcp-auto trust --root\` (a "trustedRoots" glob is edited in the user config).

Example:
  mcp-auto untrust
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('untrust', argv, { root: { type: 'boolean' } });
  const root = rootArg('untrust', positionals);
  if (values.root) {
    console.log(safeText(unmarkRoot(root) ? `mcp-auto: ${root} is no longer marked as yours` : `mcp-auto: ${root} was not marked`));
    return 0;
  }
  const file = projectConfigPath(root);
  console.log(safeText(untrust(file) ? `mcp-auto: ${file} is no longer trusted` : `mcp-auto: ${file} was not trusted`));
  return 0;
}
