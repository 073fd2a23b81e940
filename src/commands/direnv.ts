// PLACEHOLDER until its engineer lands it; replaced, never shipped.
import { UserError } from '../errors.ts';
export const help = 'mcp-auto direnv: not built yet';
export async function run(): Promise<number> {
  throw new UserError('direnv: not built yet');
}
