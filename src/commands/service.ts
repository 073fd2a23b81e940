import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from '../util/args.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { daemonStatus, fetchHealth } from '../ensure/daemon-state.ts';
import { UserError } from '../util/errors.ts';
import { locateRoot, projectConfig } from '../ensure/ensure.ts';
import { stopRoot } from '../ensure/lifecycle.ts';
import { stateDirFor } from '../config/paths.ts';
import { STDERR_FILE } from '../daemon/log.ts';
import { choosePort } from '../ensure/port.ts';
import {
  installedServices, launchdLabel, mcpAutoOnPath, platform, renderService, serviceFile, servicePath,
  systemdUnitDir, unitName, type InstalledService, type Platform, type ServiceSpec,
} from '../ensure/service.ts';

export const help = `
Usage: mcp-auto service install|uninstall|status [--root DIR] [--dry-run] [--json]

Keeps a project's daemon always running: a systemd user unit on Linux
(~/.config/systemd/user/mcp-auto-<hash>.service), a launchd agent on macOS
(~/Library/LaunchAgents/dev.mcp-auto.<hash>.plist). It starts at login, is
restarted when it fails, and never stops for idleness. It runs
\`/usr/bin/env mcp-auto daemon …\` with the PATH you install it from, so
upgrading mcp-auto needs no reinstall; if that PATH names one Node version
(nvm, fnm, volta shims are fine), run \`service install\` again after switching.

  install      write the file, enable it and start the daemon
  uninstall    stop and disable it, remove the file
  status       list installed services and whether their daemons answer
  --root DIR   the project's root (default: the project around the current
               directory); --root ~ keeps a user-level daemon serving your
               user config's servers
  --dry-run    print the file install would write; change nothing
  --json       status as JSON

Examples:
  mcp-auto service install --dry-run
  mcp-auto service install --root ~/code/foo
  mcp-auto service status --json
`;

const actions = ['install', 'uninstall', 'status'] as const;
type Action = (typeof actions)[number];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse('service', argv, {
    root: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const action = positionals[0] as Action;
  if (positionals.length !== 1 || !actions.includes(action)) {
    throw new UserError('service: name one action, install, uninstall or status; e.g. mcp-auto service install', 2);
  }
  const kind = platform();
  if (!kind) throw new UserError(`service: no service manager support on ${process.platform}; run \`mcp-auto daemon\` under your own supervisor`);
  if (action === 'status') return status(kind, values.root === undefined ? undefined : resolveRoot(values.root), values.json === true);
  const root = resolveRoot(values.root);
  if (action === 'install') return install(kind, root, values['dry-run'] === true);
  return uninstall(kind, root, values['dry-run'] === true);
}

/** --root is taken as given (so ~ works for a user-level daemon); without it, the project around cwd. */
function resolveRoot(dir: string | undefined): string {
  if (dir !== undefined) {
    try {
      return realpathSync(dir);
    } catch {
      throw new UserError(`service: --root ${dir} does not exist`, 2);
    }
  }
  const project = locateRoot(process.cwd());
  if (!project) throw new UserError('service: no project here (no root marker above this directory); pass --root DIR', 2);
  return project.root;
}

async function install(kind: Platform, root: string, dryRun: boolean): Promise<number> {
  const spec: ServiceSpec = {
    root,
    port: await servicePort(root),
    path: servicePath(),
    logFile: join(stateDirFor(root), STDERR_FILE),
  };
  const text = renderService(kind, spec);
  const onPath = mcpAutoOnPath(spec.path);
  if (dryRun) {
    process.stdout.write(text);
    if (!onPath) console.error('mcp-auto: note: mcp-auto is not on PATH, so this service could not start it; install it with `npm install -g mcp-auto`');
    return 0;
  }
  if (!onPath) throw new UserError('service: mcp-auto is not on PATH, so a service could not start it; install it with `npm install -g mcp-auto`');

  const file = serviceFile(kind, root);
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, text, 0o644);
  // The unit appends the daemon's stderr (only what Node prints if it dies; the
  // daemon writes its own rotating log) here: create it private first.
  mkdirSync(stateDirFor(root), { recursive: true, mode: 0o700 });
  closeSync(openSync(spec.logFile, 'a', 0o600));

  const name = kind === 'systemd' ? unitName(root) : launchdLabel(root);
  if (kind === 'systemd') {
    const reload = systemctl('daemon-reload');
    if (!reload.ok) {
      // What `systemctl --user enable` does, so the unit starts with the next user session.
      const wants = join(systemdUnitDir(), 'default.target.wants');
      mkdirSync(wants, { recursive: true });
      rmSync(join(wants, `${name}.service`), { force: true });
      symlinkSync(file, join(wants, `${name}.service`));
      console.log(`mcp-auto: systemctl --user is not available here (${reload.error}); wrote and enabled ${file}, it starts with your next systemd user session`);
      return 0;
    }
    systemctl('stop', `${name}.service`);
    await stopRoot(root);
    const enable = systemctl('enable', '--now', `${name}.service`);
    if (!enable.ok) throw new UserError(`service: systemctl --user enable --now ${name}.service failed: ${enable.error}; see \`systemctl --user status ${name}\``);
  } else {
    const target = `gui/${process.getuid!()}`;
    launchctl('bootout', `${target}/${name}`);
    await stopRoot(root);
    const boot = launchctl('bootstrap', target, file);
    if (!boot.ok) {
      console.log(`mcp-auto: launchctl bootstrap failed (${boot.error}); wrote ${file}, it loads at your next login`);
      return 0;
    }
  }
  console.log(`mcp-auto: service ${name} keeps the daemon for ${root} running on port ${spec.port}`);
  return 0;
}

