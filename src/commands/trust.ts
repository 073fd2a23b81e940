import { parse } from '../util/args.ts';
import { projectConfigPath, readConfigFile } from '../config/config.ts';
import { UserError } from '../util/errors.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { trust } from '../config/trust.ts';

export const help = `
Usage: mcp-auto trust [DIR]

A project's .mcp-auto.json names commands to run, so mcp-auto ignores it until
you trust it — like \`direnv allow\`. Trust is for the file as it is now: any
edit needs a new \`mcp-auto trust\`. The running daemon picks the change up.

Example:
  cat .mcp-auto.json && mcp-auto trust
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('trust', argv, {});
  const root = rootArg('trust', positionals);
  const file = projectConfigPath(root);
  // Refuse a file that would not load: trusting it would only hide the error.
  if (!readConfigFile(file)) throw new UserError(`${file} does not exist; \`mcp-auto init\` writes a starter one`);
  trust(file);
  console.log(`mcp-auto: trusted ${file}`);
  return 0;
}
