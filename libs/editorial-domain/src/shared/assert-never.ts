/**
 * Ends every `switch` over a union: adding a member that is not handled stops the build here,
 * and a value that slipped past the types at runtime fails loudly instead of being ignored.
 * The message names the value's `type` only: an event's data is content (issue #12), and error
 * messages end up in logs and dead letters, where a redaction cannot reach.
 */
export function assertNever(value: never, what = 'value'): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new Error(`Unhandled ${what}: ${typeof type === 'string' ? type : typeof value}`);
}
