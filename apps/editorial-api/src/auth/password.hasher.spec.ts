import bcrypt from 'bcryptjs';
import { PasswordHasher } from './password.hasher';

describe('the password hasher', () => {
  const hasher = new PasswordHasher();

  it('stores argon2id hashes that verify the right password only', async () => {
    const stored = await hasher.hash('correct horse');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await hasher.check('correct horse', stored)).toEqual({ ok: true, needsRehash: false });
    expect(await hasher.check('wrong horse', stored)).toEqual({ ok: false, needsRehash: false });
  });

  it('still verifies a bcrypt hash from before, and asks for it to be replaced', async () => {
    const legacy = await bcrypt.hash('newsroom', 4);
    expect(await hasher.check('newsroom', legacy)).toEqual({ ok: true, needsRehash: true });
    expect(await hasher.check('nope', legacy)).toEqual({ ok: false, needsRehash: false });
  });

  it('asks for a weaker argon2 profile to be replaced', async () => {
    const { argon2id, hash } = await import('argon2');
    const weak = await hash('newsroom', { type: argon2id, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    expect(await hasher.check('newsroom', weak)).toEqual({ ok: true, needsRehash: true });
  });

  it('refuses a stored value that is no hash it knows, and every password of an unknown account', async () => {
    expect((await hasher.check('x', 'plain-text')).ok).toBe(false);
    expect((await hasher.checkNobody('newsroom')).ok).toBe(false);
  });
});
