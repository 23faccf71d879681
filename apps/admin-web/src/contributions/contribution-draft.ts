import type {
  ContributionBlockView,
  ContributionView,
  ContributorRole,
  CreditView,
  PhotoView,
  ReviseContributionRequest,
  SubmitContributionRequest,
} from '@newsroom/contracts';

export type PhotoDraft = Record<'url' | 'caption' | 'credit' | 'altText' | 'rights', string>;

/** What the Contribute form holds: every field a string, so inputs stay controlled. */
export interface ContributionDraft {
  blocks: ContributionBlockView[];
  photos: PhotoDraft[];
  note: string;
  credit: { name: string; role: ContributorRole; affiliation: string };
}

export const emptyBlock = (type: ContributionBlockView['type']): ContributionBlockView =>
  type === 'quote' ? { type, text: '', attribution: '' } : { type, text: '' };

export const emptyPhoto = (): PhotoDraft => ({ url: '', caption: '', credit: '', altText: '', rights: '' });

/** A new contribution starts with one paragraph and the author's own name as the credit asked for. */
export function newDraft(authorName: string): ContributionDraft {
  return {
    blocks: [emptyBlock('paragraph')],
    photos: [],
    note: '',
    credit: { name: authorName, role: 'contributor', affiliation: '' },
  };
}

/** The form for revising: what the contribution holds now. */
export function draftOf(c: Pick<ContributionView, 'blocks' | 'photos' | 'note' | 'credit'>): ContributionDraft {
  return {
    blocks: c.blocks.map((b) => ({ ...b })),
    photos: c.photos.map((p) => ({ ...emptyPhoto(), ...withoutId(p) })),
    note: c.note,
    credit: { name: c.credit.name, role: c.credit.role, affiliation: c.credit.affiliation ?? '' },
  };
}

function withoutId(p: PhotoView): Omit<PhotoView, 'photoId'> {
  const { photoId: _, ...rest } = p;
  return rest;
}

/** Empty optional fields are left out rather than sent as "": the API treats absent and empty apart. */
export function creditOf(c: ContributionDraft['credit']): CreditView {
  return { name: c.name.trim(), role: c.role, ...(c.affiliation.trim() ? { affiliation: c.affiliation.trim() } : {}) };
}

function blockOf(b: ContributionBlockView): ContributionBlockView {
  if (b.type !== 'quote') return { type: b.type, text: b.text };
  return { type: 'quote', text: b.text, ...(b.attribution?.trim() ? { attribution: b.attribution.trim() } : {}) };
}

export function submitRequestOf(d: ContributionDraft): SubmitContributionRequest {
  return {
    blocks: d.blocks.map(blockOf),
    ...(d.photos.length > 0
      ? {
          photos: d.photos.map(({ url, caption, credit, altText, rights }) => ({
            url: url.trim(),
            caption,
            credit,
            ...(altText ? { altText } : {}),
            ...(rights ? { rights } : {}),
          })),
        }
      : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
    credit: creditOf(d.credit),
  };
}

/** Only what differs from the contribution as it stands: a revision carries its changes alone. */
export function reviseRequestOf(before: ContributionDraft, after: ContributionDraft): ReviseContributionRequest {
  const out: ReviseContributionRequest = {};
  const blocks = after.blocks.map(blockOf);
  if (JSON.stringify(blocks) !== JSON.stringify(before.blocks.map(blockOf))) out.blocks = blocks;
  if (after.note !== before.note) out.note = after.note;
  const credit = creditOf(after.credit);
  if (JSON.stringify(credit) !== JSON.stringify(creditOf(before.credit))) out.credit = credit;
  return out;
}
