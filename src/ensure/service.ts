// Service files that keep one project's daemon running: a systemd user unit on
// Linux, a launchd agent on macOS. The daemon is started through the
// `mcp-auto` found on PATH (via /usr/bin/env, with the PATH of the install),
// never through a Node or package-cache path that an upgrade would remove.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { UserError } from '../util/errors.ts';
import { rootHash } from '../config/paths.ts';

export type Platform = 'systemd' | 'launchd';

/** What a service runs: the daemon for `root` on `port`, with this PATH. */
export interface ServiceSpec {
  root: string;
  port: number;
  path: string;
  /** Where the daemon's stderr goes (daemon.stderr: what Node prints if it dies; the daemon rotates its own daemon.log). */
  logFile: string;
}

export function platform(): Platform | undefined {
  if (process.platform === 'linux') return 'systemd';
  if (process.platform === 'darwin') return 'launchd';
  return undefined;
}

/** `mcp-auto-<root hash>`: the systemd unit name (without .service); stable per root. */
export function unitName(root: string): string {
  return `mcp-auto-${rootHash(root)}`;
}

/** The launchd label; also the plist's file name. */
export function launchdLabel(root: string): string {
  return `dev.mcp-auto.${rootHash(root)}`;
}

/** `$XDG_CONFIG_HOME/systemd/user`: the first directory systemd --user reads units from. */
export function systemdUnitDir(): string {
  const config = process.env.XDG_CONFIG_HOME?.startsWith('/') ? process.env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'systemd', 'user');
}

export function launchAgentsDir(): string {
  return join(homedir(), 'Library', 'LaunchAgents');
}

export function serviceFile(kind: Platform, root: string): string {
  return kind === 'systemd' ? join(systemdUnitDir(), `${unitName(root)}.service`) : join(launchAgentsDir(), `${launchdLabel(root)}.plist`);
}

/**
 * The daemon's command line; `env` resolves mcp-auto (and its `#!/usr/bin/env node`) on PATH.
 * A service-managed daemon never stops itself when idle: it would exit 0, and a
 * restart-on-failure policy would leave it stopped.
 */
export function daemonArgs(spec: ServiceSpec): string[] {
  return ['/usr/bin/env', 'mcp-auto', 'daemon', '--root', spec.root, '--port', String(spec.port), '--idle-timeout', '0'];
}

/** The PATH a service gets: this shell's absolute entries, without duplicates. */
export function servicePath(path = process.env.PATH ?? ''): string {
  return [...new Set(path.split(delimiter).filter((dir) => dir.startsWith('/')))].join(delimiter);
}

/** The mcp-auto a service would run, or undefined when it is not on PATH. */
export function mcpAutoOnPath(path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, 'mcp-auto');
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function refuseNewlines(spec: ServiceSpec): void {
  for (const value of [spec.root, spec.path, spec.logFile]) {
    if (/[\n\r\0]/.test(value)) throw new UserError(`service: cannot write a service for a path with a line break: ${JSON.stringify(value)}`, 2);
  }
}

// systemd: `%` starts a specifier everywhere; `$` starts a variable in ExecStart only.
const systemdEscape = (s: string) => s.replaceAll('%', '%%');
const systemdQuote = (s: string) => `"${systemdEscape(s).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
const systemdWord = (s: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? systemdEscape(s) : systemdQuote(s.replaceAll('$', '$$')));

export function systemdUnit(spec: ServiceSpec): string {
  refuseNewlines(spec);
  return [
    `# Written by \`mcp-auto service install\`; remove it with \`mcp-auto service uninstall --root ${spec.root}\`.`,
    '[Unit]',
    `Description=mcp-auto daemon for ${systemdEscape(spec.root)}`,
    '',
    '[Service]',
    'Type=simple',
    // The PATH of the install: /usr/bin/env finds mcp-auto, and mcp-auto finds node, in it.
    `Environment=${systemdQuote(`PATH=${spec.path}`)}`,
    `ExecStart=${daemonArgs(spec).map(systemdWord).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=2',
    `StandardError=append:${systemdEscape(spec.logFile)}`,
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

const xml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function launchdPlist(spec: ServiceSpec): string {
  refuseNewlines(spec);
  const str = (s: string) => `<string>${xml(s)}</string>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<!-- Written by `mcp-auto service install`; remove it with `mcp-auto service uninstall`. -->',
    '<plist version="1.0">',
    '<dict>',
    `  <key>Label</key>${str(launchdLabel(spec.root))}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...daemonArgs(spec).map((a) => `    ${str(a)}`),
    '  </array>',
    '  <key>EnvironmentVariables</key>',
    `  <dict><key>PATH</key>${str(spec.path)}</dict>`,
    '  <key>RunAtLoad</key><true/>',
    // Restart when it fails, as systemd's Restart=on-failure; a clean stop stays stopped.
    '  <key>KeepAlive</key>',
    '  <dict><key>SuccessfulExit</key><false/></dict>',
    `  <key>StandardErrorPath</key>${str(spec.logFile)}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

export function renderService(kind: Platform, spec: ServiceSpec): string {
  return kind === 'systemd' ? systemdUnit(spec) : launchdPlist(spec);
}

/** An installed service, read back from its file. */
export interface InstalledService {
  file: string;
  name: string;
  root: string;
  port: number;
}

/** Splits an ExecStart value into words (double quotes and backslash escapes, as we write them). */
function systemdWords(line: string): string[] {
  const words: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) {
    words.push((m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!).replaceAll('$$', '$').replaceAll('%%', '%'));
  }
  return words;
}

function plistStrings(text: string): string[] {
  const array = /<key>ProgramArguments<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(text)?.[1] ?? '';
  return [...array.matchAll(/<string>([\s\S]*?)<\/string>/g)].map((m) => m[1]!
    .replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
}

/** The root and port a service file runs, from its daemon arguments. */
export function readService(kind: Platform, file: string): InstalledService | undefined {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { return undefined; }
  const args = kind === 'systemd' ? systemdWords(/^ExecStart=(.*)$/m.exec(text)?.[1] ?? '') : plistStrings(text);
  const at = (flag: string) => args[args.indexOf(flag) + 1];
  const root = at('--root');
  const port = Number(at('--port'));
  if (!args.includes('--root') || !root || !Number.isInteger(port)) return undefined;
  const name = file.split('/').pop()!.replace(/\.(service|plist)$/, '');
  return { file, name, root, port };
}

/** Every mcp-auto service installed for this user. */
export function installedServices(kind: Platform): InstalledService[] {
  const dir = kind === 'systemd' ? systemdUnitDir() : launchAgentsDir();
  const pattern = kind === 'systemd' ? /^mcp-auto-[0-9a-f]{16}\.service$/ : /^dev\.mcp-auto\.[0-9a-f]{16}\.plist$/;
  let names: string[] = [];
  try { names = readdirSync(dir); } catch { return []; }
  return names.filter((n) => pattern.test(n)).sort()
    .map((n) => readService(kind, join(dir, n)))
    .filter((s): s is InstalledService => s !== undefined);
}
