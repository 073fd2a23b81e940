// The daemon logs to stderr; `ensure` points that at <state>/daemon.log.
// One line per event, with a timestamp; never a token or a message body.

export type Logger = (message: string) => void;

export function makeLogger(write: (line: string) => void = (line) => process.stderr.write(line)): Logger {
  return (message) => write(`${new Date().toISOString()} ${message}\n`);
}
