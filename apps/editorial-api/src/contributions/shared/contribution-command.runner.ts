import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  articleDecider,
  articleStreamId,
  ArticleNotFound,
  contributionDecider,
  contributionStreamId,
  decideAcceptance,
  type AcceptContribution,
  type Actor,
  type ArticlePolicy,
  type ContributionCommand,
  type SubmitContribution,
} from '@newsroom/editorial-domain';
import {
  CommandOutcome,
  EventStore,
  foldEvents,
  handleAcrossStreams,
  handleCommand,
  type EventMetadata,
  type IdempotencyKey,
} from '@newsroom/event-store';
import { AppConfig } from '../../config/app-config';

/** A contribution command as a use case sends it: without the metadata the runner adds. */
export type ContributionCommandInput = {
  [T in ContributionCommand['type']]: Omit<Extract<ContributionCommand, { type: T }>, 'metadata'>;
}[ContributionCommand['type']];

/** What every contribution write answers, and what a retry under the same Idempotency-Key gets again. */
export interface ContributionWriteAnswer {
  contributionId: string;
  version: number;
  /** The article's version that holds the merge (accepting only). */
  articleVersion?: number;
}

export interface ContributionRunOptions {
  expectedVersion?: number;
  idempotency?: Omit<IdempotencyKey, 'actorId'>;
  correlationId?: string;
}

/**
 * Runs contribution commands through the event store. Submitting reads the article too (it must
 * exist); accepting appends to the contribution's stream and the article's in one transaction,
 * after the heads it decided on, re-deciding on a lost race: exactly one merge, never lost.
 */
@Injectable()
export class ContributionCommandRunner {
  private readonly policy: ArticlePolicy;

  constructor(
    private readonly store: EventStore,
    config: AppConfig,
  ) {
    this.policy = Object.freeze({ fourEyesApproval: config.env.FOUR_EYES_APPROVAL });
  }

  run(input: ContributionCommandInput, actor: Actor, opts: ContributionRunOptions = {}) {
    switch (input.type) {
      case 'SubmitContribution':
        return this.submit(input, actor, opts);
      case 'AcceptContribution':
        return this.accept(input, actor, opts);
      default:
        return this.simple(input, actor, opts);
    }
  }

  private submit(
    input: Omit<SubmitContribution, 'metadata'>,
    actor: Actor,
    opts: ContributionRunOptions,
  ): Promise<CommandOutcome<ContributionWriteAnswer>> {
    const { now, metadata } = this.context(actor, opts);
    const command: SubmitContribution = { ...clean(input), metadata: { actor, now } };
    const streams = [contributionStreamId(input.contributionId), articleStreamId(input.data.articleId)];
    return handleAcrossStreams(this.store, this.envelope(streams, metadata, now, actor, opts), ([c, article]) => {
      if (article.length === 0) throw new ArticleNotFound(input.data.articleId);
      const events = contributionDecider.decide(command, foldEvents(contributionDecider, c));
      return {
        events: [events, []],
        answer: { contributionId: input.contributionId, version: c.length + events.length },
      };
    });
  }

  private accept(
    input: Omit<AcceptContribution, 'metadata'>,
    actor: Actor,
    opts: ContributionRunOptions,
  ): Promise<CommandOutcome<ContributionWriteAnswer>> {
    const { now, metadata } = this.context(actor, opts);
    const command: AcceptContribution = { ...clean(input), metadata: { actor, now } };
    const contributionStream = contributionStreamId(input.contributionId);
    return this.store.readStream(contributionStream).then((history) => {
      const state = foldEvents(contributionDecider, history);
      // The article is known from the contribution; an unknown contribution reads no article.
      const articleStream = state.status === 'none' ? contributionStream : articleStreamId(state.articleId);
      const streams = [contributionStream, articleStream];
      return handleAcrossStreams(this.store, this.envelope(streams, metadata, now, actor, opts), ([c, a]) => {
        const article = articleStream === contributionStream ? [] : a;
        const decided = decideAcceptance(
          command,
          foldEvents(contributionDecider, c),
          foldEvents(articleDecider, article),
          this.policy,
        );
        return {
          events: [decided.contribution, decided.article],
          answer: {
            contributionId: input.contributionId,
            version: c.length + decided.contribution.length,
            articleVersion: article.length + decided.article.length,
          },
        };
      });
    });
  }

  private simple(
    input: ContributionCommandInput,
    actor: Actor,
    opts: ContributionRunOptions,
  ): Promise<CommandOutcome<ContributionWriteAnswer>> {
    const { now, metadata } = this.context(actor, opts);
    const command = { ...clean(input), metadata: { actor, now } } as ContributionCommand;
    return handleCommand(
      this.store,
      contributionDecider,
      {
        streamId: contributionStreamId(input.contributionId),
        command,
        metadata,
        now,
        expectedVersion: opts.expectedVersion,
        idempotency: opts.idempotency && { actorId: actor.id, ...opts.idempotency },
      },
      ({ version }) => ({ contributionId: input.contributionId, version }),
    );
  }

  private context(actor: Actor, opts: ContributionRunOptions): { now: string; metadata: EventMetadata } {
    const now = new Date().toISOString();
    const commandId = randomUUID();
    return {
      now,
      metadata: {
        actor: { id: actor.id, name: actor.name, role: actor.role },
        commandId,
        correlationId: opts.correlationId ?? commandId,
        causationId: commandId,
      },
    };
  }

  private envelope(
    streamIds: string[],
    metadata: EventMetadata,
    now: string,
    actor: Actor,
    opts: ContributionRunOptions,
  ) {
    return {
      streamIds: [...new Set(streamIds)],
      metadata,
      now,
      // If-Match names the contribution's version: the article moves on its own, and the merge is re-decided.
      expectedVersions: opts.expectedVersion === undefined ? undefined : { [streamIds[0]]: opts.expectedVersion },
      idempotency: opts.idempotency && { actorId: actor.id, ...opts.idempotency },
    };
  }
}

/** DTO instances carry undefined for absent optional fields: a JSON round trip drops them. */
function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
