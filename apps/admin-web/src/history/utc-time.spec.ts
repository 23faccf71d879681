import { describe, expect, it } from '@jest/globals';
import { formatUtc, fromUtcInput, parseInstant, toUtcInput } from './utc-time';

describe('instants shown in UTC', () => {
  it('shows minutes when the instant has no seconds, as the banner reads', () => {
    expect(formatUtc('2026-02-13T10:05:00.000Z')).toBe('2026-02-13 10:05 UTC');
  });

  it('shows seconds when the instant has them, so two changes in one minute stay apart', () => {
    expect(formatUtc('2026-02-13T10:05:07.250Z')).toBe('2026-02-13 10:05:07 UTC');
  });

  it('converts an offset instant to UTC', () => {
    expect(formatUtc('2026-02-13T11:05:00+01:00')).toBe('2026-02-13 10:05 UTC');
  });
});

describe('the UTC date-time input', () => {
  it('reads minutes or seconds as UTC, whatever the browser’s zone', () => {
    expect(fromUtcInput('2026-02-13T10:05')).toBe('2026-02-13T10:05:00.000Z');
    expect(fromUtcInput('2026-02-13T10:05:07')).toBe('2026-02-13T10:05:07.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(fromUtcInput('')).toBeUndefined();
    expect(fromUtcInput('yesterday')).toBeUndefined();
    expect(fromUtcInput('2026-13-40T99:99')).toBeUndefined();
  });

  it('shows an instant back in the input’s form', () => {
    expect(toUtcInput('2026-02-13T10:05:07.000Z')).toBe('2026-02-13T10:05:07');
    expect(toUtcInput(undefined)).toBe('');
  });
});

describe('an instant from the URL', () => {
  it('is kept in its canonical form', () => {
    expect(parseInstant('2026-02-13T10:05:00Z')).toBe('2026-02-13T10:05:00.000Z');
  });

  it('is dropped when it is no instant', () => {
    expect(parseInstant('2026-02-13')).toBeUndefined();
    expect(parseInstant('not a date')).toBeUndefined();
    expect(parseInstant(42)).toBeUndefined();
  });
});
