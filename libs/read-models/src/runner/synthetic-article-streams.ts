import type { DataSource, EntityManager } from 'typeorm';
import { articleStreamId } from '@newsroom/editorial-domain';
import { chainAfter, GENESIS_HASH, loadUnchainedEvents, storedLinks } from '@newsroom/event-store';

// Plausible article histories for the runner's integration tests and the rebuild benchmark: every
// stream is one the domain's evolve accepts, loaded straight into `events` with a real hash chain
// (the projector refuses a message whose hash does not recompute), but no outbox rows.

export interface SyntheticEvent {
  articleId: string;
  version: number;
  type: string;
  data: unknown;
  actor: { id: string; name: string; role: string };
  occurredAt: string;
}

const REPORTER = { id: 'user-reporter', name: 'Rey Reporter', role: 'reporter' };
const EDITOR = { id: 'user-editor', name: 'Eda Editor', role: 'editor' };
const paragraph = (text: string) => ({ type: 'paragraph', text });

/** A made-up id per (run, article number): readable in a failing test, unique across runs. */
export function syntheticArticleId(run: string, n: number): string {
  return `${run.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Event `version` of a story: drafting, credits, review, publication, corrections; revisions after 20. */
export function syntheticEvent(articleId: string, version: number, occurredAt: string): SyntheticEvent {
  const n = Number.parseInt(articleId.slice(-6), 10) || 0;
  const at = (type: string, data: unknown, actor = EDITOR): SyntheticEvent => ({
    articleId,
    version,
    type,
    data,
    actor,
    occurredAt,
  });
  const body = (draft: number) => [
    paragraph(`Council officials confirmed on Tuesday that story ${n} developed further overnight (draft ${draft}).`),
    { type: 'photo', photoId: 'photo-1' },
    paragraph('Residents gathered outside the town hall, where the decision is expected to be announced this week.'),
    { type: 'quote', text: 'We will keep the harbour open whatever it takes.', attribution: 'Harbour master' },
  ];
  const contributor = (k: number, role: string) => ({
    contributor: { contributorId: `contributor-${k}`, name: `Writer ${n % 97} ${k}`, role },
  });
  switch (version) {
    case 1:
      return at(
        'ArticleDrafted',
        {
          articleId,
          headline: `Harbour plan ${n} divides council`,
          standfirst: 'A vote is expected on Friday.',
          dateline: 'PORTSMOUTH',
          body: body(1).filter((b) => b.type !== 'photo'),
          sections: ['news', n % 2 ? 'politics' : 'business'],
          tags: ['harbour'],
          language: 'en-GB',
          source: 'staff',
          embargoUntil: null,
        },
        REPORTER,
      );
    case 2:
      return at('ContributorAdded', contributor(1, 'author'), REPORTER);
    case 3:
      return at(
        'PhotoAttached',
        {
          photo: {
            photoId: 'photo-1',
            url: `https://images.example.com/${n}.jpg`,
            caption: 'The harbour at dawn',
            credit: 'Pat Photographer',
          },
        },
        REPORTER,
      );
    case 4:
      return at('ArticleRevised', { changes: { body: body(2) } }, REPORTER);
    case 5:
      return at('ContributorAdded', contributor(2, 'photographer'), REPORTER);
    case 6:
      return at(
        'ArticleRevised',
        {
          changes: {
            headline: `Harbour plan ${n} splits council ahead of vote`,
            standfirst: 'Councillors vote on Friday.',
          },
        },
        REPORTER,
      );
    case 7:
      return at('SubmittedForReview', {}, REPORTER);
    case 8:
      return at('ChangesRequested', { note: 'Please confirm the date of the vote.' });
    case 9:
      return at('ArticleRevised', { changes: { body: body(3) } }, REPORTER);
    case 10:
      return at(
        'PhotoUpdated',
        { photoId: 'photo-1', changes: { caption: 'The harbour at dawn on Monday', altText: 'Boats moored' } },
        REPORTER,
      );
    case 11:
      return at('SubmittedForReview', {}, REPORTER);
    case 12:
      return at('ArticleApproved', {});
    case 13:
      return at('ArticlePublished', { publishedVersion: 12, publishedAt: occurredAt, updateKind: 'initial' });
    case 14:
      return at('CorrectionIssued', {
        correction: { text: 'An earlier version misspelt a name.', kind: 'correction', issuedAt: occurredAt },
      });
    case 15:
      return at('ArticleRevised', { changes: { body: body(4) } });
    case 16:
      return at('ArticlePublished', { publishedVersion: 15, publishedAt: occurredAt, updateKind: 'minor' });
    case 17:
      return at('ContributorAdded', contributor(3, 'contributor'));
    case 18:
      return at('ArticleRevised', { changes: { tags: ['harbour', 'council'] } });
    case 19:
      return at('ArticlePublished', { publishedVersion: 18, publishedAt: occurredAt, updateKind: 'major' });
    case 20:
      return at('ContributorRemoved', {
        contributorId: 'contributor-3',
        name: `Writer ${n % 97} 3`,
        role: 'contributor',
      });
    default:
      return at('ArticleRevised', { changes: { headline: `Harbour plan ${n}: update ${version - 20}` } });
  }
}

