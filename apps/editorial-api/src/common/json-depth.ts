import { BadRequestException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

/** Deeper than any request of the API needs (an article body is 3 levels), far below a stack's limit. */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * How deep the JSON text nests, counted on the raw bytes before any parsing: brackets inside
 * strings do not count. Stops counting as soon as `limit` is passed, so a hostile body costs one
 * partial scan. Malformed text is the parser's business; this only bounds its depth.
 */
export function jsonDepthExceeds(raw: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (OPEN.has(b)) {
      if (++depth > limit) return true;
    } else if (CLOSE.has(b)) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: runs on the raw body before JSON.parse, and refuses a body nested too deep. */
export function limitJsonDepth(limit = MAX_JSON_DEPTH) {
  return (_req: IncomingMessage, _res: unknown, raw: Buffer): void => {
    if (jsonDepthExceeds(raw, limit)) {
      throw new BadRequestException({
        message: `The request body nests deeper than ${limit} levels`,
        details: [{ path: 'body', message: `must nest at most ${limit} levels deep` }],
      });
    }
  };
}
