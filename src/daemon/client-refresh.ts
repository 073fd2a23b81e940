import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { managedEntries } from '../clients/entries.ts';
import type { EffectiveConfig } from '../config/config.ts';
import { errorMessage } from '../util/errors.ts';
import type { Logger } from './log.ts';

/**
 * Keeps the client files in step with what the daemon serves: after a reload
 * that changes the served set (a trust, an untrust, an edited config, "auth"),
 * the same merge `ensure` does (syncClients over managedEntries) — so a client
 * never lists a server that is gone, or misses one that was added.
 *
 * Only for a root whose client files mcp-auto already manages (ensure wrote
 * them: <state>/clients.json exists); a daemon used through `mcp-config` alone
 * writes nothing into the project.
 */
export class ClientRefresh {
  private served: string;
  private queue: Promise<void> = Promise.resolve();

  /**
   * `reread` loads the config again: a reload's config may be older than the
   * files by the time the lock is ours (an `adopt` may have run meanwhile, and
   * syncing its entries away with a stale config would lose them).
   */
  constructor(private readonly root: string, private readonly stateDir: string, private readonly port: number, private readonly log: Logger, config: EffectiveConfig,
    private readonly reread: () => EffectiveConfig | undefined) {
    this.served = this.key(config);
  }

  private key(config: EffectiveConfig): string {
    return JSON.stringify([managedEntries(config, this.port), config.settings.clients]);
  }

  /** Called after every reload; one sync at a time, in order. */
  refresh(config: EffectiveConfig): Promise<void> {
    this.queue = this.queue.then(() => this.sync(config), () => this.sync(config));
    return this.queue;
  }

  private async sync(reloaded: EffectiveConfig): Promise<void> {
    if (this.key(reloaded) === this.served) return;
    if (!existsSync(join(this.stateDir, 'clients.json'))) {
      this.served = this.key(reloaded);
      return;
    }
    try {
      // The client adapters (and their TOML and JSONC editors) load only when a file is to be written.
      const { adapters, syncClientsLocked, withClientFiles } = await import('../clients/index.ts');
      await withClientFiles(this.stateDir, async () => {
        const config = this.reread() ?? reloaded;
        this.served = this.key(config);
        const chosen = config.settings.clients.flatMap((name) => {
          const adapter = adapters[name];
          if (!adapter) this.log(`clients: unknown client '${name}' in "clients"; skipped`);
          return adapter ? [adapter] : [];
        });
        for (const r of await syncClientsLocked(this.root, this.stateDir, chosen, managedEntries(config, this.port))) {
          if (r.status === 'written') this.log(`clients: updated ${r.file}`);
          if (r.error) this.log(`clients: ${r.error}`);
        }
      });
    } catch (error) {
      this.log(`clients: ${errorMessage(error)}`);
    }
  }
}
