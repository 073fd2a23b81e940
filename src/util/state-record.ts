import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import { isJsonObject, type JsonObject } from './json-file.ts';

// The JSON records mcp-auto keeps about a root in its state dir (clients.json,
// created.json, approved.json, adopted.json): mcp-auto's own files, never the
// user's, so one that is missing or does not parse reads as no record.

/** The record's object; undefined when it is missing, unreadable or not an object. */
export function readStateRecord(file: string): JsonObject | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return isJsonObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the record atomically, for the owner only, making the state dir (0700) if it is not there. */
export function writeStateRecord(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
}
