// The benchmark's reference row: an HTTP endpoint that answers the SDK client's
// initialize and `echo` calls with canned JSON, with no gateway logic and no
// child behind it. Its p50 is the floor the client and loopback HTTP set for
// every Streamable HTTP row. Usage: node bench/canned-server.mjs PORT
import http from 'node:http';

const port = Number(process.argv[2]);

function reply(message) {
  if (message.method === 'initialize') {
    return { protocolVersion: message.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'canned', version: '1.0.0' } };
  }
  if (message.method === 'tools/call') return { content: [{ type: 'text', text: `Echo: ${message.params.arguments.message}` }] };
  return {};
}

http.createServer((req, res) => {
  if (req.method !== 'POST') return res.writeHead(405, { allow: 'POST' }).end();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const message = JSON.parse(body);
    if (message.id === undefined) return res.writeHead(202).end();
    const text = JSON.stringify({ jsonrpc: '2.0', id: message.id, result: reply(message) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'mcp-session-id': 'canned' });
    res.end(text);
  });
}).listen(port, '127.0.0.1');
