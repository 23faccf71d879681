import { Module } from '@nestjs/common';
import { ArticleJsonLdController } from './article-jsonld/article-jsonld.controller';
import { ArticleNinjsController } from './article-ninjs/article-ninjs.controller';
import { ArticlePageController } from './article-page/article-page.controller';
import { FeedsController } from './feeds/feeds.controller';
import { PublicClock } from './shared/public-clock';
import { PublicRateLimitGuard } from './shared/public-rate-limit.guard';
import { PublicReadModel } from './shared/public-read-model';
import { publicSiteProvider } from './shared/public-site.provider';

/** Public output (issue #11): what readers and partners receive, served from the public read model only. */
@Module({
  controllers: [ArticlePageController, ArticleNinjsController, ArticleJsonLdController, FeedsController],
  providers: [PublicClock, PublicReadModel, PublicRateLimitGuard, publicSiteProvider],
})
export class PublicModule {}
