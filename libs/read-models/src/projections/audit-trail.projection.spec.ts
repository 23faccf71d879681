import type { ArticleEvent } from '@newsroom/editorial-domain';
import {
  AN_HOUR_AGO,
  aColleague,
  approved,
  ARTICLE_ID,
  changesRequested,
  contributorAdded,
  contributorRemoved,
  correctionIssued,
  drafted,
  historyUntil,
  photoAttached,
  photoDetached,
  photoUpdated,
  publicationScheduled,
  published,
  reporterAssigned,
  reporterUnassigned,
  revised,
  scheduleCancelled,
  submitted,
  unpublished,
} from '@newsroom/testing';
import { auditEntryOf } from './audit-trail.projection';
import { AN_EDITOR, afterHistory, envelope, minutesAfterEpoch } from './projection.fixtures';
import { UnprojectableEvent, VersionGap } from './projection.errors';

/** The audit entry of `event` recorded right after `history`. */
function entryFor(history: ArticleEvent[], event: ArticleEvent) {
  const { row, next } = afterHistory(...history);
  return auditEntryOf(row, next(event));
}

const withPhoto = [drafted(), photoAttached()];
const credited = [drafted(), contributorAdded({ contributorId: 'c-9', name: 'Jane Doe', role: 'photographer' })];
const longText = `${'word '.repeat(40)}end`;
const truncated = `${'word '.repeat(23)}word…`;

describe('the audit summary of each event type', () => {
  it.each<[string, string, ArticleEvent[], ArticleEvent]>([
    ['ArticleDrafted', 'Article drafted: “Harbour reopens”', [], drafted({ headline: 'Harbour reopens' })],
    ['ArticleRevised (one field)', 'Headline changed', [drafted()], revised({ headline: 'Harbour shut' })],
    [
      'ArticleRevised (two fields)',
      'Headline and body changed',
      [drafted()],
      revised({ headline: 'Harbour shut', body: [] }),
    ],
    [
      'ArticleRevised (three fields)',
      'Headline, body and tags changed',
      [drafted()],
      revised({ body: [], headline: 'Shut', tags: [] }),
    ],
    [
      'ContributorAdded',
      'Photographer credit added: Jane Doe (Agency)',
      [drafted()],
      contributorAdded({ name: 'Jane Doe', role: 'photographer', affiliation: 'Agency' }),
    ],
    [
      'ContributorAdded without affiliation',
      'Author credit added: Rey Reporter',
      [drafted()],
      contributorAdded({ name: 'Rey Reporter' }),
    ],
    [
      'ContributorRemoved',
      'Contributor removed: Jane Doe, photographer',
      credited,
      contributorRemoved({ contributorId: 'c-9', name: 'Jane Doe', role: 'photographer' }),
    ],
    ['PhotoAttached', 'Photo attached: Pat Photographer', [drafted()], photoAttached({ credit: 'Pat Photographer' })],
    ['PhotoUpdated (caption)', 'Photo caption changed', withPhoto, photoUpdated('photo-1', { caption: 'Dawn' })],
    [
      'PhotoUpdated (caption and alt text)',
      'Photo caption and alt text changed',
      withPhoto,
      photoUpdated('photo-1', { altText: 'Boats', caption: 'Dawn' }),
    ],
    ['PhotoDetached', 'Photo detached: Pat Photographer', withPhoto, photoDetached('photo-1')],
    ['SubmittedForReview', 'Submitted for review', [drafted()], submitted()],
    [
      'ChangesRequested',
      'Changes requested: Check the date',
      [drafted(), submitted()],
      changesRequested('Check the date'),
    ],
    [
      'ChangesRequested (long note)',
      `Changes requested: ${truncated}`,
      [drafted(), submitted()],
      changesRequested(longText),
    ],
    ['ArticleApproved', 'Approved', historyUntil('in_review'), approved()],
    [
      'ArticlePublished (initial)',
      'Published v12 — first publication',
      historyUntil('approved'),
      published({ publishedVersion: 12 }),
    ],
    [
      'ArticlePublished (update)',
      'Published v3 — minor update',
      historyUntil('published'),
      published({ updateKind: 'minor' }),
    ],
    [
      'ArticlePublished (on schedule)',
      'Published v3 — first publication, as scheduled by Eda Editor',
      historyUntil('scheduled'),
      published({ publishedVersion: 3, scheduledBy: { id: 'user-editor', name: 'Eda Editor' } }),
    ],
    [
      'PublicationScheduled',
      'Scheduled for 2030-01-01T09:00:00.000Z',
      historyUntil('approved'),
      publicationScheduled('2030-01-01T09:00:00.000Z'),
    ],
    ['ScheduleCancelled', 'Schedule cancelled', historyUntil('scheduled'), scheduleCancelled()],
    ['ArticleUnpublished', 'Unpublished: Legal complaint', historyUntil('published'), unpublished('Legal\ncomplaint')],
    [
      'CorrectionIssued',
      `Correction issued: ${truncated}`,
      historyUntil('published'),
      correctionIssued({ text: longText }),
    ],
    [
      'CorrectionIssued (clarification)',
      'Clarification issued: Owned by the city.',
      historyUntil('published'),
      correctionIssued({ text: 'Owned by the city.', kind: 'clarification' }),
    ],
    ['ReporterAssigned', 'Reporter assigned: Col Colleague', [drafted()], reporterAssigned(aColleague())],
    [
      'ReporterUnassigned',
      'Reporter unassigned: Col Colleague',
      [drafted(), reporterAssigned(aColleague())],
      reporterUnassigned(aColleague()),
    ],
  ])('%s reads "%s"', (_type, summary, history, event) => {
    expect(entryFor(history, event).summary).toBe(summary);
  });

  it('cuts free text to 120 characters, ellipsis included', () => {
    expect(
      Array.from(
        entryFor([drafted(), submitted()], changesRequested(longText)).summary.slice('Changes requested: '.length),
      ),
    ).toHaveLength(120);
  });
});

