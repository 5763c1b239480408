// Issue "Work item depth" part 4 (docs/PROTOCOL.md §5, v12): estimates,
// work logs that move the item's totals, a timer held on the server across a
// restart, and a week's timesheet, over real sockets.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-time-'));
let srv: TestServer;
let ada: Session;
let bob: Session;
let vic: Session;
let adaSocket: TestClient;
let bobSocket: TestClient;
let vicSocket: TestClient;
let projectId = '';

async function connectAll() {
  adaSocket = await TestClient.connect(srv.ws, ada.token);
  bobSocket = await TestClient.connect(srv.ws, bob.token);
  vicSocket = await TestClient.connect(srv.ws, vic.token);
  await bobSocket.ok({ subscribe: { projects: [{ projectId }] } });
}

const task = async (title: string, extra = {}): Promise<IWorkItem> =>
  (await adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title, ...extra } })).workItem!;
const item = async (id: string) => (await adaSocket.ok({ getWorkItem: { workItemId: id } })).workItem!;
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  srv = await startTestServer({}, dir);
  ada = await signup(srv.http, 'Ada');
  bob = await invite(srv.http, ada, 'Bob');
  vic = await invite(srv.http, ada, 'Vic');
  adaSocket = await TestClient.connect(srv.ws, ada.token);
  projectId = (await adaSocket.ok({ createProject: { key: 'TIME', name: 'Time' } })).project!.id!;
  await adaSocket.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
  await adaSocket.ok({ addMember: { projectId, userId: vic.user.id, role: Role.ROLE_VIEWER } });
  adaSocket.close();
  await connectAll();
});

