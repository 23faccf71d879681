/**
 * Ends every `switch` over a union: adding a member that is not handled stops the build here,
 * and a value that slipped past the types at runtime fails loudly instead of being ignored.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
