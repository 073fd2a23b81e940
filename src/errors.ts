/** An error meant for the user: one line, with what to run next, and an exit code. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** A config file that does not parse or validate; names the file and the key. */
export class ConfigError extends UserError {
  constructor(readonly file: string, readonly key: string | undefined, detail: string) {
    super(`${file}${key ? `: ${key}` : ''}: ${detail}`, 2);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
