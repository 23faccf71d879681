/** A command's answer, as the commands counter labels it: how it ended, and the code a refusal named. */
export function commandOutcome(status: number, errorCode?: string): { outcome: string; code: string } {
  if (status < 400) return { outcome: 'accepted', code: '' };
  // A stale If-Match, or a transition the article's state no longer allows: someone else changed it.
  if (status === 412 || status === 409) return { outcome: 'conflict', code: errorCode ?? String(status) };
  if (status < 500) return { outcome: 'refused', code: errorCode ?? String(status) };
  if (status === 503) return { outcome: 'unavailable', code: errorCode ?? '503' };
  return { outcome: 'failed', code: errorCode ?? String(status) };
}
