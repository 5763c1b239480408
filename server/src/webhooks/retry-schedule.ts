// When a failed delivery is tried again. Exponential: the wait doubles from
// WEBHOOK_RETRY_BASE_SECONDS up to an hour, so a receiver that is down for
// minutes is not hammered and one down for hours is still tried hourly. With
// jitter: each wait is between half and all of its step, so the deliveries
// that failed together (a receiver's outage) do not all come back at once.
// A delivery is tried for at least RETRY_FOR_MS after it was queued.

export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;

/** The wait after the `failed`-th failed attempt (1 for the first). `random` is in [0, 1). */
export function retryDelayMs(failed: number, baseMs: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.min(failed - 1, 30));
  return Math.round(step / 2 + (step / 2) * random());
}

export type AfterFailure = { state: 'PENDING'; nextAttemptAt: number } | { state: 'FAILED' };

/** What a failed attempt at `now` leads to: another attempt, or, past the delivery's window, giving up. */
export function afterFailure(failed: number, now: number, giveUpAt: number, baseMs: number, random?: () => number): AfterFailure {
  if (now >= giveUpAt) return { state: 'FAILED' };
  return { state: 'PENDING', nextAttemptAt: now + retryDelayMs(failed, baseMs, random) };
}
