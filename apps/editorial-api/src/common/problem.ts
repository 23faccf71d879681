import { HttpStatus } from '@nestjs/common';

import type { ErrorBody, ErrorDetail } from '@newsroom/contracts';

/** The one error body of the API, as clients read it from the contracts. */
export type Problem = ErrorBody;
export type ProblemDetail = ErrorDetail;

export function problem(statusCode: number, message: string, extra: Partial<Problem> = {}): Problem {
  const error = (HttpStatus[statusCode] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  return { statusCode, error, message, ...extra };
}
