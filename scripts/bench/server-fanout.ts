// The fan-out time as the server itself measures it: both servers export
// tandem_fanout_seconds on /metrics (frame arrival to every watcher's copy
// handed to the kernel). A run's figures are the difference of two scrapes.
import { FANOUT_SECONDS } from '../../server/src/metrics.ts';

/** Cumulative counts per bucket bound (seconds), +Inf last. */
export type FanoutScrape = number[];

export interface ServerFanout {
  count: number;
  /** Milliseconds, interpolated within the histogram's buckets. */
  p50: number;
  p99: number;
}

const BOUNDS = [...FANOUT_SECONDS.buckets, Infinity];

export async function scrapeFanout(http: string): Promise<FanoutScrape> {
  const text = await (await fetch(`${http}/metrics`)).text();
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/^tandem_fanout_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)) counts.set(m[1]!, Number(m[2]));
  return BOUNDS.map((b) => counts.get(b === Infinity ? '+Inf' : String(b)) ?? 0);
}

/** The writes timed between two scrapes, and their quantiles. */
export function fanoutBetween(before: FanoutScrape, after: FanoutScrape): ServerFanout {
  const cumulative = after.map((n, i) => n - (before[i] ?? 0));
  const count = cumulative[cumulative.length - 1] ?? 0;
  return { count, p50: quantileMs(cumulative, count, 0.5), p99: quantileMs(cumulative, count, 0.99) };
}

/** Prometheus's histogram_quantile: linear within the bucket the rank falls in; past the last finite bound, that bound. */
export function quantileMs(cumulative: number[], count: number, q: number): number {
  if (count === 0) return Number.NaN;
  const rank = q * count;
  const i = cumulative.findIndex((n) => n >= rank);
  const upper = BOUNDS[i]!;
  if (upper === Infinity) return BOUNDS[BOUNDS.length - 2]! * 1000;
  const lower = i === 0 ? 0 : BOUNDS[i - 1]!;
  const below = i === 0 ? 0 : cumulative[i - 1]!;
  const inBucket = cumulative[i]! - below;
  return (lower + (upper - lower) * (inBucket === 0 ? 1 : (rank - below) / inBucket)) * 1000;
}
