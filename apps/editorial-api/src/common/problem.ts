import { HttpStatus } from '@nestjs/common';

export interface ProblemDetail {
  path: string;
  message: string;
}

/** The one error body of the API. */
export interface Problem {
  statusCode: number;
  error: string;
  message: string;
  details?: ProblemDetail[];
  [extra: string]: unknown;
}

export function problem(statusCode: number, message: string, extra: Partial<Problem> = {}): Problem {
  const error = (HttpStatus[statusCode] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  return { statusCode, error, message, ...extra };
}
