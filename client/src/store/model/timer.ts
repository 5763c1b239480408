// The person's one running timer, which the server holds (PROTOCOL.md §5,
// v12): what each timer reply says of it, our start or stop shown until its
// reply, and how long it has run, in the clock's words.
import type { tandem } from '../../../../shared/gen/tandem.js';
import { ErrorCode } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';

export interface RunningTimer {
  workItemId: string;
  /** Epoch ms, on the server's clock. */
  startedAt: number;
  /** A start of ours not answered yet. */
  pending?: boolean;
}

export type TimerOp = { kind: 'start'; messageId: string; workItemId: string; startedAt: number } | { kind: 'stop'; messageId: string };

/** A Timer from the wire; an empty one (no item) is none. */
function timerOf(timer: tandem.v1.ITimer | null | undefined): RunningTimer | null {
  return timer?.workItemId ? { workItemId: timer.workItemId, startedAt: Number(timer.startedAt ?? 0) } : null;
}

/** The timer after a reply to a timer command (ours, or a write an earlier page left); any other reply leaves it. */
export function timerAfterReply(timer: RunningTimer | null, reply: Reply): RunningTimer | null {
  switch (reply.command) {
    case 'getTimer':
    case 'startTimer':
      return reply.ok ? timerOf(reply.result.timer) : timer;
    case 'stopTimer':
      // Stopped, or there was none to stop: either way none runs now.
      return reply.ok || reply.error.code === ErrorCode.ERROR_CODE_FAILED_PRECONDITION ? null : timer;
    default:
      return timer;
  }
}

/** The timer a person sees: the server's, or what our latest unanswered start or stop makes it. */
export function timerView(confirmed: RunningTimer | null, ops: readonly TimerOp[]): RunningTimer | null {
  const last = ops[ops.length - 1];
  if (!last) return confirmed;
  return last.kind === 'start' ? { workItemId: last.workItemId, startedAt: last.startedAt, pending: true } : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "4:05", "1:02:03": how long it has run. A clock behind the server's reads 0:00, not a negative time. */
export function runningTime(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
