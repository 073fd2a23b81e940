// The daemon logs to stderr; `ensure` points that at <state>/daemon.log.
// One line per event, with a timestamp; never a token or a message body.

export type Logger = (message: string) => void;

export function makeLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  return (message) => write(`${new Date().toISOString()} ${message}\n`);
}

/**
 * The daemon's latest log lines, kept in memory for the page (a few dozen KB),
 * with listeners that follow new ones while a page is open.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private readonly listeners = new Set<(line: string) => void>();

  constructor(private readonly keep = 200) {}

  push(line: string): void {
    const text = line.replace(/\n$/, '');
    this.lines.push(text);
    if (this.lines.length > this.keep) this.lines.shift();
    for (const listener of this.listeners) listener(text);
  }

  snapshot(): string[] {
    return [...this.lines];
  }

  /** Calls fn with each new line; returns the function that stops it. */
  follow(fn: (line: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
