// The assistant's tools read as the asker: each read is an ordinary command
// through the command queue, with the asker's Caller, so it gets the socket's
// permission checks, its place in the tenant's order and its reply limit. A
// refusal comes back as the AppError the socket would have sent.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode, pb, type IClientFrame, type IResult } from '../../../shared/proto.ts';
import type { Caller } from '../auth/caller.ts';
import type { CommandQueue } from '../pipeline/command-queue.ts';

/** One read command, as a ClientFrame without its message id: `{ search: { query } }`. */
export type ReadCommand = Omit<IClientFrame, 'messageId'>;

export type ReadAs = (caller: Caller, command: ReadCommand) => Promise<IResult>;

const NO_SUBSCRIPTIONS: ReadonlySet<string> = new Set();

export function readsThrough(queue: Pick<CommandQueue, 'push'>): ReadAs {
  return (caller, command) =>
    new Promise((resolve, reject) => {
      queue.push({
        caller,
        subscriptions: NO_SUBSCRIPTIONS,
        frame: pb.ClientFrame.create({ ...command, messageId: randomUUID() }),
        now: Date.now(),
        deliver: (out) => {
          const frame = pb.ServerFrame.decode(out.reply);
          if (frame.error) reject(new AppError(frame.error.code ?? ErrorCode.ERROR_CODE_INTERNAL, frame.error.message ?? '', frame.error.field ?? ''));
          else resolve(frame.result ?? {});
        },
      });
    });
}
