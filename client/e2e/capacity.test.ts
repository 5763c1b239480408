// Capacity planning in the backlog (issue 16 part 4), through the real built
// client in Debian's Chromium against a real server on port 0: availability
// set in the Capacity dialog, the sprint's hours against what is committed as
// items move in, the over-capacity warning, a second window kept live, and a
// conflict with a save made meanwhile.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { seedProject } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });
const { pageFor } = world;

const sprintSection = (page: Page, name: string): Locator => page.locator(`[data-testid="sprint"][data-sprint-name="${name}"]`);
const row = (page: Page, prefix: string) =>
  page.locator('[data-testid="backlog-item"]', { has: page.locator('[data-testid="item-title"]', { hasText: new RegExp(`^${prefix} `) }) });
const memberRow = (dialog: Locator, name: string) => dialog.locator(`[data-testid="capacity-member"][data-user-name="${name}"]`);
const person = (section: Locator, name: string) => section.locator(`[data-testid="capacity-person"][data-user-name="${name}"]`);

async function planningReady(page: Page): Promise<void> {
  await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

describe('capacity planning', () => {
  it('UI-CAP-1 Ada and Bob\'s availability gives the sprint its hours, live in a second window; moving items in past it warns; a save meanwhile is a conflict; no serious axe violation', async () => {
    const { ada, bob } = world;
    const s = await seedProject(world.adaSocket, {
      prefix: 'C',
      name: 'Capacity',
      members: [[bob, Role.ROLE_EDITOR]],
      items: [
        { title: 'T1 Sign-in page', storyPoints: 3, remainingEstimateMinutes: 20 * 60, assigneeId: ada.user.id },
        { title: 'T2 Flaky socket', storyPoints: 5, remainingEstimateMinutes: 40 * 60, assigneeId: bob.user.id },
        { title: 'T3 Release notes', remainingEstimateMinutes: 30 * 60 },
      ],
    });
    // Monday 7 to Friday 18 January 2030: ten working days.
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint C', startDate: '2030-01-07', endDate: '2030-01-18' } })).sprint!;
    const [adaPage, bobPage] = await Promise.all([pageFor(ada, `/p/${s.key}/backlog`), pageFor(bob, `/p/${s.key}/backlog`)]);
    await Promise.all([planningReady(adaPage), planningReady(bobPage)]);
    const adaSprint = sprintSection(adaPage, 'Sprint C');
    const bobSprint = sprintSection(bobPage, 'Sprint C');
    await expect.poll(() => bobSprint.getByTestId('capacity-total').textContent()).toMatch(/No availability set/);

    // Ada: 2 days off, 80 % of 8 h = 51.2 h; Bob: 50 % of 6 h = 30 h.
    await adaSprint.getByTestId('sprint-capacity-open').click();
    const dialog = adaPage.getByTestId('capacity-dialog');
    expect(await dialog.getByTestId('capacity-days').textContent()).toMatch(/^10 working days/);
    await memberRow(dialog, 'Ada Lovelace').getByTestId('capacity-add').click();
    expect(await memberRow(dialog, 'Ada Lovelace').getByTestId('capacity-focusPercent').inputValue()).toBe('80');
    await memberRow(dialog, 'Ada Lovelace').getByTestId('capacity-daysOff').fill('2');
    await memberRow(dialog, 'Bob Babbage').getByTestId('capacity-add').click();
    await memberRow(dialog, 'Bob Babbage').getByTestId('capacity-focusPercent').fill('50');
    await memberRow(dialog, 'Bob Babbage').getByTestId('capacity-hoursPerDay').fill('6');
    expect(await memberRow(dialog, 'Ada Lovelace').getByTestId('capacity-member-hours').textContent()).toBe('51.2 h');
    await dialog.getByTestId('capacity-save').click();
    await expect.poll(() => dialog.count()).toBe(0);

    for (const section of [adaSprint, bobSprint]) {
      await expect.poll(() => section.getByTestId('capacity-hours').textContent()).toBe('81.2 h');
      await expect.poll(() => person(section, 'Bob Babbage').getByTestId('capacity-person-available').textContent()).toBe('30 h');
    }
    const saved = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.sprints!.find((x) => x.id === sprint.id)!;
    expect(saved.capacity!.map((c) => [c.userId, c.daysOff, c.focusPercent, c.hoursPerDay]).sort()).toEqual(
      [
        [ada.user.id, 2, 80, 8],
        [bob.user.id, 0, 50, 6],
      ].sort(),
    );

    // T1 (Ada's 20 h) dragged in, T2 (Bob's 40 h) by the row's menu: 60 h of 81.2, but Bob's 40 h are over his 30.
    await row(adaPage, 'T1').dragTo(adaSprint.locator('.plan-group__items'));
    await expect.poll(() => adaSprint.getByTestId('capacity-committed').textContent()).toBe('20 h');
    await row(adaPage, 'T2').getByTestId('move-to').selectOption(sprint.id!);
    await expect.poll(() => adaSprint.getByTestId('capacity-committed').textContent()).toBe('60 h');
    expect(await person(adaSprint, 'Bob Babbage').getAttribute('data-over')).toBe('true');
    expect(await person(adaSprint, 'Ada Lovelace').getAttribute('data-over')).toBe('false');
    expect(await adaSprint.getByTestId('capacity-warning').isVisible()).toBe(false);

    // T3's 30 h take the sprint to 90 h: over, in words, for both.
    await row(adaPage, 'T3').dragTo(adaSprint.locator('.plan-group__items'));
    for (const section of [adaSprint, bobSprint]) {
      await expect.poll(() => section.getByTestId('sprint-capacity').getAttribute('data-over')).toBe('true');
      await expect.poll(() => section.getByTestId('capacity-warning').textContent()).toBe('⚠ Over capacity: 90 h committed of 81.2 h.');
      expect(await section.getByTestId('capacity-warning').isVisible()).toBe(true);
    }
    expect(await seriousViolations(adaPage, '[data-testid="sprint"]')).toEqual([]);

    // Bob's focus changed in the dialog while someone else saves 70 %: theirs beside Ada's, then hers saved over it.
    await adaSprint.getByTestId('sprint-capacity-open').click();
    await memberRow(dialog, 'Bob Babbage').getByTestId('capacity-focusPercent').fill('60');
    const current = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.sprints!.find((x) => x.id === sprint.id)!;
    await world.adaSocket.ok({
      setSprintCapacity: { sprintId: sprint.id, expectedVersion: current.version, members: current.capacity!.map((c) => (c.userId === bob.user.id ? { ...c, focusPercent: 70 } : c)) },
    });
    await expect.poll(() => person(bobSprint, 'Bob Babbage').getByTestId('capacity-person-available').textContent()).toBe('42 h');
    await dialog.getByTestId('capacity-save').click();
    const conflict = dialog.getByTestId('capacity-conflict');
    await conflict.waitFor();
    expect(await conflict.getByTestId('capacity-conflict-theirs').textContent()).toBe('0 days off, 70 % of 6 h');
    expect(await conflict.getByTestId('capacity-conflict-mine').textContent()).toBe('0 days off, 60 % of 6 h');
    expect(await seriousViolations(adaPage, 'dialog')).toEqual([]);
    await conflict.getByTestId('capacity-save-mine').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => person(bobSprint, 'Bob Babbage').getByTestId('capacity-person-available').textContent()).toBe('36 h');
  });
});
