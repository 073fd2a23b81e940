import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../util/args.ts';
import { adapters, forgetOwnership, ownedFiles, syncClients } from '../clients/index.ts';
import { settingsPath, unapprove } from '../clients/claude-settings.ts';
import { removeEmptyCreated } from '../clients/created.ts';
import { emptySkeleton } from '../clients/merge.ts';
import { oneLine } from '../util/errors.ts';
import { unadopt } from '../clients/adopt.ts';
import { removeGitExclude } from '../clients/git-exclude.ts';
import { projectConfigPath } from '../config/config.ts';
import { stateDirFor } from '../config/paths.ts';
import { unmarkRoot } from '../config/roots.ts';
import { untrust } from '../config/trust.ts';
import { rootArg, stopRoot } from '../ensure/lifecycle.ts';
import { removeStampsFor } from '../ensure/stamp.ts';

export const help = `
Usage: mcp-auto forget [DIR]

Undoes everything mcp-auto did for a project: stops its daemon, takes out
every entry it wrote in the client files (.mcp.json, .cursor/mcp.json, …;
entries you changed since are left alone), the files it created once nothing
else is in them, and the .git/info/exclude lines it added; takes back the
approvals \`approve\` added; puts back the entries \`adopt\` replaced; and
removes its trust, its mark, its state (log, sessions, the memory server's
graph) and the stamps \`use mcp\` and \`exec\` keep for it. Says what it
removed. Works for a project folder that was deleted too: name its old path.

Example:
  mcp-auto forget ~/code/old-project
`;

/** Forgets one root; returns what was removed, one line each. */
export async function forgetRoot(root: string): Promise<string[]> {
  const removed: string[] = [];
  const stateDir = stateDirFor(root);
  if (await stopRoot(root)) removed.push('stopped its daemon');
  if (existsSync(root)) {
    if (existsSync(join(stateDir, 'adopted.json'))) {
      const restored = await unadopt(root, (names) => forgetOwnership(stateDir, '.mcp.json', names));
      if (restored.length) removed.push(`put back the adopted entries ${restored.join(', ')} in ${join(root, '.mcp.json')}`);
    }
    // Every file mcp-auto wrote entries into (ownership in <state>/clients.json),
    // not only the clients configured now; syncing to no entries takes out ours.
    const files = ownedFiles(stateDir);
    const owned = Object.values(adapters).filter((a) => files.includes(a.file));
    for (const result of await syncClients(root, stateDir, owned, [])) {
      if (result.removed.length) removed.push(`removed ${result.removed.join(', ')} from ${result.file}`);
      if (result.error) removed.push(`could not clean ${result.file}: ${result.error}`);
    }
    const emptied = await removeEmptyCreated(root, stateDir, Object.values(adapters), emptySkeleton);
    if (emptied.length) removed.push(`removed ${emptied.join(', ')} (mcp-auto had created them; nothing else was in them)`);
    try {
      const taken = unapprove(root, stateDir);
      if (taken.length) removed.push(`took back the approval of ${taken.join(', ')} in ${settingsPath(root)}`);
    } catch (error) {
      removed.push(`could not take back the approvals in ${settingsPath(root)}: ${oneLine(error)}`);
    }
    // The .git/info/exclude lines mcp-auto added for the files it created (only those carry its comment).
    for (const adapter of Object.values(adapters)) {
      if (removeGitExclude(root, adapter.file)) removed.push(`removed ${adapter.file} from .git/info/exclude`);
    }
  }
  if (untrust(projectConfigPath(root))) removed.push(`removed the trust of ${projectConfigPath(root)}`);
  if (unmarkRoot(root)) removed.push('removed its mark as your root');
  if (existsSync(stateDir)) {
    rmSync(stateDir, { recursive: true, force: true });
    removed.push(`removed its state ${stateDir} (log, sessions, memory graph)`);
  }
  const stamps = removeStampsFor(root);
  if (stamps) removed.push(`removed ${stamps === 1 ? 'its stamp' : `its ${stamps} stamps`} (use mcp, exec)`);
  return removed;
}

export async function run(argv: string[]): Promise<number> {
  const { positionals } = parse('forget', argv, {});
  const root = rootArg('forget', positionals, { allowGone: true });
  const removed = await forgetRoot(root);
  if (removed.length === 0) {
    console.log(`mcp-auto: nothing to forget for ${root}`);
    return 0;
  }
  console.log(`mcp-auto: forgot ${root}:`);
  for (const line of removed) console.log(`  ${line}`);
  return 0;
}
