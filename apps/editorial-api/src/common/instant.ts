import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { isIsoTimestamp } from '@newsroom/editorial-domain';

/**
 * A timestamp as it enters the system, parsed once into its canonical UTC form
 * (`2030-01-31T09:00:00.000Z`), or undefined when it is no timestamp the system can store: the
 * domain's rule (a real calendar date, an offset PostgreSQL can cast) in years 1 to 9999 UTC.
 */
export function toInstant(value: unknown): string | undefined {
  return isIsoTimestamp(value) ? new Date(value).toISOString() : undefined;
}

/** A canonical instant is its own canonical form; anything else is refused. */
export const isInstant = (value: unknown): value is string => toInstant(value) === value;

export const INSTANT_MESSAGE =
  'must be an ISO-8601 date-time with an offset (Z or ±hh:mm up to ±15:59), e.g. 2030-01-31T09:00:00Z';

/**
 * Normalises the field to its canonical UTC instant at the edge, or refuses it with a 400 naming
 * the field: everything behind the controller (decider, events, SQL) only ever sees `…Z` instants.
 */
export function IsInstant(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => toInstant(value) ?? value),
    ValidateBy({
      name: 'isInstant',
      validator: { validate: isInstant, defaultMessage: (a) => `${a?.property} ${INSTANT_MESSAGE}` },
    }),
  );
}
