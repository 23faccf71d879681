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

// Copy on write: every public request renders through here, and a row holds no marker but in the
// rare story a redaction missed, so the walk allocates nothing unless it finds one.
function readable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isRedactedValue(value)) return REMOVED_TEXT;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = readable(value[i]);
      if (item !== value[i]) (copy ??= [...value])[i] = item;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    const item = readable(v);
    if (item !== v) (copy ??= { ...(value as Record<string, unknown>) })[key] = item;
  }
  return copy ?? value;
}
