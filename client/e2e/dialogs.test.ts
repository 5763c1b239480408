// The item panel and the conflict and complete-sprint dialogs are modal
// dialogs, through the real built client in Debian's Chromium against a real
// server: Tab and Shift-Tab go round inside them and never reach the page
// behind, Escape closes them wherever the focus is inside, and the focus goes
// back to what opened them. Seed data and Bob's edits go over TestClient sockets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SprintState } from '../../shared/proto.ts';
import { asEditors, boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { expectFocusOn, expectFocusTrapped } from './support/focus.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

const panelDialog = (page: Page) => page.locator('dialog', { has: page.getByTestId('item-panel') });
const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function planningReady(page: Page): Promise<void> {
  await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}
async function serverItem(s: Seeded, prefix: string) {
  const board = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
  return board.workItems!.find((w) => w.id === s.items[prefix]!.id)!;
}

describe('item panel', () => {
  it('DIALOG-1 the panel keeps the focus inside, Escape closes it, and the focus goes back to the card or row that opened it', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'F', members: asEditors([world.bob]) });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    const t2 = s.items['T2']!.id!;

    // Opened from the keyboard: the card has the focus, Enter opens it.
    await card(page, 'T2').focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="item-panel"][data-item-id="${t2}"]`).waitFor();
    await expectFocusOn(page, 'item-panel');
    await expectFocusTrapped(page, panelDialog(page));

    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === `/p/${s.key}`);
    await expectFocusOn(page, 'card', ['data-card-id', t2]);

    // Opened by its address, no card opened it: closing gives the focus to its card all the same.
    await page.goto(itemPath(s, 'T3'));
    await boardReady(page);
    await page.getByTestId('item-panel').waitFor();
    // An Escape a field handles itself (the title's edit cancelled) closes nothing.
    await page.getByTestId('item-title-input').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('item-panel').count()).toBe(1);
    // The field let the focus go; the next Escape, with the focus on nothing, closes the panel.
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === `/p/${s.key}`);
    await expectFocusOn(page, 'card', ['data-card-id', s.items['T3']!.id!]);

    // On the backlog, a click on a row opens it; closing gives the focus to the row's title.
    await page.goto(`/p/${s.key}/backlog`);
    await planningReady(page);
    await page.locator(`[data-testid="backlog-item"][data-item-id="${t2}"]`).click({ position: { x: 8, y: 8 } });
    await page.locator(`[data-testid="item-panel"][data-item-id="${t2}"]`).waitFor();
    await expectFocusTrapped(page, panelDialog(page));
    await page.getByTestId('item-close').click();
    await expect.poll(() => page.getByTestId('item-panel').count()).toBe(0);
    await expectFocusOn(page, 'item-title', ['data-opens-item', t2]);
  });
});

describe('conflict dialog', () => {
  it('DIALOG-2 the conflict dialog keeps the focus inside; Escape puts the choice off (nothing is lost) and gives the focus back to the field; the bar brings it back', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'G', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const page = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await page.locator(`[data-testid="item-panel"][data-item-id="${t1.id}"]`).waitFor();
    await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();

    // Ada starts editing; Bob saves first.
    const title = page.getByTestId('item-title-input');
    await title.focus();
    await world.bobSocket.ok({ updateWorkItem: { workItemId: t1.id!, expectedVersion: Number(t1.version), title: 'T1 Bob was first' } });
    await title.fill('T1 Ada second');
    await title.press('Enter');
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await expectFocusOn(page, 'conflict-keep-theirs');
    await expectFocusTrapped(page, dialog);

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByTestId('conflict-waiting').waitFor();
    // Back in the panel, on the field whose save met the conflict; nothing was sent.
    await expectFocusOn(page, 'item-title-input');
    expect((await serverItem(s, 'T1')).title).toBe('T1 Bob was first');

    // The panel closes as usual; the bar stays until the choice is made.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('item-panel').count()).toBe(0);
    await page.getByTestId('conflict-resume').click();
    await dialog.waitFor();
    await dialog.getByTestId('conflict-take-yours').click();
    await expect.poll(async () => (await serverItem(s, 'T1')).title).toBe('T1 Ada second');
    expect(await page.getByTestId('conflict-waiting').count()).toBe(0);
  });
});

describe('complete-sprint dialog', () => {
  it('DIALOG-3 the complete-sprint dialog keeps the focus inside and closes on Escape wherever the focus is in it, back to its button', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'H', members: asEditors([world.bob]) });
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 1', goal: '', startDate: '', endDate: '' } })).sprint!;
    await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 2', goal: '', startDate: '', endDate: '' } });
    await world.adaSocket.ok({ startSprint: { sprintId: sprint.id! } });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`);
    await planningReady(page);
    const complete = page.getByTestId('complete-sprint');
    const dialog = page.getByTestId('complete-dialog');

    await complete.click();
    await dialog.waitFor();
    await expectFocusOn(page, 'complete-confirm');
    await expectFocusTrapped(page, dialog);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expectFocusOn(page, 'complete-sprint');

    // A click on the dialog's text leaves the focus on nothing; Escape still closes it.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByTestId('complete-to-sprint').check();
    await dialog.locator('h2').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expectFocusOn(page, 'complete-sprint');
    // Nothing was completed.
    const sprints = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.sprints!;
    expect(sprints.find((x) => x.id === sprint.id)!.state).toBe(SprintState.SPRINT_STATE_ACTIVE);
  });
});
