/** A wire-shaped payload for the codec's specs, with a source's name in several kinds of field. */
export const SOURCE = 'Ada Lindqvist';

export const REDACTABLE: Record<string, readonly string[]> = {
  Drafted: ['headline', 'standfirst', 'body[*].text', 'body[*].attribution'],
  PhotoAttached: ['photo.caption', 'photo.credit'],
  Approved: [],
};
export const redactableFields = (type: string) => REDACTABLE[type] ?? [];

export const drafted = () => ({
  type: 'Drafted',
  data: {
    articleId: 'a1',
    headline: 'Ministry draft on fishing quotas leaked',
    standfirst: '',
    dateline: 'REYKJAVIK',
    body: [
      { type: 'paragraph', text: `The draft was passed to us by ${SOURCE}, an official at the ministry.` },
      { type: 'photo', photoId: 'p1' },
      { type: 'quote', text: 'Nobody left the table happy.', attribution: SOURCE },
      { type: 'paragraph', text: 'The plan still needs approval from each national parliament.' },
    ],
  },
});

export const photoAttached = () => ({
  type: 'PhotoAttached',
  data: {
    photo: { photoId: 'p1', url: 'https://img.example/p1.jpg', caption: `${SOURCE} at the ministry`, credit: 'Wire' },
  },
});

export const ORDER = {
  redactionId: '6f1c7a52-52c4-4c53-9d0e-2a5b0f3a1e11',
  redactedAt: '2026-12-02T09:30:00.000Z',
  legalBasis: 'Court order (protection of a source)',
  reference: 'HC-2026-0042',
};
