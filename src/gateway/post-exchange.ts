import type { ServerResponse } from 'node:http';
import type { Message } from './jsonrpc.ts';
import { sendJson, startEventStream, writeEvent } from './http-util.ts';

/**
 * The replies to one POST. Answered as plain JSON when nothing else comes first
 * (the fast path); switched to an SSE stream as soon as a related message
 * (progress, a sampling request) must go out before the reply.
 */
export class PostExchange {
  private remaining: number;
  private readonly replies: Message[] = [];
  private mode: 'json' | 'sse' | 'done' = 'json';

  constructor(private readonly res: ServerResponse, count: number, private readonly batch: boolean, private readonly headers: Record<string, string>) {
    this.remaining = count;
    res.once('close', () => { this.mode = 'done'; });
  }

  reply(message: Message): void {
    if (this.mode === 'done') return;
    this.remaining--;
    if (this.mode === 'sse') writeEvent(this.res, message);
    else this.replies.push(message);
    if (this.remaining === 0) this.finish();
  }

  /** A message that belongs to this POST's requests but is not a reply; false if the stream is gone. */
  push(message: Message): boolean {
    if (this.mode === 'done') return false;
    if (this.mode === 'json') {
      startEventStream(this.res, this.headers);
      this.mode = 'sse';
      for (const reply of this.replies.splice(0)) writeEvent(this.res, reply);
    }
    return writeEvent(this.res, message);
  }

  private finish(): void {
    if (this.mode === 'json') sendJson(this.res, 200, this.batch ? this.replies : this.replies[0], this.headers);
    else this.res.end();
    this.mode = 'done';
  }
}
