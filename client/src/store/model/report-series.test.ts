// Reports as chart arrays (report-series.ts). The burndown is the server's
// REP-1 sprint (server/test/reports.test.ts), two days before its end.
import { describe, expect, it } from 'vitest';
import { SprintState, type IBurndown } from '../../../../shared/proto.ts';
import { burndownChart, cycleChart, dayStart, flowChart, hoursInWords, itemsInWords, pointsInWords, remainingOf, velocityChart } from './report-series.ts';

const day = (date: string, actual: boolean, remainingPoints: number, remainingItems: number, idealPoints: number, addedPoints = 0, addedItems = 0) => ({
  date, actual, remainingPoints, remainingItems, idealPoints, addedPoints, addedItems,
});

const sprint: IBurndown = {
  days: [
    day('2026-03-02', true, 13, 4, 10),
    day('2026-03-03', true, 10, 3, 7.5),
    day('2026-03-04', true, 14, 4, 5, 4, 1),
    day('2026-03-05', false, 0, 0, 2.5),
    day('2026-03-06', false, 0, 0, 0),
  ],
  summary: { committedPoints: 10, committedItems: 4 },
};

describe('report series', () => {
  it('RPT-1 burndown in points: one x per day at its local midnight, remaining only for days that happened, the ideal line, added scope marked on its day', () => {
    const { data, added } = burndownChart(sprint, 'points');
    expect(data[0]).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map(dayStart));
    expect(data[0][1]! - data[0][0]!).toBe(86_400);
    expect(new Date(data[0][0]! * 1000).getHours()).toBe(0);
    expect(data.slice(1)).toEqual([
      [13, 10, 14, null, null],
      [10, 7.5, 5, 2.5, 0],
      [null, null, 14, null, null],
    ]);
    expect(added).toEqual([{ date: '2026-03-04', points: 4, items: 1 }]);
    expect(remainingOf(sprint)).toEqual({ points: 14, items: 4 });
  });

  it('RPT-2 burndown in items: remaining items, and the ideal line from the items committed to 0 on the last day; what is left of a completed sprint is what it carried over', () => {
    const { data } = burndownChart(sprint, 'items');
    expect(data.slice(1)).toEqual([
      [4, 3, 4, null, null],
      [4, 3, 2, 1, 0],
      [null, null, 4, null, null],
    ]);
    // An unestimated item joining is scope on the points chart too.
    const unestimated = burndownChart({ days: [day('2026-03-02', true, 3, 2, 3, 0, 1)] }, 'points');
    expect(unestimated.data[3]).toEqual([3]);
    expect(burndownChart({ days: [day('2026-03-02', true, 3, 2, 3)], summary: { committedItems: 2 } }, 'items').data[2]).toEqual([2]);
    expect(remainingOf({ days: [day('2026-03-02', false, 0, 0, 3)] })).toBeNull();
    // A completed sprint: what it carried over, even when its last day was drawn at its start (started after its planned end).
    const ended = { ...sprint, sprint: { state: SprintState.SPRINT_STATE_COMPLETED }, summary: { carriedOverPoints: 12, carriedOverItems: 3 } };
    expect(remainingOf(ended)).toEqual({ points: 12, items: 3 });
  });

  it('RPT-3 velocity: sprints by index with their names, committed and completed points, the mean completed', () => {
    const chart = velocityChart({ sprints: [{ name: 'Sprint 1', committedPoints: 10, completedPoints: 5 }, { name: 'Sprint 2', committedPoints: 8, completedPoints: 8 }] });
    expect(chart).toEqual({ names: ['Sprint 1', 'Sprint 2'], data: [[0, 1], [10, 8], [5, 8]], averageCompleted: 6.5 });
    expect(velocityChart({}).averageCompleted).toBeNull();
  });

  it('RPT-4 cumulative flow: layers bottom-up from the last column, each drawn at its count plus those below, banded to the one below', () => {
    const chart = flowChart({
      statuses: [{ name: 'Backlog' }, { name: 'To Do' }, { name: 'In Progress' }, { name: 'Done' }],
      days: [
        { date: '2026-03-02', counts: [1, 4, 0, 0] },
        { date: '2026-03-03', counts: [1, 3, 1, 2] },
      ],
    });
    expect(chart.layers).toEqual([{ name: 'Done', column: 3 }, { name: 'In Progress', column: 2 }, { name: 'To Do', column: 1 }, { name: 'Backlog', column: 0 }]);
    expect(chart.data).toEqual([[dayStart('2026-03-02'), dayStart('2026-03-03')], [0, 2], [0, 3], [4, 6], [5, 7]]);
    expect(chart.counts).toEqual([[0, 2], [0, 1], [4, 3], [1, 1]]);
    expect(chart.bands).toEqual([[2, 1], [3, 2], [4, 3]]);
  });

  it('RPT-5 cycle time: items in the order they reached done, hours, the median and 85th percentile as flat lines; durations in words', () => {
    const chart = cycleChart({
      items: [
        { key: 'REP-2', doneAt: 3_000_000, hours: 120 },
        { key: 'REP-1', doneAt: 1_000_000, hours: 5 },
        { key: 'REP-3', doneAt: 2_000_000, hours: 19 },
      ],
      medianHours: 19,
      p85Hours: 120,
    });
    expect(chart.items.map((i) => i.key)).toEqual(['REP-1', 'REP-3', 'REP-2']);
    expect(chart.data).toEqual([[1000, 2000, 3000], [5, 19, 120], [19, 19, 19], [120, 120, 120]]);
    expect(cycleChart({}).data).toEqual([[], [], [], []]);
    expect([0.25, 1, 19, 5.56, 47.9, 48, 120].map(hoursInWords)).toEqual(['15 min', '1 h', '19 h', '5.6 h', '47.9 h', '2 days', '5 days']);
    expect([pointsInWords(1), pointsInWords(2.5), pointsInWords(0), itemsInWords(1), itemsInWords(3)]).toEqual(['1 point', '2.5 points', '0 points', '1 item', '3 items']);
  });
});
