import { safeText } from '../util/terminal.ts';

// The daemon logs to stderr; `ensure` points that at <state>/daemon.log.
// One line per event, with a timestamp; never a token or a message body.

export type Logger = (message: string) => void;

export function makeLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  // A child's stderr line or a path may hold control characters: one escaped line each.
  return (message) => write(`${new Date().toISOString()} ${safeText(message)}\n`);
}
