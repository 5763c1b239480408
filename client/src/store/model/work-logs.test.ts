// An item's work logs in the client (work-logs.ts): the feed's WorkLogChanged
// events and our Results, the list shown with our unanswered writes, refusals in words.
import { describe, expect, it } from 'vitest';
import { ErrorCode, type IEvent, type IWorkLog } from '../../../../shared/proto.ts';
import { ConnectionError, RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { applyWorkLog, fromWorkLogs, workLogRefusal, workLogsReducer, workLogView, type ItemWorkLog } from './work-logs.ts';

const log = (id: string, fields: Partial<IWorkLog> = {}): IWorkLog => ({ id, workItemId: 'i-1', userId: 'u-ada', startedAt: 1_000, minutes: 30, note: '', version: 1, ...fields });
const changed = (workLog: IWorkLog): IEvent => ({ projectId: 'p', seq: 9, workLog: { workLog } });
const ids = (list: readonly ItemWorkLog[]) => list.map((l) => l.id);

describe('work logs', () => {
  it('TIMEUI-1 WorkLogChanged events add, change and remove an item\'s logs; older versions, other items and other events leave them', () => {
    let logs = fromWorkLogs([log('a'), log('gone', { deletedAt: 5 })]);
    expect([...logs.keys()]).toEqual(['a']);
    logs = workLogsReducer.event(logs, changed(log('b', { startedAt: 2_000 })), 'i-1');
    logs = workLogsReducer.event(logs, changed(log('a', { minutes: 45, version: 2 })), 'i-1');
    expect(logs.get('a')).toMatchObject({ minutes: 45, version: 2 });
    // A late copy of an older version changes nothing.
    expect(workLogsReducer.event(logs, changed(log('a', { minutes: 30, version: 1 })), 'i-1')).toBe(logs);
    expect(workLogsReducer.event(logs, changed(log('c', { workItemId: 'i-2' })), 'i-1')).toBe(logs);
    expect(workLogsReducer.event(logs, { projectId: 'p', seq: 10, workItem: { workItem: { id: 'i-1' } } }, 'i-1')).toBe(logs);
    logs = workLogsReducer.event(logs, changed(log('a', { version: 3, deletedAt: 7 })), 'i-1');
    expect([...logs.keys()]).toEqual(['b']);
  });

  it('TIMEUI-2 the Result of our own log write lands like an event; a refusal or another command\'s Result leaves the list', () => {
    const ok = (command: Reply['command'], result: object): Reply => ({ ok: true, messageId: 'm', command, meta: null, result });
    const logs = fromWorkLogs([]);
    expect([...workLogsReducer.reply(logs, ok('logWork', { workLog: log('new'), seq: 4 }), 'i-1').keys()]).toEqual(['new']);
    // Stopping the timer answers with the log it made.
    expect([...workLogsReducer.reply(logs, ok('stopTimer', { workLog: log('timed') }), 'i-1').keys()]).toEqual(['timed']);
    expect(workLogsReducer.reply(logs, ok('updateWorkItem', { workItem: { id: 'i-1' } }), 'i-1')).toBe(logs);
    const refused: Reply = { ok: false, messageId: 'm', command: 'logWork', meta: null, error: new RequestError(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, 'no', 'minutes') };
    expect(workLogsReducer.reply(logs, refused, 'i-1')).toBe(logs);
  });

  it('TIMEUI-3 the list shows the latest start first with our unanswered log, edit and delete laid on it', () => {
    const logs = fromWorkLogs([log('early', { startedAt: 1_000 }), log('late', { startedAt: 3_000 }), log('mid', { startedAt: 2_000 })]);
    expect(ids(workLogView(logs, []))).toEqual(['late', 'mid', 'early']);
    const view = workLogView(logs, [
      { kind: 'add', messageId: 'm1', log: { ...log('local-m1', { startedAt: 4_000, version: 0 }), id: 'local-m1', pending: true } },
      { kind: 'edit', messageId: 'm2', id: 'early', change: { minutes: 90, startedAt: 5_000 } },
      { kind: 'delete', messageId: 'm3', id: 'mid' },
    ]);
    expect(view.map((l) => [l.id, l.minutes, !!l.pending])).toEqual([
      ['early', 90, true],
      ['local-m1', 30, true],
      ['late', 30, false],
    ]);
    // An edit of a log that is gone adds nothing.
    expect(ids(workLogView(applyWorkLog(logs, log('early', { version: 2, deletedAt: 1 }), 'i-1'), [{ kind: 'edit', messageId: 'm', id: 'early', change: { minutes: 5 } }]))).toEqual(['late', 'mid']);
  });

  it('TIMEUI-4 a refused log write is said in words: a log\'s conflict and a deleted log are not an item\'s', () => {
    expect(workLogRefusal('change the work log on WEB-1', new RequestError(ErrorCode.ERROR_CODE_CONFLICT, 'stale', 'expected_version'))).toBe(
      'Could not change the work log on WEB-1: someone changed this work log a moment ago. The list now shows their version.',
    );
    expect(workLogRefusal('delete the work log on WEB-1', new RequestError(ErrorCode.ERROR_CODE_NOT_FOUND, 'Work log not found', 'work_log_id'))).toBe(
      'Could not delete the work log on WEB-1: the work log was deleted meanwhile.',
    );
    expect(workLogRefusal('log 1h on WEB-1', new RequestError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, 'no'))).toBe('Could not log 1h on WEB-1: your role in this project does not allow it.');
    expect(workLogRefusal('log 1h on WEB-1', new RequestError(ErrorCode.ERROR_CODE_NOT_FOUND, 'Work item not found', 'work_item_id'))).toBe('Could not log 1h on WEB-1: the item no longer exists.');
    expect(workLogRefusal('log 1h on WEB-1', new ConnectionError('closed', 'closed'))).toMatch(/retried when Tandem is back online/);
  });
});
