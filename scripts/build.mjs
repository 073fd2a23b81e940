// Bundles the CLI so that `mcp-auto` starts without resolving hundreds of
// modules (see the start-up rows in `npm run bench`): the full CLI as
// code-split ESM, and the installed bin as one small CommonJS file.
import { build } from 'esbuild';
import { readFileSync, chmodSync, rmSync, statSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  define: { MCP_AUTO_VERSION: JSON.stringify(pkg.version) },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  metafile: true,
  // jsonc-parser's UMD main requires its parts at run time; its ESM build bundles.
  mainFields: ['module', 'main'],
  // The daemon's page is a real HTML file, bundled as a string.
  loader: { '.html': 'text' },
  // The MCP reference servers are separate programs we spawn, never bundled.
  external: ['@modelcontextprotocol/server-*'],
};
// Chunk names carry hashes: start empty so old chunks never ship.
rmSync('dist', { recursive: true, force: true });
// Code splitting keeps the daemon, the SDK and zod out of the hot `ensure` path:
// each command's module is a chunk loaded only when that command runs.
const cli = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  entryNames: 'mcp-auto',
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  splitting: true,
});
// The bin: CommonJS, so Node runs it without its ESM loader. It holds the
// stamp answers of exec and mcp-config and imports the full CLI for the rest.
const bin = 'dist/mcp-auto.cjs';
await build({ ...common, entryPoints: ['src/bin.ts'], outfile: bin, format: 'cjs', external: [...common.external, './early-start.cjs', './daemon.cjs'] });
// What the bin requires for `daemon` only, CommonJS too: its first
// milliseconds (the eager children's spawn), then the daemon in one file.
const daemonCjs = {
  ...common,
  format: 'cjs',
  // presets.ts resolves packages from its own file: in CommonJS, that is this one (next to the ESM CLI).
  define: { ...common.define, 'import.meta.url': '__mcpAutoUrl' },
  // 'use strict' first: a banner goes before esbuild's own directive.
  banner: { js: `'use strict';\nvar __mcpAutoUrl = require('node:url').pathToFileURL(__filename).href;` },
};
await build({ ...daemonCjs, entryPoints: ['src/daemon/early-start.ts'], outfile: 'dist/early-start.cjs' });
// The SDK's HTTP client (with zod, half the daemon's code) serves http
// children only: a file of its own, which the daemon requires on first use
// rather than parsing it at every start.
const sdkHttpClient = '@modelcontextprotocol/sdk/client/streamableHttp.js';
await build({
  ...daemonCjs,
  stdin: { contents: `export * from '${sdkHttpClient}';`, resolveDir: '.', loader: 'js' },
  outfile: 'dist/sdk-http-client.cjs',
});
await build({
  ...daemonCjs,
  entryPoints: ['src/daemon/main.ts'],
  outfile: 'dist/daemon.cjs',
  plugins: [{
    name: 'sdk-http-client',
    setup(b) {
      b.onResolve({ filter: /^@modelcontextprotocol\/sdk\/client\/streamableHttp\.js$/ }, () => ({ path: './sdk-http-client.cjs', external: true }));
    },
  }],
});
for (const file of ['dist/mcp-auto.js', bin]) chmodSync(file, 0o755);
// The bin must stay small: every command parses it.
const binBytes = statSync(bin).size;
if (binBytes > 40_000) throw new Error(`${bin} is ${binBytes} bytes: something heavy was imported into src/bin.ts's modules`);
// A CommonJS dependency that requires a Node builtin would need a require
// shim in the ESM bundle (node:module's load costs every command ~8 ms):
// esbuild bundles a stub that throws at run time instead. Fail here.
for (const file of Object.keys(cli.metafile.outputs).filter((f) => f.endsWith('.js'))) {
  if (readFileSync(file, 'utf8').includes('Dynamic require of')) {
    throw new Error(`${file} requires a module at run time (a CommonJS dependency); bring back a require shim in the banner`);
  }
}
