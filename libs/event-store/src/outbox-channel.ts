/** The channel the outbox's trigger NOTIFYs on commit; the payload is the schema that got rows. */
export const OUTBOX_CHANNEL = 'newsroom_outbox';
