import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  articleStreamId,
  contributionStreamId,
  type ContributionSnapshot,
  type ContributionStatus,
} from '@newsroom/editorial-domain';
import { EventStore, streamVersion } from '@newsroom/event-store';
import { listContributions, projectedContributionVersion } from '@newsroom/read-models';
import type { AuthUser } from '../../auth/auth.guard';
import { ArticleVersionsListener } from '../../articles/shared/article-versions.listener';
import { contributionOf, viewOf, type ContributionView } from './contribution.view';

/** A list is bounded: one article's inbox, or one reporter's contributions, stays far below it. */
const LIST_LIMIT = 200;
const MIN_VERSION_WAIT_MS = 5000;

/** Only the desk and auditors see every contribution; a reporter sees their own. */
export const seesAll = (user: AuthUser) => user.roles.some((r) => r === 'editor' || r === 'admin' || r === 'auditor');

/**
 * Lists come from the projector's `contribution_list` read model; one contribution (with the merge
 * preview, which needs the article as it is now) is folded from its streams.
 */
@Injectable()
export class ContributionReads {
  constructor(
    private readonly store: EventStore,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly versions: ArticleVersionsListener,
  ) {}

  async one(contributionId: string, user: AuthUser, afterBlock?: number): Promise<ContributionView> {
    const state = contributionOf(await this.store.readStream(contributionStreamId(contributionId)));
    if (state.status === 'none') throw new NotFoundException(`Contribution ${contributionId} does not exist`);
    if (!seesAll(user) && state.author.id !== user.id)
      throw new ForbiddenException('a reporter sees only their own contributions');
    return viewOf(state, await this.store.readStream(articleStreamId(state.articleId)), afterBlock);
  }

  byArticle(articleId: string, status?: ContributionStatus, authorId?: string): Promise<ContributionSnapshot[]> {
    return listContributions(this.ds, { articleId, authorId, status }, LIST_LIMIT);
  }

  /** Sent-back items first, with the desk's notes: they wait for their author. */
  byAuthor(authorId: string | undefined, status?: ContributionStatus): Promise<ContributionSnapshot[]> {
    return listContributions(this.ds, { authorId, status }, LIST_LIMIT);
  }

  /**
   * Waits (bounded) until the list shows `minVersion` of the contribution, so a client lists its
   * own write without polling: the article routes' `?minVersion`, for a list. A version the event
   * store does not hold is a 409 at once; an unknown contribution a 404. Returns the version the
   * list shows after the wait (lower than asked when the bound ran out), for `X-Read-Model-Version`.
   */
  async awaitProjected(contributionId: string, minVersion: number): Promise<number> {
    const stored = await streamVersion(this.ds, contributionStreamId(contributionId));
    if (stored === 0) throw new NotFoundException(`Contribution ${contributionId} does not exist`);
    if (stored < minVersion) {
      throw new ConflictException({
        message: `Contribution ${contributionId} is at version ${stored}: version ${minVersion} does not exist yet`,
        details: [{ path: 'minVersion', message: `must be at most ${stored}, the version stored` }],
        currentVersion: stored,
      });
    }
    // Listening before the read: a commit between the read and the wait still wakes it.
    await this.versions.ready();
    const controller = new AbortController();
    const woken = this.versions.waitFor(contributionId, minVersion, MIN_VERSION_WAIT_MS, controller.signal);
    const first = await projectedContributionVersion(this.ds, contributionId);
    if (first >= minVersion) controller.abort();
    await woken;
    return first >= minVersion ? first : projectedContributionVersion(this.ds, contributionId);
  }
}
