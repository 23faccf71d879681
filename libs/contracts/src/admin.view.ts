/**
 * A read model's running or last rebuild (GET /api/admin/projections, `rebuild`): 'replay' with events
 * replayed of the total counted when it began, 'switch' while it indexes and switches in, then 'done'
 * (with its result) or 'failed' (with the error); 'interrupted' (with why) when the process running
 * it stopped before it finished.
 */
export interface RebuildStatusView {
  state: 'replay' | 'switch' | 'done' | 'failed' | 'interrupted';
  events: number;
  total: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  error?: string;
  result?: { events?: number; seconds?: number; contentHash?: string; replacedContentHash?: string };
}

/** One read model's status, lag and rebuild, for the admin screen. */
export interface ReadModelStatusView {
  name: string;
  /** 'running', 'rebuilding', 'stopped', or 'not_started' before the first batch. */
  status: string;
  lastPosition: number;
  lagEvents: number;
  lagMs: number | null;
  eventsPerSecond: number;
  eventsApplied: number;
  lastAppliedAt: string | null;
  lastError: string | null;
  openDeadLetters: number;
  rebuild: RebuildStatusView | null;
}

/** A message the projector could not apply (GET /api/admin/dead-letters). */
export interface DeadLetterView {
  id: number;
  projection: string;
  articleId: string | null;
  version: number | null;
  eventId: string | null;
  error: string;
  topic: string;
  partition: number;
  offset: string;
  createdAt: string;
}
