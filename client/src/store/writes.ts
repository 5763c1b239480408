// Every write of a project page goes out one way: its optimistic change shown
// at once (an op in the list that owns it), the command queued in the
// connection's outbox with the board's meta, and the reply sorted into an
// outcome by the error code's recovery. A refusal drops the op, which is the
// rollback; a closed connection keeps it, since the write waits in the outbox
// and is answered after the reconnect. What an outcome means to a person (a
// toast, the conflict dialog, a form's error) is the caller's to say.
import { createSignal, type Accessor } from 'solid-js';
import type { IResult } from '../../../shared/proto.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import { recoveryOf } from '../../../shared/protocol/error-codes.ts';
import { ConnectionError, RequestError, type Connection } from '../../../shared/sdk/index.ts';
import type { BoardWriteMeta } from './model/write-meta.ts';

export type WriteOutcome =
  | { kind: 'saved'; result: IResult }
  /** The connection closed first: the write waits in the outbox, its op still shown. */
  | { kind: 'queued'; error: ConnectionError }
  /** The server's version moved on: `error.current` is theirs, already applied by the reducers. */
  | { kind: 'conflict'; error: RequestError }
  | { kind: 'refused'; error: unknown };

interface WithMessageId {
  messageId: string;
}

/** The writes of one kind still waiting for their reply, oldest first. */
export interface OpList<O extends WithMessageId> {
  ops: Accessor<readonly O[]>;
  add(...ops: O[]): void;
  drop(messageId: string): void;
  /** Replaces the list with `change(list)`; nothing happens when that is the same list. */
  rewrite(change: (ops: readonly O[]) => readonly O[]): void;
  clear(): void;
}

export function createOpList<O extends WithMessageId>(): OpList<O> {
  const [ops, setOps] = createSignal<readonly O[]>([]);
  return {
    ops,
    add(...more) {
      // Adding nothing keeps the list: a new empty one would recompute every view of the board.
      if (more.length > 0) setOps((list) => [...list, ...more]);
    },
    drop: (messageId) => setOps((list) => list.filter((op) => op.messageId !== messageId)),
    // The signal's own equality check keeps an unchanged list from recomputing the board.
    rewrite: (change) => setOps(change),
    clear: () => setOps([]),
  };
}

export interface Write<O extends WithMessageId> {
  command: Command;
  /** "move WEB-2": what a refusal says could not be done. */
  action: string;
  /** The optimistic change, in `into` until the reply; its message id is the write's. */
  op?: O;
  into?: OpList<O>;
  /** Kept with the write in the outbox, for its reply after a reload (replayed.ts). */
  meta?: Omit<BoardWriteMeta, 'board' | 'action'>;
  /** The project whose seq the write advances, where neither the command nor its Result names it (comments). */
  projectId?: string;
}

export type Send = <O extends WithMessageId>(write: Write<O>) => Promise<WriteOutcome>;

export function makeSend(connection: Connection, projectId: () => string): Send {
  return (write) => {
    const { op, into } = write;
    if (op) into?.add(op);
    const drop = () => op && into?.drop(op.messageId);
    const meta: BoardWriteMeta = { board: projectId(), action: write.action, ...write.meta };
    return connection.request(write.command, { messageId: op?.messageId, projectId: write.projectId, meta }).then(
      (result): WriteOutcome => {
        drop();
        return { kind: 'saved', result };
      },
      (error: unknown): WriteOutcome => {
        if (error instanceof ConnectionError) return { kind: 'queued', error };
        drop();
        if (error instanceof RequestError && recoveryOf(error.code) === 'conflict') return { kind: 'conflict', error };
        return { kind: 'refused', error };
      },
    );
  };
}

/** The Result of a saved write; otherwise its error is thrown, for callers that say refusals in place (forms). */
export function resultOf(outcome: WriteOutcome): IResult {
  if (outcome.kind === 'saved') return outcome.result;
  throw outcome.error;
}
