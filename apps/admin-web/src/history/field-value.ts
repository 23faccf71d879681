/** A field's value as text a person reads: lists joined, nothing said as "(none)", the rest as JSON. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.length ? v.join(', ') : '(none)';
  if (Array.isArray(v) && v.length === 0) return '(none)';
  return JSON.stringify(v, null, 2);
}

/** "standfirst" → "Standfirst", "embargoUntil" → "Embargo until". */
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
