import { HashingSlots } from './hashing.slots';

describe('hashing slots', () => {
  it('runs at most `size` jobs at once, the others in turn, and all of them', async () => {
    const slots = new HashingSlots(2);
    let running = 0;
    let most = 0;
    const job = (i: number) =>
      slots.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return i;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(job))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  it('frees the slot of a job that failed', async () => {
    const slots = new HashingSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
  });
});
