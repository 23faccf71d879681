import { Controller, Get, HttpCode, Logger, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldCodec } from '@newsroom/event-store';
import {
  isReadModelName,
  openDeadLetters,
  type OpenEvents,
  projectionStatuses,
  openedHistory,
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
    private readonly codec: FieldCodec,
  ) {}

  /** Per read model: status, last applied position, lag in events and ms, events/s, last error. */
  @Get('projections')
  @Roles('admin', 'auditor')
  statuses() {
    return projectionStatuses(this.ds);
  }

  /**
   * Starts replaying the event store into fresh tables while the live read model keeps serving,
   * then switching atomically; answers 202 once the rebuild holds its locks (409 when one of these
   * read models is being rebuilt already). Its progress, then its results or error, are in
   * GET /api/admin/projections under `rebuild`.
   */
  @Post('projections/:name/rebuild')
  @Roles('admin')
  @HttpCode(202)
  async rebuild(@Param('name') name: string) {
    if (name !== 'all' && !isReadModelName(name)) {
      throw new NotFoundException(`Unknown read model "${name.slice(0, 100)}"; known: all, ${READ_MODELS.join(', ')}`);
    }
    const names = name === 'all' ? [...READ_MODELS] : [name];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    // The replay reads the events as stored: opened as the live consumers open them (issue #12).
    const openEvents: OpenEvents = (events) => this.codec.decrypt(events);
    const rebuild = this.rebuilds.run((ds) =>
      rebuildProjections(ds, names, {
        onStarted: started,
        openEvents,
        history: openedHistory(this.codec),
      }),
    );
    // Until it holds its locks a failure (already rebuilding, not migrated) is this request's answer;
    // after that it is the status's.
    await Promise.race([running, rebuild]);
    rebuild.then(
      (results) => this.log.log({ results }, 'Projection rebuilt'),
      (err) => this.log.warn({ err, names }, 'Projection rebuild failed'),
    );
    return { items: names.map((n) => ({ name: n, state: 'replay' })), status: '/api/admin/projections' };
  }

  /** Messages the projector could not apply; each holds back its own article until resolved. */
  @Get('dead-letters')
  @Roles('admin', 'auditor')
  async deadLetters() {
    return { items: await openDeadLetters(this.ds) };
  }
}
