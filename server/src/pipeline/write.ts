// A write: idempotency check, handler, events, activity and the stored reply,
// all in ONE synchronous transaction (a savepoint when command-queue.ts runs
// it inside a group commit). A replay of a known message id returns the first
// reply byte for byte and writes nothing.
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode } from '../../../shared/proto.ts';
import { ERROR_CODES } from '../../../shared/protocol/error-codes.ts';
import type { Caller } from '../auth/caller.ts';
import type { ResultValue } from '../handlers/context.ts';
import type { Logger } from '../log.ts';
import { recordNotifications, type Notice } from '../notifications/record.ts';
import type { AppendedEvent } from '../storage/events.ts';
import { findReply, storeReply } from '../storage/idempotency.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { errorFrame, resultFrame } from './reply.ts';
import { WriteRecorder } from './write-recorder.ts';

export interface Written {
  reply: Uint8Array;
  /** The code of an Error reply. */
  errorCode: AppError['code'] | null;
  events: AppendedEvent[];
  /** For the people the write notified: what their open sockets are told. */
  notices: Notice[];
}

/** `run` parses the command and runs its handler; an AppError it throws undoes the write and is the reply. */
export function runWrite(
  db: TenantDb,
  caller: Caller,
  messageId: string,
  now: number,
  run: (ctx: WriteRecorder) => ResultValue,
  log: Logger,
): Written {
  try {
    return retryWhileBusy(() => db.transaction(() => {
      const known = findReply(db, caller.userId, messageId);
      if (known) return { reply: known, errorCode: null, events: [], notices: [] };
      const recorder = new WriteRecorder(db, caller, now);
      const value = run(recorder);
      const notices = [...recorder.told, ...recordNotifications(db, caller.userId, now, recorder.emitted)];
      const reply = resultFrame(messageId, now, { seq: recorder.lastSeq, ...value });
      storeReply(db, caller.userId, messageId, reply, now);
      return { reply, errorCode: null, events: recorder.events, notices };
    }));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const reply = errorFrame(messageId, now, err);
    if (ERROR_CODES[err.code].remembered) {
      try {
        // A resend of a refused command gets the same refusal, like any other reply.
        db.transaction(() => {
          if (!findReply(db, caller.userId, messageId)) storeReply(db, caller.userId, messageId, reply, now);
        });
      } catch (storeErr) {
        log.warn('error_reply_not_stored', { tenant: caller.tenantId, message_id: messageId, error: String(storeErr) });
      }
    }
    return { reply, errorCode: err.code, events: [], notices: [] };
  }
}

/** How long a client waits before sending a write refused for want of space again: an operator has to free it. */
export const STORAGE_RETRY_AFTER_MS = 3000;

export const storageUnavailable = () =>
  new AppError(
    ErrorCode.ERROR_CODE_UNAVAILABLE,
    'The server cannot save changes right now; nothing was changed',
    '',
    undefined,
    STORAGE_RETRY_AFTER_MS,
  );

/**
 * Another process holding the write lock past busy_timeout surfaces as
 * SQLITE_BUSY; the whole transaction is safe to run again, a few times.
 */
const BUSY_ATTEMPTS = 3;
export function retryWhileBusy<T>(run: () => T): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return run();
    } catch (err) {
      const busy = err instanceof Error && (err as { code?: string }).code === 'SQLITE_BUSY';
      if (!busy || attempt >= BUSY_ATTEMPTS) throw err;
    }
  }
}
