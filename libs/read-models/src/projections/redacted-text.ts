import { isRedactedValue, redactedLabel } from '@newsroom/contracts';

/**
 * A free-text value as text, whatever a read model was handed: the string itself, or, where a
 * legal redaction destroyed its key (issue #12), the order's label ("Redacted 2026-12-02 · basis ·
 * reference"). Never "[object Object]": replayed history carries markers where text used to be.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRedactedValue(value)) return redactedLabel(value);
  return value === null || value === undefined ? '' : String(value);
}

/** Whether a value is the marker of a redacted text rather than text. */
export const isRedacted = isRedactedValue;
