/**
 * The token of an `Authorization: Bearer <token>` header. The scheme is case-insensitive
 * (RFC 9110 §11.1): `bearer`, `BEARER` and `Bearer` all work.
 */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  return /^bearer +([^\s]+) *$/i.exec(header)?.[1];
}
