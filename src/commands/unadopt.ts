import { parse } from '../util/args.ts';
import { unadopt } from '../clients/adopt.ts';
import { forgetOwnership } from '../clients/index.ts';
import { removeGitExclude } from '../clients/git-exclude.ts';
import { ensureRoot, locateRoot } from '../ensure/ensure.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { stateDirFor } from '../config/paths.ts';

export const help = `
Usage: mcp-auto unadopt [DIR]

Restores the .mcp.json entries \`mcp-auto adopt\` replaced, exactly as they
were, and removes their definitions from .mcp-auto.json.

Example:
  mcp-auto unadopt
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('unadopt', argv, {});
  const root = rootArg('unadopt', positionals);
  const names = await unadopt(root, (restored) => forgetOwnership(stateDirFor(root), '.mcp.json', restored));
  if (names.length === 0) {
    console.log('mcp-auto: nothing was adopted here');
    return 0;
  }
  // The file holds the user's entries again: git shows it as it shows theirs.
  removeGitExclude(root, '.mcp.json');
  await ensureRoot(locateRoot(root)!);
  console.log(`mcp-auto: restored ${names.join(', ')} in .mcp.json`);
  return 0;
}
