// What the Reports page asks for (report-request.ts).
import { describe, expect, it } from 'vitest';
import { ReportKind, SprintState, type ISprint } from '../../../../shared/proto.ts';
import { burndownSprintId, burndownSprints, itemNumberOfKey, lastDays, rangeOf, reportCommand, sameRequest } from './report-request.ts';

const sprint = (id: string, state: SprintState, startedAt = 0): ISprint => ({ id, name: id, state, startedAt });

describe('report requests', () => {
  it('RPT-6 every request says where the asker\'s days begin: minutes east of UTC', () => {
    const now = new Date(2026, 2, 20, 12);
    expect(reportCommand('p1', { kind: ReportKind.REPORT_KIND_BURNDOWN, sprintId: 's1' }, now)).toEqual({
      projectId: 'p1', kind: ReportKind.REPORT_KIND_BURNDOWN, sprintId: 's1', utcOffsetMinutes: -now.getTimezoneOffset(),
    });
    const flow = { kind: ReportKind.REPORT_KIND_CUMULATIVE_FLOW, fromDate: '2026-03-07', toDate: '2026-03-20' };
    expect(sameRequest(flow, { ...flow })).toBe(true);
    expect(sameRequest(flow, { ...flow, fromDate: '2026-03-06' })).toBe(false);
    expect(sameRequest(null, flow)).toBe(false);
  });

  it('RPT-7 the flow reports cover the last 14, 30 or 90 calendar days here, today included', () => {
    expect(['14', '30', '90', undefined, '7', 'x'].map(rangeOf)).toEqual([14, 30, 90, 30, 30, 30]);
    expect(lastDays(14, new Date(2026, 2, 20, 23, 30))).toEqual({ fromDate: '2026-03-07', toDate: '2026-03-20' });
    expect(lastDays(30, new Date(2026, 2, 5, 0, 10))).toEqual({ fromDate: '2026-02-04', toDate: '2026-03-05' });
    expect(lastDays(90, new Date(2026, 0, 1))).toEqual({ fromDate: '2025-10-04', toDate: '2026-01-01' });
  });

  it('RPT-8 the burndown offers started sprints, the active one first, then completed ones latest first; it shows the choice, else the active one', () => {
    const all = [
      sprint('old', SprintState.SPRINT_STATE_COMPLETED, 100),
      sprint('planned', SprintState.SPRINT_STATE_PLANNED),
      sprint('recent', SprintState.SPRINT_STATE_COMPLETED, 300),
      sprint('now', SprintState.SPRINT_STATE_ACTIVE, 400),
    ];
    const choices = burndownSprints(all);
    expect(choices.map((s) => s.id)).toEqual(['now', 'recent', 'old']);
    expect(burndownSprintId(choices, undefined)).toBe('now');
    expect(burndownSprintId(choices, 'old')).toBe('old');
    // A sprint that cannot be shown (planned, or gone) falls back to the active one.
    expect(burndownSprintId(choices, 'planned')).toBe('now');
    expect(burndownSprintId(burndownSprints(all.filter((s) => s.id !== 'now')), undefined)).toBeNull();
  });

  it('RPT-9 an item\'s key gives the number its address uses', () => {
    expect(['WEB-12', 'A-B-3', 'WEB-', 'WEB-x'].map(itemNumberOfKey)).toEqual([12, 3, null, null]);
  });
});
