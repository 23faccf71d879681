import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  checkPublicArticle,
  findPublicArticle,
  findPublicArticleBySlug,
  publicFeedPage,
  publicFeedStamp,
  type FeedStamp,
  type HeldVersion,
  type PublicArticle,
  type PublicArticleCheck,
  type PublicArticleKey,
} from '@newsroom/read-models';
import { PublicClock } from './public-clock';

export const FEED_PAGE_SIZE = 50;

/** The public read model at the clock's instant: the public routes read nothing else. */
@Injectable()
export class PublicReadModel {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: PublicClock,
  ) {}

  byId(articleId: string): Promise<PublicArticle | undefined> {
    return findPublicArticle(this.ds, articleId, this.clock.now());
  }

  bySlug(slug: string): Promise<PublicArticle | undefined> {
    return findPublicArticleBySlug(this.ds, slug, this.clock.now());
  }

  /** The article's version, status and slug now, and its row unless it is the `held` version. */
  check(key: PublicArticleKey, held?: HeldVersion): Promise<PublicArticleCheck | undefined> {
    return checkPublicArticle(this.ds, key, this.clock.now(), held);
  }

  /** The feed's stamp now: what its validators are computed from. */
  feedStamp(section: string | undefined): Promise<FeedStamp> {
    return publicFeedStamp(this.ds, { section, now: this.clock.now() });
  }

  /** The stamp and the page at one instant, so an entry cannot appear in one and not the other. */
  async feed(section: string | undefined, page: number, onlyStamp: (stamp: FeedStamp) => boolean) {
    const now = this.clock.now();
    const stamp = await publicFeedStamp(this.ds, { section, now });
    if (onlyStamp(stamp)) return { stamp, page: undefined };
    const { entries, more } = await publicFeedPage(this.ds, { section, page, pageSize: FEED_PAGE_SIZE, now });
    return { stamp, page: { entries, more, section, page, newest: stamp.newest } };
  }
}
