// docs/PROTOCOL.md §5 (get_report, v8), issue "Insight" part 2: burndown,
// velocity, cumulative flow and cycle time of a scripted sprint, written
// through the socket on known days (the server's clock is faked: Date only,
// timers run), equal the values worked out by hand below.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorCode, ItemType, ReportKind, type IWorkItem } from '../../shared/proto.ts';
import { signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

let srv: TestServer;
let ada: Session;
let client: TestClient;
let projectId = '';
const status: Record<string, string> = {};
const items: Record<string, IWorkItem> = {};
const sprints: Record<string, string> = {};

const at = (iso: string) => vi.setSystemTime(new Date(iso));

async function create(name: string, points: number | null, sprintId: string) {
  const { workItem } = await client.ok({
    createWorkItem: {
      projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `${name} task`, statusId: status['To Do'], sprintId,
      ...(points === null ? {} : { storyPoints: points }),
    },
  });
  items[name] = workItem!;
}

async function update(name: string, change: { statusId?: string; storyPoints?: number; sprintId?: string }) {
  const item = items[name]!;
  items[name] = (await client.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, ...change } })).workItem!;
}

const report = async (kind: ReportKind, extra: Record<string, unknown> = {}) =>
  (await client.ok({ getReport: { projectId, kind, ...extra } })).report!;

beforeAll(async () => {
  srv = await startTestServer();
  ada = await signup(srv.http, 'Ada');
  vi.useFakeTimers({ toFake: ['Date'] });
  at('2026-03-02T08:00:00Z');
  client = await TestClient.connect(srv.ws, ada.token);
  const project = (await client.ok({ createProject: { key: 'REP', name: 'Reports' } })).project!;
  projectId = project.id!;
  for (const s of project.statuses!) status[s.name!] = s.id!;
  sprints['S1'] = (await client.ok({ createSprint: { projectId, name: 'Sprint 1', startDate: '2026-03-02', endDate: '2026-03-06' } })).sprint!.id!;
  sprints['S2'] = (await client.ok({ createSprint: { projectId, name: 'Sprint 2', startDate: '2026-03-09', endDate: '2026-03-13' } })).sprint!.id!;
  await create('A', 3, sprints['S1']);
  await create('B', 5, sprints['S1']);
  await create('C', 2, sprints['S1']);
  await create('D', null, sprints['S1']);

  at('2026-03-02T10:00:00Z');
  await client.ok({ startSprint: { sprintId: sprints['S1'] } });
  at('2026-03-02T14:00:00Z');
  await update('B', { storyPoints: 8 });
  at('2026-03-03T11:00:00Z');
  await update('A', { statusId: status['In Progress'] });
  at('2026-03-03T16:00:00Z');
  await update('A', { statusId: status['Done'] });
  at('2026-03-04T09:00:00Z');
  await create('E', 4, sprints['S1']);
  at('2026-03-04T15:00:00Z');
  await update('C', { statusId: status['In Progress'] });
  at('2026-03-05T10:00:00Z');
  await update('C', { statusId: status['Done'] });
  await update('B', { statusId: status['In Progress'] });
  at('2026-03-06T18:00:00Z');
  await client.ok({ completeSprint: { sprintId: sprints['S1'] } });

  // Sprint 2 takes B (8) and finishes it.
  at('2026-03-09T09:00:00Z');
  items['B'] = (await client.ok({ getWorkItem: { workItemId: items['B']!.id } })).workItem!;
  await update('B', { sprintId: sprints['S2'] });
  at('2026-03-09T10:00:00Z');
  await client.ok({ startSprint: { sprintId: sprints['S2'] } });
  at('2026-03-10T10:00:00Z');
  await update('B', { statusId: status['Done'] });
  at('2026-03-13T17:00:00Z');
  await client.ok({ completeSprint: { sprintId: sprints['S2'] } });
  at('2026-03-20T12:00:00Z');
});

afterAll(async () => {
  vi.useRealTimers();
  client?.close();
  await srv?.stop();
});

