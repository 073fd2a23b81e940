// The recent requests through one server, for /health and `mcp-auto status
// --watch`: what was called and how it ended — never arguments or results.

export interface CallRecord {
  /** When it ended (ms since the epoch). */
  at: number;
  method: string;
  /** The tool, prompt or resource it named, if any. */
  target?: string;
  ms: number;
  /** lost: the child went away while it was in flight. */
  outcome: 'ok' | 'error' | 'cancelled' | 'lost';
}

/** A sampling/elicitation request the child sent that mcp-auto could not route to one session. */
export interface Refusal { at: number; method: string; candidates: number }

export interface CallStats {
  total: number; failed: number; recent: CallRecord[];
  /** Server→client requests refused because several sessions could have asked for them. */
  ambiguous: number;
  lastAmbiguous?: Refusal;
}

/** Calls that ended in one 10-second slot: for the page's latency chart. */
export interface CallBucket { at: number; count: number; failed: number; totalMs: number; maxMs: number }

const KEEP = 20;
const BUCKET_MS = 10_000;
/** Ten minutes of slots. */
const BUCKETS = 60;

export class CallLog {
  private total = 0;
  private failed = 0;
  private readonly recent: CallRecord[] = [];
  private ambiguous = 0;
  private lastAmbiguous: Refusal | undefined;
  private readonly slots: CallBucket[] = [];

  add(record: CallRecord): void {
    this.total++;
    if (record.outcome !== 'ok') this.failed++;
    this.recent.push(record);
    if (this.recent.length > KEEP) this.recent.shift();
    const at = record.at - (record.at % BUCKET_MS);
    let slot = this.slots.at(-1);
    if (slot?.at !== at) {
      slot = { at, count: 0, failed: 0, totalMs: 0, maxMs: 0 };
      this.slots.push(slot);
      if (this.slots.length > BUCKETS) this.slots.shift();
    }
    slot.count++;
    if (record.outcome !== 'ok') slot.failed++;
    slot.totalMs += record.ms;
    slot.maxMs = Math.max(slot.maxMs, record.ms);
  }

  /** The slots of the last ten minutes that saw calls, oldest first. */
  buckets(now = Date.now()): CallBucket[] {
    return this.slots.filter((b) => b.at > now - BUCKETS * BUCKET_MS).map((b) => ({ ...b }));
  }

  refusedAsAmbiguous(refusal: Refusal): void {
    this.ambiguous++;
    this.lastAmbiguous = refusal;
  }

  stats(): CallStats {
    return { total: this.total, failed: this.failed, recent: [...this.recent], ambiguous: this.ambiguous, ...(this.lastAmbiguous ? { lastAmbiguous: this.lastAmbiguous } : {}) };
  }
}

/** What a request is about: the tool or prompt it calls, the resource it reads. */
export function targetOf(method: string, params: Record<string, unknown> | undefined): string | undefined {
  const named = method === 'resources/read' ? params?.uri : method === 'tools/call' || method === 'prompts/get' ? params?.name : undefined;
  return typeof named === 'string' ? named.slice(0, 80) : undefined;
}
