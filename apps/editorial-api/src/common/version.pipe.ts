import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';

/** The largest version the store's integer column holds; a larger one is a 400, not a 500 from PostgreSQL. */
export const MAX_VERSION = 2 ** 31 - 1;

/** A path parameter naming an article version: a whole number from 1 to 2^31-1, or a 400 naming it. */
export class VersionPipe implements PipeTransform<string, number> {
  transform(value: string, { data }: ArgumentMetadata): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= MAX_VERSION)) {
      const path = data ?? 'version';
      throw new BadRequestException({
        message: 'Invalid input',
        details: [{ path, message: `${path} must be a version number from 1 to ${MAX_VERSION}` }],
      });
    }
    return n;
  }
}
