import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerDef } from './config.ts';

const require = createRequire(import.meta.url);

/**
 * Runs an npm reference server from mcp-auto's own install when it is there
 * (offline, no npx start-up), else through `npx -y pkg@version`.
 */
function npmServer(pkg: string, version: string, args: string[]): Pick<ServerDef, 'command' | 'args'> {
  try {
    const manifestPath = require.resolve(`${pkg}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
    const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
    const script = bin && join(dirname(manifestPath), bin);
    if (script && existsSync(script)) return { command: process.execPath, args: [script, ...args] };
  } catch {
    // not installed beside mcp-auto: fall back to npx
  }
  // Pinned: the exact version, never whatever a registry or a cache offers as latest.
  return { command: 'npx', args: ['-y', `${pkg}@${version}`, ...args] };
}

/** The serena commit the preset runs (change it to upgrade). */
const SERENA_COMMIT = 'eb54e834b6da7a5e11f51c27afbcf55be92ae066';

// Every preset says whether it analyses project content (issue 12).
type Preset = () => Partial<ServerDef> & Pick<ServerDef, 'command' | 'args' | 'analyses'>;

/** Servers a config can name without spelling out a command. */
export const presets: Record<string, Preset> = {
  memory: () => ({
    ...npmServer('@modelcontextprotocol/server-memory', '2026.8.31', []),
    // One knowledge graph per project, kept beside the daemon's state.
    env: { MEMORY_FILE_PATH: '{state}/memory.jsonl' },
    analyses: false,
  }),
  // Reads and writes files as asked; never runs them.
  filesystem: () => ({ ...npmServer('@modelcontextprotocol/server-filesystem', '2026.8.31', ['{root}']), analyses: false }),
  everything: () => ({ ...npmServer('@modelcontextprotocol/server-everything', '2026.8.31', ['stdio']), analyses: false }),
  serena: () => ({
    command: 'uvx',
    // Pinned to one commit; uvx runs it from mcp-auto's neutral folder, so no
    // project uv.toml or pyproject.toml takes part (the user's own uv config does).
    args: ['--from', `git+https://github.com/oraios/serena@${SERENA_COMMIT}`, 'serena', 'start-mcp-server',
      '--context', 'claude-code', '--project', '{root}'],
    // serena indexes with a language server: its first start is slow, so it
    // starts with the daemon — in the user's own roots only, since language
    // servers run project content (build scripts, proc macros, tsserver plugins).
    startTimeoutMs: 180_000,
    start: 'eager',
    analyses: true,
  }),
};
