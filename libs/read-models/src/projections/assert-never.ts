/** Ends every `switch` over a union, so a new event type or block type that is not handled fails to compile. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
