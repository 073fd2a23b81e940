// npm's `prepare` hook: runs on `npm ci`/`npm install` in a clone, on `npm pack`
// and when npm installs the package from a git URL, so every one of them ends
// with a built dist/. Without devDependencies (`npm ci --omit=dev`) there is no
// esbuild to build with: say so in one line rather than fail the install.
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  console.error('mcp-auto: esbuild is not installed (devDependencies omitted): dist/ not rebuilt; run `npm ci` then `npm run build`');
  process.exit(0);
}
await import('./build.mjs');
