import type {
  Actor,
  ArticlePolicy,
  ArticleCommand,
  ArticleEvent,
  ArticleStatus,
  CommandMetadata,
  Contributor,
  MergeContribution,
  DraftFields,
  Photo,
} from '@newsroom/editorial-domain';

import type { RecordedBy } from './given-when-then';

// Builders return fresh objects on every call, so a test can never leak a mutation into another.

export const ARTICLE_ID = '6f1c2a9e-0000-4000-8000-000000000001';
/** The default "now" of every command; other instants are named relative to it. */
export const NOW = '2030-01-15T10:00:00.000Z';
export const AN_HOUR_AGO = '2030-01-15T09:00:00.000Z';
export const IN_AN_HOUR = '2030-01-15T11:00:00.000Z';
export const TOMORROW = '2030-01-16T10:00:00.000Z';

const actor =
  (id: string, name: string, role: Actor['role']) =>
  (overrides: Partial<Actor> = {}): Actor => ({
    id,
    name,
    role,
    roles: [role],
    ...overrides,
  });
export const anEditor = actor('user-editor', 'Eda Editor', 'editor');
export const aReporter = actor('user-reporter', 'Rey Reporter', 'reporter');
/** Another reporter: one who neither drafted the builders' article nor is assigned to it. */
export const aColleague = actor('user-colleague', 'Col Colleague', 'reporter');
export const anAuditor = actor('user-auditor', 'Audra Auditor', 'auditor');
export const anAdmin = actor('user-admin', 'Ada Admin', 'admin');
export const theScheduler = actor('system-scheduler', 'Scheduler', 'system');

/** The policy a deployment runs with unless it switches a rule off. */
export const DEFAULT_POLICY: ArticlePolicy = Object.freeze({ fourEyesApproval: true, fourEyesRedaction: false });

export function meta(by: Actor = anEditor(), now: string = NOW, policy: Partial<ArticlePolicy> = {}): CommandMetadata {
  return { actor: by, now, policy: { ...DEFAULT_POLICY, ...policy } };
}

export function aContributor(overrides: Partial<Contributor> = {}): Contributor {
  return { contributorId: 'contributor-1', name: 'Rey Reporter', role: 'author', ...overrides };
}

export function aPhoto(overrides: Partial<Photo> = {}): Photo {
  return {
    photoId: 'photo-1',
    url: 'https://images.example.com/harbour.jpg',
    caption: 'The harbour at dawn',
    credit: 'Pat Photographer',
    ...overrides,
  };
}

/** The draft fields `drafted()` records: every field set, so defaults never hide in a test. */
export function someDraftFields(overrides: Partial<DraftFields> = {}): DraftFields {
  return {
    headline: 'Harbour reopens after storm',
    standfirst: 'Ferries run again from Monday.',
    dateline: 'PORTSMOUTH',
    body: [{ type: 'paragraph', text: 'The harbour reopened on Sunday.' }],
    sections: ['news'],
    tags: ['weather'],
    language: 'en-GB',
    source: 'staff',
    embargoUntil: null,
    ...overrides,
  };
}

type CommandOf<T extends ArticleCommand['type']> = Extract<ArticleCommand, { type: T }>;
function command<T extends ArticleCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  metadata: CommandMetadata,
): CommandOf<T> {
  return { type, articleId: ARTICLE_ID, data, metadata } as CommandOf<T>;
}

export const draftArticle = (data: Partial<DraftFields> = {}, m = meta(aReporter())) =>
  command('DraftArticle', { ...someDraftFields(), ...data }, m);
export const reviseArticle = (data: Partial<DraftFields>, m = meta()) => command('ReviseArticle', data, m);
export const addContributor = (data: Partial<Contributor> = {}, m = meta()) =>
  command(
    'AddContributor',
    aContributor({ contributorId: 'contributor-2', name: 'Cal Contributor', role: 'contributor', ...data }),
    m,
  );
export const removeContributor = (contributorId = 'contributor-1', m = meta()) =>
  command('RemoveContributor', { contributorId }, m);
export const attachPhoto = (data: Partial<Photo> = {}, m = meta()) =>
  command('AttachPhoto', aPhoto({ photoId: 'photo-2', url: 'https://images.example.com/ferry.jpg', ...data }), m);
export const updatePhoto = (photoId: string, changes: Partial<Omit<Photo, 'photoId'>>, m = meta()) =>
  command('UpdatePhoto', { photoId, ...changes }, m);
export const detachPhoto = (photoId = 'photo-1', m = meta()) => command('DetachPhoto', { photoId }, m);
export const submitForReview = (m = meta(aReporter())) => command('SubmitForReview', {}, m);
export const requestChanges = (note = 'Please confirm the reopening date.', m = meta()) =>
  command('RequestChanges', { note }, m);
export const approveArticle = (m = meta()) => command('ApproveArticle', {}, m);
export const publishArticle = (data: { updateKind?: 'major' | 'minor' } = {}, m = meta()) =>
  command('PublishArticle', data, m);
export const schedulePublication = (publishAt = TOMORROW, m = meta()) =>
  command('SchedulePublication', { publishAt }, m);
export const cancelSchedule = (m = meta()) => command('CancelSchedule', {}, m);
export const unpublishArticle = (reason = 'Legal complaint under review', m = meta()) =>
  command('UnpublishArticle', { reason }, m);
export const issueCorrection = (data: { text?: string; kind?: 'correction' | 'clarification' } = {}, m = meta()) =>
  command(
    'IssueCorrection',
    { text: 'An earlier version misnamed the harbour master.', kind: 'correction', ...data },
    m,
  );
