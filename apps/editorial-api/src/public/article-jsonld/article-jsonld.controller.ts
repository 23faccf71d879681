import { Controller, Get, GoneException, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { PublicOutputs } from '../shared/public-outputs';
import { PublicRoute, OUTPUT_TYPES, sendRendered } from '../shared/public-route';

/** GET /api/public/articles/:id.jsonld: the schema.org NewsArticle the page embeds. */
@PublicRoute()
@Controller('api/public/articles')
export class ArticleJsonLdController {
  constructor(private readonly outputs: PublicOutputs) {}

  @Get(':id.jsonld')
  async jsonLd(
    @Param('id', ArticleIdPipe) articleId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    const found = await this.outputs.of({ articleId }, 'jsonld');
    if (!found) throw new NotFoundException(`No public article ${articleId}`);
    if (found.status === 'withdrawn') throw new GoneException(`Article ${articleId} was withdrawn`);
    res.setHeader('Cache-Control', 'no-cache');
    return sendRendered(res, found.output()!, ifNoneMatch, OUTPUT_TYPES.jsonld);
  }
}
