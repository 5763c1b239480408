// The person's timer in the client (timer.ts): what each reply says of it, our
// unanswered start or stop, and its running time.
import { describe, expect, it } from 'vitest';
import { ErrorCode, type IResult } from '../../../../shared/proto.ts';
import { RequestError } from '../../../../shared/sdk/errors.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';
import { runningTime, timerAfterReply, timerView, type RunningTimer } from './timer.ts';

const ok = (command: Reply['command'], result: IResult): Reply => ({ ok: true, messageId: 'm', command, meta: null, result });
const refused = (command: Reply['command'], code: ErrorCode): Reply => ({ ok: false, messageId: 'm', command, meta: null, error: new RequestError(code, 'no') });
const running: RunningTimer = { workItemId: 'i-1', startedAt: 1_000 };

describe('timer', () => {
  it('TIMEUI-12 get_timer and start_timer say which timer runs (an empty one: none); a stop, or a stop refused because none runs, leaves none', () => {
    expect(timerAfterReply(null, ok('getTimer', { timer: { workItemId: 'i-2', startedAt: 5_000 } }))).toEqual({ workItemId: 'i-2', startedAt: 5_000 });
    expect(timerAfterReply(running, ok('getTimer', { timer: {} }))).toBeNull();
    expect(timerAfterReply(null, ok('startTimer', { timer: { workItemId: 'i-1', startedAt: 1_000 } }))).toEqual(running);
    expect(timerAfterReply(running, refused('startTimer', ErrorCode.ERROR_CODE_NOT_FOUND))).toBe(running);
    expect(timerAfterReply(running, ok('stopTimer', { workLog: { id: 'l', minutes: 5 } }))).toBeNull();
    expect(timerAfterReply(running, ok('stopTimer', { timer: {} }))).toBeNull();
    expect(timerAfterReply(running, refused('stopTimer', ErrorCode.ERROR_CODE_FAILED_PRECONDITION))).toBeNull();
    expect(timerAfterReply(running, refused('stopTimer', ErrorCode.ERROR_CODE_INTERNAL))).toBe(running);
    expect(timerAfterReply(running, ok('logWork', { workLog: { id: 'l' } }))).toBe(running);
  });

  it('TIMEUI-13 our latest unanswered start or stop shows until its reply; the running time reads as a clock', () => {
    expect(timerView(running, [])).toBe(running);
    expect(timerView(null, [{ kind: 'start', messageId: 'm', workItemId: 'i-3', startedAt: 9_000 }])).toEqual({ workItemId: 'i-3', startedAt: 9_000, pending: true });
    expect(timerView(running, [{ kind: 'start', messageId: 'a', workItemId: 'i-3', startedAt: 9_000 }, { kind: 'stop', messageId: 'b' }])).toBeNull();
    expect(runningTime(0)).toBe('0:00');
    expect(runningTime(65_400)).toBe('1:05');
    expect(runningTime(3_723_000)).toBe('1:02:03');
    // A device clock behind the server's.
    expect(runningTime(-4_000)).toBe('0:00');
  });
});
