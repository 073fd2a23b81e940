import { basename, dirname, join, resolve } from 'node:path';
import { stateHome } from '../config/paths.ts';
import { UserError, oneLine } from '../util/errors.ts';
import { safeText } from '../util/terminal.ts';
import { existingDir, parse } from '../util/args.ts';
import { ensureRoot, linkIdleMarker, locateRoot, unseenNotices, writeNotices } from '../ensure/ensure.ts';
import { checkStampPath, removeStamp, writeStamp } from '../ensure/stamp.ts';

export const help = `
Usage: mcp-auto ensure [--quiet] [--json] [--notice-file FILE [--idle-link]] [--stamp FILE] [--] [DIR]

Finds the project root from DIR (default: the current directory), makes sure
that root's daemon runs on its port (starting it detached if not) and points
the client configs (.mcp.json, …) at it. Idempotent: when all is right it
writes nothing. The shell hook and \`use mcp\` run this for you.

  --quiet             print nothing unless something is wrong
  --json              print the result as JSON
  --notice-file FILE  append what the user must see to FILE, each notice once
                      (the shell hook shows it at the next prompt); FILE must
                      be in mcp-auto's notices folder ($XDG_STATE_HOME/mcp-auto/notices)
  --idle-link         also link FILE.daemon to the daemon's idle-stop marker
                      (the hook's next prompt brings an idled-out daemon back)
  --stamp FILE        when all is right, record it in FILE for \`use mcp\`'s
                      fast path (a file in mcp-auto's state folder)

Examples:
  mcp-auto ensure
  mcp-auto ensure ~/code/foo --json
`;

/**
 * A notice file lives in mcp-auto's own notices folder, nowhere else: an
 * option smuggled in through a directory name must not make ensure append to
 * a shell's startup files.
 */
function checkNoticeFile(file: string): void {
  const folder = join(stateHome(), 'notices');
  const full = resolve(file);
  if (dirname(full) !== folder || basename(full).startsWith('.')) {
    throw new UserError(`ensure: --notice-file must be a file in ${folder}`, 2);
  }
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('ensure', argv, {
    quiet: { type: 'boolean', short: 'q' },
    json: { type: 'boolean' },
    'notice-file': { type: 'string' },
    'idle-link': { type: 'boolean' },
    stamp: { type: 'string' },
  });
  // Checked before anything is written to it, errors included.
  if (values['notice-file'] !== undefined) checkNoticeFile(values['notice-file']);
  try {
    return await ensure(values, positionals);
  } catch (error) {
    // Through the hook, stderr goes nowhere: the next prompt shows the notice file.
    if (values['notice-file']) writeNotices(values['notice-file'], [safeText(`mcp-auto: ${oneLine(error, 400)}`)]);
    throw error;
  }
}

async function ensure(values: { quiet?: boolean; json?: boolean; 'notice-file'?: string; 'idle-link'?: boolean; stamp?: string }, positionals: string[]): Promise<number> {
  const dir = existingDir('ensure', positionals);
  const noticeFile = values['notice-file'];
  const stamp = values.stamp === undefined ? undefined : checkStampPath(values.stamp);
  // A stamp is only ever what this run found right: none if it fails.
  if (stamp) removeStamp(stamp);
  const project = locateRoot(dir);
  if (!project) {
    if (values.json) console.log(JSON.stringify({ root: null, reason: `no project root above ${dir}` }));
    else if (!values.quiet) console.error(safeText(`mcp-auto: no project root above ${dir} (markers: .mcp-auto.json, .git, …); nothing to do`));
    return 0;
  }
  // Before the work: a daemon that fails to start must not leave the marker
  // behind, or the hook would retry at every prompt.
  if (noticeFile && values['idle-link']) linkIdleMarker(noticeFile, project.root);
  const result = await ensureRoot(project);
  const refused = result.clients.some((c) => c.status === 'refused');
  if (stamp) writeStamp(stamp, positionals[0] ?? process.cwd(), result);
  if (values['notice-file']) {
    writeNotices(values['notice-file'], unseenNotices(result.root, result.notices).map(safeText));
  } else if (!values.json) {
    for (const line of result.notices) console.error(safeText(line));
  }
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
  } else if (!values.quiet) {
    const written = result.clients.filter((c) => c.status === 'written').map((c) => c.file);
    if (result.started) console.log(safeText(`mcp-auto: started the daemon for ${result.root} on ${result.url} (${result.servers.join(', ') || 'no servers'})`));
    if (written.length) console.log(safeText(`mcp-auto: updated ${written.join(', ')}`));
  }
  return refused ? 1 : 0;
}
