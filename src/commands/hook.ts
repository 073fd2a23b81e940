// PLACEHOLDER until its engineer lands it; replaced, never shipped.
import { UserError } from '../errors.ts';
export const help = 'mcp-auto hook: not built yet';
export async function run(): Promise<number> {
  throw new UserError('hook: not built yet');
}
