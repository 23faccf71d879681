import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  ArticleCommand,
  ArticlePolicy,
  articleDecider,
  articleStreamId,
  type ArticleState,
} from '@newsroom/editorial-domain';
import {
  CommandOutcome,
  EventStore,
  handleCommand,
  StreamStateCache,
  type IdempotencyKey,
} from '@newsroom/event-store';
import { AppConfig } from '../../config/app-config';

/** An article command as a use case sends it: the domain's command without the metadata the runner adds. */
export type ArticleCommandInput = {
  [T in ArticleCommand['type']]: Omit<Extract<ArticleCommand, { type: T }>, 'metadata'>;
}[ArticleCommand['type']];

/** Ids the server minted for a request (a new photo's, a new contributor's), answered beside the version. */
export type MintedIds = Record<string, string>;
export type NoMintedIds = Record<never, string>;

/** What every article write answers, and what a retry under the same Idempotency-Key gets again. */
export type ArticleWriteAnswer<M extends MintedIds = NoMintedIds> = { id: string; version: number } & M;

export interface RunOptions<M extends MintedIds> {
  minted: M;
  expectedVersion?: number;
  idempotency?: Omit<IdempotencyKey, 'actorId'>;
  correlationId?: string;
}

/** Runs one article command through the event store's pipeline, for HTTP and the scheduler alike. */
@Injectable()
export class ArticleCommandRunner {
  private readonly policy: ArticlePolicy;
  // One per process: a long article's command then reads only what is newer than its last one.
  private readonly states = new StreamStateCache<ArticleState>();

  constructor(
    private readonly store: EventStore,
    config: AppConfig,
  ) {
    // The deployment's rules travel with each command, so the decider reads no configuration.
    this.policy = Object.freeze({
      fourEyesApproval: config.env.FOUR_EYES_APPROVAL,
      fourEyesRedaction: config.env.REDACTION_FOUR_EYES,
    });
  }

  get articlePolicy(): ArticlePolicy {
    return this.policy;
  }

  /**
   * Drops the article's decided state, which holds its text in plaintext: after a redaction, the
   * next command folds the stream again, where the redacted fields read as markers.
   */
  forget(articleId: string): void {
    this.states.forget(articleStreamId(articleId));
  }

  run<M extends MintedIds>(
    input: ArticleCommandInput,
    actor: Actor,
    opts: RunOptions<M>,
  ): Promise<CommandOutcome<ArticleWriteAnswer<M>>> {
    const now = new Date().toISOString();
    const commandId = randomUUID();
    const command: ArticleCommand = { ...withoutUndefined(input), metadata: { actor, now, policy: this.policy } };
    return handleCommand(
      this.store,
      articleDecider,
      {
        streamId: articleStreamId(input.articleId),
        command,
        metadata: {
          actor: { id: actor.id, name: actor.name, role: actor.role },
          commandId,
          correlationId: opts.correlationId ?? commandId,
          causationId: commandId,
        },
        now,
        expectedVersion: opts.expectedVersion,
        idempotency: opts.idempotency && { actorId: actor.id, ...opts.idempotency },
      },
      ({ version }) => ({ ...opts.minted, id: input.articleId, version }),
      { cache: this.states },
    );
  }
}

/**
 * DTO instances carry undefined for absent optional fields: a JSON round trip drops them, so that
 * absent never reads as cleared.
 */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
