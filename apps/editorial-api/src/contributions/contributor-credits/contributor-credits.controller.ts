import { BadRequestException, Controller, ForbiddenException, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONTRIBUTOR_CREDITS_PAGE, type ContributorCredits } from '@newsroom/contracts';
import { ledgerKeyOf, ledgerPage, personKeyOf, type LedgerKey } from '@newsroom/read-models';
import type { AuthUser } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { decodeCursor, encodeCursor } from '../../common/cursor';
import { ContributorCreditsQueryDto } from './contributor-credits.query.dto';

/** Longer than any credited name the domain accepts, after normalising. */
const KEY_MAX_LENGTH = 200;

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributors')
export class ContributorCreditsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The contributor ledger: every published version of every article that credits the person,
   * newest first, and the contribution that created each credit. `:key` is the person's key or any
   * spelling of the name that normalises to it. The desk, auditors and admins read anyone's; a
   * reporter reads only the ledger of their own account name (credits are by name, and a reporter
   * has no business reading a colleague's record).
   */
  @Get(':key/credits')
  @Roles('reporter', 'editor', 'auditor', 'admin')
  async credits(
    @Param('key') raw: string,
    @Query() q: ContributorCreditsQueryDto,
    @Req() req: { user: AuthUser },
  ): Promise<ContributorCredits> {
    const key = personKeyOf(raw);
    // Control characters (NUL above all, which PostgreSQL's text refuses) are in no credited name.
    if (key === '' || key.length > KEY_MAX_LENGTH || /\p{Cc}/u.test(key)) {
      throw new BadRequestException({
        message: 'Invalid input',
        details: [{ path: 'key', message: `must be a credited name of 1 to ${KEY_MAX_LENGTH} characters` }],
      });
    }
    const desk = req.user.roles.some((r) => r === 'editor' || r === 'auditor' || r === 'admin');
    if (!desk && personKeyOf(req.user.name) !== key) {
      throw new ForbiddenException('a reporter reads only the ledger of their own name');
    }
    const { limit = CONTRIBUTOR_CREDITS_PAGE.default, cursor } = q;
    const after = decodeCursor(cursor, ['instant', 'uuid', 'int', 'text']) as LedgerKey | undefined;
    const { items, more } = await ledgerPage(this.ds, key, after, limit);
    return { key, items, nextCursor: more ? encodeCursor(ledgerKeyOf(items.at(-1)!)) : null };
  }
}
