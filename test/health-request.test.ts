// The hand-written /health GET (src/ensure/health-request.ts) against raw
// servers: it reads what node:http would (a whole body by Content-Length or
// chunked, in any number of pieces) and takes nothing else for an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { getHealth } from '../src/ensure/health-request.ts';

const health = JSON.stringify({ root: '/tmp/ü', port: 1, pid: 2, version: '1.0.0', uptimeMs: 3, idleTimeoutMinutes: 30, auth: 'none', servers: [] });

/** A server that writes `pieces` (with a pause between them) to each connection, then closes it unless told not to. */
async function serve(pieces: Array<string | Buffer>, opts: { close?: boolean } = {}) {
  let request = '';
  const server = createServer((socket: Socket) => {
    socket.once('data', async (d) => {
      request = d.toString('latin1');
      for (const piece of pieces) {
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 20));
      }
      if (opts.close !== false) socket.end();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, request: () => request, close: () => new Promise((r) => { server.close(r); server.unref(); }) };
}

const body = Buffer.from(health);
const withLength = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

test('a whole body by Content-Length, in pieces, non-ASCII included; the request carries the path and the token', async () => {
  const s = await serve([withLength, body.subarray(0, 7), body.subarray(7)], { close: false });
  try {
    const answer = await getHealth(s.port, '/health?start=1', 2000, 'tok_en-1');
    assert.equal(typeof answer === 'object' && answer.root, '/tmp/ü', 'answered once the body was in, the connection still open');
    assert.match(s.request(), /^GET \/health\?start=1 HTTP\/1\.1\r\n/);
    assert.match(s.request(), /\r\nAuthorization: Bearer tok_en-1\r\n/);
  } finally { await s.close(); }
});

test('a chunked body, chunk boundaries anywhere', async () => {
  const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
  const chunked = `${(10).toString(16)}\r\n${health.slice(0, 10)}\r\n${Buffer.byteLength(health.slice(10)).toString(16)}\r\n${health.slice(10)}\r\n0\r\n\r\n`;
  const s = await serve([head + chunked.slice(0, 5), chunked.slice(5, 40), chunked.slice(40)]);
  try {
    const answer = await getHealth(s.port, '/health', 2000);
    assert.equal(typeof answer === 'object' && answer.root, '/tmp/ü');
  } finally { await s.close(); }
});

test('anything else is not taken: cut short, not HTTP, another status, another body, no length', async () => {
  const cases: Array<[string, Array<string | Buffer>, unknown]> = [
    ['cut short', [withLength, body.subarray(0, 10)], undefined],
    ['not HTTP', ['SSH-2.0-OpenSSH_9.2\r\n'], undefined],
    ['a 404', [`HTTP/1.1 404 Not Found\r\nContent-Length: ${body.length}\r\n\r\n`, body], 'not-health'],
    ['another body', ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'], 'not-health'],
    ['no length, no chunks', [`HTTP/1.1 200 OK\r\n\r\n${health}`], 'not-health'],
  ];
  for (const [what, pieces, expected] of cases) {
    const s = await serve(pieces);
    try {
      assert.equal(await getHealth(s.port, '/health', 2000), expected, what);
    } finally { await s.close(); }
  }
  // Nothing listening; and a listener that never answers (the timeout).
  const gone = await serve([]);
  await gone.close();
  assert.equal(await getHealth(gone.port, '/health', 500), undefined, 'nothing listening');
  const mute = await serve([], { close: false });
  try {
    const started = Date.now();
    assert.equal(await getHealth(mute.port, '/health', 300), undefined, 'no answer');
    assert.ok(Date.now() - started < 2000);
  } finally { await mute.close(); }
});
