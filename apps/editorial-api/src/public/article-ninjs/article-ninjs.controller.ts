import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { PublicOutputs } from '../shared/public-outputs';
import { PublicRoute, OUTPUT_TYPES, sendRendered } from '../shared/public-route';

/** GET /api/public/articles/:id.ninjs.json: IPTC ninjs 2.2 for partners; a withdrawn story is `canceled`. */
@PublicRoute()
@Controller('api/public/articles')
export class ArticleNinjsController {
  constructor(private readonly outputs: PublicOutputs) {}

  @Get(':id.ninjs.json')
  async ninjs(
    @Param('id', ArticleIdPipe) articleId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() res: Response,
  ) {
    const found = await this.outputs.of({ articleId }, 'ninjs');
    if (!found) throw new NotFoundException(`No public article ${articleId}`);
    res.setHeader('Cache-Control', 'no-cache');
    return sendRendered(res, found.output()!, ifNoneMatch, OUTPUT_TYPES.ninjs);
  }
}
