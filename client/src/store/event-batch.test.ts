// Remote events applied once per frame (event-batch.ts): order, flushing, dropping, and the seq a save may claim.
import { describe, expect, it } from 'vitest';
import type { IEvent } from '../../../shared/proto.ts';
import { makeEventBatcher, type BatchScheduler } from './event-batch.ts';

function manualScheduler() {
  const frames = new Set<() => void>();
  const timers = new Set<() => void>();
  const scheduler: BatchScheduler = {
    frame(run) {
      frames.add(run);
      return () => frames.delete(run);
    },
    later(run) {
      timers.add(run);
      return () => timers.delete(run);
    },
  };
  const fire = (set: Set<() => void>) => [...set].forEach((run) => run());
  return { scheduler, frame: () => fire(frames), timeout: () => fire(timers), pending: () => frames.size + timers.size };
}

const ev = (seq: number): IEvent => ({ projectId: 'p', seq });

describe('event batching', () => {
  it('applies the events of one frame together, in the order they came', () => {
    const s = manualScheduler();
    const applied: number[][] = [];
    const b = makeEventBatcher((events) => applied.push(events.map((e) => Number(e.seq))), s.scheduler);
    b.push(ev(1));
    b.push(ev(2));
    b.push(ev(3));
    expect(applied).toEqual([]);
    s.frame();
    expect(applied).toEqual([[1, 2, 3]]);
    expect(s.pending()).toBe(0);
    b.push(ev(4));
    s.timeout(); // no frame came (a hidden tab)
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });

  it('flushes on demand and drops on demand', () => {
    const s = manualScheduler();
    const applied: number[] = [];
    const b = makeEventBatcher((events) => applied.push(...events.map((e) => Number(e.seq))), s.scheduler);
    b.push(ev(1));
    b.flush();
    expect(applied).toEqual([1]);
    b.push(ev(2));
    b.drop();
    s.frame();
    s.timeout();
    expect(applied).toEqual([1]);
  });

  it('never claims a seq whose event is still waiting', () => {
    const s = manualScheduler();
    const b = makeEventBatcher(() => undefined, s.scheduler);
    expect(b.appliedSeq(undefined)).toBeUndefined();
    expect(b.appliedSeq(7)).toBe(7);
    b.push(ev(8));
    b.push(ev(9));
    expect(b.appliedSeq(9)).toBe(7);
    s.frame();
    expect(b.appliedSeq(9)).toBe(9);
  });
});
