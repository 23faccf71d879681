import { Controller, Get, HttpCode, Logger, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  isReadModelName,
  openDeadLetters,
  projectionStatuses,
  rebuildProjections,
  READ_MODELS,
} from '@newsroom/read-models';
import { Roles } from '../auth/roles.decorator';
import { ReadModelRebuilds } from '../database/read-model-rebuilds';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin')
export class ProjectionsController {
  private readonly log = new Logger(ProjectionsController.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly rebuilds: ReadModelRebuilds,
  ) {}

  /** Per read model: status, last applied position, lag in events and ms, events/s, last error. */
  @Get('projections')
  @Roles('admin', 'auditor')
  statuses() {
    return projectionStatuses(this.ds);
  }

  /**
   * Replays the event store into fresh tables while the live read model keeps serving, then
   * switches atomically; answers with the events replayed, the rate and the content hashes.
   */
  @Post('projections/:name/rebuild')
  @Roles('admin')
  @HttpCode(200)
  async rebuild(@Param('name') name: string) {
    if (name !== 'all' && !isReadModelName(name)) {
      throw new NotFoundException(`Unknown read model "${name.slice(0, 100)}"; known: all, ${READ_MODELS.join(', ')}`);
    }
    const results = await this.rebuilds.run((ds) => rebuildProjections(ds, name === 'all' ? READ_MODELS : [name]));
    this.log.log({ results }, 'Projection rebuilt');
    return { items: results };
  }

  /** Messages the projector could not apply; each holds back its own article until resolved. */
  @Get('dead-letters')
  @Roles('admin', 'auditor')
  async deadLetters() {
    return { items: await openDeadLetters(this.ds) };
  }
}
