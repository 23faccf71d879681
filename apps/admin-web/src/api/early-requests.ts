/**
 * The first page's data, asked for by early-requests.entry.ts while the app's own script is still
 * on its way: http() takes an answer from here instead of asking again, once, with the same token.
 * Only the first page's load may use them (see main.tsx): a later request wants a fresh answer.
 */
const asked = new Map<string, { token: string; answer: Promise<Response> }>();
let open = true;

/** A GET with the headers http() sends. */
export function askEarly(path: string, token: string): void {
  const answer = fetch(path, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  // Never taken (the page asked for something else): no unhandled rejection. A taker still sees it.
  answer.catch(() => undefined);
  asked.set(path, { token, answer });
}

export function takeEarlyAnswer(path: string, token: string | undefined): Promise<Response> | undefined {
  const early = asked.get(path);
  if (!open || !early || early.token !== token) return undefined;
  asked.delete(path);
  return early.answer;
}

/** The first page has loaded: answers not taken by now are dropped, and none are taken after. */
export function closeEarlyRequests(): void {
  open = false;
  asked.clear();
}
