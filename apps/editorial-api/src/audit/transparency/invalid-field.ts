import { BadRequestException } from '@nestjs/common';

/** A 400 naming the field, in the API's one error shape. */
export function invalidField(path: string, message: string): BadRequestException {
  return new BadRequestException({ message: 'Invalid input', details: [{ path, message: `${path} ${message}` }] });
}
