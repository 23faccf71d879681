import { ConflictException, Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleView } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { streamVersion } from '@newsroom/event-store';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ArticleReadModel } from '../shared/article-read-model';
import { ArticleTimeTravel } from '../shared/article-time-travel';
import { GetArticleQueryDto } from './get-article.query.dto';

const MIN_VERSION_WAIT_MS = 5000;

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class GetArticleController {
  constructor(
    private readonly timeTravel: ArticleTimeTravel,
    private readonly readModel: ArticleReadModel,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  @Get(':id')
  @ApiConflictResponse({ description: 'minVersion is beyond the version stored: it cannot be reached by waiting' })
  async get(
    @Param('id', ArticleIdPipe) articleId: string,
    @Query() query: GetArticleQueryDto,
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ): Promise<ArticleView> {
    if (query.asOf) {
      const past = await this.timeTravel.at(articleId, { until: new Date(query.asOf) });
      res.setHeader('ETag', `"${past.version}"`);
      return past;
    }
    const article = query.minVersion
      ? await this.atLeast(articleId, query.minVersion)
      : await this.readModel.get(articleId);
    if (!article) throw new NotFoundException(`Article ${articleId} does not exist (or is not projected yet)`);
    res.setHeader('ETag', `"${article.version}"`);
    // Tells a client that asked for minVersion whether it got it or the newest the read model has.
    res.setHeader('X-Read-Model-Version', String(article.version));
    return article;
  }

  /**
   * Waits for the read model only when the version is stored: a version the event store does not
   * hold yet is a 409 at once (with the stored version), never a request held for nothing.
   */
  private async atLeast(articleId: string, minVersion: number): Promise<ArticleView | undefined> {
    const stored = await streamVersion(this.ds, articleStreamId(articleId));
    if (stored === 0) throw new NotFoundException(`Article ${articleId} does not exist`);
    if (stored < minVersion) {
      throw new ConflictException({
        message: `Article ${articleId} is at version ${stored}: version ${minVersion} does not exist yet`,
        details: [{ path: 'minVersion', message: `must be at most ${stored}, the version stored` }],
        currentVersion: stored,
      });
    }
    return this.readModel.getAtLeast(articleId, minVersion, MIN_VERSION_WAIT_MS);
  }
}
