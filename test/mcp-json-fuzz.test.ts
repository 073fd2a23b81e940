// 200 generated `.mcp.json` files (issue 5's fuzz) through `mcp-auto ensure`,
// and a share of them through `adopt` + `unadopt`, against one real daemon.
// Valid files: every foreign key and entry kept (values, key order, unicode),
// the file's own style kept (BOM, CRLF, final newline). Malformed files:
// refused with one line naming the file, left byte-for-byte, no temp file left.
// adopt refuses, the same way, a file with a server name the daemon cannot serve.
// Seeded: a failure names its case and seed, and reproduces.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeEnv, repo, run, type TestEnv } from './helpers.ts';

const RANGE: [number, number] = [33400, 33599];
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const probe = join(repo, 'test/fixtures/probe-server.mjs');

const envs: TestEnv[] = [];
after(async () => { for (const e of envs) await e.cleanup(); });

/** mulberry32: small, seeded, good enough to pick cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const pieces = ['a', 'Z', '0', ' ', 'ü', 'ß', 'é', '中文', 'עברית', 'مرحبا', '😀', '𝄞', '\u200f', '"', '\\', '/', '\n', '\t', '{', '}', ',', ':', '\u0001'];
const text = (max = 12) => Array.from({ length: 1 + int(max) }, () => pick(pieces)).join('');
const value = (depth: number): unknown => {
  const kind = depth > 2 ? int(5) : int(7);
  switch (kind) {
    case 0: return text();
    case 1: return int(2) ? int(1_000_000) - 500_000 : Number((rnd() * 1000).toFixed(3));
    case 2: return pick([true, false, null]);
    case 3: return `${text()}${text()}`;
    case 4: return '';
    case 5: return Array.from({ length: int(4) }, () => value(depth + 1));
    default: return Object.fromEntries(Array.from({ length: int(4) }, () => [text(6), value(depth + 1)]));
  }
};
const stdioEntry = () => ({ command: process.execPath, args: [probe, text(4)], env: { [`K${int(99)}`]: text() } });
const httpEntry = () => ({ type: 'http', url: `https://example.invalid/${encodeURIComponent(text(6))}`, headers: { 'X-Name': text() } });

interface Case { name: string; bytes: Buffer; valid: boolean; original?: Record<string, unknown>; crlf?: boolean; bom?: boolean; finalNewline?: boolean; userMemory?: boolean }

function render(doc: Record<string, unknown>, name: string, extra: Partial<Case> = {}): Case {
  const indent = pick([0, 1, 2, 4, '\t', '   ']);
  const crlf = indent !== 0 && rnd() < 0.3;
  const bom = rnd() < 0.2;
  const finalNewline = rnd() < 0.7;
  let body = JSON.stringify(doc, null, indent);
  if (crlf) body = body.replace(/\n/g, '\r\n');
  if (finalNewline) body += crlf ? '\r\n' : '\n';
  // A file without any line break says nothing about its line endings.
  return { name, bytes: Buffer.from((bom ? '\uFEFF' : '') + body, 'utf8'), valid: true, original: doc, crlf: crlf && body.includes('\n'), bom, finalNewline, ...extra };
}

function validCase(i: number): Case {
  const servers: Record<string, unknown> = {};
  for (let n = int(5); n > 0; n--) {
    // Half the names are ones the daemon can serve (letters, digits, _ . -), half any unicode.
    const name = int(2) ? `${pick(['api', 'db', 'x_y', 'a.b', 'Serena'])}-${i}-${n}` : `${text(5)}-${i}-${n}`;
    servers[name] = int(2) ? stdioEntry() : httpEntry();
  }
  const doc: Record<string, unknown> = {};
  for (let n = int(3); n > 0; n--) doc[text(6)] = value(0);
  const shape = i % 10;
  if (shape === 0) return render({ ...doc }, `valid#${i}: no mcpServers`);
  if (shape === 1) return render({}, `valid#${i}: empty object`);
  if (shape === 2) {
    // A user's own entry under the name we manage: never touched.
    return render({ mcpServers: { ...servers, memory: { command: 'my-memory', args: [text()] } }, ...doc }, `valid#${i}: user-written memory entry`, { userMemory: true });
  }
  if (shape === 3 && i % 40 === 3) {
    // About 1.5 MB of other servers.
    const big: Record<string, unknown> = {};
    for (let n = 0; n < 6000; n++) big[`s${n}`] = { command: 'x', args: [text(40).repeat(4)] };
    return render({ mcpServers: big, ...doc }, `valid#${i}: huge`);
  }
  if (shape === 4) return render({ ...doc, mcpServers: servers }, `valid#${i}: mcpServers last`);
  return render({ mcpServers: servers, ...doc }, `valid#${i}: other servers`);
}

function malformedCase(i: number): Case {
  const good = JSON.stringify({ mcpServers: { a: stdioEntry() }, x: value(0) }, null, 2);
  const broken: Array<[string, string | Buffer]> = [
    ['truncated', good.slice(0, 1 + int(good.length - 2))],
    ['trailing comma', good.replace(/\n}$/, ',\n}')],
    ['a comment', `// my servers\n${good}`],
    ['NaN', '{"mcpServers": {}, "n": NaN}'],
    ['top-level array', `[${good}]`],
    ['top-level string', JSON.stringify(text())],
    ['top-level number', String(int(1000))],
    ['mcpServers is an array', '{"mcpServers": [1, 2]}'],
    ['mcpServers is a string', `{"mcpServers": ${JSON.stringify(text())}}`],
    ['single quotes', "{'mcpServers': {}}"],
    ['unquoted key', '{mcpServers: {}}'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"mcpServers": {}, "name": "caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"}\n')])],
    ['two documents', `${good}\n${good}`],
    ['lone brace', '{'],
  ];
  const [kind, content] = broken[i % broken.length]!;
  return { name: `malformed#${i}: ${kind}`, bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), valid: false };
}

const cases: Case[] = Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? malformedCase(i) : validCase(i)));

function checkStyle(c: Case, after: Buffer, why: string): void {
  const s = after.toString('utf8');
  assert.equal(s.startsWith('\uFEFF'), c.bom, `${why}: BOM`);
  if (/\n/.test(s)) assert.equal(/\r\n/.test(s), c.crlf, `${why}: CRLF`);
  if (c.crlf) assert.doesNotMatch(s, /[^\r]\n/, `${why}: a bare LF in a CRLF file`);
  assert.equal(/\n$/.test(s), c.finalNewline, `${why}: final newline`);
}

function parse(bytes: Buffer): Record<string, unknown> {
  return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

/** Every key of the original but our own entry: same value, same order. */
function checkForeignKept(c: Case, after: Record<string, unknown>, why: string): void {
  const before = c.original!;
  for (const key of Object.keys(before)) {
    if (key !== 'mcpServers') assert.deepEqual(after[key], before[key], `${why}: top-level key ${JSON.stringify(key)}`);
  }
  assert.deepEqual(Object.keys(after).filter((k) => k !== 'mcpServers'), Object.keys(before).filter((k) => k !== 'mcpServers'), `${why}: top-level key order`);
  const was = (before.mcpServers ?? {}) as Record<string, unknown>;
  const now = after.mcpServers as Record<string, unknown>;
  for (const [name, entry] of Object.entries(was)) {
    if (name !== 'memory' || c.userMemory) assert.deepEqual(now[name], entry, `${why}: entry ${JSON.stringify(name)}`);
  }
  assert.deepEqual(Object.keys(now).filter((k) => k !== 'memory'), Object.keys(was).filter((k) => k !== 'memory'), `${why}: entry order`);
}

