import { isIsoTimestamp } from './iso-time';

// Bug: `2099-01-01T00:00:00+20:00` passed as a timestamp; PostgreSQL cannot cast an offset beyond
// ±15:59, and the scheduler's query then failed on every tick for good (events cannot be deleted).
describe('regression: a timestamp PostgreSQL cannot cast passed the domain', () => {
  it.each(['2099-01-01T00:00:00+20:00', '2099-01-01T00:00:00-16:00', '2099-01-01T00:00:00+01:60'])(
    'refuses the offset of %s',
    (value) => expect(isIsoTimestamp(value)).toBe(false),
  );

  it.each(['0001-01-01T00:00:00+01:00', '9999-12-31T23:00:00-02:00'])(
    'refuses %s, an instant outside years 1 to 9999 in UTC',
    (value) => expect(isIsoTimestamp(value)).toBe(false),
  );

  it.each(['2099-01-01T00:00:00+15:59', '2099-01-01T00:00:00-15:59', '2030-01-31T09:00:00Z', '2030-01-31T09:00+05:30'])(
    'still accepts %s',
    (value) => expect(isIsoTimestamp(value)).toBe(true),
  );
});
