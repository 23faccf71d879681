import type {
  ArticleContent,
  CommandMetadata,
  ConfirmRedaction,
  ContentRedacted,
  ContributionRedacted,
  DeclineRedaction,
  FieldReference,
  LocatedPassage,
  RedactionDeclined,
  RedactionRequested,
  RequestRedaction,
} from '@newsroom/editorial-domain';
import { ARTICLE_ID, anAdmin, meta, NOW, someDraftFields } from './article.builders';

// Legal redactions (issue #12): an admin's orders, and the events they record.

export const REDACTION_ID = '9d2c7a10-0000-4000-8000-00000000000a';
/** A second admin, for the four-eyes setting: the one who did not ask. */
export const anotherAdmin = () => anAdmin({ id: 'user-admin-2', name: 'Abe Admin' });

/** Where the handler found the passage: one field of the draft by default. */
export const aLocation = (overrides: Partial<FieldReference> = {}): FieldReference => ({
  eventId: 'event-1',
  path: 'body[0].text',
  ...overrides,
});
export const located = (fields: FieldReference[] = [aLocation()], erased: FieldReference[] = []): LocatedPassage => ({
  fields,
  erased,
});
export const nowhere = (): LocatedPassage => ({ fields: [], erased: [] });

/** The order's facts: never the passage. */
export const anOrder = () => ({
  redactionId: REDACTION_ID,
  reason: 'Court order protecting a source',
  legalBasis: 'Contempt of Court Act 1981, s.10',
  reference: 'HC-2030-0117',
});

export const requestRedaction = (
  data: Partial<RequestRedaction['data']> = {},
  m: CommandMetadata = meta(anAdmin()),
): RequestRedaction => ({
  type: 'RequestRedaction',
  articleId: ARTICLE_ID,
  data: { ...anOrder(), passage: 'harbour', located: located(), ...data },
  metadata: m,
});
export const confirmRedaction = (
  data: Partial<ConfirmRedaction['data']> = {},
  m: CommandMetadata = meta(anotherAdmin()),
): ConfirmRedaction => ({
  type: 'ConfirmRedaction',
  articleId: ARTICLE_ID,
  data: { redactionId: REDACTION_ID, located: located(), ...data },
  metadata: m,
});
export const declineRedaction = (
  data: Partial<DeclineRedaction['data']> = {},
  m: CommandMetadata = meta(anotherAdmin()),
): DeclineRedaction => ({
  type: 'DeclineRedaction',
  articleId: ARTICLE_ID,
  data: {
    redactionId: REDACTION_ID,
    passageField: [aLocation({ eventId: 'event-request', path: 'passage' })],
    ...data,
  },
  metadata: m,
});

export const redactionRequested = (passage = 'harbour'): RedactionRequested => ({
  type: 'RedactionRequested',
  data: { ...anOrder(), passage },
});
export const redactionDeclined = (): RedactionDeclined => ({
  type: 'RedactionDeclined',
  data: { redactionId: REDACTION_ID, passageField: [aLocation({ eventId: 'event-request', path: 'passage' })] },
});

/** Content as the builders draft it, with no contributor or photo unless given. */
export const someContent = (overrides: Partial<ArticleContent> = {}): ArticleContent => ({
  ...someDraftFields(),
  contributors: [],
  photos: [],
  ...overrides,
});

export const contentRedacted = (overrides: Partial<ContentRedacted['data']> = {}): ContentRedacted => ({
  type: 'ContentRedacted',
  data: {
    ...anOrder(),
    requestedBy: { id: anAdmin().id, name: anAdmin().name },
    redactedAt: NOW,
    fields: [aLocation()],
    erased: [],
    working: someContent(),
    live: null,
    corrections: [],
    note: 'Part of this article has been removed for legal reasons.',
    ...overrides,
  },
});

export const contributionRedacted = (overrides: Partial<ContributionRedacted['data']> = {}): ContributionRedacted => ({
  type: 'ContributionRedacted',
  data: { ...anOrder(), redactedAt: NOW, fields: [aLocation()], erased: [], ...overrides },
});
