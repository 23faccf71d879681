import { fieldsIn, mapFields, redactionMarker, type RedactionNotice } from '@newsroom/event-store';
import {
  redactableFields,
  type ArticleContent,
  type ArticleEvent,
  type ContentRedacted,
  type FieldReference,
} from '@newsroom/editorial-domain';
import {
  approved,
  contributorAdded,
  correctionIssued,
  drafted,
  photoAttached,
  published,
  revised,
  submitted,
} from '@newsroom/testing';
import { evolveArticleRow, type ArticleRow } from './article-state.projection';
import { envelope, envelopes, minutesAfterEpoch } from './projection.fixtures';
import type { ProjectedEvent } from './projected-event';

// Issue #12 for projection specs: a story whose source's name (the canary) appears in a headline,
// a paragraph, a quote attribution, a photo caption, a contributor credit and a correction, across
// versions, published, corrected and republished; the redaction of that name; and the stream as a
// projector reads it once the keys are destroyed (markers where the name's fields were).

export const CANARY = 'Ingrid Solvang';

/** What the helpers below read of an envelope, whatever its stream. */
type StoredShape = { eventId: string; type: string; data: unknown };

export const NOTICE: RedactionNotice = {
  redactionId: 'a3c1e7d2-0000-4000-8000-000000000012',
  redactedAt: minutesAfterEpoch(30),
  legalBasis: 'Court order',
  reference: 'HC-2030-0117',
};

export const EDITORS_NOTE = 'Content was removed from this story for legal reasons.';

/** The canary's story up to the redaction: 9 events, live since version 6, corrected, republished at 9. */
export function canaryHistory(): ArticleEvent[] {
  return [
    drafted({
      headline: 'Harbour deal under scrutiny',
      body: [
        { type: 'paragraph', text: `Documents seen by this paper were handed over by ${CANARY} last week.` },
        { type: 'quote', text: 'Nobody was meant to see these.', attribution: `Harbour clerk ${CANARY}` },
        { type: 'paragraph', text: 'The harbour authority declined to comment.' },
      ],
    }),
    contributorAdded({ contributorId: 'c-source', name: CANARY, role: 'contributor', affiliation: 'Port office' }),
    photoAttached({ photoId: 'photo-1', caption: `${CANARY} outside the harbour office`, credit: 'Staff' }),
    submitted(),
    approved(),
    published({ publishedVersion: 5, publishedAt: minutesAfterEpoch(6) }),
    correctionIssued({ text: `An earlier version misspelt ${CANARY}.`, issuedAt: minutesAfterEpoch(7) }),
    revised({ headline: `Harbour deal: ${CANARY} speaks`, standfirst: 'A clerk tells her side.' }),
    published({ publishedVersion: 8, publishedAt: minutesAfterEpoch(9), updateKind: 'major' }),
  ];
}

/** Every redactable field of the envelopes whose text holds the passage: what a redaction destroys. */
export function fieldsHolding(events: readonly StoredShape[], passage: string): FieldReference[] {
  return events.flatMap((e) =>
    fieldsIn(e.data, redactableFields(e.type))
      .filter(({ value }) => typeof value === 'string' && value.includes(passage))
      .map(({ path }) => ({ eventId: e.eventId, path })),
  );
}

/** The envelopes as decryption reads them once the fields' keys are destroyed: markers in their place. */
export function withMarkers<E extends StoredShape>(events: readonly E[], fields: readonly FieldReference[]): E[] {
  return events.map((e) => {
    const paths = new Set(fields.filter((f) => f.eventId === e.eventId).map((f) => f.path));
    if (paths.size === 0) return e;
    const data = mapFields(e.data, redactableFields(e.type), (value, path) =>
      paths.has(path) ? redactionMarker(`kid-${e.eventId}-${path}`, NOTICE) : value,
    );
    return { ...e, data };
  });
}

/** The redaction of `passage` from an article whose row (plaintext) is `before`, as the command would decide it. */
export function contentRedacted(
  before: ArticleRow,
  fields: FieldReference[],
  passage: string = CANARY,
): ContentRedacted {
  const without = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(passage).join(''));
  // A credit that named only the passage goes with it (an empty name is no credit).
  const content = (c: ArticleContent) => {
    const rest = without(c);
    return { ...rest, contributors: rest.contributors.filter((p) => p.name.trim() !== '') };
  };
  return {
    type: 'ContentRedacted',
    data: {
      ...NOTICE,
      reason: 'Identifies a protected source',
      requestedBy: { id: 'user-admin', name: 'Ada Admin' },
      fields,
      erased: [],
      working: content(before.working),
      live: before.live ? content(before.live.content) : null,
      corrections: without(before.corrections),
      note: EDITORS_NOTE,
    },
  };
}

/** The canary's stream with its redaction: as live processing receives it, and as a replay reads it after. */
export function redactedStream(after: ArticleEvent[] = []): {
  live: ProjectedEvent[];
  replayed: ProjectedEvent[];
  fields: FieldReference[];
  redactionVersion: number;
} {
  const history = envelopes(canaryHistory());
  const fields = fieldsHolding(history, CANARY);
  const before = rowOf(history);
  const redaction = envelope(contentRedacted(before, fields), history.length + 1, { occurredAt: NOTICE.redactedAt });
  const later = after.map((event, i) => envelope(event, history.length + 2 + i));
  return {
    live: [...history, redaction, ...later],
    replayed: [...withMarkers(history, fields), redaction, ...later],
    fields,
    redactionVersion: redaction.version,
  };
}

function rowOf(events: ProjectedEvent[]): ArticleRow {
  return events.reduce<ArticleRow | null>(evolveArticleRow, null)!;
}
