import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { SchedulePublication } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';

export class SchedulePublicationRequestDto implements RequestOf<
  SchedulePublication,
  never,
  SchedulePublicationRequestDto
> {
  @ApiProperty({ example: '2030-01-01T09:00:00Z' })
  @IsISO8601({ strict: true })
  publishAt: string;
}
