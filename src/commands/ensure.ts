import { existingDir, parse } from '../util/args.ts';
import { oneLine } from '../util/errors.ts';
import { ensureRoot, linkIdleMarker, locateRoot, unseenNotices, writeNotices } from '../ensure/ensure.ts';

export const help = `
Usage: mcp-auto ensure [DIR] [--quiet] [--json] [--notice-file FILE [--idle-link]]

Finds the project root from DIR (default: the current directory), makes sure
that root's daemon runs on its port (starting it detached if not) and points
the client configs (.mcp.json, …) at it. Idempotent: when all is right it
writes nothing. The shell hook and \`use mcp\` run this for you.

  --quiet             print nothing unless something is wrong
  --json              print the result as JSON
  --notice-file FILE  append what the user must see to FILE, each notice once
                      (the shell hook shows it at the next prompt)
  --idle-link         also link FILE.daemon to the daemon's idle-stop marker
                      (the hook's next prompt brings an idled-out daemon back)

Examples:
  mcp-auto ensure
  mcp-auto ensure ~/code/foo --json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('ensure', argv, {
    quiet: { type: 'boolean', short: 'q' },
    json: { type: 'boolean' },
    'notice-file': { type: 'string' },
    'idle-link': { type: 'boolean' },
  });
  try {
    return await ensure(values, positionals);
  } catch (error) {
    // Through the hook, stderr goes nowhere: the next prompt shows the notice file.
    if (values['notice-file']) writeNotices(values['notice-file'], [`mcp-auto: ${oneLine(error, 400)}`]);
    throw error;
  }
}

async function ensure(values: { quiet?: boolean; json?: boolean; 'notice-file'?: string; 'idle-link'?: boolean }, positionals: string[]): Promise<number> {
  const dir = existingDir('ensure', positionals);
  const project = locateRoot(dir);
  if (!project) {
    if (values.json) console.log(JSON.stringify({ root: null, reason: `no project root above ${dir}` }));
    else if (!values.quiet) console.error(`mcp-auto: no project root above ${dir} (markers: .mcp-auto.json, .git, …); nothing to do`);
    return 0;
  }
  // Before the work: a daemon that fails to start must not leave the marker
  // behind, or the hook would retry at every prompt.
  if (values['notice-file'] && values['idle-link']) linkIdleMarker(values['notice-file'], project.root);
  const result = await ensureRoot(project);
  const refused = result.clients.some((c) => c.status === 'refused');
  if (values['notice-file']) {
    writeNotices(values['notice-file'], unseenNotices(result.root, result.notices));
  } else if (!values.json) {
    for (const line of result.notices) console.error(line);
  }
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else if (!values.quiet) {
    const written = result.clients.filter((c) => c.status === 'written').map((c) => c.file);
    if (result.started) console.log(`mcp-auto: started the daemon for ${result.root} on ${result.url} (${result.servers.join(', ') || 'no servers'})`);
    if (written.length) console.log(`mcp-auto: updated ${written.join(', ')}`);
  }
  return refused ? 1 : 0;
}
