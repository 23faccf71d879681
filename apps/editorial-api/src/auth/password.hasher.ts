import { argon2id, hash, needsRehash, verify } from 'argon2';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { HashingSlots } from './hashing.slots';

/** OWASP's argon2id profile (19 MiB, 2 passes, 1 lane): hashed on libuv's thread pool, off the event loop. */
const ARGON2 = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash is of an older kind or profile: store a new one now that the password is known. */
  needsRehash: boolean;
}

/**
 * Hashes and checks passwords. Hashes made before argon2id (bcrypt, `$2…`) still verify, and ask to
 * be replaced; bcryptjs runs on the event loop, so that is a one-time cost per account.
 */
export class PasswordHasher {
  private dummy?: Promise<string>;
  // One core stays free for the event loop.
  private readonly slots = new HashingSlots(Math.max(1, availableParallelism() - 1));

  hash(password: string): Promise<string> {
    return this.slots.run(() => hash(password, ARGON2));
  }

  async check(password: string, stored: string): Promise<PasswordCheck> {
    if (stored.startsWith('$argon2')) {
      const ok = await this.slots.run(() => verify(stored, password)).catch(() => false);
      return { ok, needsRehash: ok && needsRehash(stored, ARGON2) };
    }
    if (/^\$2[aby]\$/.test(stored)) {
      const ok = await this.slots.run(() => bcrypt.compare(password, stored));
      return { ok, needsRehash: ok };
    }
    return { ok: false, needsRehash: false };
  }

  /** The same work as checking a real account, for an email that has none: timing tells nothing. */
  async checkNobody(password: string): Promise<PasswordCheck> {
    this.dummy ??= this.hash(randomBytes(32).toString('hex'));
    const dummy = await this.dummy;
    await this.slots.run(() => verify(dummy, password));
    return { ok: false, needsRehash: false };
  }
}
