import { ApiProperty } from '@nestjs/swagger';
import type { SchedulePublication } from '@newsroom/editorial-domain';
import { RequestOf } from '../shared/request-of';
import { IsInstant } from '../../common/instant';

export class SchedulePublicationRequestDto implements RequestOf<
  SchedulePublication,
  never,
  SchedulePublicationRequestDto
> {
  @ApiProperty({ example: '2030-01-01T09:00:00Z' })
  @IsInstant()
  publishAt: string;
}