/** The port the root's daemon has now, else the one ensure would pick. */
async function servicePort(root: string): Promise<number> {
  const status = await daemonStatus(root);
  if (status.kind === 'running') return status.health.port;
  return (await choosePort(root, projectConfig(root).config.settings.portRange)).port;
}

async function uninstall(kind: Platform, root: string, dryRun: boolean): Promise<number> {
  const file = serviceFile(kind, root);
  if (!existsSync(file)) throw new UserError(`service: no service installed for ${root}; see \`mcp-auto service status\``);
  const name = kind === 'systemd' ? unitName(root) : launchdLabel(root);
  if (dryRun) {
    console.log(`would stop ${name} and remove ${file}`);
    return 0;
  }
  let managerNote = '';
  if (kind === 'systemd') {
    const disable = systemctl('disable', '--now', `${name}.service`);
    if (!disable.ok) managerNote = ` (systemctl --user is not available here: ${disable.error})`;
    rmSync(join(systemdUnitDir(), 'default.target.wants', `${name}.service`), { force: true });
    rmSync(file, { force: true });
    if (disable.ok) systemctl('daemon-reload');
  } else {
    launchctl('bootout', `gui/${process.getuid!()}/${name}`);
    rmSync(file, { force: true });
  }
  // The service's daemon may have outlived its manager (or there was none): stop it too.
  const stopped = await stopRoot(root);
  console.log(`mcp-auto: removed the service ${name} (${file})${managerNote}; ${stopped ? 'stopped its daemon' : 'no daemon was running'} — the shell hook starts one on demand again`);
  return 0;
}

interface ServiceStatus extends InstalledService {
  /** What the service manager says (systemd: active, failed, …), or "unknown" without one. */
  state: string;
  /** The daemon's pid when its /health answers with this root. */
  daemonPid: number | null;
}

async function status(kind: Platform, root: string | undefined, json: boolean): Promise<number> {
  const services = installedServices(kind).filter((s) => root === undefined || s.root === root);
  const rows: ServiceStatus[] = await Promise.all(services.map(async (s) => ({
    ...s,
    state: managerState(kind, s.name),
    daemonPid: await daemonPid(s),
  })));
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    console.log(`no mcp-auto service installed${root ? ` for ${root}` : ''}; add one with \`mcp-auto service install\``);
    return 0;
  }
  const table = [['ROOT', 'PORT', 'SERVICE', 'STATE', 'DAEMON'],
    ...rows.map((r) => [r.root, String(r.port), r.name, r.state, r.daemonPid ? `pid ${r.daemonPid}` : 'not answering'])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) console.log(row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
  return 0;
}

async function daemonPid(s: InstalledService): Promise<number | null> {
  const health = await fetchHealth(s.port);
  return health?.root === s.root ? health.pid : null;
}

function managerState(kind: Platform, name: string): string {
  if (kind === 'systemd') {
    const result = spawnSync('systemctl', ['--user', 'is-active', `${name}.service`], { encoding: 'utf8' });
    const state = result.stdout?.trim();
    return result.error || !state || /bus|connect/i.test(result.stderr ?? '') ? 'unknown' : state;
  }
  const result = spawnSync('launchctl', ['print', `gui/${process.getuid!()}/${name}`], { encoding: 'utf8' });
  if (result.error) return 'unknown';
  return result.status === 0 ? (/state = (\w+)/.exec(result.stdout)?.[1] ?? 'loaded') : 'not loaded';
}

interface Outcome { ok: boolean; error: string }

function runTool(command: string, args: string[]): Outcome {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { ok: false, error: `${command}: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}` };
  const error = (result.stderr || result.stdout || '').trim().split('\n')[0] ?? '';
  return { ok: result.status === 0, error: error || `exit ${result.status}` };
}

const systemctl = (...args: string[]) => runTool('systemctl', ['--user', ...args]);
const launchctl = (...args: string[]) => runTool('launchctl', args);
