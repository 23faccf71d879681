import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../auth/roles.decorator';
import { ArticleIdPipe } from '../shared/article-id.pipe';
import { answered, created } from '../shared/write-answer.http';
import { Write, WriteRequest } from '../shared/write-request';
import { RedactContentCommand } from './redact-content.command';
import { RedactContentRequestDto } from './redact-content.request.dto';
import { RedactionIdPipe } from './redaction-id.pipe';
import type { RedactionDecision } from './redaction.runner';

/** Legal redactions (issue #12): an admin orders, and under four-eyes another admin decides. */
@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/articles')
export class RedactContentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/redactions')
  @Roles('admin')
  async request(
    @Param('id', ArticleIdPipe) articleId: string,
    @Body() body: RedactContentRequestDto,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { passage, reason, legalBasis, reference } = body;
    const action = { type: 'RequestRedaction' as const, passage, reason, legalBasis, reference };
    const answer = await this.commands.execute(new RedactContentCommand(articleId, action, request));
    return created(res, answer, `/api/articles/${articleId}/redactions`);
  }

  @Post(':id/redactions/:redactionId/confirm')
  @HttpCode(200)
  @Roles('admin')
  confirm(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('redactionId', RedactionIdPipe) redactionId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.decide(articleId, { type: 'ConfirmRedaction', redactionId }, request, res);
  }

  @Post(':id/redactions/:redactionId/decline')
  @HttpCode(200)
  @Roles('admin')
  decline(
    @Param('id', ArticleIdPipe) articleId: string,
    @Param('redactionId', RedactionIdPipe) redactionId: string,
    @Write() request: WriteRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.decide(articleId, { type: 'DeclineRedaction', redactionId }, request, res);
  }

  private async decide(articleId: string, action: RedactionDecision, request: WriteRequest, res: Response) {
    return answered(res, await this.commands.execute(new RedactContentCommand(articleId, action, request)));
  }
}
