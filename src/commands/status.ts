import { existsSync } from 'node:fs';
import kleur from 'kleur';
import { rootArg } from '../ensure/lifecycle.ts';
import { parse } from '../util/args.ts';
import { allRecords, fetchHealth, pidAlive, type Health } from '../ensure/daemon-state.ts';
import { rssMb } from '../util/process.ts';
import { safeText } from '../util/terminal.ts';

export const help = `
Usage: mcp-auto status [DIR] [--json] [--watch]

Lists every mcp-auto daemon (or DIR's only; a deleted project's old path
works too): root, port, pid, uptime, memory, and each server's state, calls
and sessions — live ones (a stream open, or a request in the last 5 minutes)
apart from idle ones, which some clients never close, and what its tools cost
each session: how many it exposes of how many it lists (a "tools" filter in
the config trims them), the size of their definitions in bytes and in tokens
(estimated as bytes / 4). Daemons whose process is gone show as stale
(\`mcp-auto doctor --fix\` cleans them up).

  --json    print the list as JSON (with each server's recent calls)
  --watch   redraw every second, with the most recent calls (Ctrl-C to quit)

Example:
  mcp-auto status
`;

interface Row {
  root: string; port: number; pid: number; state: 'running' | 'stale'; uptimeMs: number | null; rssMb: number | null;
  /** The project folder was deleted (a running daemon notices and stops). */
  rootGone: boolean;
  servers: Health['servers'];
}

export async function collect(root?: string): Promise<Row[]> {
  const records = allRecords().filter((r) => root === undefined || r.root === root);
  const rows = await Promise.all(records.map(async (record): Promise<Row> => {
    const health = pidAlive(record.pid) ? await fetchHealth(record.port, { timeoutMs: 3000, tools: true }) : undefined;
    const running = health?.root === record.root;
    return {
      root: record.root, port: record.port, pid: record.pid, state: running ? 'running' : 'stale',
      uptimeMs: running ? health.uptimeMs : null, rootGone: !existsSync(record.root),
      rssMb: running ? (await rssMb(record.pid)) ?? null : null,
      servers: running ? health.servers : [],
    };
  }));
  return rows.sort((a, b) => a.root.localeCompare(b.root));
}

function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** How many recent calls `--watch` shows per daemon. */
const RECENT = 8;

export function render(rows: Row[], { recent = false } = {}): string {
  if (rows.length === 0) return 'no mcp-auto daemons (cd into a project with the hook installed, or run `mcp-auto ensure`)';
  const stateColour = (s: string) => (s === 'ready' ? kleur.green(s) : s === 'failed' ? kleur.red(s) : s === 'not-started' ? kleur.dim(s) : kleur.yellow(s));
  const lines: string[] = [];
  for (const raw of rows) {
    // Roots, errors and names come from files and servers: no raw control characters.
    const r = { ...raw, root: safeText(raw.root), servers: raw.servers.map((s) => ({ ...s, name: safeText(s.name), lastError: s.lastError && safeText(s.lastError) })) };
    const gone = r.rootGone ? `  ${kleur.red('(folder deleted; mcp-auto forget cleans up)')}` : '';
    const head = r.state === 'running'
      ? `${kleur.bold(r.root)}  127.0.0.1:${r.port}  pid ${r.pid}  up ${duration(r.uptimeMs!)}  ${r.rssMb ?? '?'} MB${gone}`
      : `${kleur.bold(r.root)}  ${kleur.red('stale')} (pid ${r.pid} on port ${r.port} is gone; mcp-auto doctor --fix)${gone}`;
    lines.push(head);
    for (const s of r.servers) {
      const extra = s.lastError ? `  ${kleur.dim(s.lastError)}` : '';
      const calls = s.calls ? `  calls ${s.calls.total}${s.calls.failed ? ` (${s.calls.failed} failed)` : ''}` : '';
      const ambiguous = s.calls?.ambiguous ? `  ${kleur.yellow(`${s.calls.ambiguous} refused as ambiguous`)}` : '';
      lines.push(`  ${s.name.padEnd(16)} ${stateColour(s.state)}${' '.repeat(Math.max(1, 13 - s.state.length))}${sessions(s)}  restarts ${s.restarts}${calls}${ambiguous}${toolsText(s.tools)}${extra}`);
    }
    if (recent) lines.push(...recentCalls(r.servers));
  }
  return lines.join('\n');
}

/** `tools 5/14 2.1 kB ~540 tok`: what the server's tool definitions put in each session's context. */
export function toolsText(tools: Row['servers'][number]['tools']): string {
  if (tools === undefined) return '';
  if (tools === null) return kleur.dim('  tools not listed yet');
  return `  tools ${tools.exposed}/${tools.total} ${kB(tools.bytes)} ~${tools.tokens} tok`;
}

export function kB(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`;
}

/** "sessions 2 live, 33 idle": clients that never close their sessions do not count as connected. */
function sessions(s: Row['servers'][number]): string {
  if (s.liveSessions === undefined || s.sessions === 0) return `sessions ${s.sessions}`;
  const idle = s.sessions - s.liveSessions;
  return `sessions ${s.liveSessions} live${idle > 0 ? `, ${idle} idle` : ''}`;
}

/** The daemon's latest calls across its servers, newest first. */
function recentCalls(servers: Row['servers']): string[] {
  const calls = servers.flatMap((s) => (s.calls?.recent ?? []).map((c) => ({ ...c, server: s.name })))
    .sort((a, b) => b.at - a.at).slice(0, RECENT);
  if (calls.length === 0) return [];
  const outcome = (o: string) => (o === 'ok' ? kleur.green(o) : kleur.red(o));
  return [kleur.dim('  recent calls'), ...calls.map((c) =>
    `    ${new Date(c.at).toLocaleTimeString()}  ${safeText(c.server).padEnd(12)} ${safeText(`${c.method}${c.target ? ` ${c.target}` : ''}`).padEnd(36)} ${`${c.ms} ms`.padStart(8)}  ${outcome(c.outcome)}`)];
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('status', argv, { json: { type: 'boolean' }, watch: { type: 'boolean', short: 'w' } });
  const tty = process.stdout.isTTY === true;
  if (!tty || process.env.NO_COLOR) kleur.enabled = false;
  const root = positionals.length ? rootArg('status', positionals, { allowGone: true }) : undefined;
  if (values.watch) {
    for (;;) {
      const text = render(await collect(root), { recent: true });
      // Redraw in place on a terminal; into a pipe or a file, one plain block per second.
      const clear = tty ? '\x1b[H\x1b[2J' : '';
      process.stdout.write(`${clear}${new Date().toLocaleTimeString()}  mcp-auto status --watch (Ctrl-C to quit)\n\n${text}\n${tty ? '' : '\n'}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const rows = await collect(root);
  console.log(values.json ? JSON.stringify(rows, null, 2) : render(rows));
  return 0;
}
