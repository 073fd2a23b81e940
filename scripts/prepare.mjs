// npm's `prepare` hook: runs on `npm ci`/`npm install` in a clone, on `npm pack`
// and when npm installs the package from a folder, a tarball or a git URL, so
// each of them ends with a built dist/. It ships in the package because npm may
// run it in an installed copy too: there dist/ is already built and there is
// no src/ to build from. Without devDependencies (`npm ci --omit=dev`) there is
// no esbuild: say so in one line rather than fail the install.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

if (!existsSync(new URL('../src/cli.ts', import.meta.url))) process.exit(0);
try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  console.error('mcp-auto: esbuild is not installed (devDependencies omitted), so dist/ was not built: run `npm ci`, then `npm run build`');
  process.exit(0);
}
await import('./build.mjs');