export const assignReporter = (assignee: Actor = aColleague(), m = meta()) =>
  command('AssignReporter', { assigneeId: assignee.id, assigneeName: assignee.name, assigneeRoles: assignee.roles }, m);
export const unassignReporter = (assignee: Actor = aColleague(), m = meta()) =>
  command('UnassignReporter', { assigneeId: assignee.id }, m);

/** What an accepted contribution brings: one paragraph and a credit, from the builders' colleague. */
export const aMerge = (overrides: Partial<MergeContribution['data']> = {}): MergeContribution['data'] => ({
  contributionId: 'contribution-1',
  author: { id: aColleague().id, name: aColleague().name },
  blocks: [{ type: 'paragraph', text: 'Harbour workers said the ferries would return on Monday.' }],
  photos: [],
  credit: { contributorId: 'contributor-from-contribution-1', name: aColleague().name, role: 'contributor' },
  ...overrides,
});
export const mergeContribution = (overrides: Partial<MergeContribution['data']> = {}, m = meta(anEditor())) =>
  command('MergeContribution', aMerge(overrides), m);

type EventOf<T extends ArticleEvent['type']> = Extract<ArticleEvent, { type: T }>;
const event = <T extends ArticleEvent['type']>(type: T, data: EventOf<T>['data']) => ({ type, data }) as EventOf<T>;

export const drafted = (overrides: Partial<DraftFields> = {}) =>
  event('ArticleDrafted', { articleId: ARTICLE_ID, ...someDraftFields(overrides) });
export const revised = (changes: Partial<DraftFields>) => event('ArticleRevised', { changes });
export const contributorAdded = (overrides: Partial<Contributor> = {}) =>
  event('ContributorAdded', { contributor: aContributor(overrides) });
export const contributorRemoved = (overrides: Partial<Contributor> = {}) => {
  const { contributorId, name, role } = aContributor(overrides);
  return event('ContributorRemoved', { contributorId, name, role });
};
export const photoAttached = (overrides: Partial<Photo> = {}) => event('PhotoAttached', { photo: aPhoto(overrides) });
export const photoUpdated = (photoId: string, changes: Partial<Omit<Photo, 'photoId'>>) =>
  event('PhotoUpdated', { photoId, changes });
export const photoDetached = (photoId = 'photo-1') => event('PhotoDetached', { photoId });
export const submitted = () => event('SubmittedForReview', {});
export const changesRequested = (note = 'Please confirm the reopening date.') => event('ChangesRequested', { note });
export const approved = () => event('ArticleApproved', {});
export const published = (overrides: Partial<EventOf<'ArticlePublished'>['data']> = {}) =>
  event('ArticlePublished', { publishedVersion: 3, publishedAt: NOW, updateKind: 'initial', ...overrides });
export const publicationScheduled = (publishAt = TOMORROW, by: Actor = anEditor()) =>
  event('PublicationScheduled', { publishAt, scheduledBy: { id: by.id, name: by.name } });
export const scheduleCancelled = () => event('ScheduleCancelled', {});
export const unpublished = (reason = 'Legal complaint under review', unpublishedAt = NOW) =>
  event('ArticleUnpublished', { reason, unpublishedAt });
export const correctionIssued = (
  overrides: { text?: string; kind?: 'correction' | 'clarification'; issuedAt?: string } = {},
) =>
  event('CorrectionIssued', {
    correction: {
      text: 'An earlier version misnamed the harbour master.',
      kind: 'correction',
      issuedAt: NOW,
      ...overrides,
    },
  });
export const reporterAssigned = (assignee: Actor = aColleague()) =>
  event('ReporterAssigned', { assignee: { id: assignee.id, name: assignee.name } });
export const reporterUnassigned = (assignee: Actor = aColleague()) =>
  event('ReporterUnassigned', { assignee: { id: assignee.id, name: assignee.name } });
export const contributionMerged = (overrides: Partial<MergeContribution['data']> = {}, atBlock = 0) => {
  const { contributionId, author, blocks, photos, credit } = aMerge(overrides);
  return event('ContributionMerged', {
    contributionId,
    author,
    atBlock,
    blocks,
    photos,
    contributor: credit,
    credited: true,
  });
};

/**
 * A plausible history that leaves the article in `status`, starting from `first` (by default a
 * plain `drafted()`). `published` is reached through review and approval, publishing the version
 * the workflow events leave behind.
 */
export function historyUntil<E extends ArticleEvent | RecordedBy<ArticleEvent> = ArticleEvent>(
  status: ArticleStatus,
  first: E[] = [drafted() as E],
): (E | ArticleEvent)[] {
  const toReview = [...first, submitted()];
  const toApproved = [...toReview, approved()];
  const toPublished = [...toApproved, published({ publishedVersion: toApproved.length, publishedAt: AN_HOUR_AGO })];
  switch (status) {
    case 'draft':
      return [...first];
    case 'in_review':
      return toReview;
    case 'changes_requested':
      return [...toReview, changesRequested()];
    case 'approved':
      return toApproved;
    case 'scheduled':
      return [...toApproved, publicationScheduled()];
    case 'published':
      return toPublished;
    case 'unpublished':
      return [...toPublished, unpublished('Legal complaint under review', AN_HOUR_AGO)];
    default: {
      const unknown: never = status;
      throw new Error(`No history for status ${String(unknown)}`);
    }
  }
}