afterAll(async () => {
  for (const c of [adaSocket, bobSocket, vicSocket]) c?.close();
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('time tracking', () => {
  it('TIME-2 estimates are set at creation (remaining starts as the original), changed and cleared', async () => {
    const a = await task('Estimated', { originalEstimateMinutes: 480 });
    expect(a).toMatchObject({ originalEstimateMinutes: 480, hasOriginalEstimate: true, remainingEstimateMinutes: 480, hasRemainingEstimate: true, loggedMinutes: 0 });
    const b = (await adaSocket.ok({ updateWorkItem: { workItemId: a.id, expectedVersion: a.version, remainingEstimateMinutes: 0 } })).workItem!;
    expect(b).toMatchObject({ remainingEstimateMinutes: 0, hasRemainingEstimate: true });
    const c = (await adaSocket.ok({ updateWorkItem: { workItemId: a.id, expectedVersion: b.version, clear: ['original_estimate_minutes'] } })).workItem!;
    expect(c.hasOriginalEstimate).toBe(false);
    const bad = await adaSocket.request({ updateWorkItem: { workItemId: a.id, expectedVersion: c.version, originalEstimateMinutes: -5 } });
    expect(bad.error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'original_estimate_minutes' });
  });

  it('TIME-3 log_work: the log, the item\'s total up and remaining down, both live on a second client, a history row; a resend logs once', async () => {
    const a = await task('Logged', { originalEstimateMinutes: 120 });
    const messageId = randomUUID();
    const command = { logWork: { workItemId: a.id, startedAt: Date.now() - HOUR, minutes: 90, note: 'Paired with Bob' } };
    const first = await adaSocket.request(command, messageId);
    const again = await adaSocket.request(command, messageId);
    expect(again.result).toEqual(first.result);
    expect(first.result!.workLog).toMatchObject({ workItemId: a.id, userId: ada.user.id, minutes: 90, note: 'Paired with Bob', version: 1 });
    expect(await item(a.id!)).toMatchObject({ loggedMinutes: 90, remainingEstimateMinutes: 30 });
    await bobSocket.waitForEvent((e) => e.workLog?.workLog?.id === first.result!.workLog!.id);
    await bobSocket.waitForEvent((e) => e.workItem?.workItem?.id === a.id && Number(e.workItem?.workItem?.loggedMinutes) === 90);
    const history = (await adaSocket.ok({ getHistory: { workItemId: a.id } })).history!.entries!.map((h) => [h.field, h.newValue]);
    expect(history).toContainEqual(['work_logged', '1h 30m']);
    const logs = (await adaSocket.ok({ getWorkLogs: { workItemId: a.id } })).workLogs!.workLogs!;
    expect(logs).toHaveLength(1);
    // Saying what remains sets it, whatever was logged.
    await adaSocket.ok({ logWork: { workItemId: a.id, startedAt: Date.now(), minutes: 10, note: '', remainingEstimateMinutes: 60 } });
    expect(await item(a.id!)).toMatchObject({ loggedMinutes: 100, remainingEstimateMinutes: 60 });
  });

  it('TIME-4 refuses a viewer, no minutes, a start far ahead, a deleted item; only who logged it (or an admin) edits or deletes a log, against its version', async () => {
    const a = await task('Guarded');
    const log = (r: Awaited<ReturnType<TestClient['request']>>) => r.error;
    expect(log(await vicSocket.request({ logWork: { workItemId: a.id, startedAt: Date.now(), minutes: 5, note: '' } }))?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    expect(log(await bobSocket.request({ logWork: { workItemId: a.id, startedAt: Date.now(), minutes: 0, note: '' } }))).toMatchObject({ field: 'minutes' });
    expect(log(await bobSocket.request({ logWork: { workItemId: a.id, startedAt: Date.now() + 48 * HOUR, minutes: 5, note: '' } }))).toMatchObject({ field: 'started_at' });

    const bobs = (await bobSocket.ok({ logWork: { workItemId: a.id, startedAt: Date.now(), minutes: 30, note: 'mine' } })).workLog!;
    const edited = (await bobSocket.ok({ editWorkLog: { workLogId: bobs.id, expectedVersion: 1, minutes: 45 } })).workLog!;
    expect(edited).toMatchObject({ minutes: 45, version: 2 });
    expect((await item(a.id!)).loggedMinutes).toBe(45);
    expect((await bobSocket.request({ editWorkLog: { workLogId: bobs.id, expectedVersion: 1, note: 'stale' } })).error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    // Vic cannot touch it; Ada, admin of the project, can.
    expect((await vicSocket.request({ deleteWorkLog: { workLogId: bobs.id } })).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    await adaSocket.ok({ deleteWorkLog: { workLogId: bobs.id } });
    expect((await item(a.id!)).loggedMinutes).toBe(0);
    expect((await adaSocket.ok({ getWorkLogs: { workItemId: a.id } })).workLogs!.workLogs).toEqual([]);

    await adaSocket.ok({ deleteWorkItem: { workItemId: a.id, expectedVersion: (await item(a.id!)).version } });
    expect((await bobSocket.request({ logWork: { workItemId: a.id, startedAt: Date.now(), minutes: 5, note: '' } })).error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
  });

  it('TIME-5 a timer outlives a restart: start, restart the server, stop: one log of the time it ran', async () => {
    const a = await task('Timed');
    const started = (await bobSocket.ok({ startTimer: { workItemId: a.id } })).timer!;
    expect(started.workItemId).toBe(a.id);
    for (const c of [adaSocket, bobSocket, vicSocket]) c.close();
    await srv.stop();
    srv = await startTestServer({}, dir);
    await connectAll();
    expect((await bobSocket.ok({ getTimer: {} })).timer).toMatchObject({ workItemId: a.id, startedAt: started.startedAt });
    const stopped = (await bobSocket.ok({ stopTimer: { note: 'done', discard: false } })).workLog!;
    const ran = Math.max(1, Math.round((Date.now() - Number(started.startedAt)) / 60_000));
    expect(stopped).toMatchObject({ workItemId: a.id, userId: bob.user.id, minutes: ran, note: 'done', startedAt: started.startedAt });
    expect((await bobSocket.ok({ getWorkLogs: { workItemId: a.id } })).workLogs!.workLogs).toHaveLength(1);
    expect((await bobSocket.ok({ getTimer: {} })).timer!.workItemId ?? '').toBe('');
    expect((await bobSocket.request({ stopTimer: { note: '', discard: false } })).error?.code).toBe(ErrorCode.ERROR_CODE_FAILED_PRECONDITION);
  });

  it('TIME-6 starting a timer on another item stops and logs the running one; discard logs nothing', async () => {
    const [a, b] = [await task('First timed'), await task('Second timed')];
    await bobSocket.ok({ startTimer: { workItemId: a.id } });
    await bobSocket.ok({ startTimer: { workItemId: b.id } });
    expect((await bobSocket.ok({ getWorkLogs: { workItemId: a.id } })).workLogs!.workLogs!.map((l) => l.minutes)).toEqual([1]);
    expect((await bobSocket.ok({ getTimer: {} })).timer!.workItemId).toBe(b.id);
    await bobSocket.ok({ stopTimer: { note: '', discard: true } });
    expect((await bobSocket.ok({ getWorkLogs: { workItemId: b.id } })).workLogs!.workLogs).toEqual([]);
  });

  it('TIME-7 a week\'s timesheet: logged time per day and item, in the asker\'s time zone; another person\'s for admins only', async () => {
    const a = await task('Sheet A');
    const b = await task('Sheet B');
    const monday = Date.UTC(2026, 10, 30, 12);
    await bobSocket.ok({ logWork: { workItemId: a.id, startedAt: monday, minutes: 60, note: '' } });
    await bobSocket.ok({ logWork: { workItemId: a.id, startedAt: monday + HOUR, minutes: 30, note: '' } });
    await bobSocket.ok({ logWork: { workItemId: b.id, startedAt: monday + 24 * HOUR, minutes: 45, note: '' } });
    // 23:30 UTC on Wednesday is Thursday at UTC+2.
    await bobSocket.ok({ logWork: { workItemId: b.id, startedAt: Date.UTC(2026, 11, 2, 23, 30), minutes: 15, note: '' } });
    const sheet = (await bobSocket.ok({ getTimesheet: { weekStart: '2026-11-30', utcOffsetMinutes: 120 } })).timesheet!;
    expect(sheet.days!.map((d) => [d.date, Number(d.totalMinutes), d.entries!.map((e) => [e.key, Number(e.minutes)])])).toEqual([
      ['2026-11-30', 90, [[a.key, 90]]],
      ['2026-12-01', 45, [[b.key, 45]]],
      ['2026-12-02', 0, []],
      ['2026-12-03', 15, [[b.key, 15]]],
      ['2026-12-04', 0, []],
      ['2026-12-05', 0, []],
      ['2026-12-06', 0, []],
    ]);
    expect(Number(sheet.totalMinutes)).toBe(150);
    expect((await adaSocket.ok({ getTimesheet: { userId: bob.user.id, weekStart: '2026-11-30' } })).timesheet!.totalMinutes).toBe(150);
    expect((await vicSocket.request({ getTimesheet: { userId: bob.user.id, weekStart: '2026-11-30' } })).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
  });
});
