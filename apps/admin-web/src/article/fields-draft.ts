import { DRAFT_FIELD_KEYS, type ArticleContentView, type BodyBlockView } from '@newsroom/contracts';

/** The fields a revision sends (ReviseArticle), as the workspace edits them. */
export interface FieldsDraft {
  headline: string;
  standfirst: string;
  dateline: string;
  body: BodyBlockView[];
  sections: string[];
  tags: string[];
  language: string;
  source: string;
  embargoUntil: string | null;
}

/** The draft fields, in the domain's order; the compiler checks the draft has each of them. */
export const FIELD_KEYS = DRAFT_FIELD_KEYS satisfies readonly (keyof FieldsDraft)[];

export function draftOf(content: ArticleContentView): FieldsDraft {
  const { headline, standfirst, dateline, body, sections, tags, language, source, embargoUntil } = content;
  return { headline, standfirst, dateline, body, sections, tags, language, source, embargoUntil };
}

/** Only what the user changed goes in the PATCH, so a colleague's other fields are never overwritten. */
export function changedFields(base: FieldsDraft, draft: FieldsDraft): Partial<FieldsDraft> {
  const out: Partial<FieldsDraft> = {};
  for (const key of FIELD_KEYS) {
    if (JSON.stringify(base[key]) !== JSON.stringify(draft[key])) Object.assign(out, { [key]: draft[key] });
  }
  return out;
}

/** "Politics, World" ⇄ ["Politics", "World"]. */
export const listOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
