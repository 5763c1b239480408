// Runs one decoded command for one caller and returns what to send: the reply
// bytes, the events to publish and any change to the connection. The command
// is parsed here into its typed form (commands/parsers.ts), once, before its
// handler sees it. Errors become Error frames here, in one place.
import { AppError } from '../../../shared/domain/errors.ts';
import { checkMessageId } from '../../../shared/domain/validation.ts';
import { ErrorCode, type ClientFrame, type CommandName } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';
import type { Parser } from '../commands/fields.ts';
import { COMMAND_PARSERS } from '../commands/parsers.ts';
import { HANDLERS, type HandlerSpec } from '../handlers/index.ts';
import type { SessionOutcome } from '../handlers/session.ts';
import type { Logger } from '../log.ts';
import type { Notice } from '../notifications/record.ts';
import type { AppendedEvent } from '../storage/events.ts';
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { errorFrame, internalError, resultFrame } from './reply.ts';
import { isStorageFault } from '../tenancy/storage-fault.ts';
import { runWrite, storageUnavailable } from './write.ts';

/** What a session command asks of the connection (its subscriptions, its presence). */
export type SessionChange = Omit<SessionOutcome, 'value'>;

export interface Dispatched {
  command: CommandName | 'unknown';
  reply: Uint8Array;
  /** The code of an Error reply, for metrics. */
  errorCode: ErrorCode | null;
  events: readonly AppendedEvent[];
  session: SessionChange | null;
  /** What the people a write notified are told on their open sockets. */
  notices: readonly Notice[];
}

export interface DispatchDeps {
  database(tenantId: string): TenantDb;
  log: Logger;
  /** MAX_REPLY_BYTES: a read whose reply would be bigger is refused instead of sent. */
  maxReplyBytes: number;
}

const NO_EVENTS: readonly AppendedEvent[] = [];
const NO_NOTICES: readonly Notice[] = [];

function dispatched(
  command: Dispatched['command'],
  reply: Uint8Array,
  errorCode: ErrorCode | null = null,
  events = NO_EVENTS,
  session: SessionChange | null = null,
  notices = NO_NOTICES,
): Dispatched {
  return { command, reply, errorCode, events, session, notices };
}

export function dispatch(
  deps: DispatchDeps,
  caller: Caller,
  subscriptions: ReadonlySet<string>,
  frame: ClientFrame,
  now = Date.now(),
): Dispatched {
  const messageId = frame.messageId;
  const name = frame.command;
  try {
    checkMessageId(messageId);
    if (!name) throw new AppError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'The frame carries no command', 'command');
    const db = deps.database(caller.tenantId);
    const raw = frame[name];
    const parse = COMMAND_PARSERS[name] as Parser<unknown>;
    const spec = HANDLERS[name] as HandlerSpec<unknown>;
    switch (spec.kind) {
      case 'read':
        return dispatched(name, boundedReply(name, resultFrame(messageId, now, { seq: 0, ...spec.run({ db, caller, now }, parse(raw)) }), deps.maxReplyBytes));
      case 'session': {
        const { value, ...session } = spec.run({ db, caller, now, subscriptions }, parse(raw));
        return dispatched(name, resultFrame(messageId, now, { seq: 0, ...value }), null, NO_EVENTS, session);
      }
      case 'write': {
        // Parsed after the idempotency check, inside the transaction: a resend
        // of a known message id gets its first reply, and a refused command is
        // remembered like any other refusal.
        const written = runWrite(db, caller, messageId, now, (ctx) => spec.run(ctx, parse(raw)), deps.log);
        return dispatched(name, written.reply, written.errorCode, written.events, null, written.notices);
      }
      default:
        return unreachable(spec);
    }
  } catch (err) {
    const command = name ?? 'unknown';
    if (err instanceof AppError) return dispatched(command, errorFrame(messageId, now, err), err.code);
    if (isStorageFault(err)) {
      // Not a bug, and it repeats for every write until space is freed: a
      // warning without a stack; the UNAVAILABLE count in /metrics is the alarm.
      deps.log.warn('command_not_stored', {
        tenant: caller.tenantId, message_id: messageId, command, code: (err as { code: string }).code,
      });
      const refusal = storageUnavailable();
      return dispatched(command, errorFrame(messageId, now, refusal), refusal.code);
    }
    deps.log.error('command_failed', {
      tenant: caller.tenantId, user: caller.userId, message_id: messageId, command,
    }, err);
    return dispatched(command, errorFrame(messageId, now, internalError()), ErrorCode.ERROR_CODE_INTERNAL);
  }
}

/**
 * Every slow reader holds its own copy of a reply until it is read, so a read
 * cannot answer with more than MAX_REPLY_BYTES. Only reads can grow so (a
 * write answers with one entity, whose fields are bounded).
 */
function boundedReply(name: CommandName, reply: Uint8Array, maxReplyBytes: number): Uint8Array {
  if (reply.byteLength <= maxReplyBytes) return reply;
  const hint = name === 'getBoard' ? '; ask for the board with omit_descriptions, and for each description with get_work_item' : '';
  throw new AppError(
    ErrorCode.ERROR_CODE_FAILED_PRECONDITION,
    `The reply to ${wireName(name)} would be ${mib(reply.byteLength)}, over this server's limit of ${mib(maxReplyBytes)} (MAX_REPLY_BYTES)${hint}`,
  );
}

const wireName = (name: CommandName) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

function unreachable(x: never): never {
  throw new Error(`unhandled handler kind ${JSON.stringify(x)}`);
}
