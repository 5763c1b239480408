// The project list and the Kanban board through the real built client, in
// Debian's Chromium, against a real server on port 0. Accounts and seed data
// are made over HTTP and a TestClient socket; what is under test is what two
// people see in their own browser contexts.
import { describe, expect, it } from 'vitest';
import { ItemType, Priority, Role } from '../../shared/proto.ts';
import { invite } from '../../server/test/support/accounts.ts';
import { boardReady, card, column, expectColumn, letters, seedProject as seedBoard, titlesIn, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
const { pageFor } = world;

/** A project of Ada's with Bob as editor, Vic as viewer, and three cards in To Do (T1 above T2 above T3), plus P1 in In Progress. */
async function seedProject(): Promise<Seeded> {
  const { adaSocket, ada, bob, vic } = world;
  const s = await seedBoard(adaSocket, {
    prefix: 'B',
    members: [
      [bob, Role.ROLE_EDITOR],
      [vic, Role.ROLE_VIEWER],
    ],
    items: [
      { title: 'T1 Sign-in page', itemType: ItemType.ITEM_TYPE_STORY, priority: Priority.PRIORITY_HIGH, storyPoints: 3, assigneeId: ada.user.id, labels: ['frontend'] },
      { title: 'T2 Fix the flaky socket', itemType: ItemType.ITEM_TYPE_BUG, priority: Priority.PRIORITY_URGENT, storyPoints: 1, assigneeId: bob.user.id, labels: [] },
      { title: 'T3 Write the release notes', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_LOW, labels: ['docs'] },
    ],
  });
  await adaSocket.ok({
    createWorkItem: { projectId: s.projectId, statusId: s.status['In Progress']!, title: 'P1 Board columns', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_MEDIUM, storyPoints: 5 },
  });
  return s;
}

/** The server's order of a column: what everyone else will load. */
async function serverColumn(s: Seeded, statusName: string): Promise<string[]> {
  const result = await world.adaSocket.ok({ getBoard: { projectId: s.projectId } });
  return result
    .board!.workItems!.filter((w) => w.statusId === s.status[statusName])
    .sort((a, b) => (a.rank! < b.rank! ? -1 : a.rank! > b.rank! ? 1 : a.id! < b.id! ? -1 : 1))
    .map((w) => w.title!.slice(0, 2));
}

describe('project list', () => {
  it('UI-PROJ-1 lists the caller\'s projects, and "New project" creates one and opens its board', async () => {
    const s = await seedProject();
    const page = await pageFor(world.bob, '/');
    await page.locator(`[data-testid="project-card"][data-project-key="${s.key}"]`).waitFor();

    const key = `N${letters()}`;
    await page.getByTestId('new-project').click();
    await page.getByTestId('new-project-key').fill('x1');
    await page.getByTestId('new-project-name').fill('Nova');
    await page.getByTestId('new-project-submit').click();
    await expect.poll(() => page.getByTestId('new-project-key').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('new-project-key').fill(key.toLowerCase()); // upper-cased as typed
    await page.getByTestId('new-project-submit').click();
    await page.waitForURL((url) => url.pathname === `/p/${key}`);
    await boardReady(page);
    expect(await page.locator('[data-testid="column"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')))).toEqual([
      'Backlog',
      'To Do',
      'In Progress',
      'In Review',
      'Done',
    ]);
    expect(await page.locator('[data-testid="column-empty"]').count()).toBe(5);
    const listed = await world.adaSocket.ok({ listProjects: {} });
    expect(listed.projects!.projects!.map((p) => p.key)).toContain(key);
  });

  it('UI-PROJ-2 someone in no project sees the empty state', async () => {
    const loner = await invite(world.srv.http, world.ada, 'Lone Wolf');
    const page = await pageFor(loner, '/');
    await page.getByTestId('projects-empty').waitFor();
    expect(await page.locator('[data-testid="project-card"]').count()).toBe(0);
  });
});

