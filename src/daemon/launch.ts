import { mkdirSync, realpathSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { expand, type ServerDef } from '../config/config.ts';
import { within } from '../util/safe-path.ts';

// Where and how a server's command is found. A project may be a hostile clone:
// its node_modules/.bin, .npmrc, uv.toml or pyproject.toml, a relative path, a
// bin/ on PATH must not take part in finding, resolving or installing the
// command of a server the user (or a preset) defined. So such a server starts
// in mcp-auto's own empty folder: `npx` and `uvx` discover their project
// config from the cwd and find none, PATH lookups happen there. It gets the
// project as an argument ({root}). Only the project's own trusted
// .mcp-auto.json may run a command from the project, or in it.

export interface LaunchContext {
  root: string;
  stateDir: string;
  /** The user marked this root as theirs (trustedRoots, `mcp-auto trust --root`). */
  usersRoot: boolean;
}

export type Launch = { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv } | { refused: string };

/** The neutral folder: empty, the user's own, outside every project. */
export function neutralDir(stateDir: string): string {
  const dir = join(stateDir, 'cwd');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

function real(path: string): string {
  try { return realpathSync(path); } catch { return path; }
}

export function launchPlan(def: ServerDef, vars: Parameters<typeof expand>[1], ctx: LaunchContext, baseEnv: NodeJS.ProcessEnv): Launch {
  const projectMayHelp = def.fromProject || ctx.usersRoot;
  const inProject = (path: string) => within(ctx.root, real(path));
  let command = expand(def.command, vars);
  const args = def.args.map((a) => expand(a, vars));
  const env: NodeJS.ProcessEnv = { ...baseEnv, ...Object.fromEntries(Object.entries(def.env).map(([k, v]) => [k, expand(v, vars)])) };

  let cwd = neutralDir(ctx.stateDir);
  if (def.cwd !== '') {
    const wanted = resolve(def.fromProject ? ctx.root : cwd, expand(def.cwd, vars));
    if (!inProject(wanted) || projectMayHelp) cwd = wanted;
    else return { refused: `"cwd" ${wanted} is inside a project not marked as yours; only its trusted .mcp-auto.json may run a server there (or \`mcp-auto trust --root\`)` };
  }
  if (!isAbsolute(command) && command.includes('/')) {
    if (!def.fromProject) return { refused: `relative command ${command}: a server from the user config needs a command name or an absolute path` };
    command = resolve(ctx.root, command);
  }
  if (isAbsolute(command) && inProject(command) && !projectMayHelp) {
    return { refused: `command ${command} is inside a project not marked as yours; only its trusted .mcp-auto.json may run it (or \`mcp-auto trust --root\`)` };
  }
  if (!projectMayHelp) {
    // PATH entries that are relative or lead into the project (a direnv PATH_add bin)
    // would let the project supply `npx` itself.
    env.PATH = (env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir) && !inProject(dir)).join(delimiter);
  }
  return { command, args, cwd, env };
}
