import type { ArticleContent, Correction, PublicationKind } from '@newsroom/editorial-domain';
import slugify from 'slugify';
import type { ArticleRow } from './article-state.projection';
import { toArticleEvent, type ProjectedEvent } from './projected-event';

/**
 * Table `public_articles`: what readers and partners may receive of an article, one row per article
 * that ever went live. Only the live copy is kept, never the working copy, so nothing an editor is
 * still writing can leak through a public route.
 */
export interface PublicArticle {
  articleId: string;
  /** The article version this row reflects (the last event applied to it). */
  version: number;
  /** `live` while readers may see it; `withdrawn` once unpublished (a tombstone for feeds and partners). */
  status: 'live' | 'withdrawn';
  /** Derived once, from the first published headline; the URL of the page for ever. */
  slug: string;
  /** Every slug a published headline ever had, the canonical one first; the others redirect to it. */
  slugs: string[];
  content: ArticleContent;
  /** The article version that went live (the ninjs `version`). */
  liveVersion: number;
  updateKind: PublicationKind;
  firstPublishedAt: string;
  /** When the live version was published (the ninjs `versioncreated`). */
  publishedAt: string;
  /** Moves on the first publication, a major update and a correction; never on a minor update. */
  modifiedAt: string;
  corrections: Correction[];
  /**
   * Editor's notes shown like corrections: a legal redaction's (issue #12), telling readers that
   * content was removed. Absent from rows projected before redactions existed.
   */
  editorNotes?: EditorNote[];
  withdrawnAt: string | null;
  /**
   * Nothing is shown before this instant: the first publication, or the embargo of the live copy if
   * later. The domain already refuses to publish under embargo; this is the second lock, checked at
   * read time against the clock, so a skewed writer's clock cannot release a story early.
   */
  visibleFrom: string;
}

/** An editor's note as readers see it, dated like a correction. */
export interface EditorNote {
  text: string;
  issuedAt: string;
}

/** Everything a story tells its readers about its own changes, oldest first: corrections and editor's notes. */
export type PublicNotice = (Correction | (EditorNote & { kind: 'editors-note' })) & { issuedAt: string };

export function noticesOf(row: Pick<PublicArticle, 'corrections' | 'editorNotes'>): PublicNotice[] {
  const notes = (row.editorNotes ?? []).map((n) => ({ ...n, kind: 'editors-note' as const }));
  // Stable: a note issued at the same instant as a correction follows it.
  return [...row.corrections, ...notes].sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt));
}

/**
 * The public row after one applied event, given the article row after it (the runner's own copy).
 * Null while the article has never gone live. Idempotent: an event at or below the row's version
 * changes nothing. Pure: time comes from the events.
 */
export function evolvePublicArticle(
  row: PublicArticle | null,
  applied: { event: ProjectedEvent; after: ArticleRow },
): PublicArticle | null {
  const { event, after } = applied;
  if (row && event.version <= row.version) return row;
  switch (event.type) {
    case 'ArticlePublished':
      return publishedRow(row, after, event.version);
    case 'CorrectionIssued':
      if (!row) return null;
      return {
        ...row,
        version: event.version,
        corrections: [...after.corrections],
        modifiedAt: after.corrections[after.corrections.length - 1]?.issuedAt ?? row.modifiedAt,
      };
    case 'ContentRedacted':
      return row ? redactedRow(row, after, event) : null;
    case 'ArticleUnpublished':
      if (!row) return null;
      return { ...row, version: event.version, status: 'withdrawn', withdrawnAt: after.updatedAt };
    default:
      // Working-copy edits and workflow steps are not public; the row keeps its version so a later
      // public event is still applied.
      return row;
  }
}

function publishedRow(row: PublicArticle | null, after: ArticleRow, version: number): PublicArticle | null {
  const live = after.live;
  if (!live) return row;
  const content = structuredClone(live.content);
  const slugNow = slugOf(content.headline, after.articleId);
  const slugs = row ? (row.slugs.includes(slugNow) ? row.slugs : [...row.slugs, slugNow]) : [slugNow];
  const firstPublishedAt = row?.firstPublishedAt ?? live.publishedAt;
  const movesModified = !row || live.updateKind !== 'minor';
  return {
    articleId: after.articleId,
    version,
    status: 'live',
    slug: row?.slug ?? slugNow,
    slugs,
    content,
    liveVersion: live.version,
    updateKind: live.updateKind,
    firstPublishedAt,
    publishedAt: live.publishedAt,
    modifiedAt: movesModified ? live.publishedAt : row.modifiedAt,
    corrections: [...after.corrections],
    withdrawnAt: null,
    visibleFrom: laterOf(firstPublishedAt, content.embargoUntil),
  };
}

/**
 * A legal redaction of a story that went live: a new public version carrying the re-issued live
 * copy and corrections, with the editor's note dated like a correction; feeds and dateModified
 * move. A withdrawn story stays withdrawn (its tombstone shows no content) and keeps the note.
 */
function redactedRow(row: PublicArticle, after: ArticleRow, event: ProjectedEvent): PublicArticle {
  const redaction = toArticleEvent(event);
  if (redaction.type !== 'ContentRedacted') return row;
  const { note, redactedAt } = redaction.data;
  const editorNotes = [...(row.editorNotes ?? []), { text: note, issuedAt: redactedAt }];
  const live = after.live;
  if (row.status === 'withdrawn' || !live) {
    return { ...row, version: event.version, corrections: [...after.corrections], editorNotes };
  }
  const content = structuredClone(live.content);
  const slugNow = slugOf(content.headline, after.articleId);
  return {
    ...row,
    version: event.version,
    content,
    slugs: row.slugs.includes(slugNow) ? row.slugs : [...row.slugs, slugNow],
    // The re-issue is a version of its own for partners (ninjs `version`, `versioncreated`).
    liveVersion: event.version,
    publishedAt: redactedAt,
    modifiedAt: redactedAt,
    corrections: [...after.corrections],
    editorNotes,
  };
}

const SLUG_WORDS_MAX = 80;

/**
 * The URL slug of a headline: its words in lower-case ASCII, then the first 8 hex digits of the
 * article id, so two stories with one headline never share a URL and a rebuild derives the same
 * slugs whatever order it replays articles in.
 */
export function slugOf(headline: unknown, articleId: string): string {
  // A redacted headline (replayed history) gives no words: its order's label is no URL.
  if (typeof headline !== 'string') return `story-${articleId.slice(0, 8).toLowerCase()}`;
  // slugify spells some symbols out ("<" becomes "less"); a headline's punctuation is not a word.
  const words = slugify(headline.replace(/[<>&$%|#@*+~=^`]/g, ' '), { lower: true, strict: true, trim: true })
    .slice(0, SLUG_WORDS_MAX)
    .replace(/-+$/, '');
  return `${words || 'story'}-${articleId.slice(0, 8).toLowerCase()}`;
}

/** The key a section is addressed by in feed URLs: `World News` → `world-news`. */
export function sectionKeyOf(section: string): string {
  return slugify(section, { lower: true, strict: true, trim: true }) || 'section';
}

function laterOf(a: string, b: string | null): string {
  return b !== null && Date.parse(b) > Date.parse(a) ? new Date(Date.parse(b)).toISOString() : a;
}
