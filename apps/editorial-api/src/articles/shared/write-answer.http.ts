import type { Response } from 'express';

/** A write answers with the article's new version as ETag, ready for the client's next If-Match. */
export function answered<A extends { version: number }>(res: Response, answer: A): A {
  res.setHeader('ETag', `"${answer.version}"`);
  return answer;
}

/** A creation answers 201 with the Location of what it created, on a replay too: the answer holds the ids. */
export function created<A extends { version: number }>(res: Response, answer: A, location: string): A {
  res.status(201).setHeader('Location', location);
  return answered(res, answer);
}
