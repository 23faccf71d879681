/** One article a bench client owns: no other client touches it, so no command meets a conflict. */
export interface BenchArticle {
  id: string;
  version: number;
  status: 'draft' | 'published';
  step: number;
}

export interface BenchCommand {
  method: 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  /** Approval goes to the admin: the four-eyes rule refuses it to the editor who wrote the text. */
  asAdmin?: boolean;
  /** What the article becomes once the command is accepted. */
  becomes?: BenchArticle['status'];
}

const WORDS = 'council harbour vote residents officials confirmed overnight plan budget ferry'.split(' ');

/** About 800 characters of body text, different for each `n`. */
function paragraph(n: number): string {
  const words: string[] = [];
  for (let i = 0; words.join(' ').length < 800; i++) words.push(WORDS[(n * 7 + i * 3) % WORDS.length]!);
  return words.join(' ').slice(0, 800);
}

const revise = (a: BenchArticle, n: number): BenchCommand => ({
  method: 'PATCH',
  path: `/api/articles/${a.id}`,
  body: { standfirst: `Update ${n}`, body: [{ type: 'paragraph', text: paragraph(n) }] },
});
const credit = (a: BenchArticle, n: number): BenchCommand => ({
  method: 'POST',
  path: `/api/articles/${a.id}/contributors`,
  body: { name: `Writer ${n}`, role: 'contributor' },
});
const photo = (a: BenchArticle, n: number): BenchCommand => ({
  method: 'POST',
  path: `/api/articles/${a.id}/photos`,
  body: { url: `https://img.example.com/${n}.jpg`, caption: 'Boats in the harbour', credit: 'Staff/Agency' },
});

/**
 * The mix: a draft is revised, credited, given a photo, submitted, approved and published; from then
 * on it is revised, credited, given a photo, revised again and republished as a minor update.
 */
const DRAFT_CYCLE = [
  revise,
  credit,
  photo,
  (a: BenchArticle): BenchCommand => ({ method: 'POST', path: `/api/articles/${a.id}/submit` }),
  (a: BenchArticle): BenchCommand => ({ method: 'POST', path: `/api/articles/${a.id}/approve`, asAdmin: true }),
  (a: BenchArticle): BenchCommand => ({
    method: 'POST',
    path: `/api/articles/${a.id}/publish`,
    body: {},
    becomes: 'published',
  }),
];
const PUBLISHED_CYCLE = [
  revise,
  credit,
  photo,
  revise,
  (a: BenchArticle): BenchCommand => ({
    method: 'POST',
    path: `/api/articles/${a.id}/publish`,
    body: { updateKind: 'minor' },
  }),
];

export const articleCycle = {
  draft: (i: number) => ({
    headline: `Bench story ${i}`,
    dateline: 'LONDON',
    sections: ['Bench'],
    body: [{ type: 'paragraph', text: paragraph(i) }],
  }),

  next(a: BenchArticle, n: number): BenchCommand {
    const cycle = a.status === 'draft' ? DRAFT_CYCLE : PUBLISHED_CYCLE;
    return cycle[a.step % cycle.length]!(a, n);
  },

  accepted(a: BenchArticle, command: BenchCommand, version: number) {
    a.version = version;
    if (command.becomes && command.becomes !== a.status) {
      a.status = command.becomes;
      a.step = 0;
    } else a.step += 1;
  },
};
