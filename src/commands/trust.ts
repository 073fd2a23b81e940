import { parse } from '../util/args.ts';
import { parseConfig, projectConfigPath } from '../config/config.ts';
import { UserError } from '../util/errors.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { readProjectFile, trust } from '../config/trust.ts';
import { markRoot } from '../config/roots.ts';
import { safeText } from '../util/terminal.ts';

export const help = `
Usage: mcp-auto trust [DIR]
       mcp-auto trust --root [DIR]

A project's .mcp-auto.json names commands to run, so mcp-auto ignores it until
you trust it — like \`direnv allow\`. Trust is for the file as it is now: any
edit needs a new \`mcp-auto trust\`. The running daemon picks the change up.

  --root  mark the project root itself as yours instead (your own code, not
          a clone you are looking at): user-config servers may then run
          from the project (a "cwd" or command inside it), as may servers
          that analyse it before a client asks. \`untrust --root\` takes
          the mark away; "trustedRoots" globs in the user config mark many.

Examples:
  cat .mcp-auto.json && mcp-auto trust
  mcp-auto trust --root ~/code/mine
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('trust', argv, { root: { type: 'boolean' } });
  const root = rootArg('trust', positionals);
  if (values.root) {
    markRoot(root);
    console.log(safeText(`mcp-auto: marked ${root} as yours`));
    return 0;
  }
  const file = projectConfigPath(root);
  const read = readProjectFile(file);
  if (read.state === 'missing') throw new UserError(`${file} does not exist; \`mcp-auto init\` writes a starter one`);
  if (read.state === 'unsafe') throw new UserError(read.problem!);
  // Refuse a file that would not load: trusting it would only hide the error.
  parseConfig(file, read.text!);
  trust(file);
  console.log(`mcp-auto: trusted ${file}`);
  return 0;
}
