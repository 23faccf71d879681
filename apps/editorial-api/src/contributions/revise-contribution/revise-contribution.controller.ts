import { Body, Controller, HttpException, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { answered } from '../../articles/shared/write-answer.http';
import { Write, WriteRequest } from '../../articles/shared/write-request';
import { ContributionIdPipe } from '../shared/contribution-id.pipe';
import { ExecuteContributionCommand } from '../shared/execute-contribution.command';
import { ReviseContributionRequestDto } from './revise-contribution.request.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/contributions')
export class ReviseContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':cid')
  @Roles(...WRITERS)
  async revise(
    @Param('cid', ContributionIdPipe) contributionId: string,
    @Body() body: ReviseContributionRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    // Revising blind would overwrite what the desk asked for meanwhile: say which version you edited.
    if (request.ifMatch === undefined) {
      throw new HttpException('PATCH needs an If-Match header with the version you edited', 428);
    }
    const answer = await this.commands.execute(
      new ExecuteContributionCommand({ type: 'ReviseContribution', contributionId, data: body }, request),
    );
    return answered(res, answer);
  }
}
