// The benchmark's second reference row: the least a gateway on Node's http
// module can do. One stdio child, each POSTed message written to it as a line
// and its answer sent back on the same HTTP response; no checks, no id
// remapping, no sessions, one client. Its own share (by the same formula as
// the gateways') is what a hop through Node's http module costs on this
// machine: two more wake-ups, Node's HTTP and pipe handling. mcp-auto's own
// HTTP/1.1 front (src/gateway/lean-http.ts) is what takes it below. Usage: node bench/bare-proxy.mjs PORT CHILD-SCRIPT [ARGS...]
import http from 'node:http';
import { spawn } from 'node:child_process';
import { eachLine } from './lib.mjs';

const [port, ...childArgs] = process.argv.slice(2);
const child = spawn(process.execPath, childArgs, { stdio: ['pipe', 'pipe', 'ignore'] });
const waiting = new Map();
eachLine(child.stdout, (line) => {
  const id = JSON.parse(line).id;
  waiting.get(id)?.(line);
  waiting.delete(id);
});

http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const message = JSON.parse(body);
    if (message.id === undefined) res.writeHead(202, { 'mcp-session-id': 'bare' }).end();
    else waiting.set(message.id, (line) => res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(line), 'mcp-session-id': 'bare' }).end(line));
    child.stdin.write(`${body}\n`);
  });
}).listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => { child.kill(); process.exit(0); });
