import { constants } from 'node:os';
import { isatty } from 'node:tty';
import { errorMessage } from './errors.ts';

/**
 * Runs CMD in our process group, so a terminal's Ctrl-C reaches it directly;
 * signals sent to us are passed on (SIGINT and SIGQUIT only when not on a
 * terminal, where CMD got the keypress already). Resolves with CMD's exit
 * code (128+N when signal N ended it; 126 cannot run, 127 not found).
 */
export function runCommand(command: string[], extraEnv: Record<string, string>): Promise<number> {
  // Loaded here, not with the module: mcp-config, which shares the bin, never
  // needs it (~6 ms). Not import(): in the CommonJS bin that starts the ESM loader.
  const { spawn } = process.getBuiltinModule('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    const forwarded: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGUSR1', 'SIGUSR2'];
    // isatty, not process.stdin.isTTY: that getter opens a stream on stdin (~3 ms).
    const terminal = isatty(0);
    if (!terminal) forwarded.push('SIGINT', 'SIGQUIT');
    const forward = (signal: NodeJS.Signals) => { child.kill(signal); };
    // On a terminal we must outlive Ctrl-C to report CMD's exit code.
    const ignore = () => {};
    for (const s of forwarded) process.on(s, forward);
    if (terminal) for (const s of ['SIGINT', 'SIGQUIT'] as const) process.on(s, ignore);
    const done = (code: number) => {
      for (const s of forwarded) process.off(s, forward);
      for (const s of ['SIGINT', 'SIGQUIT'] as const) process.off(s, ignore);
      resolve(code);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      console.error(`mcp-auto: exec: ${command[0]}: ${notFound ? 'command not found' : errorMessage(error)}`);
      done(notFound ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      done(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}
