import type { ErasedEvent } from './shredding/erased-field';
export interface EventActor {
  id: string;
  name: string;
  role: string;
}

export interface EventMetadata {
  actor: EventActor;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** Extra context, e.g. who scheduled a publication the scheduler carried out. */
  [key: string]: unknown;
}

export interface NewEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
}

export interface StoredEvent {
  globalPosition: number;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: any;
  metadata: EventMetadata;
  occurredAt: string;
  prevHash: string;
  hash: string;
}

export type VerifyResult =
  | {
      valid: true;
      events: number;
      headHash: string;
      /** Events erased in place under a redaction order (issue #12), vouched for by their links; absent when none. */
      erased?: ErasedEvent[];
    }
  | { valid: false; events: number; brokenAt: number; reason: string };
