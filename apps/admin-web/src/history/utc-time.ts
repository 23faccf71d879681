// Auditors and editors compare notes across time zones: every instant is shown in UTC first, with
// the reader's local time beside it. Seconds are shown only when the instant has them.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-02-13 10:05 UTC", or "2026-02-13 10:05:07 UTC" when the instant has seconds. */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCSeconds() || d.getUTCMilliseconds() ? `:${pad(d.getUTCSeconds())}` : '';
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds} UTC`;
}

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The same instant in the reader's own time zone. */
export function formatLocal(iso: string): string {
  return local.format(new Date(iso));
}

/** An instant as a UTC date-time input shows it ("2026-02-13T10:05:07"). */
export function toUtcInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 19);
}

/** What a UTC date-time input holds, as an ISO instant; undefined when it holds none. */
export function fromUtcInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const d = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** An ISO instant from the URL, or undefined when it is not one. */
export function parseInstant(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > 40) return undefined;
  const d = new Date(v);
  return /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}
