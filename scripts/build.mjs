// Bundles the CLI into one ESM file so that `mcp-auto` starts without resolving
// hundreds of modules (see the start-up row in `npm run bench`).
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = 'dist/mcp-auto.js';
// Chunk names carry hashes: start empty so old chunks never ship.
rmSync('dist', { recursive: true, force: true });
// Code splitting keeps the daemon, the SDK and zod out of the hot `ensure` path:
// each command's module is a chunk loaded only when that command runs.
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  entryNames: 'mcp-auto',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  // jsonc-parser's UMD main requires its parts at run time; its ESM build bundles.
  mainFields: ['module', 'main'],
  // The daemon's page is a real HTML file, bundled as a string into its own chunk.
  loader: { '.html': 'text' },
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  define: { MCP_AUTO_VERSION: JSON.stringify(pkg.version) },
  // The MCP reference servers are separate programs we spawn, never bundled.
  external: ['@modelcontextprotocol/server-*'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __mcpAutoRequire } from 'node:module'; const require = __mcpAutoRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(out, 0o755);
