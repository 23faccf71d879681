import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Roles, WRITERS } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../../articles/shared/article-id.pipe';
import { created } from '../../articles/shared/write-answer.http';
import { Write, WriteRequest } from '../../articles/shared/write-request';
import { ExecuteContributionCommand } from '../shared/execute-contribution.command';
import { SubmitContributionRequestDto } from './submit-contribution.request.dto';

@ApiTags('contributions')
@ApiBearerAuth()
@Controller('api/articles')
export class SubmitContributionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/contributions')
  @Roles(...WRITERS)
  async submit(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: SubmitContributionRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const contributionId = randomUUID();
    const photos = (body.photos ?? []).map((p) => ({ ...p, photoId: randomUUID() }));
    const data = { articleId, blocks: body.blocks, photos, note: body.note ?? '', credit: body.credit };
    const answer = await this.commands.execute(
      new ExecuteContributionCommand({ type: 'SubmitContribution', contributionId, data }, request),
    );
    return created(res, answer, `/api/contributions/${answer.contributionId}`);
  }
}