function leftovers(root: string): string[] {
  return readdirSync(root).filter((f) => f.endsWith('.tmp'));
}

test(`200 generated .mcp.json files through ensure (seed ${SEED}): foreign bytes kept where valid, refused untouched where not`, { timeout: 240_000 }, async () => {
  const env = makeEnv({ portRange: RANGE });
  envs.push(env);
  const root = env.project('fuzz');
  const file = join(root, '.mcp.json');
  const first = await run(['ensure', '--json', root], env.env);
  assert.equal(first.code, 0, first.stderr);
  const url = (JSON.parse(readFileSync(file, 'utf8')) as { mcpServers: { memory: { url: string } } }).mcpServers.memory.url;

  for (const [i, c] of cases.entries()) {
    const why = `${c.name} (seed ${SEED})`;
    writeFileSync(file, c.bytes);
    const r = await run(['ensure', root], env.env);
    const after = readFileSync(file);
    if (!c.valid) {
      assert.notEqual(r.code, 0, `${why}: ensure accepted it`);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${why}: one line, got ${r.stderr}`);
      assert.ok(lines[0]!.includes(file), `${why}: the line names the file: ${lines[0]}`);
      assert.ok(after.equals(c.bytes), `${why}: the file changed`);
    } else {
      assert.equal(r.code, 0, `${why}: ${r.stderr}`);
      const doc = parse(after);
      checkForeignKept(c, doc, why);
      const memory = (doc.mcpServers as Record<string, unknown>).memory;
      if (c.userMemory) {
        assert.ok(after.equals(c.bytes), `${why}: a conflict only, yet the file changed`);
        assert.match(r.stderr, /already has a 'memory' entry mcp-auto did not write/);
      } else {
        assert.deepEqual(memory, { type: 'http', url }, `${why}: our entry`);
        checkStyle(c, after, why);
        // Idempotent: a second ensure leaves the bytes alone.
        if (i % 8 === 0) {
          await run(['ensure', '--quiet', root], env.env);
          assert.ok(readFileSync(file).equals(after), `${why}: a second ensure changed the file`);
        }
      }
    }
    assert.deepEqual(leftovers(root), [], `${why}: temp files left`);
  }
});

test(`generated .mcp.json files through adopt and unadopt (seed ${SEED}): the original comes back, malformed ones are refused untouched`, { timeout: 240_000 }, async () => {
  const env = makeEnv({ portRange: RANGE, config: { defaults: [] } });
  envs.push(env);
  const root = env.project('fuzz-adopt');
  const file = join(root, '.mcp.json');
  const picked = [
    ...cases.filter((c) => c.valid && !c.userMemory && Object.keys((c.original?.mcpServers ?? {}) as object).length > 0 && c.bytes.length < 100_000).slice(0, 20),
    ...cases.filter((c) => !c.valid).slice(0, 14),
  ];
  let roundTrips = 0;
  for (const c of picked) {
    const why = `${c.name} (seed ${SEED})`;
    writeFileSync(file, c.bytes);
    const adopted = await run(['adopt', root], env.env);
    const stdioNames = Object.entries((c.original?.mcpServers ?? {}) as Record<string, { command?: string }>).filter(([, e]) => e.command).map(([n]) => n);
    const servable = stdioNames.every((name) => /^[A-Za-z0-9_.-]{1,64}$/.test(name));
    if (!c.valid || !servable) {
      assert.notEqual(adopted.code, 0, `${why}: adopt accepted it`);
      assert.equal(adopted.stderr.trim().split('\n').length, 1, `${why}: one line, got ${adopted.stderr}`);
      assert.ok(readFileSync(file).equals(c.bytes), `${why}: the file changed`);
      continue;
    }
    assert.equal(adopted.code, 0, `${why}: ${adopted.stderr}`);
    const during = parse(readFileSync(file));
    for (const [name, entry] of Object.entries(c.original!.mcpServers as Record<string, { command?: string }>)) {
      const now = (during.mcpServers as Record<string, { url?: string }>)[name];
      if (entry.command) assert.match(now?.url ?? '', new RegExp(`/servers/${encodeURIComponent(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/mcp$`), `${why}: ${name} points at the daemon`);
      else assert.deepEqual(now, entry, `${why}: ${name} (not stdio) untouched`);
    }
    const back = await run(['unadopt', root], env.env);
    assert.equal(back.code, 0, `${why}: ${back.stderr}`);
    assert.deepEqual(parse(readFileSync(file)), c.original, `${why}: unadopt did not restore the original`);
    roundTrips++;
    assert.deepEqual(leftovers(root), [], `${why}: temp files left`);
    rmSync(join(root, '.mcp-auto.json'), { force: true });
  }
  assert.ok(roundTrips >= 8, `only ${roundTrips} adopt/unadopt round trips ran`);
});

test('a hand-formatted .mcp.json: only our entry\'s bytes change, and taking it out gives the original back byte-for-byte', async () => {
  const env = makeEnv({ portRange: RANGE });
  envs.push(env);
  const original = [
    '{',
    '  "mcpServers": {',
    '    "mine": { "command": "uvx", "args": ["a", "b"] },',
    '    "num":  {"command": "x", "env": {"N": 1.0, "BIG": 12345678901234567890}}',
    '  },',
    '  "esc": "caf\\u00e9 \\/ \\ud83d\\ude00"',
    '}',
    '',
  ].join('\r\n');
  const root = env.project('hand', { '.mcp.json': original });
  const file = join(root, '.mcp.json');
  const r = await run(['ensure', '--json', root], env.env);
  assert.equal(r.code, 0, r.stderr);
  const port = (JSON.parse(r.stdout) as { port: number }).port;
  const entry = [
    ',',
    '    "memory": {',
    '      "type": "http",',
    `      "url": "http://127.0.0.1:${port}/servers/memory/mcp"`,
    '    }',
  ].join('\r\n');
  const at = original.indexOf('\r\n  },');
  assert.equal(readFileSync(file, 'utf8'), original.slice(0, at) + entry + original.slice(at));

  // No longer managed: ensure takes our entry out, and the user's bytes are all that is left.
  env.writeUserConfig({ portRange: RANGE, defaults: [] });
  const again = await run(['ensure', root], env.env);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(readFileSync(file, 'utf8'), original);
});
