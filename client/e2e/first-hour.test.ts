// What a new team meets in its first hour, through the real built client in
// Debian's Chromium against a real server on port 0: the filter menus, the
// backlog's move menu after a sprint arrives live, drafts that survive a
// closed panel and a reload, done items and the item panel on the backlog,
// quick-add's type and typed order, and sub-tasks on the board. Seed data
// goes over TestClient sockets; the server's state is checked with get_board.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType } from '../../shared/proto.ts';
import { asEditors, boardReady, card, column, expectColumn, seedProject, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

async function serverItems(s: Seeded) {
  return (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!;
}
const serverItem = async (s: Seeded, prefix: string) => (await serverItems(s)).find((w) => w.title!.startsWith(`${prefix} `))!;

/** Every card on the page, by title prefix, sorted. */
const shownCards = (page: Page) =>
  page.locator('[data-testid="card-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)).sort());
const expectShown = (page: Page, expected: string[]) => expect.poll(() => shownCards(page), { timeout: 10_000 }).toEqual([...expected].sort());
const query = (page: Page) => new URL(page.url()).searchParams;

async function planningReady(page: Page): Promise<void> {
  await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}
const backlogTitles = (list: Locator) =>
  list.locator('[data-testid="item-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
const row = (page: Page, prefix: string) =>
  page.locator('[data-testid="backlog-item"]', { has: page.locator('[data-testid="item-title"]', { hasText: new RegExp(`^${prefix} `) }) });
const panelFor = (page: Page, s: Seeded, prefix: string) => page.locator(`[data-testid="item-panel"][data-item-id="${s.items[prefix]!.id}"]`);

describe('filter menus', () => {
  it('FIRST-1 clicking an option\'s text ticks it and keeps the menu open, as clicking its box does', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'A',
      members: asEditors([world.bob]),
      items: [
        { title: 'T1 Sign-in page', assigneeId: world.ada.user.id },
        { title: 'B1 The socket drops', itemType: ItemType.ITEM_TYPE_BUG },
        { title: 'B2 Mine and broken', itemType: ItemType.ITEM_TYPE_BUG, assigneeId: world.ada.user.id },
      ],
    });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await expectShown(page, ['T1', 'B1', 'B2']);

    await page.getByTestId('filter-type').click();
    const types = page.getByTestId('filter-type-options');
    await types.getByText('Bug', { exact: true }).click();
    await expectShown(page, ['B1', 'B2']);
    expect(query(page).getAll('type')).toEqual(['bug']);
    expect(await types.isVisible()).toBe(true);
    expect(await types.locator('[data-value="bug"]').isChecked()).toBe(true);
    // A second click on the text unticks it, still open.
    await types.getByText('Bug', { exact: true }).click();
    await expectShown(page, ['T1', 'B1', 'B2']);
    expect(await types.isVisible()).toBe(true);
    await types.getByText('Bug', { exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => types.count()).toBe(0);

    await page.getByTestId('filter-assignee').click();
    await page.getByTestId('filter-assignee-options').getByText('Me', { exact: true }).click();
    await expectShown(page, ['B2']);
    expect(query(page).get('assignee')).toBe('me');
    expect(await page.getByTestId('filter-assignee-options').isVisible()).toBe(true);
    // A click outside the menu still closes it.
    await page.getByTestId('page-title').click();
    await expect.poll(() => page.getByTestId('filter-assignee-options').count()).toBe(0);
  });
});

describe('backlog after a sprint is created live', () => {
  it('FIRST-2 each row\'s "Move to" still shows where the row is, and choosing the new sprint moves the item', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'B', members: asEditors([world.bob]) });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`);
    await planningReady(page);
    await expect.poll(() => backlogTitles(page.getByTestId('backlog'))).toEqual(['T1', 'T2', 'T3']);

    // Bob makes a sprint; it reaches Ada's page as an event.
    const sprint = (await world.bobSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint Live', goal: '', startDate: '', endDate: '' } })).sprint!;
    await page.locator(`[data-testid="sprint"][data-sprint-id="${sprint.id}"]`).waitFor();
    await expect.poll(() => row(page, 'T2').getByTestId('move-to').locator('option').count()).toBe(2);
    for (const prefix of ['T1', 'T2', 'T3']) expect(await row(page, prefix).getByTestId('move-to').inputValue(), prefix).toBe('');

    // An item event (Bob's rename) re-renders the rows: they still show the backlog.
    await world.bobSocket.ok({ updateWorkItem: { workItemId: s.items['T3']!.id!, expectedVersion: Number(s.items['T3']!.version), title: 'T3 Write the notes' } });
    await expect.poll(() => row(page, 'T3').getByTestId('item-title').textContent()).toBe('T3 Write the notes');
    for (const prefix of ['T1', 'T2', 'T3']) expect(await row(page, prefix).getByTestId('move-to').inputValue(), prefix).toBe('');

    // The keyboard picks the sprint as a person would: the option above the backlog.
    await row(page, 'T2').getByTestId('move-to').focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await serverItem(s, 'T2')).sprintId).toBe(sprint.id);
    await expect
      .poll(() => backlogTitles(page.locator(`[data-testid="sprint"][data-sprint-id="${sprint.id}"]`)))
      .toEqual(['T2']);
    expect(await row(page, 'T2').getByTestId('move-to').inputValue()).toBe(sprint.id);
    expect(await row(page, 'T1').getByTestId('move-to').inputValue()).toBe('');
  });
});

describe('drafts', () => {
  it('FIRST-3 a half-written description and comment outlive Escape, a click outside and a reload, marked unsaved, until saved or discarded', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'D', members: asEditors([world.bob]) });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    const panel = panelFor(page, s, 'T1');
    const open = async () => {
      await card(page, 'T1').click();
      await panel.waitFor();
    };

    // Description, then Escape until the panel closes.
    await open();
    await page.getByTestId('description-edit').click();
    await page.getByTestId('description-input').fill('Half-written: the **sign-in** needs');
    for (let i = 0; i < 3 && (await panel.count()) > 0; i++) await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await open();
    expect(await page.getByTestId('description-input').inputValue()).toBe('Half-written: the **sign-in** needs');
    await page.getByTestId('description-draft').waitFor();

    // A comment, then a click outside the panel.
    await page.getByTestId('comment-input').fill('Half a comment');
    await page.locator('.item-overlay__backdrop').click({ position: { x: 20, y: 300 } });
    await expect.poll(() => panel.count()).toBe(0);

    // Both outlive a reload; nothing reached the server.
    await page.reload();
    await boardReady(page);
    await open();
    expect(await page.getByTestId('description-input').inputValue()).toBe('Half-written: the **sign-in** needs');
    expect(await page.getByTestId('comment-input').inputValue()).toBe('Half a comment');
    await page.getByTestId('description-draft').waitFor();
    await page.getByTestId('comment-draft').waitFor();
    expect((await serverItem(s, 'T1')).description ?? '').toBe('');

    // Another item has drafts of its own: none.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await card(page, 'T2').click();
    await panelFor(page, s, 'T2').waitFor();
    expect(await page.getByTestId('description-input').count()).toBe(0);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    expect(await page.getByTestId('comment-draft').count()).toBe(0);
    await page.getByTestId('item-close').click();

    // Discarded on purpose, the description draft goes; the comment, posted, goes too.
    await open();
    await page.getByTestId('description-discard').click();
    await page.getByTestId('description-empty').waitFor();
    expect(await page.getByTestId('description-draft').count()).toBe(0);
    await page.getByTestId('comment-submit').click();
    await expect.poll(() => page.locator('[data-testid="comment"]:not([data-pending]) [data-testid="comment-body"]').allTextContents()).toEqual(['Half a comment']);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    await page.reload();
    await panel.waitFor();
    await page.getByTestId('description-empty').waitFor();
    expect(await page.getByTestId('description-input').count()).toBe(0);
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');

    // A saved description leaves no draft behind.
    await page.getByTestId('description-edit').click();
    await page.getByTestId('description-input').fill('Done now');
    await page.getByTestId('description-save').click();
    await expect.poll(async () => (await serverItem(s, 'T1')).description).toBe('Done now');
    await page.reload();
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('description').textContent()).toBe('Done now');
    expect(await page.getByTestId('description-draft').count()).toBe(0);
  });
});

describe('backlog', () => {
  it('FIRST-4 done items leave the backlog unless "Show done" is on; clicking a row opens its item', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'K',
      members: asEditors([world.bob]),
      items: [{ title: 'T1 Sign-in page' }, { title: 'D1 Set up CI', status: 'Done' }, { title: 'T2 Fix the flaky socket' }],
    });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`);
    await planningReady(page);
    const backlog = page.getByTestId('backlog');
    await expect.poll(() => backlogTitles(backlog)).toEqual(['T1', 'T2']);

    await page.getByTestId('show-done').check();
    await expect.poll(() => backlogTitles(backlog)).toEqual(['T1', 'D1', 'T2']);
    // An item finished elsewhere leaves at once while done items are hidden.
    await page.getByTestId('show-done').uncheck();
    await expect.poll(() => backlogTitles(backlog)).toEqual(['T1', 'T2']);
    await world.bobSocket.ok({
      moveWorkItem: { workItemId: s.items['T1']!.id!, expectedVersion: Number(s.items['T1']!.version), statusId: s.status['Done']!, afterId: '', beforeId: '' },
    });
    await expect.poll(() => backlogTitles(backlog)).toEqual(['T2']);

    // A click on a row opens its item over the backlog, at ?item=<number> (a link to share); Escape closes it.
    const t2 = String(Number(s.items['T2']!.number));
    await row(page, 'T2').click({ position: { x: 12, y: 12 } });
    await panelFor(page, s, 'T2').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${s.key}/backlog`);
    expect(query(page).get('item')).toBe(t2);
    expect(await page.getByTestId('item-key').textContent()).toBe(s.items['T2']!.key);
    expect(await page.locator('[data-testid="planning"][data-state="ready"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => query(page).get('item')).toBeNull();
    expect(await page.getByTestId('item-panel').count()).toBe(0);

    // The title is a link there too, for the keyboard or a new tab; a reload keeps the panel and "Show done".
    await page.getByTestId('show-done').check();
    const title = row(page, 'T2').getByTestId('item-title');
    expect(await title.getAttribute('href')).toBe(`/p/${s.key}/backlog?done=show&item=${t2}`);
    await title.focus();
    await page.keyboard.press('Enter');
    await panelFor(page, s, 'T2').waitFor();
    await page.reload();
    await panelFor(page, s, 'T2').waitFor();
    await expect.poll(async () => (await backlogTitles(backlog)).sort()).toEqual(['D1', 'T1', 'T2']);
    await page.getByTestId('item-close').click();
    await expect.poll(() => query(page).get('item')).toBeNull();
    expect(query(page).get('done')).toBe('show');

    // The move menu is not a way in: it moves, and opens nothing.
    await row(page, 'T2').getByTestId('move-to').click();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('item-panel').count()).toBe(0);
  });
});

describe('quick-add', () => {
  it('FIRST-5 the type is chosen and remembered per column; a typed list keeps the order it was typed in', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'Q', members: asEditors([world.bob]) });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await column(page, 'To Do').getByTestId('quick-add').click();
    await page.getByTestId('quick-add-type').selectOption({ label: 'Bug' });
    const input = page.getByTestId('quick-add-input');
    for (const title of ['Q1 First bug', 'Q2 Second bug', 'Q3 Third bug']) {
      await input.fill(title);
      await input.press('Enter');
    }
    await expectColumn(page, 'To Do', ['Q1', 'Q2', 'Q3', 'T1', 'T2', 'T3']);
    const inOrder = async () =>
      (await serverItems(s))
        .filter((w) => w.statusId === s.status['To Do'])
        .sort((a, b) => (a.rank! < b.rank! ? -1 : 1))
        .map((w) => [w.title!.slice(0, 2), w.itemType]);
    await expect.poll(inOrder).toEqual([
      ['Q1', ItemType.ITEM_TYPE_BUG],
      ['Q2', ItemType.ITEM_TYPE_BUG],
      ['Q3', ItemType.ITEM_TYPE_BUG],
      ['T1', ItemType.ITEM_TYPE_TASK],
      ['T2', ItemType.ITEM_TYPE_TASK],
      ['T3', ItemType.ITEM_TYPE_TASK],
    ]);
    expect(await card(page, 'Q1').getByTestId('card-type').textContent()).toBe('Bug');

    // Closed and opened again, the next card goes on top once more.
    await input.press('Escape');
    await column(page, 'To Do').getByTestId('quick-add').click();
    await input.fill('Q4 On top');
    await input.press('Enter');
    await expectColumn(page, 'To Do', ['Q4', 'Q1', 'Q2', 'Q3', 'T1', 'T2', 'T3']);
    await input.press('Escape');

    // After a reload, To Do still offers a bug; another column its own default.
    await page.reload();
    await boardReady(page);
    await column(page, 'To Do').getByTestId('quick-add').click();
    expect(await page.getByTestId('quick-add-type').inputValue()).toBe(String(ItemType.ITEM_TYPE_BUG));
    await input.press('Escape');
    await column(page, 'In Progress').getByTestId('quick-add').click();
    expect(await page.getByTestId('quick-add-type').inputValue()).toBe(String(ItemType.ITEM_TYPE_TASK));
  });
});

describe('sub-tasks on the board', () => {
  it('FIRST-6 a sub-task\'s card names its parent; the board hides sub-tasks on request, and the URL keeps it', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'U',
      items: [{ title: 'P1 Checkout with a card and a very long title that cannot fit on one line of a card', itemType: ItemType.ITEM_TYPE_STORY }],
    });
    const parent = s.items['P1']!;
    const sub = await world.adaSocket.ok({
      createWorkItem: { projectId: s.projectId, statusId: s.status['In Progress']!, title: 'S1 Card form fields', itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: parent.id },
    });
    s.items['S1'] = sub.workItem!;
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await expectShown(page, ['P1', 'S1']);

    const link = card(page, 'S1').getByTestId('card-parent');
    expect(await link.textContent()).toBe(`↳ ${parent.key} ${parent.title}`);
    // One line, cut short with an ellipsis rather than wrapping.
    const style = await link.evaluate((el) => ({ wraps: getComputedStyle(el).whiteSpace, cut: el.scrollWidth > el.clientWidth }));
    expect(style).toEqual({ wraps: 'nowrap', cut: true });
    expect(await card(page, 'P1').getByTestId('card-parent').count()).toBe(0);
    // The parent's rename reaches the sub-task's card.
    await world.adaSocket.ok({ updateWorkItem: { workItemId: parent.id!, expectedVersion: Number(parent.version), title: 'P1 Checkout' } });
    await expect.poll(() => link.textContent()).toBe(`↳ ${parent.key} P1 Checkout`);

    await page.getByTestId('filter-subtasks').click();
    await expectShown(page, ['P1']);
    expect(query(page).get('subtasks')).toBe('hide');
    expect(await page.getByTestId('filter-subtasks').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('filter-count').textContent()).toBe('1 of 2 cards');
    await page.reload();
    await boardReady(page);
    await expectShown(page, ['P1']);
    await page.getByTestId('filter-clear').click();
    await expectShown(page, ['P1', 'S1']);
    expect(query(page).get('subtasks')).toBeNull();
  });
});
