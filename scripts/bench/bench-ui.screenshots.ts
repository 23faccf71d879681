import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { httpJson } from './bench-support';

type Auth = Record<string, string>;
interface Desk {
  editor: Auth;
  reporter: Auth;
  admin: Auth;
}

// Invented stories from an invented town: the README shows the app with content that reads like a
// newsroom's, and none of it is taken from a real story.
const STORIES: Array<{ headline: string; standfirst: string; sections: string[]; by: keyof Desk }> = [
  {
    headline: 'Allotment waiting list falls for the first time in a decade',
    standfirst: 'Forty new plots opened on the old railway sidings in spring.',
    sections: ['Local'],
    by: 'reporter',
  },
  {
    headline: 'Coastguard station marks fifty years on the headland',
    standfirst: 'Former crews gather on Saturday for an open day.',
    sections: ['Local', 'Culture'],
    by: 'reporter',
  },
  {
    headline: 'Shipyard wins contract for two electric harbour tugs',
    standfirst: 'The order secures about 120 jobs for three years.',
    sections: ['Business'],
    by: 'editor',
  },
  {
    headline: 'School meals to use produce from island farms',
    standfirst: 'A pilot in six primary schools starts after half-term.',
    sections: ['Education', 'Local'],
    by: 'reporter',
  },
  {
    headline: 'Water company fined over sewage spill near the lido',
    standfirst: 'Magistrates heard the alarm was ignored for nine hours.',
    sections: ['Local', 'Environment'],
    by: 'editor',
  },
  {
    headline: 'Half-marathon route changed to avoid the harbour works',
    standfirst: 'Runners will now finish on the cliff path.',
    sections: ['Sport'],
    by: 'reporter',
  },
  {
    headline: 'Night ferry to Ellan Isle returns after two-year pause',
    standfirst: 'The 23:40 crossing resumes in March with a smaller, quieter boat.',
    sections: ['Local', 'Transport'],
    by: 'reporter',
  },
  {
    headline: 'Library extends weekend hours as exam season nears',
    standfirst: 'Students asked for Sunday opening; the council found the money.',
    sections: ['Local', 'Education'],
    by: 'reporter',
  },
  {
    headline: 'Carrow United sign goalkeeper from second division',
    standfirst: 'The 24-year-old kept eleven clean sheets last season.',
    sections: ['Sport'],
    by: 'editor',
  },
  {
    headline: 'Harbour wall repairs to close the promenade for six weeks',
    standfirst: 'Engineers found storm damage deeper than the spring survey showed.',
    sections: ['Local'],
    by: 'reporter',
  },
  {
    headline: 'Regional bus fares frozen until the end of next year',
    standfirst: 'Operators agreed after the transport authority raised its subsidy.',
    sections: ['Transport', 'Business'],
    by: 'editor',
  },
  {
    headline: 'Fish market moves its auction to dawn to beat the heat',
    standfirst: 'Traders say buyers from inland now arrive before six.',
    sections: ['Business'],
    by: 'reporter',
  },
  {
    headline: 'Old lighthouse keeper’s cottage opens as a museum',
    standfirst: 'Volunteers spent three winters restoring the lamp room.',
    sections: ['Culture', 'Local'],
    by: 'reporter',
  },
  {
    headline: 'Hospital trust recruits forty nurses from the new academy',
    standfirst: 'The first cohort trained on the wards where they will work.',
    sections: ['Health'],
    by: 'editor',
  },
  {
    headline: 'Council delays vote on seafront parking charges',
    standfirst: 'Traders presented a petition with 3,200 signatures.',
    sections: ['Politics', 'Local'],
    by: 'reporter',
  },
  {
    headline: 'Storm warning for the north coast on Thursday night',
    standfirst: 'Gusts of up to 80 km/h are expected after midnight.',
    sections: ['Weather'],
    by: 'editor',
  },
  {
    headline: 'Jazz festival adds a free harbour stage for families',
    standfirst: 'Afternoon sets on both Saturdays, ending by seven.',
    sections: ['Culture'],
    by: 'reporter',
  },
  {
    headline: 'Rail line to Bramford reopens after landslip repairs',
    standfirst: 'Services return to the full timetable from Monday.',
    sections: ['Transport'],
    by: 'editor',
  },
];

/** Where each story goes on the board, oldest first so the last ones head their columns. */
const MOVES: Array<'draft' | 'review' | 'changes' | 'approved' | 'published'> = [
  'draft',
  'review',
  'approved',
  'draft',
  'approved',
  'review',
  'published',
  'approved',
  'changes',
  'review',
  'draft',
  'published',
  'approved',
  'changes',
  'review',
  'draft',
  'review',
  'approved',
];

type Api = (auth: Auth, method: string, path: string, body?: unknown) => Promise<WriteAnswer>;
type WriteAnswer = { id: string; version: number; photoId?: string };

/** A write that must succeed: the screenshots are worth nothing over a half-built desk. */
const apiOf =
  (base: string): Api =>
  async (auth, method, path, body) => {
    const res = await httpJson(base, method, path, auth, body ?? {});
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as WriteAnswer;
  };

