import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  articleStreamId,
  contributionStreamId,
  type ContributionSnapshot,
  type ContributionStatus,
} from '@newsroom/editorial-domain';
import { EventStore, eventsOfStreamsWith } from '@newsroom/event-store';
import type { AuthUser } from '../../auth/auth.guard';
import { contributionOf, viewOf, type ContributionView } from './contribution.view';

const LIST_LIMIT = 200;

/** Only the desk and auditors see every contribution; a reporter sees their own. */
export const seesAll = (user: AuthUser) => user.roles.some((r) => r === 'editor' || r === 'admin' || r === 'auditor');

/**
 * Contributions folded from their streams. TODO(#9): lists from a contributions read model fed by
 * the contribution topic; until then a bounded scan of the store.
 */
@Injectable()
export class ContributionReads {
  constructor(
    private readonly store: EventStore,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async one(contributionId: string, user: AuthUser, afterBlock?: number): Promise<ContributionView> {
    const state = contributionOf(await this.store.readStream(contributionStreamId(contributionId)));
    if (state.status === 'none') throw new NotFoundException(`Contribution ${contributionId} does not exist`);
    if (!seesAll(user) && state.author.id !== user.id)
      throw new ForbiddenException('a reporter sees only their own contributions');
    return viewOf(state, await this.store.readStream(articleStreamId(state.articleId)), afterBlock);
  }

  async byArticle(articleId: string, status?: ContributionStatus, authorId?: string): Promise<ContributionSnapshot[]> {
    const streams = await eventsOfStreamsWith(this.ds, {
      type: 'ContributionSubmitted',
      field: { name: 'articleId', value: articleId },
      actorId: authorId,
      limit: LIST_LIMIT,
    });
    return this.fold(streams, status);
  }

  async byAuthor(authorId: string | undefined, status?: ContributionStatus): Promise<ContributionSnapshot[]> {
    const streams = await eventsOfStreamsWith(this.ds, {
      type: 'ContributionSubmitted',
      actorId: authorId,
      limit: LIST_LIMIT,
    });
    // Sent-back items first, with the desk's notes: they wait for their author.
    return (await this.fold(streams, status)).sort(
      (a, b) => Number(b.status === 'changes_requested') - Number(a.status === 'changes_requested'),
    );
  }

  private async fold(streams: Awaited<ReturnType<typeof eventsOfStreamsWith>>, status?: ContributionStatus) {
    return streams
      .map(contributionOf)
      .filter((s): s is ContributionSnapshot => s.status !== 'none' && (status === undefined || s.status === status));
  }
}
