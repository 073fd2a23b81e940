// `mcp-auto daemon` as the bin runs it: dist/daemon.cjs, one CommonJS file
// loaded after the early start (dist/early-start.cjs) has spawned the eager
// children. Through the ESM CLI the daemon bound its port ~15 ms later (Node's
// ESM loader, a dozen chunks), and a lazy server's first session waits for
// that port (`npm run bench`, cold start by phase).
import { run } from '../commands/daemon.ts';
import { reportError } from '../util/errors.ts';

/** The daemon command, its failure reported as the CLI reports one; resolves to the exit code. */
export function runDaemon(argv: string[]): Promise<number> {
  return run(argv).catch(reportError);
}
