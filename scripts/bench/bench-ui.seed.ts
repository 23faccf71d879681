import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  articleDecider,
  articleStreamId,
  type Actor,
  type ArticleCommand,
  type ArticlePolicy,
  type Role,
} from '@newsroom/editorial-domain';
import { handleCommand, PostgresEventStore } from '@newsroom/event-store';

const PLACES = ['Harbour', 'Council', 'Ministry', 'Hospital', 'Railway', 'University', 'Court', 'Airport'];
const ACTS = ['reopens', 'delays', 'approves', 'rejects', 'expands', 'reviews', 'cuts', 'announces'];
const THINGS = ['budget', 'ferry route', 'night shifts', 'new wing', 'fares', 'inquiry', 'timetable', 'plans'];
const SECTIONS = ['World', 'Politics', 'Business', 'Local', 'Sport', 'Culture'];

/** A signed-in user as the login answer names them. */
export interface SeedUser {
  id: string;
  name: string;
  roles: Role[];
}

// As the API's actorOf: a user acts in their most capable role.
const AUTHORITY: Role[] = ['admin', 'editor', 'reporter', 'auditor'];
const actorOf = (u: SeedUser): Actor => ({
  id: u.id,
  name: u.name,
  role: AUTHORITY.find((r) => u.roles.includes(r)) ?? 'auditor',
  roles: u.roles,
});

type Input = {
  [T in ArticleCommand['type']]: Omit<Extract<ArticleCommand, { type: T }>, 'metadata'>;
}[ArticleCommand['type']];

/**
 * Drafts `articles` articles straight into the event store, through the write pipeline the API's
 * command runner uses (handleCommand: read the stream, decide, append events + outbox rows + hash
 * chain in one statement), so the relay and the projectors build every read model as in production;
 * only HTTP is skipped, which at 10,000 articles took longer than the whole benchmark may.
 * Some move along the workflow so every column has cards: a quarter submitted, a tenth of those
 * approved (by the admin: four eyes), a third of those published. Answers the commands run.
 */
export async function seedThroughEventStore(
  ds: DataSource,
  articles: number,
  users: { editor: SeedUser; admin: SeedUser },
  opts: { concurrency: number; policy: ArticlePolicy; progress?: (drafted: number) => void },
): Promise<number> {
  const store = new PostgresEventStore(ds);
  const editor = actorOf(users.editor);
  const admin = actorOf(users.admin);
  let commands = 0;
  const run = async (input: Input, actor: Actor) => {
    const now = new Date().toISOString();
    const commandId = randomUUID();
    await handleCommand(
      store,
      articleDecider,
      {
        streamId: articleStreamId(input.articleId),
        command: { ...input, metadata: { actor, now, policy: opts.policy } } as ArticleCommand,
        metadata: {
          actor: { id: actor.id, name: actor.name, role: actor.role },
          commandId,
          correlationId: commandId,
          causationId: commandId,
        },
        now,
      },
      () => undefined,
    );
    commands++;
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < articles; i = next++) {
      const pick = <T>(xs: T[], k = 1) => xs[Math.floor(i / k) % xs.length];
      const articleId = randomUUID();
      await run(
        {
          type: 'DraftArticle',
          articleId,
          data: {
            headline: `${pick(PLACES)} ${pick(ACTS, 8)} ${pick(THINGS, 64)} (${i + 1})`,
            standfirst: `Story ${i + 1} of the benchmark newsroom.`,
            sections: [pick(SECTIONS, 3)],
          },
        },
        editor,
      );
      if ((i + 1) % 1000 === 0) opts.progress?.(i + 1);
      if (i % 4 !== 0) continue;
      await run({ type: 'SubmitForReview', articleId, data: {} }, editor);
      if (i % 40 !== 0) continue;
      await run({ type: 'ApproveArticle', articleId, data: {} }, admin);
      if (i % 120 === 0) await run({ type: 'PublishArticle', articleId, data: {} }, admin);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return commands;
}
