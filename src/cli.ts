// The command table: one module per command, loaded only when that command runs,
// so `mcp-auto ensure` never pays for the daemon, the SDK or zod.
import { UserError, reportError } from './util/errors.ts';
import { VERSION } from './util/version.ts';

export interface Command {
  /** Usage, a description and at least one example; printed by --help. */
  help: string;
  run(argv: string[]): Promise<number>;
}

type Entry = { summary: string; load: () => Promise<Command> };

export const commands: Record<string, Entry> = {
  ensure: { summary: 'find the project root, start its daemon if needed, write .mcp.json', load: () => import('./commands/ensure.ts') },
  hook: { summary: 'print the shell hook (zsh, bash, fish)', load: () => import('./commands/hook.ts') },
  direnv: { summary: 'print the use_mcp function for direnv', load: () => import('./commands/direnv.ts') },
  status: { summary: 'list running daemons and their servers', load: () => import('./commands/status.ts') },
  stop: { summary: "stop a project's daemon (or --all)", load: () => import('./commands/stop.ts') },
  restart: { summary: "restart a project's daemon", load: () => import('./commands/restart.ts') },
  port: { summary: "print a project's port", load: () => import('./commands/port.ts') },
  open: { summary: "open the project's daemon page in the browser", load: () => import('./commands/open.ts') },
  logs: { summary: "show a project's daemon log", load: () => import('./commands/logs.ts') },
  doctor: { summary: 'check everything and say how to fix it', load: () => import('./commands/doctor.ts') },
  trust: { summary: "allow a project's .mcp-auto.json to run its commands", load: () => import('./commands/trust.ts') },
  untrust: { summary: "revoke trust in a project's .mcp-auto.json", load: () => import('./commands/untrust.ts') },
  adopt: { summary: 'serve the stdio servers of .mcp.json from the daemon', load: () => import('./commands/adopt.ts') },
  unadopt: { summary: 'restore the entries adopt replaced', load: () => import('./commands/unadopt.ts') },
  forget: { summary: 'undo everything mcp-auto did for a project (client entries, trust, state)', load: () => import('./commands/forget.ts') },
  approve: { summary: 'let Claude Code use the managed servers without asking', load: () => import('./commands/approve.ts') },
  init: { summary: 'write a starter .mcp-auto.json', load: () => import('./commands/init.ts') },
  exec: { summary: "run a command with the project's daemon ready", load: () => import('./commands/exec.ts') },
  'mcp-config': { summary: 'print client config JSON for the running daemon', load: () => import('./commands/mcp-config.ts') },
  service: { summary: 'install a systemd/launchd service for a daemon', load: () => import('./commands/service.ts') },
  completion: { summary: 'print shell completions (zsh, bash, fish)', load: () => import('./commands/completion.ts') },
  daemon: { summary: 'run the daemon in the foreground', load: () => import('./commands/daemon.ts') },
};

export const aliases: Record<string, string> = { deny: 'untrust' };

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, e]) => `  ${name.padEnd(width)}  ${e.summary}`);
  return [
    'mcp-auto: one MCP daemon per project, started when you cd in',
    '',
    'Usage: mcp-auto <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Get started:  eval "$(mcp-auto hook zsh)"   # in ~/.zshrc (or bash, fish)',
    'Every command takes --help.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    if (first === 'help' && rest[0]) return main([rest[0], '--help']);
    console.log(usage());
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-V' || first === '-v' || first === 'version') {
    console.log(VERSION);
    return 0;
  }
  const name = aliases[first] ?? first;
  const entry = commands[name];
  if (!entry) throw new UserError(`unknown command '${first}'; run \`mcp-auto --help\` for the list`, 2);
  const command = await entry.load();
  // Only mcp-auto's own arguments: `exec -- grep --help` runs grep's help.
  const own = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (own.includes('--help') || own.includes('-h')) {
    console.log(command.help.trim());
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).catch(reportError).then((code) => { process.exitCode = code; });
