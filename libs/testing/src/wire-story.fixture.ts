/**
 * A made-up story with the shape of a real wire story: dateline, several sections, subheadings,
 * attributed quotes, agency photo credits and a "contributed to this report" line of eight people.
 */
export const wireStory = {
  headline: 'Coastal nations agree on a joint plan for fishing quotas after all-night talks',
  standfirst: 'Negotiators from five countries settled a two-year dispute over catch limits in the northern sea.',
  dateline: 'REYKJAVIK',
  sections: ['World', 'Business'],
  tags: [] as string[],
  language: 'en',
  source: 'Newsroom wire: Top Stories',
};

export function wireStoryBody(photoIds: string[]) {
  const p = (text: string) => ({ type: 'paragraph' as const, text });
  return [
    p(
      'Five coastal governments agreed early on Thursday to share a single plan for fishing quotas, ' +
        'ending a dispute that had idled fleets for two seasons.',
    ),
    p(
      'The agreement, reached after fourteen hours of talks, sets catch limits for cod and herring ' +
        'and creates a joint inspection service.',
    ),
    { type: 'photo' as const, photoId: photoIds[0] },
    { type: 'subheading' as const, text: "'Nobody left the table happy, which is how you know it is fair'" },
    p('Delegates described the final session as tense but workmanlike.'),
    {
      type: 'quote' as const,
      text: 'Nobody left the table happy, which is how you know it is fair.',
      attribution: 'Chief negotiator Ada Lindqvist',
    },
    p('The plan still needs approval from each national parliament.'),
    { type: 'subheading' as const, text: 'Fleets prepare to return to sea' },
    p('Harbour masters said boats could leave port within days of ratification.'),
    { type: 'photo' as const, photoId: photoIds[1] },
    {
      type: 'quote' as const,
      text: 'We have been waiting for this since the spring.',
      attribution: 'Trawler captain Jon Eriksen',
    },
    { type: 'subheading' as const, text: 'Scientists cautious on stock recovery' },
    p('Marine biologists welcomed the deal but warned that herring stocks remain fragile.'),
    { type: 'photo' as const, photoId: photoIds[2] },
    p('Newsroom wire reporters contributed to this report.'),
  ];
}

export const wireStoryContributors = [
  { name: 'Maren Holt', role: 'author', affiliation: 'Newsroom wire' },
  { name: 'Tomas Berg', role: 'contributor', affiliation: 'Newsroom wire' },
  { name: 'Ingrid Sol', role: 'contributor', affiliation: 'Newsroom wire' },
  { name: 'Pavel Novak', role: 'contributor' },
  { name: 'Lena Fjord', role: 'contributor' },
  { name: 'Oskar Dahl', role: 'contributor' },
  { name: 'Sigrun Vik', role: 'photographer', affiliation: 'North Agency' },
  { name: 'Hannah Lee', role: 'editor' },
];

export const wireStoryPhotos = [
  {
    url: 'https://images.example.com/talks-hall.jpg',
    caption: 'Delegates leave the conference hall after the overnight session.',
    credit: 'Sigrun Vik/North Agency via Wire Images',
    altText: 'Delegates walking out of a hall at dawn',
    rights: 'Editorial use only',
  },
  {
    url: 'https://images.example.com/harbour.jpg',
    caption: 'Trawlers moored in the harbour during the dispute.',
    credit: 'Erik Strand/Coast Press',
  },
  {
    url: 'https://images.example.com/herring.jpg',
    caption: 'A researcher measures a herring sample.',
    credit: 'Sigrun Vik/North Agency via Wire Images',
    altText: 'Hands holding a small silver fish',
  },
];
