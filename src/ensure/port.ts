import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { probeHealth } from './daemon-state.ts';

/** How many ports the probe tries after the hashed one. */
const PROBE_LIMIT = 64;

/** The port a root hashes to: the same real path gives the same port on every machine run. */
export function hashedPort(root: string, [low, high]: [number, number]): number {
  const n = createHash('sha256').update(root).digest().readUInt32BE(0);
  return low + (n % (high - low + 1));
}

/** The deterministic probe order: the hashed port, then the next ones, wrapping inside the range. */
export function probeOrder(root: string, range: [number, number]): number[] {
  const [low, high] = range;
  const size = high - low + 1;
  const first = hashedPort(root, range) - low;
  return Array.from({ length: Math.min(PROBE_LIMIT, size) }, (_, i) => low + ((first + i) % size));
}

export type PortHolder = 'free' | 'ours' | 'other-daemon' | 'foreign';

/** Who holds a port: nobody, this root's daemon, another root's daemon, or some other program. */
export async function portHolder(port: number, root: string): Promise<{ holder: PortHolder; otherRoot?: string; why?: string }> {
  if (await canBind(port)) return { holder: 'free' };
  const probe = await probeHealth(port, { timeoutMs: 500 });
  // Unproven (another account, or a program posing as our daemon): foreign, whatever root it names.
  if (probe.kind !== 'proven') return { holder: 'foreign', ...(probe.kind === 'impostor' ? { why: probe.why } : {}) };
  const health = probe.health;
  return health.root === root ? { holder: 'ours' } : { holder: 'other-daemon', otherRoot: health.root };
}

/** The first port in probe order that is free or already ours. */
export async function choosePort(root: string, range: [number, number]): Promise<{ port: number; holder: PortHolder; impostors: string[] }> {
  const impostors: string[] = [];
  for (const port of probeOrder(root, range)) {
    const { holder, why } = await portHolder(port, root);
    if (holder === 'free' || holder === 'ours') return { port, holder, impostors };
    if (why) impostors.push(why);
  }
  throw new Error(`no free port in ${range[0]}-${range[1]} near ${hashedPort(root, range)}; widen "portRange" in the config`);
}

export function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
