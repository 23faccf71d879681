import { revised, published } from '@newsroom/testing';
import { ARTICLE_READ_MODELS, type AppliedEvent, type ReadModelName } from '../runner/projection';
import { PROJECTIONS } from '../runner/read-model.writers';
import { articleSource } from '../runner/stream-source';
import type { ArticleRow } from './article-state.projection';
import type { LedgerChange } from './contributor-ledger.projection';
import { minutesAfterEpoch } from './projection.fixtures';
import type { ProjectedEvent } from './projected-event';
import { evolvePublicArticle, type PublicArticle } from './public-article.projection';
import { CANARY, redactedStream } from './redaction.fixtures';

// Issue #12: what every article read model stores must not depend on whether it saw the redacted
// fields as text (live, before the redaction) or as markers (a replay after it). The runner derives
// a stream again from its history, opened now, when a redaction arrives (apply-events); this spec
// models its batches and the read models' writes (insert-only, upsert, replace whole, folded) in
// memory, so the pure functions are checked for it at every batch size, JSON round trips included.

type Step = AppliedEvent & { derived: unknown };
type Store = Record<string, unknown>;

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** What the read model's write leaves in its tables after `steps`, given what they held. */
function written(name: ReadModelName, store: Store, steps: Step[]): Store {
  const last = steps[steps.length - 1];
  switch (name) {
    case 'article_state':
      return { row: last.after };
    case 'article_list':
    case 'contributor_index':
      return { current: last.derived };
    case 'audit_trail': {
      const entries = { ...(store.entries as Record<number, unknown>) };
      for (const s of steps) entries[s.event.version] ??= s.derived;
      return { entries };
    }
    case 'public_articles':
      return {
        row: steps.reduce<PublicArticle | null>(
          (r, s) => evolvePublicArticle(r, s.derived as AppliedEvent),
          (store.row as PublicArticle | null) ?? null,
        ),
      };
    case 'contributor_ledger': {
      const credits = { ...(store.credits as Record<string, unknown>) };
      for (const s of steps) {
        const { merged, published: entries } = s.derived as LedgerChange;
        if (merged) credits[`merge:${merged.articleId}:${merged.contributorId}`] ??= merged;
        for (const x of entries) credits[`${x.personKey}:${x.articleVersion}:${x.contributorId}`] ??= x;
      }
      return { credits };
    }
    default:
      throw new Error(`not an article read model: ${name}`);
  }
}

/**
 * The read model after `events` delivered in batches of `batch`, rows stored as JSON between
 * batches; a redaction derives the stream again from `history` (the stored events before it, as
 * they read now) and clears what the read model held first, as the runner does.
 */
function project(name: ReadModelName, events: ProjectedEvent[], batch: number, history: ProjectedEvent[]): Store {
  const p = PROJECTIONS[name];
  let row: ArticleRow | null = null;
  let store: Store = {};
  for (let i = 0; i < events.length; i += batch) {
    let at: ArticleRow | null = row && roundTrip(row);
    let steps: Step[] = [];
    let cleared = false;
    const apply = (e: ProjectedEvent) => {
      const after = articleSource.evolve(at, e);
      const applied = { event: e, before: at, after };
      steps.push({ ...applied, derived: roundTrip(p.derive(applied)) });
      at = after;
    };
    for (const e of events.slice(i, i + batch)) {
      if (articleSource.rewritesHistory!(e)) {
        [at, steps, cleared] = [null, [], true];
        history.filter((h) => h.version < e.version).forEach(apply);
      }
      apply(e);
    }
    store = written(name, cleared ? {} : store, steps);
    row = at;
  }
  return roundTrip(store);
}

const later = [
  revised({ standfirst: 'The clerk tells her side of the harbour deal.' }),
  published({ publishedVersion: 11, publishedAt: minutesAfterEpoch(40), updateKind: 'minor' }),
];

describe('a runner that did not derive the stream again on the redaction', () => {
  it('would keep the passage in the history it derived before (what the re-derivation is for)', () => {
    const { live } = redactedStream(later);
    const notRederived = JSON.stringify(project('audit_trail', live, 1, live));

    expect(notRederived).toContain(CANARY);
  });
});

describe.each(ARTICLE_READ_MODELS)('read model %s, on a legal redaction', (name) => {
  const { live, replayed, redactionVersion } = redactedStream(later);
  const beforeRedaction = live.filter((e) => e.version < redactionVersion);

  it('holds the passage before the redaction (so the searches below can fail)', () => {
    expect(JSON.stringify(project(name, beforeRedaction, 1, beforeRedaction))).toContain(CANARY);
  });

  it.each([1, 2, 5, 100])('stores the same from a replay with markers as from live processing (batches of %i)', (n) => {
    const fromLive = project(name, live, n, replayed);
    const fromReplay = project(name, replayed, n, replayed);

    expect(fromReplay).toEqual(fromLive);
    expect(fromReplay).toEqual(project(name, replayed, 100, replayed));
  });

  it('holds the passage nowhere after it, nor any text printed from a marker object', () => {
    const stored = JSON.stringify(project(name, live, 3, replayed));

    expect(stored).not.toContain(CANARY);
    // Nor in a derived form: a slug, a search text, a name key.
    expect(stored.toLowerCase()).not.toContain(CANARY.split(' ')[1].toLowerCase());
    expect(stored).not.toContain('[object Object]');
  });
});
