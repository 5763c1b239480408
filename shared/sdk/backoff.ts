// How long to wait before the next connection attempt. Pure: the random
// source is passed in so tests can pin the jitter.
import type { CloseKind } from '../protocol/close-codes.ts';

export interface BackoffOptions {
  /** The first retry's delay before jitter. */
  initialMs: number;
  /** The cap; also what a protocol error waits. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/**
 * The delay before attempt `attempt` (0 = the first retry after a close).
 * "Equal jitter": half the exponential step is fixed, half random. The fixed
 * half keeps a floor under every delay (no hot loop even with random() = 0);
 * the random half spreads a crowd of clients that lost the same server.
 */
export function retryDelay(options: BackoffOptions, attempt: number, kind: CloseKind, random: () => number): number {
  const step = kind === 'protocol'
    ? options.maxMs
    : kind === 'token-expired'
      ? options.initialMs
      : Math.min(options.maxMs, options.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (step / 2) * random());
}
