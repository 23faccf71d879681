import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { RedactionAnswer } from '@newsroom/contracts';
import {
  articleDecider,
  ArticleNotFound,
  articleStreamId,
  contributionRedaction,
  contributionStreamId,
  RedactionNeedsErasure,
  type Actor,
  type ArticleCommand,
  type ArticleEvent,
  type ArticleSnapshot,
  type FieldReference,
} from '@newsroom/editorial-domain';
import {
  ConcurrencyConflict,
  FieldCodec,
  FieldNotErasable,
  foldEvents,
  outboxWakeupsOf,
  PostgresEventStore,
  StreamVersionTaken,
  type RedactionNotice,
  type StoredEvent,
  type StreamAppend,
} from '@newsroom/event-store';
import { AppConfig } from '../../config/app-config';
import { STORED_EVENTS } from '../../database/field-encryption';
import { ArticleCommandRunner } from '../shared/article-command.runner';
import { ArticleSnapshots } from '../shared/article-snapshots';

export type RedactionDecision = { type: 'ConfirmRedaction' | 'DeclineRedaction'; redactionId: string };
export type RedactionAction =
  | { type: 'RequestRedaction'; passage: string; reason: string; legalBasis: string; reference: string }
  | RedactionDecision;

/** Attempts of one order against appends that keep landing first; then the client hears 412. */
const MAX_ATTEMPTS = 8;
const DEADLOCK = '40P01';

/** What one attempt found and decided, before anything is written. */
interface Decided {
  events: ArticleEvent[];
  /** Keys to destroy with the append: the fields that hold the passage, when it takes effect. */
  kids: string[];
  /** Fields stored in plaintext that hold it: erased in place with the append. */
  erase: FieldReference[];
  notice: { legalBasis: string; reference: string };
  head: StoredEvent;
  /** The merged contributions' streams as read: each one the redaction reached records it too. */
  contributions: StoredEvent[][];
}

/**
 * Runs a redaction (issue #12) as its own pipeline rather than handleCommand's: only here can the
 * stored events (ciphertext, with their key ids) be searched, and the keys must be destroyed in
 * the transaction that appends the decision, so that the order and its effect are both or neither.
 */
@Injectable()
export class RedactionRunner {
  constructor(
    @Inject(STORED_EVENTS) private readonly stored: PostgresEventStore,
    private readonly codec: FieldCodec,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly articles: ArticleCommandRunner,
    private readonly snapshots: ArticleSnapshots,
    private readonly config: AppConfig,
  ) {}

