import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { ContributionReads, seesAll } from '../shared/contribution-reads';
import { ListContributionsQueryDto } from './list-contributions.query.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributions')
export class ListContributionsController {
  constructor(private readonly reads: ContributionReads) {}

  /** A reporter's own, sent-back ones first; the desk and auditors may ask for everyone's. */
  @Get()
  @Roles('reporter', 'editor', 'admin', 'auditor')
  async list(
    @Query() q: ListContributionsQueryDto,
    @Req() req: { user: AuthUser },
    @Res({ passthrough: true }) res: { setHeader(n: string, v: string): void },
  ) {
    const mine = q.mine === 'true' || !seesAll(req.user);
    if (q.contribution && q.minVersion) {
      // Which version of that contribution the list shows: the caller's check that the wait sufficed.
      const shown = await this.reads.awaitProjected(q.contribution, q.minVersion);
      res.setHeader('X-Read-Model-Version', String(shown));
    }
    return { items: await this.reads.byAuthor(mine ? req.user.id : undefined, q.status) };
  }
}
