import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError, errorMessage } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with a one-line error that names the command's --help. */
export function parse<T extends Options>(command: string, argv: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UserError(`${command}: ${errorMessage(error).replace(/\. To specify.*$/s, '')}; see \`mcp-auto ${command} --help\``, 2);
  }
}

/** The one optional DIR of a command (default: the current directory); more arguments are an error. */
export function dirArg(command: string, positionals: string[]): string {
  if (positionals.length > 1) {
    throw new UserError(`${command}: takes at most one DIR, got ${positionals.length} (${positionals.join(' ')}); see \`mcp-auto ${command} --help\``, 2);
  }
  return resolve(positionals[0] ?? '.');
}

/** dirArg, and the directory must exist. */
export function existingDir(command: string, positionals: string[]): string {
  const dir = dirArg(command, positionals);
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UserError(`${command}: ${dir} does not exist`, 2);
  }
  if (!isDir) throw new UserError(`${command}: ${dir} is not a directory`, 2);
  return dir;
}
