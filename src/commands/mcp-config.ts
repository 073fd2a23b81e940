import { existingDir, parse } from '../util/args.ts';
import { UserError } from '../util/errors.ts';
import { configFromStamp, printConfig } from './stamped.ts';

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
  printConfig(await configFromStamp(dir) ?? await fromEnsure(dir));
  return 0;
}

/** ensure's path, without writing client files; the stamp it leaves covers the daemon only. */
async function fromEnsure(dir: string) {
  const [{ projectConfig }, { ensureStamped }, { managedEntries }] =
    await Promise.all([import('../ensure/ensure.ts'), import('../ensure/stamp.ts'), import('../clients/entries.ts')]);
  const result = await ensureStamped(dir, { writeClients: false });
  if (!result) throw new UserError(`mcp-config: no project root above ${dir}; run inside a project or name one`, 2);
  return managedEntries(projectConfig(result.root).config, result.port);
}
