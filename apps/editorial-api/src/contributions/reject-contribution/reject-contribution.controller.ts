import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { answered } from '../../articles/shared/write-answer.http';
import { Write, WriteRequest } from '../../articles/shared/write-request';
import { ContributionIdPipe } from '../shared/contribution-id.pipe';
import { ExecuteContributionCommand } from '../shared/execute-contribution.command';
import { RejectContributionRequestDto } from './reject-contribution.request.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributions')
export class RejectContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':cid/reject')
  @HttpCode(200)
  @Roles('editor', 'admin')
  async handle(
    @Param('cid', ContributionIdPipe) contributionId: string,
    @Body() body: RejectContributionRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const answer = await this.commands.execute(
      new ExecuteContributionCommand({ type: 'RejectContribution', contributionId, data: body }, request),
    );
    return answered(res, answer);
  }
}
