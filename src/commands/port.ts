// PLACEHOLDER until its engineer lands it; replaced, never shipped.
import { UserError } from '../errors.ts';
export const help = 'mcp-auto port: not built yet';
export async function run(): Promise<number> {
  throw new UserError('port: not built yet');
}
