// Issue "The team loop" part 4 (docs/PROTOCOL.md §5, v14): each member's
// availability per sprint, stored, audited and live like the sprint's other
// fields, version-checked and idempotent.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, Role } from '../../shared/proto.ts';
import { invite, type Session } from './support/accounts.ts';
import { useTwoPeople } from './support/two-people.ts';

const world = useTwoPeople();
let zed: Session;
let projectId = '';

beforeAll(async () => {
  zed = await invite(world.srv.http, world.ada, 'Zed');
  projectId = (await world.adaSocket.ok({ createProject: { key: 'CAP', name: 'Capacity' } })).project!.id!;
  await world.adaSocket.ok({ addMember: { projectId, userId: world.bob.user.id, role: Role.ROLE_VIEWER } });
  await world.bobSocket.ok({ subscribe: { projects: [{ projectId }] } });
});

describe('capacity', () => {
  it('CAP-2 set_sprint_capacity stores each member\'s availability with the sprint, live and in history; a resend sets it once', async () => {
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId, name: 'Sprint C', startDate: '2026-12-07', endDate: '2026-12-18' } })).sprint!;
    const members = [
      { userId: world.ada.user.id, daysOff: 2, focusPercent: 80, hoursPerDay: 8 },
      { userId: world.bob.user.id, daysOff: 0, focusPercent: 50, hoursPerDay: 6 },
    ];
    const messageId = randomUUID();
    const first = await world.adaSocket.request({ setSprintCapacity: { sprintId: sprint.id, expectedVersion: sprint.version, members } }, messageId);
    const again = await world.adaSocket.request({ setSprintCapacity: { sprintId: sprint.id, expectedVersion: sprint.version, members } }, messageId);
    expect(again.result).toEqual(first.result);
    const saved = first.result!.sprint!;
    expect(Number(saved.version)).toBe(Number(sprint.version) + 1);
    expect(saved.capacity!.map((c) => [c.userId, c.daysOff, c.focusPercent, c.hoursPerDay]).sort()).toEqual(members.map((m) => [m.userId, m.daysOff, m.focusPercent, m.hoursPerDay]).sort());
    const seen = await world.bobSocket.waitForEvent((e) => e.sprint?.sprint?.id === sprint.id && (e.sprint?.changedFields ?? []).includes('capacity'));
    expect(seen.sprint!.sprint!.capacity).toHaveLength(2);
    const board = (await world.adaSocket.ok({ getBoard: { projectId, omitDescriptions: true } })).board!;
    expect(board.sprints!.find((s) => s.id === sprint.id)!.capacity).toHaveLength(2);
    const file = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true });
    const audit = file.prepare("SELECT new_value FROM pm_activity WHERE entity_id = ? AND field = 'capacity'").pluck().all(sprint.id);
    file.close();
    expect(audit).toEqual([expect.stringContaining('Ada 2 days off, 80 % of 8 h (51 h)')]);
    // Another edit of the sprint keeps its availability.
    const renamed = (await world.adaSocket.ok({ updateSprint: { sprintId: sprint.id, expectedVersion: saved.version, name: 'Sprint C2' } })).sprint!;
    expect(renamed.capacity).toHaveLength(2);
  });

  it('CAP-3 refuses a stale version, a viewer, someone outside the project, a member twice and values out of range', async () => {
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId, name: 'Sprint D' } })).sprint!;
    const set = (members: object[], socket = world.adaSocket, expectedVersion = sprint.version) =>
      socket.request({ setSprintCapacity: { sprintId: sprint.id, expectedVersion, members } });
    const ok = { userId: world.ada.user.id, daysOff: 0, focusPercent: 100, hoursPerDay: 8 };
    expect((await set([ok], world.adaSocket, 99)).error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    expect((await set([ok], world.bobSocket)).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    expect((await set([{ ...ok, userId: zed.user.id }])).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'members' });
    expect((await set([ok, ok])).error).toMatchObject({ field: 'members' });
    expect((await set([{ ...ok, focusPercent: 101 }])).error).toMatchObject({ field: 'members' });
    expect((await set([{ ...ok, hoursPerDay: 30 }])).error).toMatchObject({ field: 'members' });
  });
});
