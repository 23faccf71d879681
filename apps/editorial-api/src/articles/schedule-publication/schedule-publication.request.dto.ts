import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class SchedulePublicationRequestDto {
  @ApiProperty({ example: '2030-01-01T09:00:00Z' })
  @IsISO8601({ strict: true })
  publishAt: string;
}
