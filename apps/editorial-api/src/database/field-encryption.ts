import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { redactableFields } from '@newsroom/editorial-domain';
import { FieldCodec, loadMasterKey, PostgresFieldKeyStore } from '@newsroom/event-store';
import type { ApiEnv } from '../config/api-env.schema';

/**
 * The event store as stored, for the two readers that hash what they read (the audit bundle's events
 * and the log verification): through the decrypting store they would hash plaintext the chain never
 * covered. Everyone else injects EventStore and reads plaintext.
 */
export const STORED_EVENTS = Symbol('STORED_EVENTS');

/** The API's field codec (issue #12): keys in field_keys, wrapped by NEWSROOM_MASTER_KEY. */
export function fieldCodecOf(ds: DataSource, env: ApiEnv): FieldCodec {
  const log = new Logger('FieldEncryption');
  const masterKey = loadMasterKey({ ...env, dataDir: env.AUDIT_DATA_DIR }, (m) => log.warn(m));
  return new FieldCodec({ keys: new PostgresFieldKeyStore(ds), masterKey, redactableFields });
}
