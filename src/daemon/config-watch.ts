import { existsSync, mkdirSync, watch as watchFolder, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectConfigPath, userConfigPath } from '../config/config.ts';
import { stateHome } from '../config/paths.ts';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from './log.ts';

export interface ConfigWatch {
  /**
   * Looks whether the project folder still exists. The folder's own inotify
   * events call it at once; the daemon also calls it on its 30 s chore timer,
   * for what sends no event there (a moved or deleted parent). True once gone.
   */
  checkRoot(): boolean;
  close(): Promise<void>;
}

/**
 * Watches what decides the daemon's config — the user config, the project's
 * .mcp-auto.json, the trust records — and the project folder itself.
 *
 * A folder that does not exist cannot be watched (on a first-time user's
 * machine there is no trust folder yet, and `mcp-auto trust` makes it later):
 * the folders are created first, so any later trust or untrust is seen.
 */
export async function watchConfig(root: string, log: Logger, on: { change(): void; rootGone(): void }): Promise<ConfigWatch> {
  const trustDir = join(stateHome(), 'trust');
  for (const dir of [trustDir, dirname(userConfigPath())]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      log(`config watch: cannot create ${dir}: ${errorMessage(error)}; changes there are seen at the next reload`);
    }
  }
  const { watch } = await import('chokidar');
  const watcher = watch([userConfigPath(), projectConfigPath(root), trustDir], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 },
    depth: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => on.change(), 150);
  });
  watcher.on('error', (error) => log(`config watch: ${errorMessage(error)}`));
  // A deleted project: nothing is left to serve, and no client will come.
  let gone = false;
  const checkRoot = (): boolean => {
    if (gone || existsSync(root)) return gone;
    gone = true;
    folder?.close();
    on.rootGone();
    return true;
  };
  // The folder's own events (deleted, moved, an entry changed) say at once.
  let folder: FSWatcher | undefined;
  try {
    folder = watchFolder(root, { persistent: false }, () => void checkRoot());
    folder.on('error', () => void checkRoot());
  } catch (error) {
    log(`config watch: cannot watch ${root}: ${errorMessage(error)}; a deleted project is seen within 30 s`);
  }
  return {
    checkRoot,
    async close() {
      clearTimeout(timer);
      folder?.close();
      await watcher.close();
    },
  };
}