describe('board', () => {
  it('UI-BOARD-1 Ada drags a card to another column with the mouse; Bob sees it move without reload', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await expectColumn(bobPage, 'In Progress', ['P1']);
    // The card shows its parts.
    const t1 = card(adaPage, 'T1');
    expect(await t1.getByTestId('card-type').textContent()).toBe('Story');
    expect(await t1.getByTestId('card-priority').textContent()).toContain('High');
    expect(await t1.getByTestId('card-points').textContent()).toBe('3');
    expect(await t1.getByTestId('card-assignee').textContent()).toBe('AL');
    expect(await t1.textContent()).toContain('frontend');
    await saveScreenshot(adaPage, 'board-light');

    // Drop T2 below P1 (the bottom of In Progress).
    const target = column(adaPage, 'In Progress').locator('.column__cards');
    const box = (await target.boundingBox())!;
    await card(adaPage, 'T2').dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 8 } });

    await expectColumn(adaPage, 'In Progress', ['P1', 'T2']);
    await expectColumn(adaPage, 'To Do', ['T1', 'T3']);
    await expectColumn(bobPage, 'In Progress', ['P1', 'T2']);
    await expectColumn(bobPage, 'To Do', ['T1', 'T3']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['P1', 'T2']);
    await expect.poll(() => card(adaPage, 'T2').getAttribute('data-pending')).toBeNull();
    expect(await column(bobPage, 'In Progress').getByTestId('column-count').textContent()).toBe('2');

    // Dropped on top of a column: above its first card.
    const todo = column(bobPage, 'To Do').locator('[data-testid="card"]').first();
    await card(bobPage, 'T3').dragTo(todo, { targetPosition: { x: 20, y: 4 } });
    await expectColumn(adaPage, 'To Do', ['T3', 'T1']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T3', 'T1']);
  });

  it('UI-BOARD-2 a card moves with the keyboard: Space, arrows, Space; Escape cancels', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);

    // Escape puts it back and sends nothing.
    await card(adaPage, 'T1').focus();
    await adaPage.keyboard.press('Space');
    await adaPage.keyboard.press('ArrowRight');
    await adaPage.keyboard.press('Escape');
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);

    // T1: one column right, one position down (below P1), drop.
    await card(adaPage, 'T1').focus();
    await adaPage.keyboard.press('Space');
    expect(await adaPage.getByTestId('dnd-announcement').textContent()).toContain('Picked up');
    await adaPage.keyboard.press('ArrowRight');
    await adaPage.keyboard.press('ArrowDown');
    await adaPage.keyboard.press('Space');
    await expectColumn(adaPage, 'In Progress', ['P1', 'T1']);
    await expectColumn(bobPage, 'In Progress', ['P1', 'T1']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['P1', 'T1']);
    // Focus follows the card, so a second move needs no mouse: up one.
    await expect.poll(() => adaPage.evaluate(() => document.activeElement?.textContent ?? '')).toContain('T1');
    await adaPage.keyboard.press('Space');
    await adaPage.keyboard.press('ArrowUp');
    await adaPage.keyboard.press('Space');
    await expectColumn(bobPage, 'In Progress', ['T1', 'P1']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['T1', 'P1']);
  });

  it('UI-BOARD-3 quick-add puts a card at the top of the column for both people', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}`, { colorScheme: 'dark' }), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);

    await column(adaPage, 'To Do').getByTestId('quick-add').click();
    await adaPage.getByTestId('quick-add-input').fill('Q1 Ship the board');
    await adaPage.keyboard.press('Enter');
    await expectColumn(adaPage, 'To Do', ['Q1', 'T1', 'T2', 'T3']);
    await expectColumn(bobPage, 'To Do', ['Q1', 'T1', 'T2', 'T3']);
    expect(await serverColumn(s, 'To Do')).toEqual(['Q1', 'T1', 'T2', 'T3']);
    // The reply gave it its key.
    await expect.poll(() => card(adaPage, 'Q1').getByTestId('card-key').textContent()).toMatch(new RegExp(`^${s.key}-\\d+$`));

    // Into an empty column too.
    await column(bobPage, 'Done').getByTestId('quick-add').click();
    await bobPage.getByTestId('quick-add-input').fill('D1 Already done');
    await bobPage.keyboard.press('Enter');
    await expectColumn(adaPage, 'Done', ['D1']);
    await adaPage.keyboard.press('Escape');
    await saveScreenshot(adaPage, 'board-dark');
  });

  it('UI-BOARD-4 a viewer sees no quick-add and cannot drag or pick up a card', async () => {
    const s = await seedProject();
    const [vicPage, adaPage] = await Promise.all([pageFor(world.vic, `/p/${s.key}`), pageFor(world.ada, `/p/${s.key}`)]);
    await Promise.all([boardReady(vicPage), boardReady(adaPage)]);
    await vicPage.getByTestId('read-only').waitFor();
    expect(await vicPage.getByTestId('quick-add').count()).toBe(0);
    expect(await adaPage.getByTestId('quick-add').count()).toBe(5);
    expect(await card(vicPage, 'T1').getAttribute('draggable')).toBe('false');

    const target = column(vicPage, 'Done').locator('.column__cards');
    await card(vicPage, 'T1').dragTo(target);
    await card(vicPage, 'T2').focus();
    await vicPage.keyboard.press('Space');
    await vicPage.keyboard.press('ArrowRight');
    await vicPage.keyboard.press('Space');

    // Ada's change still reaches the viewer, so the page is live; nothing of Vic's did.
    await world.adaSocket.ok({ moveWorkItem: { workItemId: s.items['T3']!.id!, expectedVersion: s.items['T3']!.version!, statusId: s.status['In Review']!, afterId: '', beforeId: '' } });
    await expectColumn(vicPage, 'In Review', ['T3']);
    await expectColumn(vicPage, 'To Do', ['T1', 'T2']);
    expect(await titlesIn(vicPage, 'Done')).toEqual([]);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2']);
  });
});
