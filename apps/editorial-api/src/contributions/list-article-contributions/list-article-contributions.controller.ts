import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { ContributionReads, seesAll } from '../shared/contribution-reads';
import { ContributionListQueryDto } from '../shared/contribution-list.query.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/articles')
export class ListArticleContributionsController {
  constructor(private readonly reads: ContributionReads) {}

  /** The desk's inbox for one article; a reporter sees only their own contributions to it. */
  @Get(':id/contributions')
  @Roles('reporter', 'editor', 'admin', 'auditor')
  async list(
    @Param('id', ArticleIdPipe) articleId: string,
    @Query() q: ContributionListQueryDto,
    @Req() req: { user: AuthUser },
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ) {
    const authorId = seesAll(req.user) ? undefined : req.user.id;
    if (q.contribution && q.minVersion) {
      // Which version of that contribution the list shows: the caller's check that the wait sufficed.
      const shown = await this.reads.awaitProjected(q.contribution, q.minVersion);
      res.setHeader('X-Read-Model-Version', String(shown));
    }
    return { items: await this.reads.byArticle(articleId, q.status, authorId) };
  }
}
