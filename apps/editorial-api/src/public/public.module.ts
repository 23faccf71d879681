import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MetricsModule } from '../metrics/metrics.module';
import { ArticleJsonLdController } from './article-jsonld/article-jsonld.controller';
import { ArticleNinjsController } from './article-ninjs/article-ninjs.controller';
import { ArticlePageController } from './article-page/article-page.controller';
import { FeedsController } from './feeds/feeds.controller';
import { PublicClock } from './shared/public-clock';
import { PublicFastPath } from './shared/public-fast-path';
import { PublicOutputs } from './shared/public-outputs';
import { PublicRateLimitGuard } from './shared/public-rate-limit.guard';
import { PublicReadModel } from './shared/public-read-model';
import { publicSiteProvider } from './shared/public-site.provider';
import { RenderedOutputs } from './shared/rendered-outputs.cache';

/** Public output (issue #11): what readers and partners receive, served from the public read model only. */
@Module({
  imports: [MetricsModule],
  controllers: [ArticlePageController, ArticleNinjsController, ArticleJsonLdController, FeedsController],
  providers: [
    PublicClock,
    PublicReadModel,
    PublicOutputs,
    // A bench:public story's page, ninjs and JSON-LD take about 7 KB together: the default 64 MB holds
    // some 9,000 stories whole; past it, the least recently read go (rendered again when asked for).
    {
      provide: RenderedOutputs,
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) => new RenderedOutputs(env.PUBLIC_RENDER_CACHE_MB * 1024 * 1024),
    },
    PublicRateLimitGuard,
    publicSiteProvider,
    PublicFastPath,
  ],
  exports: [PublicFastPath],
})
export class PublicModule {}
