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
