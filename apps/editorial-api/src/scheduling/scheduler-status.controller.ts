import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { PublicationScheduler, type SchedulerStatus } from './publication.scheduler';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/admin')
export class SchedulerStatusController {
  constructor(private readonly scheduler: PublicationScheduler) {}

  /** The scheduler's last tick, its last error, and the scheduled articles whose time it cannot read. */
  @Get('scheduler')
  @Roles('admin', 'auditor')
  status(): SchedulerStatus {
    return this.scheduler.status();
  }
}
