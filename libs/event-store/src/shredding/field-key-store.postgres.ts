import type { DataSource, EntityManager } from 'typeorm';
import { firstOf, MicrotaskBatcher } from '../microtask-batcher';
import type { RedactionNotice } from './field-envelope';
import { FieldKeyStore, type FieldKeyRecord, type WrappedFieldKey } from './field-key-store';

interface Row {
  kid: string;
  stream_id: string;
  master_key_id: string | null;
  wrapped: Buffer | null;
  redaction_id: string | null;
  redacted_at: Date | null;
  legal_basis: string | null;
  reference: string | null;
}

interface WaitingKeys {
  keys: readonly WrappedFieldKey[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The owner of `field_keys` and `field_key_tombstones`: nobody else writes SQL against them. */
export class PostgresFieldKeyStore extends FieldKeyStore {
  /**
   * Keys stored outside a caller's transaction go in together, as group commit does for appends: the
   * keys of the appends that arrive while an insert runs share the next statement and its commit, so
   * encryption adds one commit per group of appends rather than one per append.
   */
  private readonly grouped = new MicrotaskBatcher<WaitingKeys>(firstOf(256), (batch) => this.insertGroup(batch), 2);

  constructor(private readonly ds: DataSource) {
    super();
  }

  async insert(keys: readonly WrappedFieldKey[], db?: EntityManager | DataSource): Promise<void> {
    if (keys.length === 0) return;
    if (db) return this.insertNow(keys, db);
    return new Promise((resolve, reject) => this.grouped.push({ keys, resolve, reject }));
  }

  /** One statement for the group; if it fails, every append of the group fails (keys are never half stored). */
  private async insertGroup(batch: WaitingKeys[]): Promise<void> {
    try {
      await this.insertNow(
        batch.flatMap((w) => w.keys),
        this.ds,
      );
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  private async insertNow(keys: readonly WrappedFieldKey[], db: EntityManager | DataSource): Promise<void> {
    await db.query(
      `INSERT INTO field_keys (kid, stream_id, master_key_id, wrapped)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bytea[])`,
      [keys.map((k) => k.kid), keys.map((k) => k.streamId), keys.map((k) => k.masterKeyId), keys.map((k) => k.wrapped)],
    );
  }

  async fetch(kids: readonly string[]): Promise<Map<string, FieldKeyRecord>> {
    const found = new Map<string, FieldKeyRecord>();
    if (kids.length === 0) return found;
    const rows: Row[] = await this.ds.query(
      `SELECT kid, stream_id, master_key_id, wrapped,
              NULL::uuid AS redaction_id, NULL::timestamptz AS redacted_at, NULL AS legal_basis, NULL AS reference
         FROM field_keys WHERE kid = ANY($1::text[])
       UNION ALL
       SELECT kid, stream_id, NULL, NULL, redaction_id, redacted_at, legal_basis, reference
         FROM field_key_tombstones WHERE kid = ANY($1::text[])`,
      [kids],
    );
    for (const r of rows) {
      found.set(
        r.kid,
        r.wrapped
          ? { live: { kid: r.kid, streamId: r.stream_id, masterKeyId: r.master_key_id!, wrapped: r.wrapped } }
          : {
              destroyed: {
                redactionId: r.redaction_id!,
                redactedAt: r.redacted_at!.toISOString(),
                legalBasis: r.legal_basis!,
                reference: r.reference!,
              },
            },
      );
    }
    return found;
  }

  async destroy(kids: readonly string[], notice: RedactionNotice, db?: EntityManager): Promise<number> {
    if (kids.length === 0) return 0;
    const run = async (m: EntityManager) => {
      // One statement: the rows deleted are exactly the ones whose tombstones are written, even when
      // two redactions destroy overlapping keys at once (the later DELETE finds those rows gone).
      const rows: { kid: string }[] = await m.query(
        `WITH gone AS (DELETE FROM field_keys WHERE kid = ANY($1::text[]) RETURNING kid, stream_id)
         INSERT INTO field_key_tombstones (kid, stream_id, redaction_id, redacted_at, legal_basis, reference)
         SELECT kid, stream_id, $2, $3, $4, $5 FROM gone
         ON CONFLICT (kid) DO NOTHING
         RETURNING kid`,
        [kids, notice.redactionId, notice.redactedAt, notice.legalBasis, notice.reference],
      );
      return rows.length;
    };
    return db ? run(db) : this.ds.transaction(run);
  }
}
