import type { ArticleChange, StreamEnd, StreamReset } from '@newsroom/contracts';
import { createSseParser } from './sse-parser';

/** Why a subscription stopped for good: it never stops for a network failure or a server restart. */
export type StopReason = 'aborted' | 'session-ended' | 'unauthorized';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

export interface SubscribeOptions {
  /** The bearer token, or where to read the current one at each connection (none: unauthorized). */
  token: string | (() => string | null | undefined);
  /** A colleague's (or one's own) change, as the article read model committed it. */
  onEvent(change: ArticleChange): void;
  /** The contribution read model committed something: views of contributions fetch again. */
  onContributions?(): void;
  /** Fetch again what is shown: the stream cannot say what changed before this point. */
  onReset(reason: StreamReset['reason']): void;
  onStatus?(status: StreamStatus): void;
  /** Aborting it closes the stream and stops reconnecting. */
  signal: AbortSignal;
  url?: string;
  fetch?: typeof fetch;
  /** Waits between attempts: doubling from `initialMs` (or the server's `retry:`) up to `maxMs`, jittered. */
  retry?: { initialMs?: number; maxMs?: number };
  /** Not a byte (the server sends a keep-alive every 15 s) for this long: the connection is dead. */
  idleTimeoutMs?: number;
}

const EVENT_STREAM = /^text\/event-stream\b/i;

/**
 * Follows `GET /api/stream` until the signal aborts, the session ends or the token is refused
 * (the promise then says which): fetch with the Authorization header (an EventSource cannot send
 * one, and a token never goes in a URL), reconnecting by itself with backoff and Last-Event-ID.
 */
export async function subscribeToArticles(options: SubscribeOptions): Promise<StopReason> {
  const { signal, retry = {} } = options;
  let lastEventId = '';
  let initialMs = retry.initialMs ?? 1000;
  const maxMs = retry.maxMs ?? 30_000;
  let failures = 0;
  while (!signal.aborted) {
    options.onStatus?.(failures === 0 && !lastEventId ? 'connecting' : 'reconnecting');
    const outcome = await connectOnce(options, lastEventId);
    lastEventId = outcome.lastEventId;
    if (outcome.retryMs !== undefined) initialMs = outcome.retryMs;
    if (outcome.stop) return outcome.stop;
    // A connection that carried events was healthy: the next failure starts the backoff afresh.
    failures = outcome.heard ? 0 : failures + 1;
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
    await pause(ceiling / 2 + (Math.random() * ceiling) / 2, signal);
  }
  return 'aborted';
}

interface Outcome {
  stop?: StopReason;
  heard: boolean;
  lastEventId: string;
  retryMs?: number;
}

async function connectOnce(options: SubscribeOptions, lastEventId: string): Promise<Outcome> {
  const { signal } = options;
  const outcome: Outcome = { heard: false, lastEventId };
  const token = typeof options.token === 'function' ? options.token() : options.token;
  if (!token) return { ...outcome, stop: 'unauthorized' };
  const connection = new AbortController();
  const abort = () => connection.abort();
  signal.addEventListener('abort', abort, { once: true });
  let idle: ReturnType<typeof setTimeout> | undefined;
  const awake = () => {
    clearTimeout(idle);
    idle = setTimeout(abort, options.idleTimeoutMs ?? 45_000);
  };
  let ended: StreamEnd['reason'] | undefined;
  const parser = createSseParser({
    lastEventId,
    onRetry: (ms) => (outcome.retryMs = ms),
    onEvent: (m) => {
      outcome.heard = true;
      const data = parseJson(m.data);
      if (data === undefined) return;
      if (m.type === 'article') deliver(() => options.onEvent(data as ArticleChange));
      else if (m.type === 'contributions') deliver(() => options.onContributions?.());
      else if (m.type === 'reset') deliver(() => options.onReset((data as StreamReset).reason));
      else if (m.type === 'end') ended = (data as StreamEnd).reason;
    },
  });
  try {
    awake();
    const res = await (options.fetch ?? fetch)(options.url ?? '/api/stream', {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'text/event-stream',
        ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
      },
      signal: connection.signal,
    });
    if (res.status === 401) return { ...outcome, stop: 'unauthorized' };
    if (!res.ok || !res.body || !EVENT_STREAM.test(res.headers.get('content-type') ?? '')) {
      await res.body?.cancel().catch(() => undefined);
      return outcome;
    }
    options.onStatus?.('live');
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      awake();
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    // A dropped connection, an idle one aborted, or the caller's abort: the loop decides.
  } finally {
    clearTimeout(idle);
    signal.removeEventListener('abort', abort);
    connection.abort();
    outcome.lastEventId = parser.lastEventId;
  }
  if (signal.aborted) return { ...outcome, stop: 'aborted' };
  if (ended === 'session-ended') return { ...outcome, stop: 'session-ended' };
  return outcome;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A listener's own failure is reported, not allowed to break the stream. */
function deliver(call: () => void): void {
  try {
    call();
  } catch (err) {
    setTimeout(() => {
      throw err;
    });
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
