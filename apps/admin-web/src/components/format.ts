const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * "14:03" today, "1 Dec 2026, 14:03" on any other day (yesterday, or a schedule next week): a time
 * alone would read as today. Both in the reader's time zone and locale, like "today" itself.
 */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  return sameLocalDay(d, now) ? time.format(d) : dateTime.format(d);
}

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

export const STATUS_LABELS = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
} as const;
