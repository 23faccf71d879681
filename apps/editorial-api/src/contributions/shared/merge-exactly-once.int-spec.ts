import { randomUUID } from 'node:crypto';
import {
  articleStreamId,
  contributionStreamId,
  ContributionAlreadyMerged,
  InvalidTransition,
  type Actor,
} from '@newsroom/editorial-domain';
import { ConcurrencyConflict, eventStoreMigrations, PostgresEventStore } from '@newsroom/event-store';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { AppConfig } from '../../config/app-config';
import { ArticleCommandRunner } from '../../articles/shared/article-command.runner';
import { ContributionCommandRunner } from './contribution-command.runner';

// Accepting appends ContributionAccepted and the article's ContributionMerged in one statement,
// each after the head it was decided on (see ContributionCommandRunner). These suites prove the
// consequences on the real PostgreSQL: exactly one merge per contribution, whatever happens.

let db: TestDatabase;
let store: PostgresEventStore;
let contributions: ContributionCommandRunner;
let articles: ArticleCommandRunner;

const person = (role: Actor['role'], name: string): Actor => ({ id: randomUUID(), name, role, roles: [role] });
const editor = person('editor', 'Eda Editor');
const deskEditor = person('editor', 'Ned Night-Editor');

beforeAll(async () => {
  db = await createTestDatabase('contribution_merge', eventStoreMigrations);
  store = new PostgresEventStore(db.dataSource);
  const config = { env: { FOUR_EYES_APPROVAL: true } } as unknown as AppConfig;
  contributions = new ContributionCommandRunner(store, config);
  articles = new ArticleCommandRunner(store, config);
});
afterAll(() => db?.drop());

async function anArticle(): Promise<string> {
  const articleId = randomUUID();
  const data = { headline: 'Harbour reopens', body: [{ type: 'paragraph' as const, text: 'The harbour reopened.' }] };
  await articles.run({ type: 'DraftArticle', articleId, data }, editor, { minted: {} });
  return articleId;
}

async function aContribution(articleId: string, by = person('reporter', `Reporter ${randomUUID().slice(0, 4)}`)) {
  const contributionId = randomUUID();
  await contributions.run(
    {
      type: 'SubmitContribution',
      contributionId,
      data: {
        articleId,
        blocks: [{ type: 'paragraph', text: `From ${by.name}.` }],
        photos: [],
        note: '',
        credit: { name: by.name, role: 'contributor' },
      },
    },
    by,
  );
  return contributionId;
}

const accept = (contributionId: string, opts = {}) =>
  contributions.run({ type: 'AcceptContribution', contributionId, data: {} }, deskEditor, opts);
const articleEvents = async (articleId: string) => store.readStream(articleStreamId(articleId));
const mergesOf = async (articleId: string) =>
  (await articleEvents(articleId)).filter((e) => e.type === 'ContributionMerged').map((e) => e.data.contributionId);

