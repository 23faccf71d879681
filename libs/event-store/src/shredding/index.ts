/**
 * Crypto-shredding of event content (issue #12): redactable field values encrypted with a key
 * each, keys wrapped by the master key and kept in their own table, destroyed to redact. Entry
 * point: FieldCodec (encrypt before append, decrypt after read, destroy). Design: docs/redaction.md.
 */
export * from './field-codec';
export * from './field-cipher';
export * from './field-envelope';
export * from './erased-field';
export * from './plaintext-eraser';
export * from './field-key-store';
export * from './field-key-store.postgres';
export * from './field-key-store.in-memory';
export { fieldPathsIn, fieldsIn, mapFields } from './field-paths';
export * from './master-key';
export * from './encrypting-event-store';
