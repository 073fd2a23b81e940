// A model API on loopback, for driving the real client CLIs offline: it
// speaks the Anthropic Messages API, the Gemini API, the OpenAI Responses API
// and OpenAI Chat Completions (streamed or not), and plays one script: when
// the request offers a tool whose name ends in `tool` and holds no tool
// result yet, it answers with a call of that tool; otherwise with final text.
// No model exists here to run: this is the one mock, standing in for a
// hosted model.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeLlm {
  url: string;
  port: number;
  /** Tool calls handed out, per API. */
  calls: string[];
  /** Requests seen (path), for debugging a client that never asked. */
  requests: string[];
  close(): Promise<void>;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sse = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  return (data: unknown, event?: string) => res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
};

function findTool(names: string[], tool: string): string | undefined {
  return names.find((n) => n === tool || n.endsWith(`__${tool}`) || n.endsWith(`_${tool}`));
}

/** `ns__tool` of a namespaced tool goes back as {namespace, name}. */
function splitNamespace(full: string): { name: string; namespace?: string } {
  const at = full.lastIndexOf('__');
  return full.startsWith('mcp__') && at > 4 ? { namespace: full.slice(0, at), name: full.slice(at + 2) } : { name: full };
}

export async function startFakeLlm(port: number, opts: { tool: string; args: (api: string) => Record<string, unknown>; text: string }): Promise<FakeLlm> {
  const calls: string[] = [];
  const requests: string[] = [];
  let n = 0;
  const handle = (req: IncomingMessage, res: ServerResponse, body: Json) => {
    const path = (req.url ?? '').split('?')[0]!;
    requests.push(`${req.method} ${path} @${new Date().toISOString().slice(14, 23)}`);
    const text = JSON.stringify(body);
    const id = `call_${++n}`;
    // ---- Anthropic Messages ----
    if (path.endsWith('/messages') && !path.includes('count_tokens')) {
      const names = (body.tools ?? []).map((t: Json) => t.name as string);
      const tool = findTool(names, opts.tool);
      const done = text.includes('"tool_result"');
      requests[requests.length - 1] += ` tools=${names.length}${done ? ' (has a tool result)' : ''}`;
      const content: Json[] = tool && !done
        ? [{ type: 'tool_use', id: `toolu_${n}`, name: tool, input: opts.args('anthropic') }]
        : [{ type: 'text', text: opts.text }];
      if (tool && !done) calls.push('anthropic');
      const message = { id: `msg_${n}`, type: 'message', role: 'assistant', model: body.model, content, stop_reason: content[0]!.type === 'tool_use' ? 'tool_use' : 'end_turn', stop_sequence: null, usage: { input_tokens: 10, output_tokens: 10 } };
      if (!body.stream) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(message)); return; }
      const send = sse(res);
      send({ type: 'message_start', message: { ...message, content: [], stop_reason: null } }, 'message_start');
      content.forEach((block, index) => {
        if (block.type === 'tool_use') {
          send({ type: 'content_block_start', index, content_block: { ...block, input: {} } }, 'content_block_start');
          send({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } }, 'content_block_delta');
        } else {
          send({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, 'content_block_start');
          send({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } }, 'content_block_delta');
        }
        send({ type: 'content_block_stop', index }, 'content_block_stop');
      });
      send({ type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: 10 } }, 'message_delta');
      send({ type: 'message_stop' }, 'message_stop');
      res.end();
      return;
    }
    if (path.endsWith('/count_tokens')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"input_tokens":10}'); return; }
    // ---- Gemini ----
    if (/:(stream)?[gG]enerateContent$/.test(path)) {
      const names = (body.tools ?? []).flatMap((t: Json) => (t.functionDeclarations ?? []).map((f: Json) => f.name as string));
      const tool = findTool(names, opts.tool);
      const done = text.includes('"functionResponse"');
      const parts = tool && !done ? [{ functionCall: { name: tool, args: opts.args('gemini') } }] : [{ text: opts.text }];
      if (tool && !done) calls.push('gemini');
      const chunk = { candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 }, modelVersion: 'fake' };
      if (path.includes(':stream')) { const send = sse(res); send(chunk); res.end(); } else { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(chunk)); }
      return;
    }
    if (path.endsWith(':countTokens')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"totalTokens":10}'); return; }
    // ---- OpenAI Responses ----
    if (path.endsWith('/responses')) {
      // Codex groups an MCP server's tools in a namespace: called by the full name.
      const names = (body.tools ?? []).flatMap((t: Json) => (t.type === 'namespace' ? (t.tools ?? []).map((x: Json) => `${t.name}__${x.name}`) : [t.name ?? t.function?.name])).filter(Boolean) as string[];
      const tool = findTool(names, opts.tool);
      const done = text.includes('"function_call_output"');
      const item = tool && !done
        ? { type: 'function_call', id: `fc_${n}`, call_id: id, ...splitNamespace(tool), arguments: JSON.stringify(opts.args('responses')), status: 'completed' }
        : { type: 'message', id: `msg_${n}`, role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: opts.text, annotations: [] }] };
      if (tool && !done) calls.push('responses');
      const response = { id: `resp_${n}`, object: 'response', created_at: Math.floor(Date.now() / 1000), model: body.model, status: 'completed', output: [item], usage: { input_tokens: 10, output_tokens: 10, total_tokens: 20, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } } };
      const send = sse(res);
      send({ type: 'response.created', response: { ...response, status: 'in_progress', output: [] } }, 'response.created');
      send({ type: 'response.output_item.added', output_index: 0, item }, 'response.output_item.added');
      if (item.type === 'message') send({ type: 'response.output_text.delta', output_index: 0, content_index: 0, item_id: item.id, delta: opts.text }, 'response.output_text.delta');
      send({ type: 'response.output_item.done', output_index: 0, item }, 'response.output_item.done');
      send({ type: 'response.completed', response }, 'response.completed');
      res.end();
      return;
    }
    // ---- OpenAI Chat Completions ----
    if (path.endsWith('/chat/completions')) {
      const names = (body.tools ?? []).map((t: Json) => t.function?.name as string).filter(Boolean);
      const results = (body.messages ?? []).filter((m: Json) => m.role === 'tool').length;
      let fn: { name: string; arguments: string } | undefined;
      const direct = findTool(names, opts.tool);
      // Qwen Code defers MCP tools: named in its prompt, reviewed with
      // tool_search, then called through tool_call.
      const deferred = new RegExp(`[\\w-]*__${opts.tool}\\b`).exec(JSON.stringify(body.messages ?? []))?.[0];
      if (direct && results === 0) fn = { name: direct, arguments: JSON.stringify(opts.args('chat')) };
      else if (!direct && deferred && names.includes('tool_call')) {
        if (results === 0) fn = { name: 'tool_search', arguments: JSON.stringify({ query: `select:${deferred}` }) };
        else if (results === 1) fn = { name: 'tool_call', arguments: JSON.stringify({ name: deferred, arguments: opts.args('chat') }) };
      }
      if (fn && fn.name !== 'tool_search') calls.push('chat');
      const base = { id: `chatcmpl_${n}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
      const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
      if (!body.stream) {
        const message = fn ? { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: fn }] } : { role: 'assistant', content: opts.text };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: fn ? 'tool_calls' : 'stop' }], usage }));
        return;
      }
      const send = sse(res);
      if (fn) {
        send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id, type: 'function', function: fn }] }, finish_reason: null }] });
        send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
      } else {
        send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: opts.text }, finish_reason: null }] });
        send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
      }
      send({ ...base, choices: [], usage });
      send('[DONE]');
      res.end();
      return;
    }
    if (path.endsWith('/models')) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model' }], models: [] })); return; }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":{"message":"not faked"}}');
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => { raw += d.toString(); });
    req.on('end', () => {
      let body: Json = {};
      try { body = raw ? JSON.parse(raw) as Json : {}; } catch { /* not JSON */ }
      try { handle(req, res, body); } catch (error) { res.writeHead(500); res.end(String(error)); }
    });
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', () => resolve()); });
  return {
    url: `http://127.0.0.1:${port}`, port, calls, requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
