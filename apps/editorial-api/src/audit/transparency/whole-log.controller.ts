import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { checkWholeLog, type WholeLogProblem } from '@newsroom/event-store';
import { redactableFields } from '@newsroom/editorial-domain';
import { Roles } from '../../auth/roles.decorator';
import { LogVerification } from './log-verification';
import { TransparencyLog } from './transparency-log.service';

/** Problems named in full; past this many only counted, so a wholesale tampering cannot flood the answer. */
const NAMED_PROBLEMS = 100;

/**
 * The integrity check "for everything": every stream and the whole Merkle log against the latest
 * kept checkpoint (checkWholeLog), streamed as NDJSON so a long run shows its progress: a
 * `checkpoint` line, `progress` and `problem` lines, then `done` with the verdict. A read once a
 * checkpoint exists: the log is caught up, nothing is signed.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/integrity')
@Roles('editor', 'auditor', 'admin')
export class WholeLogController {
  private readonly logger = new Logger(WholeLogController.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly log: TransparencyLog,
    private readonly verification: LogVerification,
  ) {}

  @Get()
  @ApiProduces('application/x-ndjson')
  async check(@Res() res: Response): Promise<void> {
    await this.log.catchUp();
    // Before the first periodic checkpoint there is nothing to check against: sign one on demand, as
    // proofs and bundles do. Once one exists, this stays a read and checks against the latest kept.
    const latest = (await this.log.checkpoints.latest()) ?? (await this.log.checkpointNow());
    const checkpoint = latest ? await this.verification.check(latest) : null;
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    line({ kind: 'checkpoint', checkpoint });
    let count = 0;
    let first: WholeLogProblem | null = null;
    const found = (p: WholeLogProblem) => {
      count += 1;
      first ??= p;
      if (count <= NAMED_PROBLEMS) line({ kind: 'problem', problem: p });
    };
    try {
      if (!latest) {
        found({ streamId: null, version: 0, reason: 'no signed checkpoint exists yet' });
      } else if (checkpoint?.problem) {
        found({ streamId: null, version: 0, reason: checkpoint.problem });
      } else {
        this.log.witnessed(latest);
        for await (const step of checkWholeLog(this.ds, latest, { redactableFields })) {
          if (step.kind === 'problem') found(step.problem);
          else line(step);
        }
      }
      line({ kind: 'done', valid: count === 0, problems: count, firstBroken: first });
      res.end();
    } catch (err) {
      this.logger.error({ err }, 'Whole-log integrity check failed after its header; connection aborted');
      res.destroy(err as Error);
    }
  }
}
