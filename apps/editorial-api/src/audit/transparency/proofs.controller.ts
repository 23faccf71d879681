import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { invalidField } from './invalid-field';
import { ConsistencyProofQueryDto, InclusionProofQueryDto } from './proofs.query.dto';
import { TransparencyLog } from './transparency-log.service';

const b64 = (hashes: Buffer[]) => hashes.map((h) => h.toString('base64'));

/** RFC 9162 proofs from the global log, hashes in base64 as in tlog checkpoints. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/proofs')
@Roles('editor', 'auditor', 'admin')
export class ProofsController {
  constructor(private readonly log: TransparencyLog) {}

  /** That the event at `position` is leaf `leafIndex` of the tree of `treeSize` leaves. */
  @Get('inclusion')
  async inclusion(@Query() q: InclusionProofQueryDto) {
    let [leaf] = await this.log.merkle.leavesAt([q.position]);
    let latest = await this.log.checkpoints.latest();
    if (!leaf || (!q.treeSize && leaf.leafIndex >= (latest?.treeSize ?? 0))) {
      // On demand: an event stored since the last tick is sequenced and signed now.
      latest = await this.log.checkpointNow();
      [leaf] = await this.log.merkle.leavesAt([q.position]);
    }
    if (!leaf) throw new NotFoundException(`The event at position ${q.position} is not in the log`);
    const treeSize = q.treeSize ?? latest?.treeSize ?? 0;
    const { size } = await this.log.merkle.head();
    if (treeSize > size) throw invalidField('treeSize', `must be at most the log's size, ${size}`);
    if (leaf.leafIndex >= treeSize) {
      throw invalidField('treeSize', `must exceed the event's leaf index, ${leaf.leafIndex} (ask a newer checkpoint)`);
    }
    const proof = await this.log.merkle.inclusionProof(leaf.leafIndex, treeSize);
    return { ...leaf, treeSize, proof: b64(proof) };
  }

  /** That the tree of `from` leaves is a prefix of the tree of `to` leaves. */
  @Get('consistency')
  async consistency(@Query() q: ConsistencyProofQueryDto) {
    if (q.from > q.to) throw invalidField('from', 'must be at most to');
    let { size } = await this.log.merkle.head();
    if (q.to > size) size = (await this.log.checkpointNow())?.treeSize ?? size;
    if (q.to > size) throw invalidField('to', `must be at most the log's size, ${size}`);
    return { from: q.from, to: q.to, proof: b64(await this.log.merkle.consistencyProof(q.from, q.to)) };
  }
}
