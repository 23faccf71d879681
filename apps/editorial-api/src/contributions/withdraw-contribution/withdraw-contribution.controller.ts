import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { answered } from '../../articles/shared/write-answer.http';
import { Write, WriteRequest } from '../../articles/shared/write-request';
import { ContributionIdPipe } from '../shared/contribution-id.pipe';
import { ExecuteContributionCommand } from '../shared/execute-contribution.command';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributions')
export class WithdrawContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':cid/withdraw')
  @HttpCode(200)
  @Roles(...WRITERS)
  async handle(
    @Param('cid', ContributionIdPipe) contributionId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteContributionCommand({ type: 'WithdrawContribution', contributionId, data: {} }, request),
    );
    return answered(res, answer);
  }
}
