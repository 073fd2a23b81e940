import { parse } from '../util/args.ts';
import { adopt } from '../clients/adopt.ts';
import { ensureRoot, locateRoot } from '../ensure/ensure.ts';
import { rootArg } from '../ensure/lifecycle.ts';

export const help = `
Usage: mcp-auto adopt [DIR]

Takes the stdio servers already in .mcp.json (entries with a "command", e.g. a
hand-written \`uvx … serena\` entry), moves their definitions into the
project's .mcp-auto.json (and trusts it, since you asked), serves them from the
daemon and points the entries at it. \`mcp-auto unadopt\` puts the original
entries back exactly.

Example:
  mcp-auto adopt && mcp-auto status
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('adopt', argv, {});
  const root = rootArg('adopt', positionals);
  const names = await adopt(root);
  if (names.length === 0) {
    console.log('mcp-auto: no stdio servers in .mcp.json to adopt');
    return 0;
  }
  const result = await ensureRoot(locateRoot(root)!);
  console.log(`mcp-auto: adopted ${names.join(', ')}; now served by the daemon:`);
  for (const name of names) console.log(`  ${name}  ${result.url}/servers/${encodeURIComponent(name)}/mcp`);
  return 0;
}
