import { existsSync } from 'node:fs';
import { readRegular } from './safe-path.ts';
import { UserError, oneLine } from './errors.ts';

export type JsonObject = Record<string, unknown>;

/**
 * A user's file as text, or an error when it is not valid UTF-8: decoding it
 * leniently would turn those bytes into U+FFFD, and a rewrite would lose them.
 */
export function readUtf8(file: string): string {
  // Only a regular file, size-capped: a `.mcp.json -> /dev/zero` is refused.
  const bytes = readRegular(file);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error('it is not valid UTF-8');
  }
}

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A user's JSON file whose top level must be an object: its text (to keep its
 * style on rewrite) and data; undefined when it does not exist. A file that
 * does not parse is refused with one line — and never rewritten.
 */
export function readJsonObject(file: string): { text: string; data: JsonObject } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const text = readUtf8(file);
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (!isJsonObject(data)) throw new Error('the top level is not an object');
    return { text, data };
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${oneLine(error)}); fix it first`);
  }
}
