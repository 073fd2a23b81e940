// The daemon's lean HTTP front (src/gateway/lean-http.ts), driven with raw
// sockets: what it serves itself, what it hands to Node's http server, and
// that every answer is framed so that a strict reader finds each one whole.
// Which server answered shows in the headers: Node's adds `keep-alive:
// timeout=60` to a kept-alive answer, the lean front does not.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect as netConnect, createServer as createNetServer, type Socket } from 'node:net';
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { LeanFront } from '../src/gateway/lean-http.ts';
import type { ChildProcess } from 'node:child_process';
import { makeEnv, startDaemon, stopProcess, waitFor, everythingBin, sleep, type TestEnv } from './helpers.ts';

const PORT = 31700;
let env: TestEnv;
let daemon: ChildProcess;

before(async () => {
  env = makeEnv({ portRange: [31700, 31719] });
  env.writeUserConfig({
    portRange: [31700, 31719],
    defaults: [],
    servers: {
      everything: { command: process.execPath, args: [everythingBin, 'stdio'] },
      web: { command: process.execPath, args: [everythingBin, 'streamableHttp'], env: { PORT: '{port}' }, transport: 'http' },
    },
  });
  daemon = await startDaemon(env.project('lean'), PORT, env.env);
  await waitFor(async () => {
    const h = await (await fetch(`http://127.0.0.1:${PORT}/health?start=1`)).json() as { servers: Array<{ state: string }> };
    return h.servers.every((s) => s.state === 'ready');
  }, 20_000, 'servers ready');
});

after(async () => {
  if (daemon) await stopProcess(daemon);
  await env.cleanup();
});

interface Answer { status: number; headers: Record<string, string>; body: string }

/** A raw connection that reads answers one by one, strictly: a length or chunks, nothing between answers. */
function rawConnection(port = PORT): Promise<{ socket: Socket; send: (text: string) => void; answer: (timeoutMs?: number) => Promise<Answer>; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let wake: (() => void) | undefined;
    socket.on('data', (chunk) => { buffer = Buffer.concat([buffer, chunk]); wake?.(); });
    const closed = new Promise<void>((done) => socket.once('close', () => { done(); wake?.(); }));
    socket.on('error', () => {});
    const more = (deadline: number) => new Promise<void>((done, fail) => {
      if (socket.destroyed) return fail(new Error(`connection closed; unread: ${JSON.stringify(buffer.toString())}`));
      const timer = setTimeout(() => fail(new Error(`no answer in time; have: ${JSON.stringify(buffer.toString())}`)), deadline - Date.now());
      wake = () => { clearTimeout(timer); wake = undefined; done(); };
    });
    const take = async (n: number, deadline: number) => {
      while (buffer.length < n) await more(deadline);
      const out = buffer.subarray(0, n);
      buffer = buffer.subarray(n);
      return out.toString('utf8');
    };
    const line = async (deadline: number) => {
      let end;
      while ((end = buffer.indexOf('\r\n')) < 0) await more(deadline);
      const out = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(end + 2);
      return out;
    };
    const answer = async (timeoutMs = 5000): Promise<Answer> => {
      const deadline = Date.now() + timeoutMs;
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(await line(deadline));
      assert.ok(status, 'a status line first');
      const headers: Record<string, string> = {};
      for (let l = await line(deadline); l !== ''; l = await line(deadline)) {
        const colon = l.indexOf(':');
        const name = l.slice(0, colon).toLowerCase();
        assert.ok(!(name in headers), `header ${name} sent once`);
        headers[name] = l.slice(colon + 1).trim();
      }
      let body = '';
      if (headers['transfer-encoding'] === 'chunked') {
        assert.equal(headers['content-length'], undefined, 'a length or chunks, not both');
        for (let size = parseInt(await line(deadline), 16); size > 0; size = parseInt(await line(deadline), 16)) {
          body += await take(size, deadline);
          assert.equal(await line(deadline), '', 'a chunk ends with CRLF');
        }
        assert.equal(await line(deadline), '', 'the last chunk ends with CRLF');
      } else {
        body = await take(Number(headers['content-length']), deadline);
      }
      return { status: Number(status[1]), headers, body };
    };
    socket.once('connect', () => resolve({ socket, send: (text) => socket.write(text), answer, closed }));
    socket.once('error', reject);
  });
}

