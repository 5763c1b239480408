// Sprint planning, members and presence through the real built client in
// Debian's Chromium, against a real server on port 0. Seed data goes in over
// a TestClient socket; what is checked is the server's state (get_board) and
// what a second person sees in their own browser context, without reload.
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role, SprintState } from '../../shared/proto.ts';
import { invite } from '../../server/test/support/accounts.ts';
import { seedProject as seedBoard, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
const { pageFor } = world;

/** Ada's project, Bob as `bobRole`, Vic as viewer; T1..T3 in To Do and D1 in Done, none in a sprint. */
function seedProject(bobRole: Role = Role.ROLE_EDITOR): Promise<Seeded> {
  return seedBoard(world.adaSocket, {
    prefix: 'S',
    name: 'Plan',
    members: [
      [world.bob, bobRole],
      [world.vic, Role.ROLE_VIEWER],
    ],
    items: [
      { title: 'T1 Sign-in page', storyPoints: 3 },
      { title: 'T2 Fix the flaky socket', storyPoints: 2 },
      { title: 'T3 Write the release notes' },
      { title: 'D1 Set up CI', status: 'Done' },
    ],
  });
}

const sprintSection = (page: Page, name: string): Locator => page.locator(`[data-testid="sprint"][data-sprint-name="${name}"]`);
const backlog = (page: Page): Locator => page.getByTestId('backlog');
const titlesIn = (list: Locator) =>
  list.locator('[data-testid="item-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
const row = (page: Page, prefix: string) =>
  page.locator('[data-testid="backlog-item"]', { has: page.locator('[data-testid="item-title"]', { hasText: new RegExp(`^${prefix} `) }) });

async function planningReady(page: Page): Promise<void> {
  await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

async function serverBoard(s: Seeded) {
  return (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
}
const sprintOf = async (s: Seeded, prefix: string) =>
  (await serverBoard(s)).workItems!.find((w) => w.title!.startsWith(`${prefix} `))?.sprintId ?? '';

describe('sprint planning', () => {
  it('UI-PLAN-1 create a sprint, drag an item into it, start it (one active at a time), complete it to the backlog; Bob sees it all live', async () => {
    const s = await seedProject();
    // Done items show in the backlog only when asked (?done=show): D1 is planned below.
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}/backlog?done=show`), pageFor(world.bob, `/p/${s.key}/backlog?done=show`)]);
    await Promise.all([planningReady(adaPage), planningReady(bobPage)]);
    await expect.poll(() => titlesIn(backlog(bobPage))).toEqual(['T1', 'T2', 'T3', 'D1']);

    // Create.
    await adaPage.getByTestId('new-sprint').click();
    await adaPage.getByTestId('sprint-name').fill('Sprint 1');
    await adaPage.getByTestId('sprint-goal').fill('Ship sign-in');
    await adaPage.getByTestId('sprint-start').fill('2030-01-06');
    await adaPage.getByTestId('sprint-end').fill('2030-01-17');
    await adaPage.getByTestId('sprint-submit').click();
    await sprintSection(bobPage, 'Sprint 1').waitFor();
    const sprint1 = (await serverBoard(s)).sprints!.find((x) => x.name === 'Sprint 1')!;
    expect(sprint1.goal).toBe('Ship sign-in');
    expect(sprint1.startDate).toBe('2030-01-06');
    expect(sprint1.state).toBe(SprintState.SPRINT_STATE_PLANNED);

    // Drag T2 from the backlog into the sprint; D1 (done) goes in with the row's menu.
    await row(adaPage, 'T2').dragTo(sprintSection(adaPage, 'Sprint 1').locator('.plan-group__items'));
    await expect.poll(() => titlesIn(sprintSection(adaPage, 'Sprint 1'))).toEqual(['T2']);
    await expect.poll(() => sprintOf(s, 'T2')).toBe(sprint1.id);
    await row(adaPage, 'D1').getByTestId('move-to').selectOption(sprint1.id!);
    await expect.poll(() => sprintOf(s, 'D1')).toBe(sprint1.id);
    await expect.poll(() => titlesIn(sprintSection(bobPage, 'Sprint 1'))).toEqual(['T2', 'D1']);
    await expect.poll(() => titlesIn(backlog(bobPage))).toEqual(['T1', 'T3']);
    // Dragged back above T1 and in again: ranks follow the drop point.
    await row(bobPage, 'T2').dragTo(row(bobPage, 'T1'), { targetPosition: { x: 40, y: 2 } });
    await expect.poll(() => titlesIn(backlog(adaPage))).toEqual(['T2', 'T1', 'T3']);
    expect(await sprintOf(s, 'T2')).toBe('');
    await row(adaPage, 'T2').dragTo(row(adaPage, 'D1'), { targetPosition: { x: 40, y: 2 } });
    await expect.poll(() => titlesIn(sprintSection(bobPage, 'Sprint 1'))).toEqual(['T2', 'D1']);
    await expect.poll(() => sprintOf(s, 'T2')).toBe(sprint1.id);

    // Start: active for both.
    await sprintSection(adaPage, 'Sprint 1').getByTestId('start-sprint').click();
    await expect.poll(() => sprintSection(bobPage, 'Sprint 1').getAttribute('data-state')).toBe('active');
    await expect.poll(async () => (await serverBoard(s)).sprints!.find((x) => x.id === sprint1.id)!.state).toBe(SprintState.SPRINT_STATE_ACTIVE);

    // A second sprint cannot start while the first runs: the refusal in words.
    await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 2', goal: '', startDate: '', endDate: '' } });
    await sprintSection(adaPage, 'Sprint 2').waitFor();
    await sprintSection(adaPage, 'Sprint 2').getByTestId('start-sprint').click();
    await expect.poll(() => sprintSection(adaPage, 'Sprint 2').getByTestId('sprint-error').textContent()).toMatch(/Could not start Sprint 2: .*active sprint/i);
    expect((await serverBoard(s)).sprints!.find((x) => x.name === 'Sprint 2')!.state).toBe(SprintState.SPRINT_STATE_PLANNED);
    await saveScreenshot(adaPage, 'backlog-light');

    // Complete: T2 is unfinished and goes to the backlog; D1 is done and stays with the sprint.
    await sprintSection(adaPage, 'Sprint 1').getByTestId('complete-sprint').click();
    const dialog = adaPage.getByTestId('complete-dialog');
    expect(await dialog.getByTestId('unfinished-count').textContent()).toContain('1 item is not finished');
    expect(await dialog.getByTestId('complete-to-sprint').count()).toBe(1); // Sprint 2 is offered too
    await saveScreenshot(adaPage, 'backlog-complete-sprint-light');
    await dialog.getByTestId('complete-to-backlog').check();
    await dialog.getByTestId('complete-confirm').click();

    await expect.poll(async () => (await serverBoard(s)).sprints!.find((x) => x.id === sprint1.id)!.state).toBe(SprintState.SPRINT_STATE_COMPLETED);
    expect(await sprintOf(s, 'T2')).toBe('');
    expect(await sprintOf(s, 'D1')).toBe(sprint1.id);
    for (const page of [adaPage, bobPage]) {
      await expect.poll(() => sprintSection(page, 'Sprint 1').count()).toBe(0);
      await expect.poll(() => titlesIn(backlog(page))).toContain('T2');
      expect(await titlesIn(backlog(page))).not.toContain('D1');
    }
  });

  it('UI-PLAN-2 a viewer sees the plan but cannot create, start or move', async () => {
    const s = await seedProject();
    await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint V', goal: '', startDate: '', endDate: '' } });
    const vicPage = await pageFor(world.vic, `/p/${s.key}/backlog`);
    await planningReady(vicPage);
    await sprintSection(vicPage, 'Sprint V').waitFor();
    await vicPage.getByTestId('read-only').waitFor();
    expect(await vicPage.getByTestId('new-sprint').count()).toBe(0);
    expect(await vicPage.getByTestId('start-sprint').count()).toBe(0);
    expect(await vicPage.getByTestId('move-to').count()).toBe(0);
    expect(await row(vicPage, 'T1').getAttribute('draggable')).toBe('false');
  });
});

describe('sprint editing', () => {
  it('UI-PLAN-3 Ada edits a sprint\'s name, goal and dates (a bad date range is refused in words first); Bob sees it live; a save that meets another change offers theirs or mine', async () => {
    const s = await seedProject();
    const created = await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint A', goal: 'First goal', startDate: '2030-01-06', endDate: '2030-01-17' } });
    const sprintId = created.sprint!.id!;
    const serverSprint = async () => (await serverBoard(s)).sprints!.find((x) => x.id === sprintId)!;
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}/backlog`), pageFor(world.bob, `/p/${s.key}/backlog`)]);
    await Promise.all([planningReady(adaPage), planningReady(bobPage)]);
    const adaSprint = adaPage.locator(`[data-testid="sprint"][data-sprint-id="${sprintId}"]`);
    const bobSprint = bobPage.locator(`[data-testid="sprint"][data-sprint-id="${sprintId}"]`);
    const form = adaSprint.getByTestId('edit-sprint-form');

    // The form opens with the sprint as it is; an end before the start is stopped here, in words.
    await adaSprint.getByTestId('edit-sprint').click();
    expect(await form.getByTestId('sprint-name').inputValue()).toBe('Sprint A');
    expect(await form.getByTestId('sprint-end').inputValue()).toBe('2030-01-17');
    await form.getByTestId('sprint-end').fill('2030-01-01');
    await form.getByTestId('sprint-submit').click();
    expect(await form.getByTestId('edit-sprint-form-error').textContent()).toBe('The sprint cannot end before it starts.');
    expect(await form.getByTestId('sprint-end').getAttribute('aria-invalid')).toBe('true');
    expect((await serverSprint()).endDate).toBe('2030-01-17');

    await form.getByTestId('sprint-name').fill('Sprint Alpha');
    await form.getByTestId('sprint-goal').fill('Ship sign-in and SSO');
    await form.getByTestId('sprint-start').fill('2030-01-13');
    await form.getByTestId('sprint-end').fill('2030-01-24');
    await form.getByTestId('sprint-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => bobSprint.getAttribute('data-sprint-name')).toBe('Sprint Alpha');
    await expect.poll(() => bobSprint.getByTestId('sprint-goal-text').textContent()).toBe('Ship sign-in and SSO');
    expect(await bobSprint.getByTestId('sprint-dates').textContent()).toBe('2030-01-13 – 2030-01-24');
    const saved = await serverSprint();
    expect([saved.name, saved.goal, saved.startDate, saved.endDate]).toEqual(['Sprint Alpha', 'Ship sign-in and SSO', '2030-01-13', '2030-01-24']);

    // Ada starts another edit; the goal changes under her (another session) before she saves.
    await adaSprint.getByTestId('edit-sprint').click();
    await form.getByTestId('sprint-goal').fill('Ada\'s goal');
    await world.adaSocket.ok({ updateSprint: { sprintId, expectedVersion: Number(saved.version), goal: 'Their goal' } });
    await expect.poll(() => bobSprint.getByTestId('sprint-goal-text').textContent()).toBe('Their goal');
    await form.getByTestId('sprint-submit').click();
    const conflict = form.getByTestId('sprint-conflict');
    await conflict.waitFor();
    const row = conflict.locator('[data-testid="sprint-conflict-row"][data-field="goal"]');
    expect(await row.getByTestId('sprint-conflict-theirs').textContent()).toBe('Their goal');
    expect(await row.getByTestId('sprint-conflict-mine').textContent()).toBe("Ada's goal");
    await saveScreenshot(adaPage, 'sprint-conflict-light');
    await conflict.getByTestId('sprint-save-mine').click();
    await expect.poll(async () => (await serverSprint()).goal).toBe("Ada's goal");
    await expect.poll(() => bobSprint.getByTestId('sprint-goal-text').textContent()).toBe("Ada's goal");
    await expect.poll(() => form.count()).toBe(0);
    expect((await serverSprint()).name).toBe('Sprint Alpha');
  });
});

describe('members', () => {
  it('UI-MEMBERS-1 an admin adds a workspace user as viewer, then makes them editor; another admin sees it live; a viewer sees it read-only', async () => {
    const s = await seedProject(Role.ROLE_ADMIN);
    const dan = await invite(world.srv.http, world.ada, 'Dan Newcomer');
    const [adaPage, bobPage, vicPage] = await Promise.all([
      pageFor(world.ada, `/p/${s.key}/members`),
      pageFor(world.bob, `/p/${s.key}/members`),
      pageFor(world.vic, `/p/${s.key}/members`),
    ]);
    for (const p of [adaPage, bobPage, vicPage]) await p.locator('[data-testid="members"][data-state="ready"]').waitFor();
    const member = (page: Page, id: string) => page.locator(`[data-testid="member"][data-user-id="${id}"]`);
    await member(bobPage, world.vic.user.id).waitFor();
    expect(await member(bobPage, dan.user.id).count()).toBe(0);

    await adaPage.getByTestId('add-member-user').selectOption(dan.user.id);
    await adaPage.getByTestId('add-member-role').selectOption(String(Role.ROLE_VIEWER));
    await adaPage.getByTestId('add-member-submit').click();
    await expect.poll(() => member(bobPage, dan.user.id).getAttribute('data-role')).toBe('Viewer');
    await expect.poll(() => member(vicPage, dan.user.id).getAttribute('data-role')).toBe('Viewer');
    const danOnServer = async () => (await serverBoard(s)).members!.find((m) => m.userId === dan.user.id)?.role;
    expect(await danOnServer()).toBe(Role.ROLE_VIEWER);

    await member(adaPage, dan.user.id).getByTestId('member-role-select').selectOption(String(Role.ROLE_EDITOR));
    await expect.poll(() => member(bobPage, dan.user.id).getAttribute('data-role')).toBe('Editor');
    await expect.poll(danOnServer).toBe(Role.ROLE_EDITOR);
    // Bob's select follows, not just the row's attribute.
    expect(await member(bobPage, dan.user.id).getByTestId('member-role-select').inputValue()).toBe(String(Role.ROLE_EDITOR));
    await saveScreenshot(adaPage, 'members-light');

    // The viewer: the same list, no controls.
    await expect.poll(() => member(vicPage, dan.user.id).getByTestId('member-role').textContent()).toBe('Editor');
    await vicPage.getByTestId('read-only').waitFor();
    expect(await vicPage.getByTestId('member-role-select').count()).toBe(0);
    expect(await vicPage.getByTestId('add-member-form').count()).toBe(0);
    expect(await vicPage.getByTestId('member-remove').count()).toBe(0);
  });

  it('UI-MEMBERS-2 an admin invites someone new by email and they join the project; removing takes them out', async () => {
    const s = await seedProject();
    const adaPage = await pageFor(world.ada, `/p/${s.key}/members`);
    await adaPage.locator('[data-testid="members"][data-state="ready"]').waitFor();
    const email = `erin-${randomUUID().slice(0, 8)}@example.com`;
    await adaPage.getByTestId('invite-email').fill(email);
    await adaPage.getByTestId('invite-name').fill('Erin Invited');
    await adaPage.getByTestId('invite-password').fill('a long first password');
    await adaPage.getByTestId('invite-role').selectOption(String(Role.ROLE_VIEWER));
    await adaPage.getByTestId('invite-submit').click();
    await adaPage.getByTestId('invite-done').waitFor();
    const erin = async () => (await serverBoard(s)).members!.find((m) => m.email === email || m.displayName === 'Erin Invited');
    await expect.poll(async () => (await erin())?.role).toBe(Role.ROLE_VIEWER);
    const row = adaPage.locator(`[data-testid="member"][data-user-id="${(await erin())!.userId}"]`);
    await row.waitFor();

    adaPage.once('dialog', (d) => void d.accept());
    await row.getByTestId('member-remove').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(erin).toBeUndefined();
  });
});

describe('presence', () => {
  it('UI-PRESENCE-1 two people on one board see each other; the avatar goes when one leaves', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([adaPage, bobPage].map((p) => p.locator('[data-testid="board"][data-state="ready"]').waitFor()));
    const avatarsOf = (page: Page) =>
      page.locator('[data-testid="presence-avatar"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-user-id')));
    await expect.poll(() => avatarsOf(adaPage)).toEqual([world.bob.user.id]);
    await expect.poll(() => avatarsOf(bobPage)).toEqual([world.ada.user.id]);
    expect(await adaPage.getByTestId('presence-avatar').textContent()).toBe('BB');

    // Bob opens a card: Ada sees that he has an item open; closing it clears that.
    const viewing = () => adaPage.getByTestId('presence-avatar').evaluate((el) => el.classList.contains('presence__avatar--viewing'));
    await bobPage.locator('[data-testid="card"]').first().click();
    await bobPage.waitForURL(/\/item\/\d+$/);
    await expect.poll(viewing).toBe(true);
    await bobPage.keyboard.press('Escape');
    await expect.poll(viewing).toBe(false);

    // Bob leaves the board for the backlog (the board unsubscribes), then closes the tab.
    await bobPage.getByTestId('tab-backlog').click();
    await expect.poll(() => avatarsOf(adaPage)).toEqual([]);
    await bobPage.getByTestId('tab-board').click();
    await expect.poll(() => avatarsOf(adaPage)).toEqual([world.bob.user.id]);
    await bobPage.context().close();
    await expect.poll(() => avatarsOf(adaPage)).toEqual([]);
  });
});
