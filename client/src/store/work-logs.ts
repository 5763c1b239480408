// One open item's work logs: get_work_logs on every open of the socket (so a
// reconnect catches up), then live from the board's feed (work_log events)
// and the Results of our own log writes. Logging, editing and deleting go
// through the board's send path (writes.ts): shown at once, queued while
// offline, taken back on a refusal, which the caller is given in words.
import { batch, createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Command } from '../../../shared/protocol/commands.ts';
import { randomId } from '../../../shared/sdk/ids.ts';
import type { BoardSlice } from './board.ts';
import { duration } from './hours-per-day.ts';
import type { Loading } from './item-activity.ts';
import type { Live } from './live.ts';
import { isLocal, localId } from './model/local-ids.ts';
import type { LogFields } from './model/work-log-input.ts';
import { fromWorkLogs, workLogRefusal, workLogsReducer, workLogView, type ItemWorkLog, type WorkLogChange, type WorkLogOp, type WorkLogsById } from './model/work-logs.ts';
import { createOpList } from './writes.ts';

export interface ItemWorkLogs {
  logs: Accessor<readonly ItemWorkLog[]>;
  state: Accessor<Loading>;
  /** Each resolves with the refusal in words, or null once sent (saved, or waiting in the outbox). */
  log(fields: LogFields): Promise<string | null>;
  edit(log: ItemWorkLog, change: WorkLogChange): Promise<string | null>;
  remove(log: ItemWorkLog): Promise<string | null>;
}

export function createWorkLogs(live: Live, board: BoardSlice, item: Accessor<{ id: string; key?: string | null }>): ItemWorkLogs {
  const itemId = () => item().id;
  const [confirmed, setConfirmed] = createSignal<WorkLogsById>(new Map());
  const [state, setState] = createSignal<Loading>('loading');
  const pending = createOpList<WorkLogOp>();
  const logs = createMemo(() => workLogView(confirmed(), pending.ops()));

  let generation = 0;
  const read = () => {
    const id = itemId();
    const mine = ++generation;
    live.connection.request({ getWorkLogs: { workItemId: id } }).then(
      (r) => {
        if (mine !== generation) return;
        batch(() => {
          setConfirmed(fromWorkLogs(r.workLogs?.workLogs ?? []));
          setState('ready');
        });
      },
      () => mine === generation && setState('error'),
    );
  };
  createEffect(on([itemId, live.open], ([id, open]) => id && open && read()));

  const offEvent = board.onEvent((event) => setConfirmed((map) => workLogsReducer.event(map, event, itemId())));
  const offReply = live.connection.onReply((reply) => setConfirmed((map) => workLogsReducer.reply(map, reply, itemId())));
  onCleanup(() => {
    offEvent();
    offReply();
    generation++;
  });

  const send = async (command: Command, action: string, op: WorkLogOp): Promise<string | null> => {
    // Log commands name no project: the write says whose seq its Result carries.
    const outcome = await board.send({ command, action, op, into: pending, projectId: board.project()?.id ?? '' });
    if (outcome.kind === 'saved' || outcome.kind === 'queued') return null;
    // A log's CONFLICT carries no current version: the list is read again.
    if (outcome.kind === 'conflict') read();
    return workLogRefusal(action, outcome.error);
  };
  const key = () => item().key || 'the item';

  return {
    logs,
    state,
    log(fields) {
      const messageId = randomId();
      const log: ItemWorkLog = {
        id: localId(messageId),
        workItemId: itemId(),
        projectId: board.project()?.id ?? '',
        userId: live.session.user.id,
        startedAt: fields.startedAt,
        minutes: fields.minutes,
        note: fields.note,
        version: 0,
        pending: true,
      };
      return send({ logWork: { workItemId: itemId(), ...fields } }, `log ${duration(fields.minutes)} on ${key()}`, { kind: 'add', messageId, log });
    },
    edit(log, change) {
      if (isLocal(log) || Object.keys(change).length === 0) return Promise.resolve(null);
      const command: Command = { editWorkLog: { workLogId: log.id, expectedVersion: Number(log.version ?? 0), ...change } };
      return send(command, `change the work log on ${key()}`, { kind: 'edit', messageId: randomId(), id: log.id, change });
    },
    remove(log) {
      if (isLocal(log)) return Promise.resolve(null);
      return send({ deleteWorkLog: { workLogId: log.id } }, `delete the work log on ${key()}`, { kind: 'delete', messageId: randomId(), id: log.id });
    },
  };
}
