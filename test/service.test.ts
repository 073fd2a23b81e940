// `mcp-auto service` (issue 6): the systemd unit checked by systemd-analyze
// verify (or parsed, where systemd is not installed), the launchd plist read
// back by a real plist parser, and install/status/uninstall in a private HOME
// where no user systemd is reachable. The command line the unit runs is run
// for real and must bring up the daemon.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { command, has, makeEnv, run, stopProcess, track, waitFor } from './helpers.ts';
import { daemonArgs, launchdPlist, readService, systemdUnit, unitName, type ServiceSpec } from '../src/ensure/service.ts';

const PORTS: [number, number] = [31520, 31539];
const env = makeEnv({ portRange: PORTS });
after(() => env.cleanup());


// A root with the characters unit files and XML treat specially.
const oddRoot = env.project('my proj %i $HOME "q" <&>');
const spec: ServiceSpec = { root: oddRoot, port: 31521, path: '/usr/local/bin:/usr/bin:/bin', logFile: join(env.home, 'state dir/daemon.log') };

/** [section, key, value] triples of a unit file, as systemd reads them (comments and blanks skipped). */
function unitKeys(text: string): Array<[string, string, string]> {
  let section = '';
  const keys: Array<[string, string, string]> = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || /^[#;]/.test(line)) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) { section = header[1]!; continue; }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    assert.ok(kv, `not a key=value line: ${line}`);
    keys.push([section, kv[1]!, kv[2]!]);
  }
  return keys;
}

