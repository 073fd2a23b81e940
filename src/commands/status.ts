import kleur from 'kleur';
import { parse } from '../util/args.ts';
import { allRecords, fetchHealth, pidAlive, type Health } from '../ensure/daemon-state.ts';
import { rssMb } from '../util/process.ts';

export const help = `
Usage: mcp-auto status [--json] [--watch]

Lists every mcp-auto daemon: root, port, pid, uptime, memory, and each
server's state, sessions and calls, and what its tools cost each session: how
many it exposes of how many it lists (a "tools" filter in the config trims
them), the size of their definitions in bytes and in tokens (estimated as
bytes / 4). Daemons whose process is gone show as
stale (\`mcp-auto doctor --fix\` cleans them up).

  --json    print the list as JSON (with each server's recent calls)
  --watch   redraw every second, with the most recent calls (Ctrl-C to quit)

Example:
  mcp-auto status
`;

interface Row {
  root: string; port: number; pid: number; state: 'running' | 'stale'; uptimeMs: number | null; rssMb: number | null;
  servers: Health['servers'];
}

export async function collect(): Promise<Row[]> {
  const rows = await Promise.all(allRecords().map(async (record): Promise<Row> => {
    const health = pidAlive(record.pid) ? await fetchHealth(record.port, { timeoutMs: 3000, tools: true }) : undefined;
    const running = health?.root === record.root;
    return {
      root: record.root, port: record.port, pid: record.pid, state: running ? 'running' : 'stale',
      uptimeMs: running ? health.uptimeMs : null,
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
  const stateColour = (s: string) => (s === 'ready' ? kleur.green(s) : s === 'failed' ? kleur.red(s) : kleur.yellow(s));
  const lines: string[] = [];
  for (const r of rows) {
    const head = r.state === 'running'
      ? `${kleur.bold(r.root)}  127.0.0.1:${r.port}  pid ${r.pid}  up ${duration(r.uptimeMs!)}  ${r.rssMb ?? '?'} MB`
      : `${kleur.bold(r.root)}  ${kleur.red('stale')} (pid ${r.pid} on port ${r.port} is gone; mcp-auto doctor --fix)`;
    lines.push(head);
    for (const s of r.servers) {
      const extra = s.lastError ? `  ${kleur.dim(s.lastError)}` : '';
      const calls = s.calls ? `  calls ${s.calls.total}${s.calls.failed ? ` (${s.calls.failed} failed)` : ''}` : '';
      const ambiguous = s.calls?.ambiguous ? `  ${kleur.yellow(`${s.calls.ambiguous} refused as ambiguous`)}` : '';
      lines.push(`  ${s.name.padEnd(16)} ${stateColour(s.state)}${' '.repeat(Math.max(1, 11 - s.state.length))}sessions ${s.sessions}  restarts ${s.restarts}${calls}${ambiguous}${toolsText(s.tools)}${extra}`);
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

/** The daemon's latest calls across its servers, newest first. */
function recentCalls(servers: Row['servers']): string[] {
  const calls = servers.flatMap((s) => (s.calls?.recent ?? []).map((c) => ({ ...c, server: s.name })))
    .sort((a, b) => b.at - a.at).slice(0, RECENT);
  if (calls.length === 0) return [];
  const outcome = (o: string) => (o === 'ok' ? kleur.green(o) : kleur.red(o));
  return [kleur.dim('  recent calls'), ...calls.map((c) =>
    `    ${new Date(c.at).toLocaleTimeString()}  ${c.server.padEnd(12)} ${`${c.method}${c.target ? ` ${c.target}` : ''}`.padEnd(36)} ${`${c.ms} ms`.padStart(8)}  ${outcome(c.outcome)}`)];
}

export async function run(argv: string[]): Promise<number> {
  const { values } = parse('status', argv, { json: { type: 'boolean' }, watch: { type: 'boolean', short: 'w' } }, false);
  if (!process.stdout.isTTY || process.env.NO_COLOR) kleur.enabled = false;
  if (values.watch) {
    for (;;) {
      const text = render(await collect(), { recent: true });
      process.stdout.write(`\x1b[H\x1b[2J${new Date().toLocaleTimeString()}  mcp-auto status --watch (Ctrl-C to quit)\n\n${text}\n`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const rows = await collect();
  console.log(values.json ? JSON.stringify(rows, null, 2) : render(rows));
  return 0;
}
