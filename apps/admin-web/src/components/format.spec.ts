import { describe, expect, it } from '@jest/globals';
import { formatMoment } from './format';

// Instants built in the test's own time zone, as the reader's browser would see them.
const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).toISOString();
const now = new Date(2026, 11, 1, 9, 30);
const year = (iso: string) => String(new Date(iso).getFullYear());

describe('a moment on a card', () => {
  it('shows the time alone for a change made today', () => {
    const text = formatMoment(at(2026, 12, 1, 8, 5), now);
    expect(text).not.toContain(year(at(2026, 12, 1, 8, 5)));
    expect(text).toMatch(/8|08/);
  });

  it('shows the date for a change made late yesterday, which a time alone would pass off as today', () => {
    const text = formatMoment(at(2026, 11, 30, 21, 12), now);
    expect(text).toContain('2026');
    expect(text).toMatch(/30/);
  });

  it('shows the date for a publication scheduled on a later day', () => {
    expect(formatMoment(at(2026, 12, 8, 6, 0), now)).toMatch(/8/);
    expect(formatMoment(at(2026, 12, 8, 6, 0), now)).toContain('2026');
  });

  it('shows the date for the same day and month of another year', () => {
    expect(formatMoment(at(2025, 12, 1, 9, 0), now)).toContain('2025');
  });
});
