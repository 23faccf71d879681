import type { ErrorBody } from '@newsroom/contracts';
import { takeEarlyAnswer } from './early-requests';
import { redactedAsLabels } from '../components/redacted-values';

/** The API refused: its error body, with the message as a sentence to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body?.message ?? `The server answered ${status}.`);
  }
}

/** The request never got an answer: the user's work stays where it is. */
export class NetworkError extends Error {
  constructor() {
    super('The server could not be reached. Your work is kept here; try again in a moment.');
  }
}

export interface Answer<T> {
  data: T;
  /** The version from the ETag, when the answer carries one. */
  version?: number;
}

interface HttpSession {
  token(): string | undefined;
  /** The API no longer accepts the token: expired, revoked, or the user disabled. */
  ended(): void;
}

let session: HttpSession = { token: () => undefined, ended: () => undefined };

export function connectSession(s: HttpSession) {
  session = s;
}

export async function http<T>(
  path: string,
  init: { method?: string; body?: unknown; ifMatch?: number; signal?: AbortSignal } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.ifMatch !== undefined) headers['if-match'] = `"${init.ifMatch}"`;
  let res: Response;
  try {
    // The first page's data may already be on its way (early-requests.entry.ts).
    const early = init.method === undefined && init.body === undefined ? takeEarlyAnswer(path, token) : undefined;
    res = await (early ??
      fetch(path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      }));
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new NetworkError();
  }
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) {
    if (res.status === 401 && token) session.ended();
    throw new ApiError(res.status, (json as ErrorBody | undefined) ?? null);
  }
  const etag = res.headers.get('etag')?.match(/\d+/)?.[0];
  return { data: json as T, version: etag === undefined ? undefined : Number(etag) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text, redactedAsLabels);
  } catch {
    return undefined;
  }
}

/** Query parameters without the empty ones. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
