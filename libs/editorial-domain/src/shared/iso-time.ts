const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The widest offset PostgreSQL can store (±15:59); a wider one would stall every reader of the row. */
const MAX_OFFSET_HOURS = 15;
/** Instants from year 1 to 9999 in UTC: both PostgreSQL and the four-digit form can hold them. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * True for a full ISO-8601 date-time with an explicit offset. `Date.parse` alone is not enough:
 * it accepts 2024-02-30 and rolls it over to March, and it accepts offsets such as +20:00 that
 * PostgreSQL refuses to cast, so the calendar fields and the offset are checked too.
 */
export function isIsoTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_TIME.exec(value);
  const instant = Date.parse(value);
  if (!match || Number.isNaN(instant) || instant < EARLIEST || instant > LATEST) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => Number(part ?? '0'));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= MAX_OFFSET_HOURS &&
    offsetMinutes <= 59
  );
}

/** Timestamps may carry different offsets, so they are compared as instants, never as strings. */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
