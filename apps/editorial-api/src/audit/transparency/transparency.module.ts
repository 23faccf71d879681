import { Global, Module } from '@nestjs/common';
import { AuditBundleController } from '../bundle/audit-bundle.controller';
import { CheckpointsController } from './checkpoints.controller';
import { LogVerification } from './log-verification';
import { ProofsController } from './proofs.controller';
import { TransparencyLog } from './transparency-log.service';
import { WholeLogController } from './whole-log.controller';

/** The global Merkle log: sequencing, signed checkpoints, proofs, and `verify` against them. */
@Global()
@Module({
  controllers: [CheckpointsController, ProofsController, AuditBundleController, WholeLogController],
  providers: [TransparencyLog, LogVerification],
  exports: [TransparencyLog, LogVerification],
})
export class TransparencyModule {}
