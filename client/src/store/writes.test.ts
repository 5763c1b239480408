// The one send path (writes.ts): an op shown until the reply, dropped on a
// refusal, kept while the write waits in the outbox; the refusal sorted by
// its code's recovery.
import { describe, expect, it } from 'vitest';
import { ErrorCode, type IResult } from '../../../shared/proto.ts';
import { ConnectionError, RequestError, type Connection, type RequestOptions } from '../../../shared/sdk/index.ts';
import type { Command } from '../../../shared/protocol/commands.ts';
import { createOpList, makeSend, resultOf } from './writes.ts';

type Op = { messageId: string; what: string };

/** A connection whose one request is answered by the test. */
function fakeConnection() {
  const sent: { command: Command; options: RequestOptions }[] = [];
  let settle: { resolve(r: IResult): void; reject(e: unknown): void } | null = null;
  const connection = {
    request(command: Command, options: RequestOptions = {}) {
      sent.push({ command, options });
      return new Promise<IResult>((resolve, reject) => (settle = { resolve, reject }));
    },
  } as Pick<Connection, 'request'> as Connection;
  return { connection, sent, answer: () => settle! };
}

const command: Command = { startSprint: { sprintId: 's1' } };

describe('the send path', () => {
  it('WRITE-1 shows the op until the Result, and sends it under the op’s message id with the board’s meta', async () => {
    const { connection, sent, answer } = fakeConnection();
    const ops = createOpList<Op>();
    const pending = makeSend(connection, () => 'p1')({ command, action: 'start Sprint 1', op: { messageId: 'm1', what: 'x' }, into: ops, meta: { itemKey: 'WEB-1' } });
    expect(ops.ops()).toEqual([{ messageId: 'm1', what: 'x' }]);
    expect(sent[0]!.options).toEqual({ messageId: 'm1', projectId: undefined, meta: { board: 'p1', action: 'start Sprint 1', itemKey: 'WEB-1' } });
    answer().resolve({ sprint: { id: 's1' } });
    expect(await pending).toEqual({ kind: 'saved', result: { sprint: { id: 's1' } } });
    expect(ops.ops()).toEqual([]);
  });

  it('WRITE-2 a refusal drops the op (the rollback); a conflict is told apart by its recovery', async () => {
    for (const [code, kind] of [
      [ErrorCode.ERROR_CODE_CONFLICT, 'conflict'],
      [ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'refused'],
      [ErrorCode.ERROR_CODE_INTERNAL, 'refused'],
    ] as const) {
      const { connection, answer } = fakeConnection();
      const ops = createOpList<Op>();
      const pending = makeSend(connection, () => 'p1')({ command, action: 'a', op: { messageId: 'm1', what: 'x' }, into: ops });
      const error = new RequestError(code, 'no');
      answer().reject(error);
      expect(await pending).toEqual({ kind, error });
      expect(ops.ops()).toEqual([]);
    }
  });

  it('WRITE-3 a closed connection keeps the op: the write waits in the outbox for its reply', async () => {
    const { connection, answer } = fakeConnection();
    const ops = createOpList<Op>();
    const pending = makeSend(connection, () => 'p1')({ command, action: 'a', op: { messageId: 'm1', what: 'x' }, into: ops });
    const error = new ConnectionError('closed', 'closed');
    answer().reject(error);
    expect(await pending).toEqual({ kind: 'queued', error });
    expect(ops.ops()).toHaveLength(1);
    expect(() => resultOf({ kind: 'queued', error })).toThrow(error);
    expect(resultOf({ kind: 'saved', result: { sprint: {} } })).toEqual({ sprint: {} });
  });
});
