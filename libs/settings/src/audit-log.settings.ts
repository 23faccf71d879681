import { z } from 'zod';

/**
 * The global Merkle log's settings, read by the API (which sequences and signs). The key is a
 * C2SP signed-note signer key; its name is the log's origin line. Never stored in the database;
 * required in production (the API's own schema enforces it), generated once into the data
 * folder elsewhere.
 */
export const auditLogSettings = {
  AUDIT_SIGNING_KEY: z
    .string()
    .regex(
      /^PRIVATE\+KEY\+[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]+={0,2}$/,
      'must be a C2SP signer key: PRIVATE+KEY+<origin>+<key id>+<base64 key>',
    )
    .optional(),
  /** How often the sequencer looks for new events and signs a checkpoint when the tree grew. */
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** Where a key generated outside production is kept (relative to the working directory). */
  AUDIT_DATA_DIR: z.string().min(1).default('.data'),
};
