import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { ContributionIdPipe } from '../shared/contribution-id.pipe';
import { ContributionReads } from '../shared/contribution-reads';
import { GetContributionQueryDto } from './get-contribution.query.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributions')
export class GetContributionController {
  constructor(private readonly reads: ContributionReads) {}

  /** Its status, and while open a preview of the merge: the article's body before and after. */
  @Get(':cid')
  @Roles('reporter', 'editor', 'admin', 'auditor')
  async get(
    @Param('cid', ContributionIdPipe) contributionId: string,
    @Query() q: GetContributionQueryDto,
    @Req() req: { user: AuthUser },
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.reads.one(contributionId, req.user, q.afterBlock);
    res.setHeader('ETag', `"${view.version}"`);
    return view;
  }
}
