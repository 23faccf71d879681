import { isRedactedValue, redactedLabel } from '@newsroom/contracts';

/**
 * JSON.parse's reviver for every answer of the API: a value a legal redaction made unreadable
 * (issue #12) arrives as `{"$redacted": {…}}` wherever history carried text (a version's headline,
 * an audit entry's before and after, a diff's side, a time-travel body). Read once here as its
 * label, "Redacted 2026-12-02 · <legal basis> · <reference>", every screen shows it as text (React
 * escapes it), and none can print an object or fail on a string method.
 */
export function redactedAsLabels(_key: string, value: unknown): unknown {
  return isRedactedValue(value) ? redactedLabel(value) : value;
}
