// `npm test` runs this first: the tests drive real programs (shells, direnv,
// tmux, shellcheck, git, …) and skip what needs one that is missing. This says
// at the start, in a few lines, which tests a missing program skips, so a
// green run on a bare machine is not mistaken for a full one. `.ci/run`
// installs everything and sets MCP_AUTO_TEST_ALL=1: then a missing program is
// an error, not a skip.
//
// Add a row when a test starts to need a program that may be absent.
import { spawnSync } from 'node:child_process';

const tools = [
  { name: 'zsh', apt: 'zsh', skips: 'shell.test.ts (zsh hook), completion.test.ts (zsh), newcomer.test.ts (the README in zsh)' },
  { name: 'bash', apt: 'bash', skips: 'shell.test.ts (bash hook)' },
  { name: 'fish', apt: 'fish', skips: 'shell.test.ts (fish hook), completion.test.ts (fish)' },
  { name: 'direnv', apt: 'direnv', skips: 'direnv.test.ts, newcomer.test.ts (the README\'s direnv section)' },
  { name: 'tmux', apt: 'tmux', skips: 'every test that types into an interactive shell: shell.test.ts, completion.test.ts (zsh Tab), newcomer.test.ts' },
  { name: 'shellcheck', apt: 'shellcheck', skips: 'shell.test.ts (shellcheck of shell/)' },
  { name: 'git', apt: 'git', skips: 'git-exclude.test.ts, newcomer.test.ts' },
  { name: 'script', apt: 'bsdutils', skips: 'init.test.ts (init asking on a terminal)' },
  { name: 'strace', apt: 'strace', skips: 'the process counts of shell.test.ts (no process per prompt), exec.test.ts (a stamp read once a process)' },
  { name: 'systemd-analyze', apt: 'systemd', skips: "service.test.ts's check of the unit by systemd itself" },
];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const missing = tools.filter((t) => !has(t.name));
const others = [];
if (process.platform !== 'linux') others.push(`not Linux (${process.platform}): service.test.ts's systemd tests are skipped; mcp-auto is tested on Linux only`);

if (missing.length === 0 && others.length === 0) {
  console.log(`preflight: ${tools.map((t) => t.name).join(', ')} found: no test is skipped for a missing program`);
  process.exit(0);
}
for (const t of missing) console.log(`preflight: ${t.name} not found: skips ${t.skips}`);
for (const line of others) console.log(`preflight: ${line}`);
if (missing.length) {
  console.log(`preflight: to run everything: apt-get install ${[...new Set(missing.map((t) => t.apt))].join(' ')} (Debian/Ubuntu; .ci/run installs them all)`);
}
if (process.env.MCP_AUTO_TEST_ALL === '1') {
  console.error('preflight: MCP_AUTO_TEST_ALL=1 and programs are missing: nothing may be skipped here');
  process.exit(1);
}
