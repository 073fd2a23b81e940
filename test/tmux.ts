// One interactive shell in a private tmux server (its own socket, no user
// config): what the shell and quick-start tests type into.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from './helpers.ts';

/** One shell in a private tmux server (its own socket, no user config). */
export class Tmux {
  readonly socket = `mcp-auto-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private syncs = 0;
  private shellPid = 0;
  constructor(private readonly env: NodeJS.ProcessEnv, private readonly syncCommand: (n: number) => string) {}

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { env: this.env, encoding: 'utf8' });
  }

  start(command: string, cwd: string): number {
    this.tmux('new-session', '-d', '-s', 'main', '-x', '220', '-y', '50', '-c', cwd, `exec ${command}`);
    this.shellPid = Number(this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').trim());
    return this.shellPid;
  }

  type(line: string): void {
    if (line) this.tmux('send-keys', '-t', 'main', '-l', '--', line);
    this.tmux('send-keys', '-t', 'main', 'Enter');
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-5000', '-t', 'main').trimEnd();
  }

  /** Types a process-free command that prints a fresh token and waits for it. */
  async sync(): Promise<void> {
    const n = 1000 + ++this.syncs;
    this.type(this.syncCommand(n));
    await waitFor(() => new RegExp(`^SYNC_${n}$`, 'm').test(this.screen()), 15_000, `SYNC_${n} on the screen`);
  }

  /** Runs a command that prints `KEY=value` and returns the value (typing nothing more until it shows). */
  async ask(key: string, command: string): Promise<string> {
    const before = this.screen().split('\n').length;
    this.type(command);
    const pattern = new RegExp(`^${key}=(.*)$`);
    return waitFor(() => {
      const lines = this.screen().split('\n').slice(Math.max(0, before - 1));
      const hit = lines.map((l) => pattern.exec(l)).find(Boolean);
      return hit ? hit[1]!.trim() : undefined;
    }, 15_000, `a ${key}= line after \`${command}\``).catch((error: Error) => {
      throw new Error(`${error.message}:\n${this.screen()}`);
    });
  }

  /** Stops the server and waits for the shell to be gone (it writes its history on the way out). */
  async kill(): Promise<void> {
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    if (this.shellPid) await waitFor(() => !existsSync(`/proc/${this.shellPid}`), 5000, 'the shell to exit').catch(() => {});
  }
}