const host = `127.0.0.1:${PORT}`;
const post = (path: string, message: unknown, headers: Record<string, string> = {}) => {
  const body = JSON.stringify(message);
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return `POST ${path} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;
};
const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'lean-test', version: '1' } } };
const echo = (id: number, message: string) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'echo', arguments: { message } } });

async function session(c: Awaited<ReturnType<typeof rawConnection>>): Promise<Record<string, string>> {
  c.send(post('/servers/everything/mcp', initialize));
  const init = await c.answer();
  assert.equal(init.status, 200, init.body);
  const headers = { 'mcp-session-id': init.headers['mcp-session-id']!, 'mcp-protocol-version': '2025-06-18' };
  c.send(post('/servers/everything/mcp', { jsonrpc: '2.0', method: 'notifications/initialized' }, headers));
  assert.equal((await c.answer()).status, 202);
  return headers;
}

test('lean front: one kept-alive connection carries pipelined requests, each answer whole and in order; a request sent in parts goes to Node\'s server', async () => {
  const c = await rawConnection();
  const headers = await session(c);
  // Three calls in one write: answered in order, each by its own length.
  c.send([2, 3, 4].map((id) => post('/servers/everything/mcp', echo(id, `pipelined ${id}`), headers)).join(''));
  for (const id of [2, 3, 4]) {
    const a = await c.answer();
    assert.equal(a.status, 200);
    assert.equal(a.headers['keep-alive'], undefined, 'served by the lean front');
    assert.equal(JSON.parse(a.body).id, id);
    assert.match(a.body, new RegExp(`Echo: pipelined ${id}`));
  }
  // One request in four pieces, the body in two, with pauses between: the
  // front serves only whole requests, so Node's server reads this one.
  const whole = post('/servers/everything/mcp', echo(5, 'split ünïcode'), headers);
  for (const piece of [whole.slice(0, 7), whole.slice(7, 60), whole.slice(60, -9), whole.slice(-9)]) {
    c.send(piece);
    await sleep(30);
  }
  const split = await c.answer();
  assert.equal(JSON.parse(split.body).result.content[0].text, 'Echo: split ünïcode');
  assert.equal(split.headers['keep-alive'], 'timeout=60', 'answered by Node\'s server');
  c.send(post('/servers/everything/mcp', echo(6, 'next'), headers));
  assert.match((await c.answer()).body, /Echo: next/);
  c.socket.destroy();
});

test('lean front: what it does not serve goes, with the bytes read, to Node\'s server for the rest of the connection', async () => {
  const c = await rawConnection();
  const headers = await session(c);
  // A GET of /health right behind a call, in one write.
  c.send(`${post('/servers/everything/mcp', echo(2, 'before'), headers)}GET /health HTTP/1.1\r\nhost: ${host}\r\n\r\n${post('/servers/everything/mcp', echo(3, 'after'), headers)}`);
  assert.match((await c.answer()).body, /Echo: before/);
  const health = await c.answer();
  assert.equal(health.status, 200);
  assert.equal(health.headers['keep-alive'], 'timeout=60', 'answered by Node\'s server');
  assert.equal(JSON.parse(health.body).port, PORT);
  const after = await c.answer();
  assert.match(after.body, /Echo: after/);
  assert.equal(after.headers['keep-alive'], 'timeout=60', 'the connection stays with Node\'s server');
  c.socket.destroy();

  // A chunked body: Node's parser reads it.
  const chunked = await rawConnection();
  const h2 = await session(chunked);
  const body = JSON.stringify(echo(7, 'chunked'));
  chunked.send(`POST /servers/everything/mcp HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\nmcp-session-id: ${h2['mcp-session-id']}\r\ntransfer-encoding: chunked\r\n\r\n${(10).toString(16)}\r\n${body.slice(0, 10)}\r\n${Buffer.byteLength(body.slice(10)).toString(16)}\r\n${body.slice(10)}\r\n0\r\n\r\n`);
  const a = await chunked.answer();
  assert.equal(a.status, 200, a.body);
  assert.match(a.body, /Echo: chunked/);
  chunked.socket.destroy();

  // An http child's requests stream through: Node's server from the first byte.
  const web = await rawConnection();
  web.send(post('/servers/web/mcp', initialize));
  const w = await web.answer();
  assert.equal(w.status, 200, w.body);
  assert.equal(w.headers['keep-alive'], 'timeout=60');
  web.socket.destroy();
});

test('lean front: ambiguous framing is never read two ways (two lengths, a length with chunks, a folded or bare-LF header)', async () => {
  const body = JSON.stringify(initialize);
  const start = `POST /servers/everything/mcp HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\n`;
  const smuggled = post('/servers/everything/mcp', echo(9, 'smuggled'));
  const cases = {
    'two lengths': `${start}content-length: ${body.length}\r\ncontent-length: ${body.length + smuggled.length}\r\n\r\n${body}${smuggled}`,
    'a length with chunks': `${start}content-length: ${body.length}\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
    'a folded header': `${start}x-folded: a\r\n b\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    'a bare LF': `${start}x-bare: a\ncontent-length: ${body.length}\r\n\r\n${body}`,
    // Linear parsing: 15,000 spaces before a control character are one quick look.
    'a control character after a long run of spaces': `${start}x-long: a${' '.repeat(15_000)}\x01\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
  };
  for (const [what, text] of Object.entries(cases)) {
    const c = await rawConnection();
    c.send(text);
    const a = await c.answer(2000);
    assert.equal(a.status, 400, `${what}: ${a.status} ${a.body}`);
    await c.closed;
    c.socket.destroy();
  }
});