describe('accepting a contribution merges it exactly once', () => {
  it('a retried accept under the same Idempotency-Key answers the first answer and merges nothing more', async () => {
    const articleId = await anArticle();
    const contributionId = await aContribution(articleId);
    const idempotency = { key: 'accept-1', requestHash: 'a'.repeat(64) };
    const first = await accept(contributionId, { idempotency });
    const retry = await accept(contributionId, { idempotency });
    expect(retry).toMatchObject({ replayed: true, answer: first.answer });
    expect(await mergesOf(articleId)).toEqual([contributionId]);
  });

  it('a retried accept without a key is refused as already accepted, naming the status; still one merge', async () => {
    const articleId = await anArticle();
    const contributionId = await aContribution(articleId);
    await accept(contributionId);
    await expect(accept(contributionId)).rejects.toThrow(InvalidTransition);
    await expect(accept(contributionId)).rejects.toMatchObject({ currentStatus: 'accepted' });
    expect(await mergesOf(articleId)).toEqual([contributionId]);
  });

  it('a crash before the commit leaves neither stream changed, and the accept after it merges once', async () => {
    const articleId = await anArticle();
    const contributionId = await aContribution(articleId);
    const [contributionHead, articleHead] = [
      (await store.readStream(contributionStreamId(contributionId))).at(-1)!,
      (await articleEvents(articleId)).at(-1)!,
    ];
    // The accepting process dies mid-transaction: its session is killed before COMMIT.
    const doomed = db.dataSource.createQueryRunner();
    await doomed.connect();
    await doomed.startTransaction();
    const [{ pid }] = await doomed.query('SELECT pg_backend_pid() AS pid');
    const meta = {
      actor: { id: deskEditor.id, name: deskEditor.name, role: 'editor' },
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
    };
    await store.appendToStreams(
      [
        {
          streamId: contributionStreamId(contributionId),
          head: contributionHead,
          events: [{ type: 'ContributionAccepted', data: {} }],
        },
        { streamId: articleStreamId(articleId), head: articleHead, events: [{ type: 'ContributionMerged', data: {} }] },
      ],
      meta,
      new Date().toISOString(),
      { manager: doomed.manager } as never,
    );
    await db.dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    // Released with an error, so the pool destroys the killed connection instead of handing it to the next query.
    await (doomed as unknown as { releasePostgresConnection(err: Error): Promise<void> })
      .releasePostgresConnection(new Error('session killed by the test'))
      .catch(() => undefined);

    expect(await mergesOf(articleId)).toEqual([]);
    expect((await store.readStream(contributionStreamId(contributionId))).map((e) => e.type)).toEqual([
      'ContributionSubmitted',
    ]);
    await accept(contributionId);
    expect(await mergesOf(articleId)).toEqual([contributionId]);
    expect((await store.verify(articleStreamId(articleId))).valid).toBe(true);
  });

  it('the article refuses a second merge of a contribution even if a forged accept got past its status', async () => {
    const articleId = await anArticle();
    const contributionId = await aContribution(articleId);
    await accept(contributionId);
    await expect(
      articles.run(
        {
          type: 'MergeContribution',
          articleId,
          data: {
            contributionId,
            author: { id: 'x', name: 'X' },
            blocks: [{ type: 'paragraph', text: 'again' }],
            photos: [],
            credit: { contributorId: contributionId, name: 'X', role: 'contributor' },
          },
        },
        deskEditor,
        { minted: {} },
      ),
    ).rejects.toThrow(ContributionAlreadyMerged);
    expect(await mergesOf(articleId)).toEqual([contributionId]);
  });

  it('20 accepted at once while an editor edits: all merged once, versions contiguous, every edit kept', async () => {
    const articleId = await anArticle();
    const ids = await Promise.all(Array.from({ length: 20 }, () => aContribution(articleId)));
    const headlines = Array.from({ length: 8 }, (_, i) => `Harbour reopens, update ${i + 1}`);
    // The editor saves with If-Match, as the web app does: a 412 means read again and save again.
    const editing = (async () => {
      const saved: string[] = [];
      for (const headline of headlines) {
        for (;;) {
          const version = (await articleEvents(articleId)).length;
          try {
            await articles.run({ type: 'ReviseArticle', articleId, data: { headline } }, editor, {
              minted: {},
              expectedVersion: version,
            });
            saved.push(headline);
            break;
          } catch (err) {
            if (!(err instanceof ConcurrencyConflict)) throw err;
          }
        }
      }
      return saved;
    })();
    const [saved] = await Promise.all([editing, Promise.all(ids.map((id) => accept(id)))]);

    const events = await articleEvents(articleId);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect((await store.verify(articleStreamId(articleId))).valid).toBe(true);
    expect((await mergesOf(articleId)).sort()).toEqual([...ids].sort());
    expect(saved).toEqual(headlines);
    const revisions = events.filter((e) => e.type === 'ArticleRevised').map((e) => e.data.changes.headline);
    expect(revisions).toEqual(headlines);
    // Each contribution knows the article version that holds its merge, and it is that merge.
    for (const id of ids) {
      const accepted = (await store.readStream(contributionStreamId(id))).find(
        (e) => e.type === 'ContributionAccepted',
      )!;
      expect(events[accepted.data.articleVersion - 1]).toMatchObject({
        type: 'ContributionMerged',
        data: { contributionId: id },
      });
    }
  }, 120_000);
});