  /** `expectedVersion`, from If-Match: the version the admin read; another one is a 412, never retried. */
  async run(
    articleId: string,
    action: RedactionAction,
    actor: Actor,
    { correlationId, expectedVersion }: { correlationId: string; expectedVersion?: number },
  ): Promise<RedactionAnswer> {
    const redactionId = action.type === 'RequestRedaction' ? randomUUID() : action.redactionId;
    // Fields an earlier attempt found: a concurrent order that won the race may have destroyed them
    // (and cut the passage from the working copy), yet this order did find the passage there.
    const foundBefore: FieldReference[] = [];
    const erasedBefore: FieldReference[] = [];
    for (let attempt = 1; ; attempt++) {
      const decided = await this.decide(articleId, redactionId, action, actor, {
        foundBefore,
        erasedBefore,
        expectedVersion,
      });
      try {
        return await this.commit(articleId, redactionId, decided, actor, correlationId);
      } catch (err) {
        const lostRace = err instanceof StreamVersionTaken || (err as { code?: string })?.code === DEADLOCK;
        if (!lostRace) throw err;
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConcurrencyConflict(articleStreamId(articleId), -1, decided.head.version);
        }
      }
    }
  }

  /** 1-3: read as stored, search, decide. Nothing is written yet. */
  private async decide(
    articleId: string,
    redactionId: string,
    action: RedactionAction,
    actor: Actor,
    {
      foundBefore,
      erasedBefore,
      expectedVersion,
    }: { foundBefore: FieldReference[]; erasedBefore: FieldReference[]; expectedVersion: number | undefined },
  ): Promise<Decided> {
    // 1. The article's events as stored, and those of the contributions merged into it, whose text
    //    the article took over.
    const events = await this.stored.readStream(articleStreamId(articleId));
    const head = events.at(-1);
    if (!head) throw new ArticleNotFound(articleId);
    if (expectedVersion !== undefined && head.version !== expectedVersion) {
      throw new ConcurrencyConflict(articleStreamId(articleId), expectedVersion, head.version);
    }
    const state = foldEvents(articleDecider, await this.codec.decrypt(events)) as ArticleSnapshot;
    const merged = await Promise.all(
      (state.mergedContributions ?? []).map((id) => this.stored.readStream(contributionStreamId(id))),
    );
    const pending = (state.pendingRedactions ?? []).find((r) => r.redactionId === redactionId);
    // 2. Where the passage is: every field that holds it, or, to decline, the request's own passage.
    const passage = action.type === 'RequestRedaction' ? action.passage : pending?.passage;
    const found =
      action.type === 'DeclineRedaction'
        ? await this.codec.locate(
            events.filter((e) => e.type === 'RedactionRequested' && e.data.redactionId === redactionId),
            () => true,
          )
        : typeof passage === 'string' && passage.trim() !== ''
          ? await this.codec.locate([...events, ...merged.flat()], (text) => text.includes(passage))
          : { encrypted: [], plaintext: [] };
    const fields = found.encrypted.map(({ eventId, path }) => ({ eventId: eventId!, path }));
    // Fields stored in plaintext before encryption have no key: they are erased in place (the
    // heavier route) in the decision's transaction, and recorded apart.
    const erased = found.plaintext.map(({ eventId, path }) => ({ eventId: eventId!, path }));
    foundBefore.push(...fields);
    erasedBefore.push(...erased);
    // 3. Decide on the plaintext state; the decider re-issues the article without the passage.
    const now = new Date().toISOString();
    const metadata = { actor, now, policy: this.articles.articlePolicy };
    const located = { fields: [...foundBefore], erased: [...erasedBefore] };
    const command: ArticleCommand =
      action.type === 'RequestRedaction'
        ? {
            type: action.type,
            articleId,
            data: { ...orderOf(action), passage: action.passage, redactionId, located },
            metadata,
          }
        : action.type === 'ConfirmRedaction'
          ? { type: action.type, articleId, data: { redactionId, located }, metadata }
          : { type: action.type, articleId, data: { redactionId, passageField: fields }, metadata };
    const decided = articleDecider.decide(command, state);
    const takesEffect = decided.some((e) => e.type === 'ContentRedacted' || e.type === 'RedactionDeclined');
    const { legalBasis, reference } = action.type === 'RequestRedaction' ? action : pending!;
    return {
      events: decided,
      kids: takesEffect ? found.encrypted.map((f) => f.kid) : [],
      erase: takesEffect ? erased : [],
      notice: { legalBasis, reference },
      head,
      contributions: merged,
    };
  }

  /** 4-5: destroy the keys and append the decision, all or none; then forget what was read. */
  private async commit(
    articleId: string,
    redactionId: string,
    { events, kids, erase, notice, head, contributions }: Decided,
    actor: Actor,
    correlationId: string,
  ): Promise<RedactionAnswer> {
    const streamId = articleStreamId(articleId);
    const now = new Date().toISOString();
    const commandId = randomUUID();
    const metadata = {
      actor: { id: actor.id, name: actor.name, role: actor.role },
      commandId,
      correlationId,
      causationId: commandId,
    };
    // 4. One transaction: an append that loses its version rolls the destruction back, so the
    //    retry searches the article as the winner left it. DELETE … RETURNING destroys a key once,
    //    by the first order to commit; the other's DELETE waits for it and finds the row gone.
    const appended = await this.ds.transaction(async (manager) => {
      const order = { redactionId, redactedAt: now, ...notice };
      if (kids.length > 0) await this.codec.destroy(kids, order, manager);
      if (erase.length > 0) await this.erase(erase, order, manager);
      const sealed = this.config.env.FIELD_ENCRYPTION ? await this.codec.encrypt(streamId, events, manager) : events;
      // One append for the article and every contribution the passage was found in, all or none.
      const [stored] = await this.stored.appendToStreams(
        [{ streamId, head, events: sealed }, ...contributionParts(events, contributions)],
        metadata,
        now,
        { manager },
      );
      // Time travel's derived rows hold the text of their version: rebuilt from the store on demand.
      await this.snapshots.discardAll(streamId, manager);
      return stored;
    });
    // 5. Nothing of the redacted text stays in this process: the keys, and the decided state.
    this.codec.forget(kids);
    this.articles.forget(articleId);
    outboxWakeupsOf(this.ds).poke();
    return { id: articleId, version: appended.at(-1)!.version, redactionId, status: statusOf(events) };
  }

  private async erase(refs: FieldReference[], order: RedactionNotice, manager: EntityManager): Promise<void> {
    try {
      await this.codec.erasePlaintext(refs, order, manager);
    } catch (err) {
      if (err instanceof FieldNotErasable) throw new RedactionNeedsErasure(refs.length, err.message);
      throw err;
    }
  }
}

/** A ContributionRedacted, after its stream's head, for each merged contribution a redaction reached. */
function contributionParts(events: ArticleEvent[], contributions: StoredEvent[][]): StreamAppend[] {
  const redacted = events.find((e) => e.type === 'ContentRedacted');
  if (!redacted) return [];
  return contributions.flatMap((stream) => {
    const recorded = contributionRedaction(redacted.data, new Set(stream.map((e) => e.eventId)));
    const head = stream.at(-1);
    return recorded && head ? [{ streamId: head.streamId, head, events: [recorded] }] : [];
  });
}

function orderOf({ reason, legalBasis, reference }: { reason: string; legalBasis: string; reference: string }) {
  return { reason, legalBasis, reference };
}

function statusOf(events: ArticleEvent[]): RedactionAnswer['status'] {
  if (events.some((e) => e.type === 'ContentRedacted')) return 'redacted';
  return events.some((e) => e.type === 'RedactionDeclined') ? 'declined' : 'pending';
}
