import type { ErrorDetail } from '@newsroom/contracts';
import { ApiError, NetworkError } from '../api/http';

/** Field path as the API names it (`headline`, `body[3].text`, `url`) → what is wrong with it. */
export type FieldErrors = Record<string, string>;

const STATUS_WORDS: Record<string, string> = {
  draft: 'a draft',
  in_review: 'in review',
  changes_requested: 'sent back for changes',
  approved: 'approved',
  scheduled: 'scheduled',
  published: 'published',
  unpublished: 'unpublished',
};

const statusWords = (s: unknown) => STATUS_WORDS[String(s)] ?? String(s);

/**
 * Any failure of a request as one sentence for the person who made it: what was not allowed and
 * why, or that the server could not answer, always saying the typed work is kept.
 */
export function sentenceOf(err: unknown, doing = 'This'): string {
  if (err instanceof NetworkError) return err.message;
  if (!(err instanceof ApiError)) return `${doing} failed unexpectedly. Your work is kept here; try again.`;
  const body = err.body;
  if (err.status >= 500) {
    return (
      `The server could not do this right now (error ${err.status}). ` +
      'Nothing was changed and your work is kept here; try again in a moment.'
    );
  }
  switch (err.status) {
    case 400:
      return details(body?.details).length > 0
        ? `${doing} was not saved: ${details(body?.details)
            .map(detailText)
            .join('; ')}. The marked fields need a change.`
        : `${doing} was not saved: ${body?.message ?? 'the server refused the input'}.`;
    case 401:
      return 'Your session has ended. Your work is kept in this browser; sign in again to save it.';
    case 403:
      return typeof body?.reason === 'string'
        ? `You may not do this: ${body.reason}.`
        : `You may not do this: ${body?.message ?? 'your role does not allow it'}.`;
    case 409:
      if (body?.code === 'INVALID_TRANSITION' && Array.isArray(body.allowedFrom)) {
        return (
          `${doing} is not possible while the article is ${statusWords(body.currentStatus)}; ` +
          `it is possible only when it is ${body.allowedFrom.map(statusWords).join(' or ')}.`
        );
      }
      return `${doing} is not possible now: ${body?.message ?? 'the article does not allow it'}.`;
    case 412:
      return 'Someone changed the article since you opened it. Your work is kept here.';
    default:
      return `${doing} was refused: ${body?.message ?? `the server answered ${err.status}`}.`;
  }
}

/** The fields a 400 names; empty for every other failure. */
export function fieldErrorsOf(err: unknown): FieldErrors {
  if (!(err instanceof ApiError) || err.status !== 400) return {};
  const out: FieldErrors = {};
  for (const d of details(err.body?.details)) out[d.path] ??= d.message;
  return out;
}

/** The first error at `path` or below it (`body[3]` finds `body[3].text`). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  return below === undefined ? undefined : errors[below];
}

const detailText = (d: ErrorDetail) => (d.message.startsWith(d.path) ? d.message : `${d.path} ${d.message}`);

function details(value: unknown): ErrorDetail[] {
  return Array.isArray(value)
    ? value.filter((d): d is ErrorDetail => typeof d?.path === 'string' && typeof d?.message === 'string')
    : [];
}