describe('reports', () => {
  it('REP-1 burndown of a completed sprint: remaining per day, the ideal line, scope added mid-sprint, and its summary', async () => {
    const { burndown, seq } = await report(ReportKind.REPORT_KIND_BURNDOWN, { sprintId: sprints['S1'] });
    expect(Number(seq)).toBeGreaterThan(0);
    expect(burndown!.days!.map((d) => [d.date, d.actual, d.remainingPoints ?? 0, d.remainingItems ?? 0, d.idealPoints, d.addedPoints ?? 0, d.addedItems ?? 0])).toEqual([
      ['2026-03-02', true, 13, 4, 10, 0, 0],
      ['2026-03-03', true, 10, 3, 7.5, 0, 0],
      ['2026-03-04', true, 14, 4, 5, 4, 1],
      ['2026-03-05', true, 12, 3, 2.5, 0, 0],
      ['2026-03-06', true, 12, 3, 0, 0, 0],
    ]);
    expect(burndown!.summary).toMatchObject({
      committedPoints: 10, committedItems: 4, completedPoints: 5, completedItems: 2,
      addedPoints: 4, addedItems: 1, carriedOverPoints: 12, carriedOverItems: 3,
    });
  });

  it('REP-2 velocity: committed at the start against done at completion, oldest sprint first', async () => {
    const { velocity } = await report(ReportKind.REPORT_KIND_VELOCITY);
    expect(velocity!.sprints!.map((s) => [s.name, s.committedPoints, s.completedPoints])).toEqual([['Sprint 1', 10, 5], ['Sprint 2', 8, 8]]);
    const last = await report(ReportKind.REPORT_KIND_VELOCITY, { sprints: 1 });
    expect(last.velocity!.sprints!.map((s) => s.name)).toEqual(['Sprint 2']);
  });

  it('REP-3 cumulative flow: items per status at the end of each day', async () => {
    const { cumulativeFlow } = await report(ReportKind.REPORT_KIND_CUMULATIVE_FLOW, { fromDate: '2026-03-01', toDate: '2026-03-05' });
    expect(cumulativeFlow!.statuses!.map((s) => s.name)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Done']);
    expect(cumulativeFlow!.days!.map((d) => [d.date, d.counts])).toEqual([
      ['2026-03-01', [0, 0, 0, 0, 0]],
      ['2026-03-02', [0, 4, 0, 0, 0]],
      ['2026-03-03', [0, 3, 0, 0, 1]],
      ['2026-03-04', [0, 3, 1, 0, 1]],
      ['2026-03-05', [0, 2, 1, 0, 2]],
    ]);
  });

  it('REP-4 cycle time: first step into progress to the last into done, with the median and 85th percentile', async () => {
    const { cycleTime } = await report(ReportKind.REPORT_KIND_CYCLE_TIME, { fromDate: '2026-03-01', toDate: '2026-03-31' });
    expect(cycleTime!.items!.map((i) => [i.key, i.hours])).toEqual([['REP-1', 5], ['REP-3', 19], ['REP-2', 120]]);
    expect([cycleTime!.medianHours, cycleTime!.p85Hours]).toEqual([19, 120]);
  });

  it('REP-5 days begin where the asker lives: at UTC-10, C\'s move to Done at 10:00 UTC falls on March 5 and A\'s on March 3', async () => {
    const { cumulativeFlow } = await report(ReportKind.REPORT_KIND_CUMULATIVE_FLOW, { fromDate: '2026-03-04', toDate: '2026-03-04', utcOffsetMinutes: -600 });
    // The end of March 4 at UTC-10 is 09:59 UTC on March 5: C is in progress, B still to do.
    expect(cumulativeFlow!.days!.map((d) => d.counts)).toEqual([[0, 3, 1, 0, 1]]);
  });

  it('REP-13 a card moved to Done in the very millisecond the sprint is completed counts as done', async () => {
    at('2026-03-23T09:00:00Z');
    const sprint = (await client.ok({ createSprint: { projectId, name: 'Sprint 4', startDate: '2026-03-23', endDate: '2026-03-27' } })).sprint!.id!;
    await create('F', 2, sprint);
    await create('G', 3, sprint);
    await client.ok({ startSprint: { sprintId: sprint } });
    at('2026-03-27T17:00:00Z');
    await update('F', { statusId: status['Done'] });
    await client.ok({ completeSprint: { sprintId: sprint } });
    const { burndown } = await report(ReportKind.REPORT_KIND_BURNDOWN, { sprintId: sprint });
    expect(burndown!.summary).toMatchObject({ committedPoints: 5, completedPoints: 2, carriedOverPoints: 3, carriedOverItems: 1 });
    expect(burndown!.days!.at(-1)).toMatchObject({ remainingPoints: 3, remainingItems: 1 });
    // Later, never back: the socket's rate limit refills by the (faked) clock.
    at('2026-03-28T12:00:00Z');
  });

  it('REP-6 refuses what it cannot answer, clearly', async () => {
    const refused = async (extra: Record<string, unknown>) => (await client.request({ getReport: { projectId, ...extra } })).error;
    expect(await refused({ kind: 0 })).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'kind' });
    expect(await refused({ kind: ReportKind.REPORT_KIND_BURNDOWN })).toMatchObject({ code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION, field: 'sprint_id' });
    const planned = (await client.ok({ createSprint: { projectId, name: 'Sprint 3' } })).sprint!.id!;
    expect(await refused({ kind: ReportKind.REPORT_KIND_BURNDOWN, sprintId: planned })).toMatchObject({ code: ErrorCode.ERROR_CODE_FAILED_PRECONDITION });
    expect(await refused({ kind: ReportKind.REPORT_KIND_CUMULATIVE_FLOW, fromDate: '2025-01-01', toDate: '2026-03-01' })).toMatchObject({ field: 'to_date' });
    expect(await refused({ kind: ReportKind.REPORT_KIND_CUMULATIVE_FLOW, fromDate: '2026-03-01' })).toMatchObject({ field: 'to_date' });
    expect(await refused({ kind: ReportKind.REPORT_KIND_VELOCITY, sprints: 21 })).toMatchObject({ field: 'sprints' });
    expect(await refused({ kind: ReportKind.REPORT_KIND_VELOCITY, utcOffsetMinutes: 900 })).toMatchObject({ field: 'utc_offset_minutes' });
    const zed = await signup(srv.http, 'Zed');
    const outsider = await TestClient.connect(srv.ws, zed.token);
    const hidden = await outsider.request({ getReport: { projectId, kind: ReportKind.REPORT_KIND_VELOCITY } });
    expect(hidden.error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'project_id' });
    outsider.close();
  });
});
