import { readFileSync } from 'node:fs';
import { UserError, errorMessage } from './errors.ts';

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A user's JSON file whose top level must be an object: its text (to keep its
 * style on rewrite) and data; undefined when it does not exist. A file that
 * does not parse is refused with one line — and never rewritten.
 */
export function readJsonObject(file: string): { text: string; data: JsonObject } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    if (!isJsonObject(data)) throw new Error('the top level is not an object');
    return { text, data };
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${errorMessage(error)}); fix it first`);
  }
}