test('the systemd unit passes systemd-analyze verify, or has exactly the expected keys', () => {
  const text = systemdUnit(spec);
  const keys = unitKeys(text);
  const get = (section: string, key: string) => keys.filter(([s, k]) => s === section && k === key).map(([, , v]) => v);
  assert.deepEqual(get('Service', 'Restart'), ['on-failure']);
  assert.deepEqual(get('Install', 'WantedBy'), ['default.target']);
  assert.equal(get('Service', 'ExecStart').length, 1);
  assert.match(get('Service', 'ExecStart')[0]!, /^\/usr\/bin\/env mcp-auto daemon --root "/);
  assert.ok(!text.includes(process.execPath) && !text.includes('node_modules'), 'no version-pinned node or package path');
  assert.deepEqual(new Set(keys.map(([s, k]) => `${s}.${k}`)), new Set([
    'Unit.Description', 'Service.Type', 'Service.Environment', 'Service.ExecStart', 'Service.Restart',
    'Service.RestartSec', 'Service.StandardError', 'Install.WantedBy',
  ]));
  // The odd root survives quoting: read back, it is the same path and port.
  assert.deepEqual(readService('systemd', writeTemp(`${unitName(oddRoot)}.service`, text)), {
    file: join(env.home, `${unitName(oddRoot)}.service`), name: unitName(oddRoot), root: oddRoot, port: 31521,
  });
  if (has('systemd-analyze')) {
    const file = join(env.home, `${unitName(oddRoot)}.service`);
    const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const aboutOurs = result.stderr.split('\n').filter((l) => l.includes(unitName(oddRoot)));
    assert.deepEqual(aboutOurs, [], 'systemd-analyze has no complaint about the unit');
    // And it is not a rubber stamp: a broken key in the same file is reported.
    writeFileSync(file, text.replace('Restart=on-failure', 'Restart=sometimes'));
    assert.match(spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' }).stderr, /restart/i);
  }
});

function writeTemp(name: string, text: string): string {
  const file = join(env.home, name);
  writeFileSync(file, text);
  return file;
}

/** A real plist parser: the npm package when installed, else python's plistlib, else none. */
function parsePlist(text: string): Record<string, unknown> | undefined {
  try {
    const plist = createRequire(import.meta.url)('plist') as { parse(text: string): unknown };
    return plist.parse(text) as Record<string, unknown>;
  } catch { /* not installed */ }
  if (!has('python3')) return undefined;
  const out = execFileSync('python3', ['-c', 'import json, plistlib, sys; print(json.dumps(plistlib.loads(sys.stdin.buffer.read())))'], { input: text, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

test('the launchd plist parses with a plist parser and keeps the daemon alive on failure', () => {
  const text = launchdPlist(spec);
  const parsed = parsePlist(text);
  if (!parsed) {
    // No parser here: at least well-formed XML with the keys in order.
    assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE plist/);
    assert.ok(!/&(?!amp;|lt;|gt;|quot;)/.test(text), 'every & is escaped');
    return;
  }
  assert.deepEqual(parsed, {
    Label: `dev.mcp-auto.${unitName(oddRoot).slice('mcp-auto-'.length)}`,
    ProgramArguments: daemonArgs(spec),
    EnvironmentVariables: { PATH: spec.path },
    RunAtLoad: true,
    KeepAlive: { SuccessfulExit: false },
    StandardErrorPath: spec.logFile,
  });
  assert.deepEqual(daemonArgs(spec).slice(0, 3), ['/usr/bin/env', 'mcp-auto', 'daemon']);
  assert.equal(readService('launchd', writeTemp('x.plist', text))?.root, oddRoot);
});

/** The CLI with `mcp-auto` on PATH (a link to the build) and no user bus to reach. */
function serviceEnv(withMcpAuto = true): NodeJS.ProcessEnv {
  const bin = join(env.home, 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    symlinkSync(command, join(bin, 'mcp-auto'));
  }
  const e: NodeJS.ProcessEnv = { ...env.env, PATH: withMcpAuto ? `${bin}:${process.env.PATH}` : process.env.PATH };
  // Never reach the real user's systemd: without these systemctl --user cannot connect.
  delete e.XDG_RUNTIME_DIR;
  delete e.DBUS_SESSION_BUS_ADDRESS;
  return e;
}

test('service install --dry-run prints the unit and writes nothing', { skip: process.platform !== 'linux' && 'Linux only' }, async () => {
  const root = env.project('dry');
  const result = await run(['service', 'install', '--root', root, '--dry-run'], serviceEnv());
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^ExecStart=\/usr\/bin\/env mcp-auto daemon --root \S+ --port (\d+) --idle-timeout 0$/m);
  const port = Number(/--port (\d+)/.exec(result.stdout)![1]);
  assert.ok(port >= PORTS[0] && port <= PORTS[1], `port ${port} from the configured range`);
  assert.equal(existsSync(join(env.env.XDG_CONFIG_HOME!, 'systemd')), false);
});

test('service install/status/uninstall without a user systemd; the unit command starts the daemon', { skip: process.platform !== 'linux' && 'Linux only' }, async () => {
  const root = env.project('svc');
  const noBin = await run(['service', 'install', '--root', root], serviceEnv(false));
  assert.equal(noBin.code, 1);
  assert.match(noBin.stderr, /mcp-auto is not on PATH/);

  const e = serviceEnv();
  const install = await run(['service', 'install', '--root', root], e);
  assert.equal(install.code, 0, install.stderr);
  const file = join(env.env.XDG_CONFIG_HOME!, 'systemd/user', `${unitName(root)}.service`);
  assert.match(install.stdout, /^mcp-auto: systemctl --user is not available here \(.+\); wrote and enabled .+\n$/);
  const wanted = join(env.env.XDG_CONFIG_HOME!, 'systemd/user/default.target.wants', `${unitName(root)}.service`);
  assert.ok(lstatSync(wanted).isSymbolicLink());
  assert.equal(readlinkSync(wanted), file);

  const status = await run(['service', 'status', '--json'], e);
  assert.equal(status.code, 0, status.stderr);
  const [entry, ...rest] = JSON.parse(status.stdout) as Array<{ root: string; port: number; state: string; daemonPid: number | null }>;
  assert.equal(rest.length, 0);
  assert.equal(entry!.root, root);
  assert.equal(entry!.daemonPid, null);

  // Run what systemd would run: ExecStart with the unit's PATH.
  const unit = readFileSync(file, 'utf8');
  const path = /^Environment="PATH=(.*)"$/m.exec(unit)![1]!;
  const args = [...(/^ExecStart=(.*)$/m.exec(unit)![1]!.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g))].map((m) => m[1] ?? m[2]!);
  const daemon = spawn(args[0]!, args.slice(1), { env: { ...env.env, PATH: path }, stdio: 'ignore', detached: true });
  track(daemon.pid);
  try {
    const health = await waitFor(async () => (await fetch(`http://127.0.0.1:${entry!.port}/health`)).json() as Promise<{ root: string; idleTimeoutMinutes: number }>, 15_000, 'the daemon the unit runs');
    assert.equal(health.root, root);
    assert.equal(health.idleTimeoutMinutes, 0);
    const table = await run(['service', 'status', '--root', root], e);
    assert.match(table.stdout, new RegExp(`^${root}\\s+${entry!.port}\\s+${unitName(root)}\\s+\\S+\\s+pid \\d+$`, 'm'));
  } finally {
    await stopProcess(daemon);
  }

  const uninstall = await run(['service', 'uninstall', '--root', root], e);
  assert.equal(uninstall.code, 0, uninstall.stderr);
  // One sentence that says what happened (issue 14).
  assert.match(uninstall.stdout, new RegExp(`^mcp-auto: removed the service ${unitName(root)} \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) \\(systemctl --user is not available here: .+\\); no daemon was running — the shell hook starts one on demand again\n$`));
  assert.equal(existsSync(file), false);
  assert.equal(existsSync(wanted), false);
  assert.equal((await run(['service', 'uninstall', '--root', root], e)).code, 1);
  assert.deepEqual(JSON.parse((await run(['service', 'status', '--json'], e)).stdout), []);
});
