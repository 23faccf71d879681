import { z } from 'zod';
import { flag } from './duration';

/**
 * The master key that wraps the keys of encrypted fields (issue #12, crypto-shredding): 32 random
 * bytes in base64 (`openssl rand -base64 32`). Read by every process that encrypts or decrypts
 * event content; never stored in the database. Required in production (the loader refuses to
 * start without it), generated once into the data folder elsewhere.
 */
export const masterKeySettings = {
  NEWSROOM_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
};

/**
 * The API's write path: FIELD_ENCRYPTION=false appends redactable fields in plaintext again. Reads
 * decrypt either way (a value in plaintext reads as it is), so switching it off never hides what
 * was encrypted while it was on.
 */
export const fieldEncryptionSettings = {
  ...masterKeySettings,
  FIELD_ENCRYPTION: flag.default(true),
};
