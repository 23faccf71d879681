import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { bodyText, fieldChanges, wordDiff } from '@newsroom/read-models';
import { ArticleFolder } from '../shared/article-folder';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { ArticleDiffQueryDto } from './article-diff.query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/articles')
export class ArticleDiffController {
  constructor(private readonly folder: ArticleFolder) {}

  /** What changed between two versions of the working copy, with a word-level diff of the body. */
  @Get(':id/diff')
  async diff(@Param('id', ArticleIdPipe) articleId: string, @Query() q: ArticleDiffQueryDto) {
    const [a, b] = await this.folder.foldPair(articleId, q.from, q.to);
    const changes: Array<{ field: string; before: unknown; after: unknown }> = fieldChanges(a.working, b.working);
    if (a.status !== b.status) changes.push({ field: 'status', before: a.status, after: b.status });
    return {
      id: articleId,
      from: q.from,
      to: q.to,
      changes,
      body: wordDiff(bodyText(a.working.body), bodyText(b.working.body)),
    };
  }
}
