import { existingDir, parse } from '../util/args.ts';
import { claude } from '../clients/claude.ts';
import { ensureRoot, locateRoot, managedEntries, projectConfig } from '../ensure/ensure.ts';
import { UserError } from '../util/errors.ts';

export const help = `
Usage: mcp-auto mcp-config [DIR]

Prints the client config for the project's daemon, {"mcpServers": {...}}, the
same entries as .mcp.json, starting the daemon if it is not running. It
writes no project file: for pipelines and one-off runs with
\`claude --mcp-config\`.

Examples:
  mcp-auto mcp-config > /tmp/mcp.json && claude -p --mcp-config /tmp/mcp.json "list the TODOs"
  claude --mcp-config "$(mcp-auto mcp-config ~/code/foo)"
`;

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('mcp-config', argv, {});
  const dir = existingDir('mcp-config', positionals);
  const project = locateRoot(dir);
  if (!project) throw new UserError(`mcp-config: no project root above ${dir}; run inside a project or name one`, 2);
  const { port } = await ensureRoot(project, { writeClients: false });
  // The same entries ensure writes into .mcp.json (Claude Code's format, which --mcp-config reads).
  const entries = managedEntries(projectConfig(project.root).config, port);
  const mcpServers = Object.fromEntries(entries.map((e) => [e.name, claude.entry(e)]));
  console.log(JSON.stringify({ mcpServers }, null, 2));
  return 0;
}
