/**
 * What a reader of history gets in place of a text whose key a legal redaction destroyed (issue
 * #12): the order that removed it, never the text. It may stand wherever an event, a version or an
 * audit entry carries free text (a headline, a paragraph, a caption, a credit, a note).
 */
export interface RedactedValue {
  $redacted: {
    /** The destroyed field key. */
    kid: string;
    redactionId: string;
    redactedAt: string;
    legalBasis: string;
    reference: string;
  };
}

export function isRedactedValue(value: unknown): value is RedactedValue {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, '$redacted')) return false;
  const r = (value as { $redacted: unknown }).$redacted;
  return r !== null && typeof r === 'object';
}

/** "Redacted 2026-12-02 · <legal basis> · <reference>": how a redacted value reads as text. */
export function redactedLabel(value: RedactedValue): string {
  const { redactedAt, legalBasis, reference } = value.$redacted;
  const date = typeof redactedAt === 'string' ? redactedAt.slice(0, 10) : '';
  return ['Redacted' + (date ? ` ${date}` : ''), legalBasis, reference]
    .filter((part) => typeof part === 'string' && part !== '')
    .join(' · ');
}

/**
 * Where a redacted value's label stands in a text (to the end of its line or a quote's " — "), as a
 * RegExp source: word diffs take it whole, since diffed word by word against the text re-issued in
 * its place its words interleave with the new ones into nonsense.
 */
export const REDACTED_LABEL_PATTERN = /Redacted(?: \d{4}-\d{2}-\d{2})?(?: · [^·\n]+?)*(?=$|\n| — )/u.source;
