import { parse } from '../util/args.ts';
import { approve, settingsPath } from '../clients/claude-settings.ts';
import { claudeApproveNotes } from '../clients/verdict.ts';
import { projectConfig } from '../ensure/ensure.ts';
import { rootArg } from '../ensure/lifecycle.ts';

export const help = `
Usage: mcp-auto approve [DIR]

Lets Claude Code use the servers mcp-auto manages without its approval prompt:
adds their names to .claude/settings.local.json "enabledMcpjsonServers"
(other settings kept). Then says what it could not do: a server listed in
disabledMcpjsonServers (that wins), and, outside a git repository, Claude's
folder trust, which only you can give (Claude ignores the approval until then).

Example:
  mcp-auto approve
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('approve', argv, {});
  const root = rootArg(positionals[0]);
  const servers = [...projectConfig(root).config.servers.keys()];
  const added = approve(root, servers);
  console.log(added.length
    ? `mcp-auto: approved ${added.join(', ')} in ${settingsPath(root)}`
    : `mcp-auto: ${servers.join(', ') || 'no servers'} already approved`);
  const notes = claudeApproveNotes({ root, dir: root, entries: servers.map((name) => ({ name, url: '', sseUrl: '', client: 'http' })) });
  for (const line of notes) console.error(line);
  return 0;
}
