import { changedFields, FIELD_KEYS, type FieldsDraft } from './fields-draft';

export type FieldKey = keyof FieldsDraft;

/**
 * A save refused because a colleague saved first: what the editor had typed, kept whole, and the
 * version it now has to go on top of. Their values are re-applied field by field, by choice.
 */
export interface Conflict {
  /** The version the editor's edits started from. */
  fromVersion: number;
  /** The article's version when the conflict was found; the next save goes against it. */
  toVersion: number;
  mine: FieldsDraft;
  /** The fields the editor changed, in the form's order. */
  myFields: FieldKey[];
}

export function conflictOf(fromVersion: number, toVersion: number, base: FieldsDraft, mine: FieldsDraft): Conflict {
  const changed = changedFields(base, mine);
  return { fromVersion, toVersion, mine, myFields: FIELD_KEYS.filter((k) => k in changed) };
}

/** The draft with the editor's own value of `field` put back. */
export function reapply(draft: FieldsDraft, conflict: Conflict, field: FieldKey): FieldsDraft {
  return { ...draft, [field]: conflict.mine[field] };
}

export function reapplyAll(draft: FieldsDraft, conflict: Conflict): FieldsDraft {
  return conflict.myFields.reduce((d, f) => reapply(d, conflict, f), draft);
}

/** Whether the draft holds the editor's own value of `field` now. */
export function isReapplied(draft: FieldsDraft, conflict: Conflict, field: FieldKey): boolean {
  return JSON.stringify(draft[field]) === JSON.stringify(conflict.mine[field]);
}

/** A field's value as a short line of text, for showing "yours" beside "now". */
export function shownValue(draft: FieldsDraft, field: FieldKey): string {
  const v = draft[field];
  if (v === null || v === '') return '(empty)';
  if (typeof v === 'string') return v;
  if (field === 'body') {
    return draft.body
      .map((b) => (b.type === 'photo' ? '[photo]' : b.type === 'quote' ? `“${b.text}” ${b.attribution ?? ''}` : b.text))
      .join(' / ');
  }
  return (v as string[]).join(', ') || '(empty)';
}

export const FIELD_LABELS: Record<FieldKey, string> = {
  headline: 'headline',
  standfirst: 'standfirst',
  dateline: 'dateline',
  body: 'body',
  sections: 'sections',
  tags: 'tags',
  language: 'language',
  source: 'source',
  embargoUntil: 'embargo',
};
