// Cycle time: for each live item done in a range, the time from its first
// step into an in-progress status to its last step into done, with the
// median and the 85th percentile (nearest rank) of them.
import { StatusCategory, type ICycleTime, type ICycleItem } from '../../../shared/proto.ts';
import { statusPath, type ItemChange, type ItemFacts } from './timeline.ts';

export interface CycleInput {
  items: readonly ItemFacts[];
  /** Each item's changes, in the order they were made. */
  changesOf: (itemId: string) => readonly ItemChange[];
  categories: ReadonlyMap<string, StatusCategory>;
  /** The range's first and last millisecond. */
  from: number;
  to: number;
}

const HOUR_MS = 60 * 60 * 1000;

export function cycleTime(input: CycleInput): ICycleTime {
  const { categories } = input;
  const completed = (statusId: string) => categories.get(statusId) === StatusCategory.STATUS_CATEGORY_COMPLETED;
  const items: ICycleItem[] = [];
  for (const item of input.items) {
    if (item.deleted || !completed(item.statusId)) continue;
    const path = statusPath(item, input.changesOf(item.id));
    const started = path.find((step) => categories.get(step.statusId) === StatusCategory.STATUS_CATEGORY_STARTED);
    let done = path.length - 1;
    while (done > 0 && completed(path[done - 1]!.statusId)) done--;
    const doneAt = path[done]!.at;
    if (!started || started.at > doneAt || doneAt < input.from || doneAt > input.to) continue;
    items.push({ workItemId: item.id, key: item.key, title: item.title, startedAt: started.at, doneAt, hours: (doneAt - started.at) / HOUR_MS });
  }
  items.sort((a, b) => Number(a.doneAt) - Number(b.doneAt));
  const hours = items.map((i) => i.hours!).sort((a, b) => a - b);
  return { items, medianHours: median(hours), p85Hours: nearestRank(hours, 0.85) };
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function nearestRank(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.ceil(p * sorted.length) - 1]!;
}
