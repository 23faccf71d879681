import { articleStreamId, Forbidden, InvalidTransition, type ArticleEvent } from '@newsroom/editorial-domain';
import { ConcurrencyConflict, IdempotencyKeyReused, InMemoryEventStore } from '@newsroom/event-store';
import { AN_HOUR_AGO, ARTICLE_ID, drafted, photoAttached, submitted } from '@newsroom/testing';
import { ArticleCommandRunner, type ArticleCommandInput, type MintedIds } from './article-command.runner';
import { AppConfig } from '../../config/app-config';
import { parseApiEnv } from '../../config/api-env.schema';
import { ExecuteArticleCommand } from './execute-article.command';
import { ExecuteArticleHandler } from './execute-article.handler';
import type { WriteRequest } from './write-request';

// The path from controller to decider on the in-memory event store: no database, broker or Nest app.
let store: InMemoryEventStore;
let handler: ExecuteArticleHandler;
const handlerWith = (env: Record<string, string>) =>
  new ExecuteArticleHandler(new ArticleCommandRunner(store, new AppConfig(parseApiEnv(env))));
beforeEach(() => {
  store = new InMemoryEventStore();
  handler = handlerWith({});
});

const reporter = {
  id: 'user-reporter',
  name: 'Rey Reporter',
  email: 'rey@newsroom.test',
  roles: ['reporter' as const],
};
const editor = { ...reporter, id: 'user-editor', name: 'Eda Editor', roles: ['editor' as const] };
const request = (extra: Partial<WriteRequest> = {}): WriteRequest => ({
  user: reporter,
  correlationId: 'request-1',
  ...extra,
});
const stream = articleStreamId(ARTICLE_ID);

/** The history as the reporter recorded it (their draft), unless another actor is named. */
async function given(...history: ArticleEvent[]): Promise<void> {
  await givenBy({ id: reporter.id, name: reporter.name, role: 'reporter' }, ...history);
}

async function givenBy(actor: { id: string; name: string; role: string }, ...history: ArticleEvent[]): Promise<void> {
  const metadata = {
    actor,
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
  };
  await store.append(stream, null, history, metadata, AN_HOUR_AGO);
}

/** Runs the command and returns its answer with what it appended, as type and data. */
async function when<M extends MintedIds>(command: ExecuteArticleCommand<M>, by = handler) {
  const before = (await store.readStream(stream)).length;
  const answer = await by.execute(command);
  const appended = (await store.readStream(stream)).slice(before);
  return { answer, appended: appended.map(({ type, data }) => ({ type, data })), stored: appended };
}

const attach = (photoId: string, extra: Partial<WriteRequest> = {}) => {
  const body = { url: 'https://images.example.com/ferry.jpg', caption: 'The ferry', credit: 'Pat' };
  const input: ArticleCommandInput = { type: 'AttachPhoto', articleId: ARTICLE_ID, data: { ...body, photoId } };
  return new ExecuteArticleCommand(input, request(extra), { photoId });
};

describe('executing an article command', () => {
  it('drafts a new article and answers its id and version 1', async () => {
    const input: ArticleCommandInput = { type: 'DraftArticle', articleId: ARTICLE_ID, data: { headline: 'Storm' } };

    const { answer, appended } = await when(new ExecuteArticleCommand(input, request()));

    expect(answer).toEqual({ id: ARTICLE_ID, version: 1 });
    const defaults = { standfirst: '', dateline: '', body: [], sections: [], tags: [], language: 'en', source: '' };
    expect(appended).toEqual([
      { type: 'ArticleDrafted', data: { articleId: ARTICLE_ID, headline: 'Storm', ...defaults, embargoUntil: null } },
    ]);
  });

  it('attaches a photo, answering the minted photo id beside the new version', async () => {
    await given(drafted());

    const { answer, appended } = await when(attach('photo-2'));

    expect(answer).toEqual({ id: ARTICLE_ID, version: 2, photoId: 'photo-2' });
    expect(appended).toEqual([
      {
        type: 'PhotoAttached',
        data: {
          photo: {
            photoId: 'photo-2',
            url: 'https://images.example.com/ferry.jpg',
            caption: 'The ferry',
            credit: 'Pat',
          },
        },
      },
    ]);
  });

  it('records who acted, in their role, and the request that caused it', async () => {
    await given(drafted());

    const { stored } = await when(attach('photo-2'));

    expect(stored[0].metadata).toMatchObject({
      actor: { id: 'user-reporter', name: 'Rey Reporter', role: 'reporter' },
      correlationId: 'request-1',
    });
  });

  it('appends nothing when the decider refuses', async () => {
    await given(drafted());
    const approve = new ExecuteArticleCommand(
      { type: 'ApproveArticle', articleId: ARTICLE_ID, data: {} },
      request({ user: editor }),
    );

    await expect(handler.execute(approve)).rejects.toBeInstanceOf(InvalidTransition);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses a stale If-Match as a conflict and appends nothing', async () => {
    await given(drafted(), photoAttached());

    await expect(handler.execute(attach('photo-2', { ifMatch: 1 }))).rejects.toEqual(
      new ConcurrencyConflict(stream, 1, 2),
    );
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('appends after the version the client edited when If-Match is current', async () => {
    await given(drafted(), submitted());
    const { answer } = await when(
      new ExecuteArticleCommand(
        { type: 'RequestChanges', articleId: ARTICLE_ID, data: { note: 'Check the date' } },
        request({ user: editor, ifMatch: 2 }),
      ),
    );
    expect(answer).toEqual({ id: ARTICLE_ID, version: 3 });
  });
});

describe("the deployment's four-eyes setting", () => {
  const approve = () =>
    new ExecuteArticleCommand({ type: 'ApproveArticle', articleId: ARTICLE_ID, data: {} }, request({ user: editor }));
  const editorsOwn = () => givenBy({ id: editor.id, name: editor.name, role: 'editor' }, drafted(), submitted());

  it('refuses an editor approving what they last wrote, by default', async () => {
    await editorsOwn();

    await expect(handler.execute(approve())).rejects.toBeInstanceOf(Forbidden);
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('lets them approve it where FOUR_EYES_APPROVAL=false', async () => {
    await editorsOwn();

    const { appended } = await when(approve(), handlerWith({ FOUR_EYES_APPROVAL: 'false' }));

    expect(appended.map((e) => e.type)).toEqual(['ArticleApproved']);
  });
});

describe('executing an article command under an Idempotency-Key', () => {
  const idempotency = { key: 'attach-1', requestHash: 'a'.repeat(64) };

  it('answers a retry with the first answer, the first minted id included, and appends nothing', async () => {
    await given(drafted());
    const first = await when(attach('photo-2', { idempotency }));

    const retry = await when(attach('photo-3', { idempotency }));

    expect(retry.answer).toEqual(first.answer);
    expect(retry.answer).toEqual({ id: ARTICLE_ID, version: 2, photoId: 'photo-2' });
    expect(retry.appended).toEqual([]);
  });

  it('refuses the same key with another request', async () => {
    await given(drafted());
    await when(attach('photo-2', { idempotency }));

    const other = attach('photo-3', { idempotency: { ...idempotency, requestHash: 'b'.repeat(64) } });

    await expect(handler.execute(other)).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await store.readStream(stream)).toHaveLength(2);
  });
});
