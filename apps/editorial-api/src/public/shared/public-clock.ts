import { Injectable } from '@nestjs/common';

/**
 * The instant the public routes answer for: nothing whose `visibleFrom` is later is shown. A class
 * of its own so that a test module can put a fixed clock in its place.
 */
@Injectable()
export class PublicClock {
  now(): Date {
    return new Date();
  }
}
