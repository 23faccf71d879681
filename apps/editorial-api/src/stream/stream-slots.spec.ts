import { StreamSlots } from './stream-slots';

describe('stream slots', () => {
  it('gives a user at most their share, and a slot back once however often it is released', () => {
    const slots = new StreamSlots(2);
    const first = slots.take('u1')!;
    expect(slots.take('u1')).toBeDefined();
    expect(slots.take('u1')).toBeUndefined();
    expect(slots.take('u2')).toBeDefined();

    first();
    first();
    expect(slots.heldBy('u1')).toBe(1);
    expect(slots.take('u1')).toBeDefined();
    expect(slots.take('u1')).toBeUndefined();
  });
});