test('lean front: a body over the limit gets Node\'s 413 at once; an event stream is chunked and carries the reply to a POST', async () => {
  const big = await rawConnection();
  big.send(`POST /servers/everything/mcp HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\naccept: application/json, text/event-stream\r\ncontent-length: ${5 * 1024 * 1024}\r\n\r\n{"jsonrpc":`);
  const refused = await big.answer();
  assert.equal(refused.status, 413);
  big.socket.destroy();

  // GET /sse: served by the lean front as a chunked stream; read it event by event.
  const stream = netConnect(PORT, '127.0.0.1');
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => { text += chunk; });
  stream.write(`GET /servers/everything/sse HTTP/1.1\r\nhost: ${host}\r\naccept: text/event-stream\r\n\r\n`);
  const endpoint = await waitFor(() => /event: endpoint\r?\ndata: (\S+)/.exec(text)?.[1], 5000, 'endpoint event');
  assert.match(text, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(text, /\r\ntransfer-encoding: chunked\r\n/);
  assert.doesNotMatch(text.slice(0, text.indexOf('\r\n\r\n')), /keep-alive: timeout/);
  const c = await rawConnection();
  c.send(post(endpoint, initialize));
  const accepted = await c.answer();
  assert.equal(accepted.status, 202);
  assert.equal(accepted.headers['keep-alive'], undefined);
  await waitFor(() => text.includes('"serverInfo"'), 5000, 'the reply on the stream');
  // Every chunk on the stream is framed: size line, data, CRLF.
  let rest = text.slice(text.indexOf('\r\n\r\n') + 4);
  while (rest.length) {
    const sizeEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, sizeEnd), 16);
    assert.ok(size > 0, `a chunk size line, got ${JSON.stringify(rest.slice(0, 20))}`);
    const data = Buffer.from(rest.slice(sizeEnd + 2), 'utf8');
    assert.equal(data.subarray(size, size + 2).toString(), '\r\n');
    rest = data.subarray(size + 2).toString('utf8');
  }
  c.socket.destroy();
  stream.destroy();
});

test('lean front: a response header with CR or LF is refused before a byte goes out, and the caller can still answer 500', async () => {
  // The front alone, with a handler that tries to split its response.
  const front = new LeanFront(createHttpServer(), () => true, (_req, res: ServerResponse) => {
    try {
      res.writeHead(200, { 'x-split': 'a\r\nset-cookie: stolen=1' }).end('never');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`refused: ${(error as Error).message}`);
    }
  }, 1024);
  const listener = createNetServer((socket) => front.accept(socket));
  await new Promise<void>((resolve) => listener.listen(PORT + 19, '127.0.0.1', resolve));
  try {
    const c = await rawConnection(PORT + 19);
    c.send(`POST /any HTTP/1.1\r\nhost: x\r\ncontent-length: 2\r\n\r\n{}`);
    const a = await c.answer();
    assert.equal(a.status, 500);
    assert.equal(a.body, 'refused: invalid response header x-split');
    assert.equal(a.headers['set-cookie'], undefined);
    c.socket.destroy();
  } finally {
    front.closeAll();
    await new Promise((resolve) => listener.close(resolve));
  }
});
