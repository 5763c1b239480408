// What a person types for time (estimates.ts, work-log-input.ts): estimates as
// durations and the patch that saves one; the "Log work" form and a log's edit.
import { describe, expect, it } from 'vitest';
import { estimatePatch, readDuration } from './estimates.ts';
import { localDateTime, readLogEdit, readLogForm } from './work-log-input.ts';

const NOW = new Date(2026, 11, 1, 15, 30).getTime();
const form = (fields: Partial<Parameters<typeof readLogForm>[0]> = {}) => ({ duration: '1h 30m', when: '2026-12-01T10:00', note: '', remaining: null, ...fields });

describe('typed time', () => {
  it('TIMEUI-9 an estimate is typed as a duration in the device\'s days, empty is none; an original estimate on an item with no remaining one sets that too', () => {
    expect(readDuration('1d 3h', 8)).toEqual({ ok: true, minutes: 660 });
    expect(readDuration('1d', 6)).toEqual({ ok: true, minutes: 360 });
    expect(readDuration('  ', 8)).toEqual({ ok: true, minutes: null });
    expect(readDuration('soon', 8)).toEqual({ ok: false, problem: '“soon” is not a duration: write it as 1d 3h, 2h 30m or 90m.' });

    expect(estimatePatch({ loggedMinutes: 0 }, 'original', 240)).toEqual({ originalEstimateMinutes: 240, remainingEstimateMinutes: 240 });
    // What is logged already counts against it.
    expect(estimatePatch({ loggedMinutes: 90 }, 'original', 240)).toEqual({ originalEstimateMinutes: 240, remainingEstimateMinutes: 150 });
    expect(estimatePatch({ hasRemainingEstimate: true, remainingEstimateMinutes: 30 }, 'original', 240)).toEqual({ originalEstimateMinutes: 240 });
    expect(estimatePatch({}, 'original', null)).toEqual({ originalEstimateMinutes: null });
    expect(estimatePatch({}, 'remaining', 0)).toEqual({ remainingEstimateMinutes: 0 });
  });

  it('TIMEUI-10 the Log work form: how long, when on the person\'s clock, a note, and what remains (down by default); mistakes said before sending', () => {
    const started = new Date(2026, 11, 1, 10, 0).getTime();
    expect(readLogForm(form({ note: '  paired  ' }), 8, NOW)).toEqual({ ok: true, value: { minutes: 90, startedAt: started, note: 'paired' } });
    expect(readLogForm(form({ remaining: '2h' }), 8, NOW)).toEqual({ ok: true, value: { minutes: 90, startedAt: started, note: '', remainingEstimateMinutes: 120 } });
    expect(readLogForm(form({ remaining: '0' }), 8, NOW)).toMatchObject({ ok: true, value: { remainingEstimateMinutes: 0 } });
    expect(readLogForm(form({ remaining: '' }), 8, NOW)).toEqual({ ok: false, problem: 'Say what remains, or let the remaining estimate go down by the time logged.' });
    expect(readLogForm(form({ duration: '' }), 8, NOW)).toEqual({ ok: false, problem: 'Say how long you worked, as 1h 30m, 45m or 1d.' });
    expect(readLogForm(form({ duration: 'ages' }), 8, NOW)).toEqual({ ok: false, problem: '“ages” is not a duration: write it as 1h 30m, 45m or 1d.' });
    expect(readLogForm(form({ duration: '8d' }), 24, NOW)).toMatchObject({ ok: false, problem: expect.stringMatching(/^A work log is whole minutes from 1 to 10080/) });
    expect(readLogForm(form({ when: '' }), 8, NOW)).toEqual({ ok: false, problem: 'Say when the work began.' });
    expect(readLogForm(form({ when: '2026-12-03T10:00' }), 8, NOW)).toEqual({ ok: false, problem: 'That is more than a day ahead: log the work once it is done.' });
    expect(readLogForm(form({ note: 'x'.repeat(1001) }), 8, NOW)).toEqual({ ok: false, problem: 'A note is at most 1000 characters.' });
    expect(localDateTime(started)).toBe('2026-12-01T10:00');
  });

  it('TIMEUI-11 an edit sends only what changed; a start left alone keeps its seconds', () => {
    const log = { minutes: 90, startedAt: new Date(2026, 11, 1, 10, 0, 42).getTime(), note: 'paired' };
    const same = { duration: '1h 30m', when: '2026-12-01T10:00', note: 'paired' };
    expect(readLogEdit(log, same, 8, NOW)).toEqual({ ok: true, value: {} });
    expect(readLogEdit(log, { ...same, duration: '2h', note: 'paired with Bob' }, 8, NOW)).toEqual({ ok: true, value: { minutes: 120, note: 'paired with Bob' } });
    expect(readLogEdit(log, { ...same, when: '2026-11-30T09:15' }, 8, NOW)).toEqual({ ok: true, value: { startedAt: new Date(2026, 10, 30, 9, 15).getTime() } });
    expect(readLogEdit(log, { ...same, duration: '0m' }, 8, NOW)).toMatchObject({ ok: false });
  });
});
