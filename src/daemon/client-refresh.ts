import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { adapters, syncClients } from '../clients/index.ts';
import type { EffectiveConfig } from '../config/config.ts';
import { managedEntries } from '../ensure/ensure.ts';
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

  constructor(private readonly root: string, private readonly stateDir: string, private readonly port: number, private readonly log: Logger, config: EffectiveConfig) {
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

  private async sync(config: EffectiveConfig): Promise<void> {
    const key = this.key(config);
    if (key === this.served) return;
    this.served = key;
    if (!existsSync(join(this.stateDir, 'clients.json'))) return;
    const chosen = config.settings.clients.flatMap((name) => {
      const adapter = adapters[name];
      if (!adapter) this.log(`clients: unknown client '${name}' in "clients"; skipped`);
      return adapter ? [adapter] : [];
    });
    try {
      for (const r of await syncClients(this.root, this.stateDir, chosen, managedEntries(config, this.port))) {
        if (r.status === 'written') this.log(`clients: updated ${r.file}`);
        if (r.error) this.log(`clients: ${r.error}`);
      }
    } catch (error) {
      this.log(`clients: ${errorMessage(error)}`);
    }
  }
}
