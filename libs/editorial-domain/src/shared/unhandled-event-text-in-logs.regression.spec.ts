import { assertNever } from './assert-never';

// Bug: a projector met an event type it did not handle and logged the whole decrypted event,
// text and all, into the application log and the dead letter's error (issue #12's canary).
describe('regression: an unhandled value was written out whole in the error message', () => {
  it('names only the type of an unhandled event', () => {
    const event = { type: 'ContentRedacted', data: { working: { headline: 'Ada Lindqvist speaks' } } };
    expect(() => assertNever(event as never, 'article event')).toThrow(
      new Error('Unhandled article event: ContentRedacted'),
    );
  });

  it('names the kind of a value without a type', () => {
    expect(() => assertNever('Ada Lindqvist' as never)).toThrow(new Error('Unhandled value: string'));
  });
});