describe('the audit entry of an event', () => {
  it('carries the envelope identity, time and actor', () => {
    expect(entryFor([drafted()], submitted())).toMatchObject({
      articleId: ARTICLE_ID,
      version: 2,
      eventId: 'event-2',
      type: 'SubmittedForReview',
      occurredAt: minutesAfterEpoch(2),
      actor: AN_EDITOR,
    });
  });

  it('given a draft, when it is revised, then only the changed fields are listed with before and after', () => {
    const before = drafted({ headline: 'Old', standfirst: 'Same', body: [{ type: 'paragraph', text: 'One.' }] });
    const body = [
      { type: 'paragraph' as const, text: 'One.' },
      { type: 'paragraph' as const, text: 'Two.' },
    ];

    const entry = entryFor([before], revised({ headline: 'New', standfirst: 'Same', body }));

    expect(entry.changes).toEqual([
      { field: 'headline', before: 'Old', after: 'New' },
      { field: 'body', before: [{ type: 'paragraph', text: 'One.' }], after: body },
    ]);
  });

  it('when the article is drafted, then the status and every field the draft set are listed', () => {
    const entry = entryFor([], drafted({ headline: 'Harbour reopens', tags: [], embargoUntil: null }));

    expect(entry.changes).toContainEqual({ field: 'status', before: null, after: 'draft' });
    expect(entry.changes).toContainEqual({ field: 'headline', before: null, after: 'Harbour reopens' });
    const fields = entry.changes.map((c) => c.field);
    for (const empty of ['tags', 'embargoUntil', 'contributors', 'photos']) expect(fields).not.toContain(empty);
  });

  it('when a contributor is added, then the credit list is shown before and after', () => {
    const entry = entryFor([drafted()], contributorAdded({ contributorId: 'c-1', name: 'Jane Doe' }));

    expect(entry.changes).toEqual([
      { field: 'contributors', before: [], after: [{ contributorId: 'c-1', name: 'Jane Doe', role: 'author' }] },
    ]);
  });

  it('when a reporter is assigned, then the assignees are shown before and after, and no status change', () => {
    const entry = entryFor([drafted()], reporterAssigned(aColleague()));

    expect(entry.changes).toEqual([
      { field: 'assignees', before: [], after: [{ id: 'user-colleague', name: 'Col Colleague' }] },
    ]);
  });

  it('when a photo caption changes, then the change is addressed by photo id and field', () => {
    const entry = entryFor(withPhoto, photoUpdated('photo-1', { caption: 'Dawn', credit: 'Pat Photographer' }));

    expect(entry.changes).toEqual([{ field: 'photos[photo-1].caption', before: 'The harbour at dawn', after: 'Dawn' }]);
  });

  it('when a photo is detached, then the photo it removed is the before value', () => {
    const entry = entryFor(withPhoto, photoDetached('photo-1'));

    expect(entry.changes).toEqual([
      { field: 'photos[photo-1]', before: expect.objectContaining({ credit: 'Pat Photographer' }), after: null },
    ]);
  });

  it('when changes are requested, then the status and the note are listed', () => {
    expect(entryFor([drafted(), submitted()], changesRequested('Check the date')).changes).toEqual([
      { field: 'status', before: 'in_review', after: 'changes_requested' },
      { field: 'changesRequestedNote', before: null, after: 'Check the date' },
    ]);
  });

  it('when a scheduled article is published, then status, live version and the cleared schedule are listed', () => {
    const entry = entryFor(
      historyUntil('scheduled'),
      published({ publishedVersion: 3, scheduledBy: { id: 'user-editor', name: 'Eda Editor' } }),
    );

    expect(entry.changes).toEqual([
      { field: 'status', before: 'scheduled', after: 'published' },
      { field: 'scheduled.publishAt', before: expect.any(String), after: null },
      { field: 'live.version', before: null, after: 3 },
    ]);
  });

  it('when a correction is issued, then no status change is listed, only the new correction', () => {
    const entry = entryFor(historyUntil('published'), correctionIssued({ issuedAt: AN_HOUR_AGO }));

    expect(entry.changes).toEqual([
      { field: 'corrections[0]', before: null, after: expect.objectContaining({ issuedAt: AN_HOUR_AGO }) },
    ]);
  });

  it('given the row already holds the event, then it refuses to record a change against the wrong before', () => {
    const { row } = afterHistory(drafted(), submitted());

    expect(() => auditEntryOf(row, envelope(submitted(), 2))).toThrow(UnprojectableEvent);
  });

  it('given an earlier event is missing, then it throws VersionGap', () => {
    const { row } = afterHistory(drafted());

    expect(() => auditEntryOf(row, envelope(approved(), 3))).toThrow(VersionGap);
  });
});
