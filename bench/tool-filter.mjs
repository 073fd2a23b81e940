// What server-everything's tool definitions put in every session's context,
// before and after a tool filter: one daemon serving the same server three
// times (no filter, a deny list, an allow list), each listed by a real SDK
// client through the daemon. Bytes are the JSON of the tools a session gets;
// tokens are estimated as bytes / 4 (as `mcp-auto status` does). The daemon's
// own figures (/health?tools=1) are checked against the client's.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { cli, everythingBin, makeHome, nextPort, sleep, startProcess } from './lib.mjs';

const FILTERS = {
  everything: undefined,
  'everything-deny': { deny: ['toggle-*', 'trigger-*', 'simulate-*', 'gzip-*'] },
  'everything-allow': { allow: ['echo', 'get-sum'] },
};

async function listedBytes(base, name) {
  const client = new Client({ name: 'bench-tool-filter', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/servers/${name}/mcp`)));
  try {
    const tools = [];
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    return { count: tools.length, bytes: Buffer.byteLength(JSON.stringify(tools)) };
  } finally {
    await client.close();
  }
}

export async function runToolFilterBench() {
  const port = await nextPort();
  const servers = Object.fromEntries(Object.entries(FILTERS).map(([name, tools]) => [name,
    { command: process.execPath, args: [everythingBin, 'stdio'], ...(tools ? { tools } : {}) }]));
  const { env, root, remove } = makeHome({ portRange: [29000, 29499], defaults: [], servers });
  const daemon = startProcess(process.execPath, [cli, 'daemon', '--root', root, '--port', String(port)], { env });
  const base = `http://127.0.0.1:${port}`;
  try {
    let health;
    for (let i = 0; i < 300; i++) {
      if (daemon.exited()) throw new Error(`daemon exited: ${daemon.stderrTail()}`);
      try {
        // Servers start lazily: start=1 starts them all, as exec does.
        health = await (await fetch(`${base}/health?start=1`)).json();
        if (health.servers.every((s) => s.state === 'ready')) break;
      } catch { /* not yet */ }
      await sleep(100);
    }
    const stats = new Map((await (await fetch(`${base}/health?tools=1`)).json()).servers.map((s) => [s.name, s.tools]));
    const rows = [];
    let full;
    for (const [name, filter] of Object.entries(FILTERS)) {
      const { count, bytes } = await listedBytes(base, name);
      full ??= bytes;
      const daemonSaw = stats.get(name);
      rows.push({
        filter: filter ? `\`${JSON.stringify(filter)}\`` : 'none',
        tools: `${count}/${daemonSaw?.total ?? '?'}`,
        'definitions (bytes)': bytes,
        '~tokens (bytes/4)': Math.ceil(bytes / 4),
        'vs no filter': `${Math.round((100 * bytes) / full)}%`,
        'status agrees': daemonSaw && daemonSaw.exposed === count && daemonSaw.bytes === bytes ? 'yes' : `no (${daemonSaw?.exposed} tools, ${daemonSaw?.bytes} B)`,
      });
    }
    return {
      title: 'Tool definitions per session: server-everything before and after a filter',
      rows,
      note: 'bytes: the JSON of the tools/list result a session gets through the daemon (every page); "status agrees": `mcp-auto status` reports the same count and size',
    };
  } finally {
    await daemon.stop();
    remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runToolFilterBench();
  console.table(result.rows);
}
