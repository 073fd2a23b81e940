import { safeText } from './terminal.ts';

/** An error meant for the user: one line, with what to run next, and an exit code. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** A config file that does not parse or validate; names the file and the key. */
export class ConfigError extends UserError {
  constructor(readonly file: string, readonly key: string | undefined, detail: string) {
    // A key from the user's file may hold line breaks: the error stays one line.
    const shown = key && /[\u0000-\u001f\u007f\u2028\u2029]/.test(key) ? JSON.stringify(key) : key;
    super(`${file}${shown ? `: ${shown}` : ''}: ${detail}`, 2);
    this.problems = [this];
  }

  /** Every problem found in one go (a user fixes them all at once); the message lists them all, on one line. */
  problems: ConfigError[];

  /** One error standing for all of `errors` (at least one). */
  static all(errors: ConfigError[]): ConfigError {
    const problems = errors.flatMap((e) => e.problems);
    const first = errors[0]!;
    if (problems.length === 1) return first;
    const all = new ConfigError(first.file, first.key, '');
    all.message = problems.map((p) => p.message).join('; ');
    all.problems = problems;
    return all;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An error's message on one line: V8's JSON.parse errors quote the file, line breaks and all. */
export function oneLine(error: unknown, max = 200): string {
  const text = errorMessage(error).replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Prints a command's failure on one line (the stack too under MCP_AUTO_DEBUG) and returns its exit code. */
export function reportError(error: unknown): number {
  console.error(`mcp-auto: ${safeText(errorMessage(error))}`);
  if (!(error instanceof UserError) && process.env.MCP_AUTO_DEBUG) console.error(error);
  return error instanceof UserError ? error.exitCode : 1;
}
