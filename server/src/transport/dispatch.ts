// Runs one decoded command for one caller and returns what to send: the reply
// bytes, events to publish, and any change to the connection. Errors become
// Error frames here, in one place.
import { AppError } from '../../../shared/domain/errors.ts';
import { checkMessageId } from '../../../shared/domain/validation.ts';
import { ErrorCode, type ClientFrame, type CommandName } from '../../../shared/proto.ts';
import { ERROR_CODES } from '../../../shared/protocol/error-codes.ts';
import { WriteRecorder, type Caller, type ResultValue } from '../handlers/context.ts';
import { HANDLERS, type HandlerSpec } from '../handlers/index.ts';
import type { SessionOutcome } from '../handlers/session.ts';
import type { Logger } from '../log.ts';
import type { AppendedEvent } from '../storage/events.ts';
import { findReply, storeReply } from '../storage/idempotency.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { errorFrame, internalError, resultFrame } from './codec.ts';

export interface Dispatched {
  command: CommandName | 'unknown';
  reply: Uint8Array;
  /** The code of an Error reply, for metrics. */
  errorCode: ErrorCode | null;
  events: AppendedEvent[];
  session: Omit<SessionOutcome, 'value'> | null;
}

export interface DispatchDeps {
  database(tenantId: string): TenantDb;
  log: Logger;
}

export function dispatch(
  deps: DispatchDeps,
  caller: Caller,
  subscriptions: ReadonlySet<string>,
  frame: ClientFrame,
  now = Date.now(),
): Dispatched {
  const messageId = frame.messageId;
  const command = frame.command;
  const done = (reply: Uint8Array, errorCode: ErrorCode | null = null, events: AppendedEvent[] = [], session: Dispatched['session'] = null): Dispatched =>
    ({ command: command ?? 'unknown', reply, errorCode, events, session });
  const fail = (err: AppError) => done(errorFrame(messageId, now, err), err.code);

  try {
    checkMessageId(messageId);
    if (!command) throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'The frame carries no command', 'command');
    const db = deps.database(caller.tenantId);
    const cmd = frame[command];
    const spec = HANDLERS[command] as HandlerSpec<typeof cmd>;
    switch (spec.kind) {
      case 'read':
        return done(resultFrame(messageId, now, { seq: 0, ...spec.run({ db, caller, now }, cmd) }));
      case 'session': {
        const { value, ...session } = spec.run({ db, caller, now, subscriptions }, cmd);
        return done(resultFrame(messageId, now, { seq: 0, ...value }), null, [], session);
      }
      case 'write':
        return runWrite(db, caller, messageId, now, (ctx) => spec.run(ctx, cmd), done, deps.log);
      default:
        return unreachable(spec);
    }
  } catch (err) {
    if (err instanceof AppError) return fail(err);
    deps.log.error('command_failed', {
      tenant: caller.tenantId, user: caller.userId, message_id: messageId, command: command ?? 'unknown',
      error: err instanceof Error ? err.message : String(err),
    });
    return fail(internalError());
  }
}

/**
 * A write: idempotency check, handler, events, activity and the stored reply,
 * all in ONE synchronous transaction (a savepoint when command-queue.ts runs
 * it inside a group commit). A replay of a known message id returns
 * the first reply byte for byte and writes nothing.
 */
function runWrite(
  db: TenantDb,
  caller: Caller,
  messageId: string,
  now: number,
  run: (ctx: WriteRecorder) => ResultValue,
  done: (reply: Uint8Array, code?: ErrorCode | null, events?: AppendedEvent[]) => Dispatched,
  log: Logger,
): Dispatched {
  try {
    const { reply, events } = retryWhileBusy(() => db.transaction(() => {
      const known = findReply(db, caller.userId, messageId);
      if (known) return { reply: known, events: [] };
      const recorder = new WriteRecorder(db, caller, now);
      const value = run(recorder);
      const reply = resultFrame(messageId, now, { seq: recorder.lastSeq, ...value });
      storeReply(db, caller.userId, messageId, reply, now);
      return { reply, events: recorder.events };
    }));
    return done(reply, null, events);
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
    return done(reply, err.code);
  }
}

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

function unreachable(x: never): never {
  throw new Error(`unhandled handler kind ${JSON.stringify(x)}`);
}