/**
 * (article, version) pairs as a newsroom produces them: `active` stories in progress at once, each
 * step advancing a pseudo-random one, a new story starting when one is done. Deterministic.
 */
export function* interleavedStreams(
  articles: number,
  eventsPerArticle: number,
  active = 200,
): Generator<[number, number]> {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inProgress: Array<[number, number]> = [];
  let started = 0;
  while (started < articles || inProgress.length > 0) {
    while (inProgress.length < active && started < articles) inProgress.push([started++, 0]);
    const i = Math.floor(random() * inProgress.length);
    const story = inProgress[i];
    story[1] += 1;
    yield [story[0], story[1]];
    if (story[1] >= eventsPerArticle) inProgress.splice(i, 1);
  }
}

/**
 * Appends the events in the given order, one multi-row statement; returns their global positions.
 * Each stream's chain goes on from its stored event before the first one given.
 */
export async function insertSyntheticEvents(
  m: EntityManager | DataSource,
  events: SyntheticEvent[],
): Promise<number[]> {
  const links = await linksBefore(m, events);
  return loadUnchainedEvents(
    m,
    events.map((e) => {
      const streamId = articleStreamId(e.articleId);
      const commandId = `c-${e.articleId}-${e.version}`;
      const metadata = { actor: e.actor, commandId, correlationId: commandId, causationId: commandId };
      const prev = links.get(streamId);
      // A stream that starts past 1 with nothing stored before it (a gap, on purpose) links to nothing.
      const head = e.version === 1 ? null : { version: e.version - 1, hash: prev ?? GENESIS_HASH };
      const [chained] = chainAfter(head, streamId, [{ type: e.type, data: e.data }], metadata, e.occurredAt);
      links.set(streamId, chained.hash);
      return {
        streamId,
        version: e.version,
        type: e.type,
        data: e.data,
        metadata,
        occurredAt: e.occurredAt,
        chain: chained,
      };
    }),
  );
}

/** The stored hash before each stream's first event here (one query; none for a stream starting at 1). */
async function linksBefore(m: EntityManager | DataSource, events: SyntheticEvent[]): Promise<Map<string, string>> {
  const first = new Map<string, number>();
  for (const e of events) if (!first.has(e.articleId)) first.set(e.articleId, e.version);
  const keys = [...first].filter(([, v]) => v > 1).map(([a, v]) => ({ streamId: articleStreamId(a), version: v - 1 }));
  return new Map((await storedLinks(m, keys)).map((l) => [l.streamId, l.hash]));
}

/** Appends `articles` interleaved stories of `perArticle` events; returns the article ids. */
export async function appendStories(
  ds: DataSource,
  run: string,
  articles: number,
  perArticle: number,
): Promise<string[]> {
  const events = [];
  let t = Date.parse('2030-02-01T08:00:00.000Z');
  for (const [n, version] of interleavedStreams(articles, perArticle, Math.min(articles, 50))) {
    events.push(syntheticEvent(syntheticArticleId(run, n), version, new Date((t += 60_000)).toISOString()));
  }
  for (let i = 0; i < events.length; i += 2000) await insertSyntheticEvents(ds, events.slice(i, i + 2000));
  return Array.from({ length: articles }, (_, n) => syntheticArticleId(run, n));
}
