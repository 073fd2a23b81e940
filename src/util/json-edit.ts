// Editing a user's JSON (or JSONC) file without disturbing what is not ours:
// the file's style, and in-place edits by key path.
import type { Node as JsonNode } from 'jsonc-parser';
import { UserError } from './errors.ts';

/**
 * One change: set the value at a key path, or remove it (value undefined).
 * `raw`, when given, is the value's exact text as a file once held it: written
 * as is, so spellings JSON cannot round-trip (1e400, -0) come back unchanged.
 */
export interface JsonEdit { path: string[]; value: unknown; raw?: string }

/**
 * The exact text of the value at each key path (one parse for all), or
 * undefined where there is none or a key on the path is duplicated (jsonc-parser
 * finds the first, every JSON reader reads the last).
 */
export async function rawValuesAt(text: string, paths: string[][]): Promise<Array<string | undefined>> {
  const { findNodeAtLocation, parseTree } = await import('jsonc-parser');
  const body = text.replace(/^\uFEFF/, '');
  const tree = parseTree(body);
  return paths.map((path) => {
    const node = tree && duplicateOnPath(tree, path) === undefined ? findNodeAtLocation(tree, path) : undefined;
    return node ? body.slice(node.offset, node.offset + node.length) : undefined;
  });
}

/** The file's own style, so a rewrite changes only our entries. */
export interface Style { bom: boolean; eol: string; indent: string | number; finalNewline: boolean }

export function styleOf(text: string): Style {
  const body = text.replace(/^\uFEFF/, '');
  const indent = /\n([ \t]+)\S/.exec(body)?.[1];
  return {
    bom: text.startsWith('\uFEFF'),
    eol: body.includes('\r\n') ? '\r\n' : '\n',
    indent: indent ?? 2,
    finalNewline: body.length === 0 || /\r?\n$/.test(body),
  };
}

/**
 * Applies our edits to the user's JSON text in place (jsonc-parser's modify):
 * every byte outside our entries stays as it was — other entries' layout,
 * number spellings such as 1.0, escapes. Only an inserted entry is laid out,
 * in the file's own indentation (left compact in a one-line file).
 */
export async function spliceJson(file: string, text: string, edits: JsonEdit[]): Promise<string> {
  const style = styleOf(text);
  const { applyEdits, findNodeAtLocation, format, modify, parseTree } = await import('jsonc-parser');
  const bom = text.startsWith('\uFEFF');
  let body = bom ? text.slice(1) : text;
  const indent = typeof style.indent === 'number' ? ' '.repeat(style.indent) : style.indent;
  const options = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: style.eol };
  const multiline = body.includes('\n');
  try {
    for (const path of new Set(edits.map((e) => JSON.stringify(e.path)))) {
      const key = duplicateOnPath(parseTree(body), JSON.parse(path) as string[]);
      // jsonc-parser would edit the first, every JSON reader reads the last.
      if (key !== undefined) throw new UserError(`${file} has the key ${JSON.stringify(key)} twice; remove one, then run \`mcp-auto ensure\``);
    }
    for (const { path, value, raw } of edits) {
      const changes = modify(body, path, value, {});
      if (changes.length !== 1) {
        body = applyEdits(body, changes);
        continue;
      }
      let change = changes[0]!;
      if (value === undefined) {
        // Removing the first entry would pull the next one onto the brace's line: keep the line break.
        const removed = body.slice(change.offset, change.offset + change.length);
        const trailing = /\r?\n[ \t]*$/.exec(removed);
        if (trailing && /^\s*\n/.test(removed)) change = { ...change, length: change.length - trailing[0].length };
        body = applyEdits(body, [change]);
      } else {
        body = applyEdits(body, [change]);
        if (multiline) body = applyEdits(body, format(body, { offset: change.offset, length: change.content.length }, options));
        const node = raw === undefined ? undefined : findNodeAtLocation(parseTree(body)!, path);
        if (node) body = body.slice(0, node.offset) + raw + body.slice(node.offset + node.length);
      }
    }
  } catch (error) {
    // jsonc-parser recurses: a file nested thousands deep overflows the stack.
    if (error instanceof RangeError) throw new UserError(`${file} is nested too deeply to edit safely; left as it is`);
    throw error;
  }
  return (bom ? '\uFEFF' : '') + body;
}

/** The first key along the path that its object holds more than once. */
function duplicateOnPath(root: JsonNode | undefined, path: string[]): string | undefined {
  let node = root;
  for (const key of path) {
    if (node?.type !== 'object') return undefined;
    const matches = (node.children ?? []).filter((p) => p.children?.[0]?.value === key);
    if (matches.length > 1) return key;
    node = matches[0]?.children?.[1];
  }
  return undefined;
}
