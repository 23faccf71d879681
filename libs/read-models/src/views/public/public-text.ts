import { isRedactedValue } from '@newsroom/contracts';

/** What a reader is shown where a redacted text would stand (never the order's details). */
export const REMOVED_TEXT = '[Removed for legal reasons]';

/**
 * The row with any redaction marker turned into REMOVED_TEXT. A live copy is re-issued without the
 * passage, so none should reach a renderer; this keeps one that did from printing
 * "[object Object]" or failing on a string method.
 */
export function readableRow<Row extends object>(row: Row): Row {
  return readable(row) as Row;
}

function readable(value: unknown): unknown {
  if (isRedactedValue(value)) return REMOVED_TEXT;
  if (Array.isArray(value)) return value.map(readable);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
}
