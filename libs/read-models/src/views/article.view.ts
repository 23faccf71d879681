import type {
  ActorView,
  ArticleContentView,
  ArticleView,
  BodyBlockView,
  ContributorView,
  PersonView,
  PhotoView,
} from '@newsroom/contracts';
import {
  assertNever,
  type ArticleContent,
  type BodyBlock,
  type Contributor,
  type Photo,
} from '@newsroom/editorial-domain';
import type { ArticleRow } from '../projections/article-state.projection';

// The article row mapped to its wire shape field by field: a field added to the domain's snapshot
// stays off the wire until it is written here, and one renamed or removed fails to compile.

/** What every article read returns, current or historical. */
export function articleViewOf(row: ArticleRow): ArticleView {
  return {
    articleId: row.articleId,
    version: row.version,
    status: row.status,
    working: contentViewOf(row.working),
    live: row.live && {
      version: row.live.version,
      content: contentViewOf(row.live.content),
      publishedAt: row.live.publishedAt,
      updateKind: row.live.updateKind,
    },
    corrections: row.corrections.map((c) => ({ text: c.text, kind: c.kind, issuedAt: c.issuedAt })),
    scheduled: row.scheduled && {
      publishAt: row.scheduled.publishAt,
      scheduledBy: { id: row.scheduled.scheduledBy.id, name: row.scheduled.scheduledBy.name },
    },
    changesRequestedNote: row.changesRequestedNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: actorViewOf(row.createdBy),
    updatedBy: actorViewOf(row.updatedBy),
    assignees: (row.assignees ?? []).map(personViewOf),
    lastAuthor: row.lastAuthor ? personViewOf(row.lastAuthor) : null,
  };
}

function contentViewOf(c: ArticleContent): ArticleContentView {
  return {
    headline: c.headline,
    standfirst: c.standfirst,
    dateline: c.dateline,
    body: c.body.map(blockViewOf),
    sections: [...c.sections],
    tags: [...c.tags],
    language: c.language,
    source: c.source,
    embargoUntil: c.embargoUntil,
    contributors: c.contributors.map(contributorViewOf),
    photos: c.photos.map(photoViewOf),
  };
}

function blockViewOf(b: BodyBlock): BodyBlockView {
  switch (b.type) {
    case 'paragraph':
    case 'subheading':
      return { type: b.type, text: b.text };
    case 'quote':
      return { type: 'quote', text: b.text, ...optional('attribution', b.attribution) };
    case 'photo':
      return { type: 'photo', photoId: b.photoId };
    default:
      return assertNever(b, 'body block');
  }
}

function contributorViewOf(c: Contributor): ContributorView {
  return { contributorId: c.contributorId, name: c.name, role: c.role, ...optional('affiliation', c.affiliation) };
}

function photoViewOf(p: Photo): PhotoView {
  return {
    photoId: p.photoId,
    url: p.url,
    caption: p.caption,
    credit: p.credit,
    ...optional('altText', p.altText),
    ...optional('rights', p.rights),
  };
}

const actorViewOf = (a: ActorView): ActorView => ({ id: a.id, name: a.name, role: a.role });
const personViewOf = (p: PersonView): PersonView => ({ id: p.id, name: p.name });

/** An optional field only when it has a value, as the stored JSON had it. */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}
