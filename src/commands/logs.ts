import { createReadStream, existsSync, readFileSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../util/args.ts';
import { UserError } from '../util/errors.ts';
import { safeLines } from '../util/terminal.ts';
import { rootArg } from '../ensure/lifecycle.ts';
import { stateDirFor } from '../config/paths.ts';

export const help = `
Usage: mcp-auto logs [DIR] [-f] [-n N]

Shows a project's daemon log: server starts, restarts, their stderr, config
reloads.

  -f, --follow   keep printing new lines
  -n, --lines N  how many lines to show first (default 50)

Example:
  mcp-auto logs -f
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('logs', argv, {
    follow: { type: 'boolean', short: 'f' },
    lines: { type: 'string', short: 'n' },
  });
  const root = rootArg('logs', positionals, { allowGone: true });
  const file = join(stateDirFor(root), 'daemon.log');
  if (!existsSync(file)) throw new UserError(`no log yet for ${root}; start the daemon with \`mcp-auto ensure\``);
  const count = Number(values.lines ?? 50);
  if (!Number.isInteger(count) || count < 0) throw new UserError(`logs: -n takes a whole number, not '${values.lines}'`, 2);
  const lines = readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (count > 0) process.stdout.write(`${safeLines(lines.slice(-count).join('\n'))}\n`);
  if (!values.follow) return 0;
  let offset = statSync(file).size;
  watch(file, () => {
    const size = statSync(file).size;
    if (size < offset) offset = 0;
    if (size === offset) return;
    createReadStream(file, { start: offset, end: size - 1, encoding: 'utf8' }).on('data', (text) => process.stdout.write(safeLines(String(text))));
    offset = size;
  });
  return new Promise<number>(() => { /* until Ctrl-C */ });
}
