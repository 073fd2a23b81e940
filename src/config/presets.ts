import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { ServerDef } from './config.ts';
import { onPath } from '../util/on-path.ts';

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

/** The serena-agent release the preset runs (its flags: test/fixtures/serena-start-mcp-server-help.txt). */
export const SERENA_VERSION = '1.7.0';

/** `serena start-mcp-server` as the daemon runs it. */
export const SERENA_ARGS = [
  'start-mcp-server', '--context', 'claude-code', '--project', '{root}',
  // No browser tab on every cd (the dashboard stays reachable: serena's open_dashboard tool).
  '--open-web-dashboard', 'false',
  // serena logs every tool call at INFO (~2 KB each): the daemon's log keeps warnings.
  '--log-level', 'WARNING',
  '--transport', 'streamable-http', '--host', '127.0.0.1', '--port', '{port}',
];

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
    // An installed `serena` first; else the pinned PyPI release through uvx.
    ...(onPath('serena') ? { command: 'serena', args: SERENA_ARGS } : { command: 'uvx', args: ['--from', `serena-agent==${SERENA_VERSION}`, 'serena', ...SERENA_ARGS] }),
    // An http child, not a shared stdio one: serena keeps state per MCP session
    // (its initial_instructions tells each session its active project once), and
    // behind one stdio child every session after the first would lose it. Here
    // every client session is its own upstream session; the daemon still runs
    // one serena and one language server per project. Sampling and elicitation
    // reach the session that asked, too.
    transport: 'http',
    path: '/mcp',
    // serena indexes with a language server: its first start is slow, so it
    // starts with the daemon — in the user's own roots only, since language
    // servers run project content (build scripts, proc macros, tsserver plugins).
    startTimeoutMs: 180_000,
    start: 'eager',
    analyses: true,
  }),
};
