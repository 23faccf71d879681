import { Controller, Get, Header, HttpCode, NotFoundException, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Public } from '../../auth/public.decorator';
import { Roles } from '../../auth/roles.decorator';
import { TransparencyLog } from './transparency-log.service';

class CheckpointHistoryQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
}

/**
 * The log's signed checkpoints. The latest one and the public key are public on purpose (README):
 * a checkpoint is worth something only once others hold a copy, and it tells no more than how
 * many events exist.
 */
@ApiTags('audit')
@Controller('api/audit')
export class CheckpointsController {
  constructor(private readonly log: TransparencyLog) {}

  /** The latest signed checkpoint, as a C2SP tlog-checkpoint signed note. */
  @Get('checkpoints/latest')
  @Public()
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  async latest(): Promise<string> {
    // A log just set up signs its first checkpoint on demand rather than at the next tick.
    const latest = (await this.log.checkpoints.latest()) ?? (await this.log.checkpointNow());
    if (!latest) throw new NotFoundException('The log has no checkpoint yet');
    return latest.note;
  }

  /** Every kept checkpoint, oldest first, 1,000 a page after `after` (an id). */
  @Get('checkpoints')
  @ApiBearerAuth()
  @Roles('editor', 'auditor', 'admin')
  async history(@Query() q: CheckpointHistoryQueryDto) {
    const items = await this.log.checkpoints.history(q.after ?? 0, 1000);
    return { items: items.map((c) => ({ ...c, root: c.root.toString('base64') })) };
  }

  /** Sequences what is stored and signs a checkpoint now, instead of at the next tick. */
  @Post('checkpoints')
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(200)
  async signNow() {
    const latest = await this.log.checkpointNow();
    return latest ? { treeSize: latest.treeSize, note: latest.note } : { treeSize: 0, note: null };
  }

  /** The C2SP verifier key an auditor pins: `<origin>+<key id>+<base64 key>`. */
  @Get('public-key')
  @Public()
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  publicKey(): string {
    return `${this.log.verifierKey}\n`;
  }
}
