// Commands that change the connection rather than the database: what it is
// subscribed to and the presence it shows. They return what transport should
// do; only transport touches sockets.
import type { ReadContext, ResultValue } from './context.ts';

export interface SessionContext extends ReadContext {
  /** The project ids this connection is subscribed to now. */
  subscriptions: ReadonlySet<string>;
}

export interface SessionOutcome {
  value: ResultValue;
  /** Projects to join, each at the seq its replay ends with, for whole or compact events (Subscribe.changed_fields_only). */
  subscribe?: Array<{ projectId: string; seq: number; changedFieldsOnly: boolean }>;
  unsubscribe?: string[];
  /** Stored Event payloads to send, in order, right after the reply: compact ones when the subscription asked for changed fields only. */
  replay?: { payloads: Uint8Array[]; changedFieldsOnly: boolean };
  presence?: { projectId: string; viewingWorkItemId: string };
}