/**
 * Writes the README's screenshots (board.png, workspace.png, workspace-body.png at 1440×900) after a dozen invented
 * stories and one worked-on feature have gone through the API, so they head the board's columns.
 */
export async function readmeScreenshots(
  base: string,
  desk: Desk,
  signedInPage: () => Promise<Page>,
  dir: string,
): Promise<void> {
  const api = apiOf(base);
  for (const [i, story] of STORIES.entries()) {
    const { headline, standfirst, sections, by } = story;
    const { id } = await api(desk[by], 'POST', '/api/articles', {
      headline,
      standfirst,
      sections,
      dateline: 'PORT CARROW',
    });
    if (i % 3 === 0)
      await api(desk[by], 'POST', `/api/articles/${id}/contributors`, { name: 'Mira Osei', role: 'contributor' });
    const move = MOVES[i];
    if (move === 'draft') continue;
    await api(desk[by], 'POST', `/api/articles/${id}/submit`);
    if (move === 'review') continue;
    if (move === 'changes') {
      await api(desk.editor, 'POST', `/api/articles/${id}/request-changes`, {
        note: 'Please confirm the dates with the council press office.',
      });
      continue;
    }
    // Four eyes: the approver is not the last author.
    const approver = by === 'editor' ? desk.admin : desk.editor;
    await api(approver, 'POST', `/api/articles/${id}/approve`);
    if (move === 'published') await api(approver, 'POST', `/api/articles/${id}/publish`, {});
  }
  const feature = await draftFeature(desk, api);

  mkdirSync(dir, { recursive: true });
  const page = await signedInPage();
  try {
    await page.goto(`${base}/board`);
    await page.locator('section[aria-labelledby="column-draft"] article').first().waitFor();
    await page.screenshot({ path: join(dir, 'board.png') });
    await page.goto(`${base}/articles/${feature}`);
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.screenshot({ path: join(dir, 'workspace.png') });
    // The body, further down the same page: its blocks, the photo blocks by caption, the credits.
    // Below the sticky header, which would otherwise cover the body's legend and first label.
    await page.getByRole('group', { name: /^Body \(/ }).evaluate((body) => {
      // The server build has no DOM types: the page's window, as far as this needs it.
      const w = globalThis as unknown as { scrollY: number; scrollTo(x: number, y: number): void };
      w.scrollTo(0, body.getBoundingClientRect().top + w.scrollY - 80);
    });
    await page.screenshot({ path: join(dir, 'workspace-body.png') });
  } finally {
    await page.context().close();
  }
}

/** A feature a reporter has worked on: every field, credits, photos placed in the body. */
async function draftFeature(desk: Desk, api: Api): Promise<string> {
  const { id } = await api(desk.reporter, 'POST', '/api/articles', {
    headline: 'The last net-maker of Port Carrow',
    standfirst:
      'For fifty-one years Edith Varga has mended the fleet’s nets by hand in a shed on the north quay. ' +
      'This winter she is teaching two apprentices, and the boats are waiting to see if it takes.',
    dateline: 'PORT CARROW',
    sections: ['Local', 'Culture'],
    tags: ['fishing', 'crafts', 'harbour'],
    source: 'Coast desk',
  });
  await api(desk.reporter, 'POST', `/api/articles/${id}/contributors`, {
    name: 'Jonas Lind',
    role: 'photographer',
    affiliation: 'North Coast Pictures',
  });
  await api(desk.reporter, 'POST', `/api/articles/${id}/contributors`, { name: 'Mira Osei', role: 'contributor' });
  const shed = await api(desk.reporter, 'POST', `/api/articles/${id}/photos`, {
    url: 'https://images.example.org/port-carrow/net-shed.jpg',
    caption: 'Edith Varga in her shed on the north quay',
    credit: 'Jonas Lind/North Coast Pictures',
    altText: 'A woman with grey hair mends a green fishing net spread across a wooden bench',
  });
  const quay = await api(desk.reporter, 'POST', `/api/articles/${id}/photos`, {
    url: 'https://images.example.org/port-carrow/quay-dawn.jpg',
    caption: 'Trawlers wait for repaired nets at dawn',
    credit: 'Jonas Lind/North Coast Pictures',
  });
  // A revision names the version it was made on, as the workspace's save does.
  const editing = { ...desk.reporter, 'if-match': `"${quay.version}"` };
  await api(editing, 'PATCH', `/api/articles/${id}`, {
    body: [
      {
        type: 'paragraph',
        text: 'The shed smells of tar and salt, and the radio is always on. Edith Varga has worked here since 1974.',
      },
      { type: 'photo', photoId: shed.photoId },
      { type: 'subheading', text: 'A knot a second' },
      {
        type: 'paragraph',
        text: 'A torn trawl net can take her two days. A machine-made replacement costs more than a month’s catch.',
      },
      {
        type: 'quote',
        text: 'You read a net like a map: every tear tells you where the boat has been.',
        attribution: 'Edith Varga',
      },
      { type: 'subheading', text: 'Two apprentices, one winter' },
      {
        type: 'paragraph',
        text: 'The harbour association pays the apprentices through March. After that, the skippers will decide.',
      },
      { type: 'photo', photoId: quay.photoId },
    ],
  });
  return id;
}
