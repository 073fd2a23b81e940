import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The executable a command name resolves to on PATH (default: this process's), or undefined. */
export function onPath(command: string, path = process.env.PATH ?? ''): string | undefined {
  const candidates = isAbsolute(command) || command.includes('/')
    ? [command]
    : path.split(delimiter).filter(Boolean).map((dir) => join(dir, command));
  return candidates.find((file) => { try { accessSync(file, constants.X_OK); return true; } catch { return false; } });
}
