// The board's filter bar, swimlanes by epic, windowed columns and tablet
// layout, through the real built client in Debian's Chromium against a real
// server on port 0. Seed data goes over a TestClient socket; what is under
// test is what the person sees and what the server ends up holding.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType, Priority, Role } from '../../shared/proto.ts';
import { signup } from '../../server/test/support/accounts.ts';
import { startTestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { asEditors, boardReady, card, column, createManyCards, letters, seedProject, signedInContext, titlesIn } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

/**
 * Two epics and four cards under them or not, over three columns:
 *   E1 epic, Backlog          T1 story under E1, To Do, Ada, frontend, sprint
 *   E2 epic, Backlog          T2 bug under E2, To Do, Bob, backend
 *   T3 task, In Progress, nobody, docs, sprint     S1 sub-task of T1, In Progress, Ada
 */
async function seedBoard() {
  const { adaSocket, ada, bob } = world;
  const s = await seedProject(adaSocket, {
    prefix: 'F',
    members: asEditors([bob]),
    items: [
      { title: 'E1 Checkout', itemType: ItemType.ITEM_TYPE_EPIC, status: 'Backlog' },
      { title: 'E2 Search', itemType: ItemType.ITEM_TYPE_EPIC, status: 'Backlog' },
    ],
  });
  const sprint = (await adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint Alpha', goal: '', startDate: '', endDate: '' } })).sprint!;
  const create = async (title: string, status: string, fields: Record<string, unknown>) => {
    const r = await adaSocket.ok({
      createWorkItem: { projectId: s.projectId, statusId: s.status[status]!, title, itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_MEDIUM, ...fields },
    });
    s.items[title.slice(0, 2)] = r.workItem!;
  };
  await create('T1 Pay with a card', 'To Do', { itemType: ItemType.ITEM_TYPE_STORY, parentId: s.items['E1']!.id, assigneeId: ada.user.id, labels: ['frontend'], sprintId: sprint.id });
  await create('T2 Fix the flaky socket', 'To Do', { itemType: ItemType.ITEM_TYPE_BUG, parentId: s.items['E2']!.id, assigneeId: bob.user.id, labels: ['backend'] });
  await create('T3 Write the release notes', 'In Progress', { labels: ['docs'], sprintId: sprint.id });
  await create('S1 Card form fields', 'In Progress', { itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: s.items['T1']!.id, assigneeId: ada.user.id });
  return { ...s, sprintId: sprint.id! };
}

/** Every card on the page, by title prefix, sorted. */
const shownCards = (page: Page) =>
  page.locator('[data-testid="card-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)).sort());
const expectShown = (page: Page, expected: string[]) => expect.poll(() => shownCards(page), { timeout: 10_000 }).toEqual([...expected].sort());
const query = (page: Page) => new URL(page.url()).searchParams;

/** Ticks (or unticks) one value of a facet's menu, then closes the menu. */
async function pick(page: Page, facet: string, value: string) {
  await page.getByTestId(`filter-${facet}`).click();
  await page.getByTestId(`filter-${facet}-options`).locator(`[data-value="${value}"]`).click();
  await page.keyboard.press('Escape');
}

/** Whether `target` stays put across two animation frames (a windowed list re-lays itself out as it measures). */
async function settledTop(page: Page, target: Locator): Promise<boolean> {
  const before = await target.boundingBox();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const after = await target.boundingBox();
  return !!before && before.y === after?.y;
}

async function serverItem(projectId: string, id: string) {
  const board = (await world.adaSocket.ok({ getBoard: { projectId } })).board!;
  return board.workItems!.find((w) => w.id === id)!;
}

describe('board filters', () => {
  it('UI-FILTER-1 text, assignee, type, label and sprint show exactly the matching cards; the URL keeps the filter across a reload', async () => {
    const s = await seedBoard();
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    const all = ['E1', 'E2', 'T1', 'T2', 'T3', 'S1'];
    await expectShown(page, all);
    expect(await page.getByTestId('filter-count').textContent()).toBe('6 cards');
    expect(await page.getByTestId('filter-clear').count()).toBe(0);

    // Text: the title, ignoring case; then a key.
    await page.getByTestId('filter-text').fill('SOCKET');
    await expectShown(page, ['T2']);
    expect(await page.getByTestId('filter-count').textContent()).toBe('1 of 6 cards');
    expect(query(page).get('q')).toBe('SOCKET');
    await page.getByTestId('filter-text').fill(s.items['T3']!.key!.toLowerCase());
    await expectShown(page, ['T3']);
    await page.getByTestId('filter-text').fill('');
    await expectShown(page, all);

    // Assignee: me, then also the unassigned (an OR within the facet).
    await pick(page, 'assignee', 'me');
    await expectShown(page, ['T1', 'S1']);
    await pick(page, 'assignee', 'none');
    await expectShown(page, ['E1', 'E2', 'T1', 'T3', 'S1']);
    expect(query(page).getAll('assignee')).toEqual(['me', 'none']);
    await page.getByTestId('filter-clear').click();
    await expectShown(page, all);

    // Type, label, sprint, each on its own.
    await pick(page, 'type', 'bug');
    await pick(page, 'type', 'epic');
    await expectShown(page, ['E1', 'E2', 'T2']);
    await page.getByTestId('filter-clear').click();
    await pick(page, 'label', 'docs');
    await expectShown(page, ['T3']);
    await page.getByTestId('filter-clear').click();
    await pick(page, 'sprint', 'none');
    await expectShown(page, ['E1', 'E2', 'T2', 'S1']);
    await pick(page, 'sprint', 'none');
    await pick(page, 'sprint', s.sprintId);
    await expectShown(page, ['T1', 'T3']);

    // Facets combine with AND: sprint Alpha and assigned to me.
    await pick(page, 'assignee', 'me');
    await expectShown(page, ['T1']);
    expect(await page.getByTestId('filter-count').textContent()).toBe('1 of 6 cards');
    expect(await column(page, 'To Do').getByTestId('column-count').textContent()).toBe('1');
    expect(query(page).get('sprint')).toBe(s.sprintId);
    expect(query(page).get('assignee')).toBe('me');

    // A reload, or the link sent to someone, shows the same board.
    await page.reload();
    await boardReady(page);
    await expectShown(page, ['T1']);
    expect(await page.getByTestId('filter-count').textContent()).toBe('1 of 6 cards');
    expect(await page.getByRole('button', { name: /^Assignee\s*Me\s*, 1 selected$/ }).count()).toBe(1);
    // Opening a card and closing its panel comes back to the same filtered board.
    await page.locator('[data-testid="card"]', { hasText: 'T1 Pay' }).click();
    await page.waitForURL((url) => url.pathname.includes('/item/'));
    expect(query(page).get('sprint')).toBe(s.sprintId);
    await page.getByTestId('item-close').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/p/${s.key}`);
    await expect.poll(() => query(page).get('assignee')).toBe('me');
    await expectShown(page, ['T1']);
    // "Me" is whoever opens the link: Bob sees his own cards in sprint Alpha, which are none.
    const bobPage = await world.pageFor(world.bob, new URL(page.url()).pathname + new URL(page.url()).search);
    await boardReady(bobPage);
    await expectShown(bobPage, []);
    expect(await bobPage.getByTestId('filter-count').textContent()).toBe('0 of 6 cards');

    // Clearing brings every card back and empties the query string.
    await page.getByTestId('filter-clear').click();
    await expectShown(page, all);
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });
});

describe('quick-add under a filter', () => {
  it('UI-FILTER-2 a card added that the filter hides is saved, and a toast says why it does not show; one the filter matches shows', async () => {
    const s = await seedBoard();
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await pick(page, 'type', 'bug');
    await expectShown(page, ['T2']);

    // The form stays open after an add, ready for the next one.
    const add = async (title: string) => {
      if ((await page.getByTestId('quick-add-input').count()) === 0) await column(page, 'To Do').getByTestId('quick-add').click();
      await page.getByTestId('quick-add-input').fill(title);
      await page.getByTestId('quick-add-input').press('Enter');
    };
    await add('H1 Hidden by the bug filter');
    await expect.poll(() => page.locator('.toast__text').allTextContents()).toEqual(['Added “H1 Hidden by the bug filter”. The current filter hides it.']);
    await expectShown(page, ['T2']);
    await expect
      .poll(async () => (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.some((w) => w.title === 'H1 Hidden by the bug filter'))
      .toBe(true);

    await page.getByTestId('filter-clear').click();
    await page.getByTestId('filter-text').fill('Visible');
    await add('V1 Visible through the text filter');
    await expectShown(page, ['V1']);
    expect(await page.getByTestId('toast').count()).toBe(1);
  });
});

describe('swimlanes', () => {
  it('UI-LANES-1 grouped by epic, cards sit in their epic\'s lane; a drag or a keyboard move in a lane changes the status; a lane collapses', async () => {
    const s = await seedBoard();
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await page.getByTestId('group-by').selectOption('epic');
    await expect.poll(() => query(page).get('group')).toBe('epic');

    const lane = (key: string) => page.locator(`[data-testid="lane"][data-lane-key="${key}"]`);
    const cell = (key: string, status: string) => lane(key).locator(`[data-testid="column"][data-status-name="${status}"]`);
    const cellTitles = (key: string, status: string) =>
      cell(key, status)
        .locator('[data-testid="card-title"]')
        .evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
    const [e1, e2] = [s.items['E1']!.key!, s.items['E2']!.key!];

    await expect.poll(() => page.locator('[data-testid="lane"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-lane-key')))).toEqual([e1, e2, 'none']);
    expect(await lane(e1).getByTestId('lane-count').textContent()).toBe('3');
    expect(await lane(e1).getByTestId('lane-toggle').textContent()).toContain('Checkout');
    expect(await cellTitles(e1, 'Backlog')).toEqual(['E1']);
    expect(await cellTitles(e1, 'To Do')).toEqual(['T1']);
    // A sub-task is in the lane of its parent's epic.
    expect(await cellTitles(e1, 'In Progress')).toEqual(['S1']);
    expect(await cellTitles(e2, 'To Do')).toEqual(['T2']);
    expect(await cellTitles('none', 'In Progress')).toEqual(['T3']);
    // The columns line up across lanes.
    const lefts = await page
      .locator('[data-testid="column"][data-status-name="In Review"]')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
    expect(lefts).toHaveLength(3);
    expect(new Set(lefts).size).toBe(1);

    // Drag T1 across columns inside its lane.
    const target = cell(e1, 'In Review').locator('.column__cards');
    const box = (await target.boundingBox())!;
    // By its title: S1's card names T1 as its parent.
    await card(page, 'T1').dragTo(target, { targetPosition: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => cellTitles(e1, 'In Review')).toEqual(['T1']);
    await expect.poll(async () => (await serverItem(s.projectId, s.items['T1']!.id!)).statusId).toBe(s.status['In Review']);

    // The keyboard moves S1 right, into In Review of the same lane, below T1.
    await page.locator('[data-testid="card"]', { hasText: 'S1 Card' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => cellTitles(e1, 'In Review')).toEqual(['T1', 'S1']);
    await expect.poll(async () => (await serverItem(s.projectId, s.items['S1']!.id!)).statusId).toBe(s.status['In Review']);

    // Filters still apply inside lanes; a lane with nothing left goes.
    await page.getByTestId('filter-text').fill('notes');
    await expect.poll(() => page.locator('[data-testid="lane"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-lane-key')))).toEqual(['none']);
    await page.getByTestId('filter-text').fill('');

    // A lane folds away and comes back.
    await lane(e2).getByTestId('lane-toggle').click();
    expect(await lane(e2).getByTestId('lane-toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await lane(e2).locator('[data-testid="card"]').count()).toBe(0);
    await lane(e2).getByTestId('lane-toggle').click();
    await expect.poll(() => cellTitles(e2, 'To Do')).toEqual(['T2']);
  });
});

describe('a board of 5,000 cards', () => {
  it('UI-VIRT-1 renders a window of each long column, scrolls to later cards, and drags and drops inside the window', async () => {
    // Its own server: 5,000 writes at once are far over the default rate limit.
    const srv = await startTestServer({ RATE_LIMIT_PER_SECOND: '1000000', RATE_LIMIT_BURST: '1000000' });
    const ada = await signup(srv.http, 'Ada Lovelace');
    const socket = await TestClient.connect(srv.ws, ada.token);
    // Tall enough that the last five cards show at once, so a drag between them needs no scroll.
    const context = await signedInContext(world.browser, srv.http, ada, { viewport: { width: 1280, height: 1000 } });
    try {
      const key = `V${letters()}`;
      const project = (await socket.ok({ createProject: { key, name: 'Big board', description: '' } })).project!;
      const status = Object.fromEntries(project.statuses!.map((st) => [st.name!, st.id!]));
      const N = 5000;
      const title = (i: number) => `C${String(i).padStart(4, '0')} card number ${i}`;
      // Each lands at the bottom of To Do, in order.
      await createManyCards(socket, project.id!, status['To Do']!, N, title);

      const page = await context.newPage();
      await page.goto(`/p/${key}`);
      await boardReady(page);
      const todo = column(page, 'To Do');
      await expect.poll(() => todo.getByTestId('column-count').textContent(), { timeout: 20_000 }).toBe('5,000');
      expect(await page.getByTestId('filter-count').textContent()).toBe('5,000 cards');
      const inDom = await page.locator('[data-testid="card"]').count();
      expect(inDom).toBeGreaterThan(3);
      expect(inDom).toBeLessThan(200);
      expect((await titlesIn(page, 'To Do')).slice(0, 3)).toEqual(['C0', 'C0', 'C0']);
      expect(await todo.locator('[data-testid="card-title"]').first().textContent()).toBe(title(1));

      // Scrolled to the bottom, the last cards render and the first ones leave the DOM.
      const cards = todo.getByTestId('column-cards');
      await cards.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await expect.poll(() => todo.locator('[data-testid="card-title"]').last().textContent()).toBe(title(N));
      expect(await page.locator('[data-testid="card-title"]', { hasText: title(1) }).count()).toBe(0);
      expect(await page.locator('[data-testid="card"]').count()).toBeLessThan(200);

      // A drop inside the window, thousands of cards down: C5000 above C4998 (both in view).
      const byTitle = (i: number) => todo.locator('[data-testid="card"]', { hasText: title(i) });
      // Cards measured as they render replace the estimate of their height: wait for the layout to settle first.
      await expect.poll(() => settledTop(page, byTitle(4998))).toBe(true);
      await byTitle(5000).dragTo(byTitle(4998), { targetPosition: { x: 20, y: 4 } });
      const order = async () => {
        const board = (await socket.ok({ getBoard: { projectId: project.id } })).board!;
        return board
          .workItems!.filter((w) => w.statusId === status['To Do'])
          .sort((a, b) => (a.rank! < b.rank! ? -1 : a.rank! > b.rank! ? 1 : a.id! < b.id! ? -1 : 1))
          .map((w) => w.title!.slice(0, 5));
      };
      await expect.poll(async () => (await order()).slice(-5), { timeout: 10_000 }).toEqual(['C4996', 'C4997', 'C5000', 'C4998', 'C4999']);

      // The keyboard carries C4999 ten places up, out of the rendered window and back: the column follows.
      await byTitle(4999).focus();
      await page.keyboard.press('Space');
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
      await expect.poll(() => page.getByTestId('dnd-announcement').textContent()).toBe('To Do, position 4990 of 5000');
      await page.keyboard.press('Space');
      await expect.poll(async () => (await order()).slice(4987, 4991), { timeout: 10_000 }).toEqual(['C4988', 'C4989', 'C4999', 'C4990']);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(title(4999));

      // Another person's edit to one card changes that card's text; no card element is made again.
      await page.locator('[data-testid="card"]').evaluateAll((els) => els.forEach((el) => el.setAttribute('data-seen', '')));
      const rendered = await page.locator('[data-testid="card"]').count();
      const c4990 = (await socket.ok({ getBoard: { projectId: project.id } })).board!.workItems!.find((w) => w.title === title(4990))!;
      await socket.ok({ updateWorkItem: { workItemId: c4990.id, expectedVersion: c4990.version, title: 'C4990 renamed by someone else' } });
      await todo.locator('[data-testid="card"]', { hasText: 'C4990 renamed' }).waitFor();
      expect(await page.locator('[data-testid="card"]').count()).toBe(rendered);
      expect(await page.locator('[data-testid="card"][data-seen]').count()).toBe(rendered);

      // The filter narrows 5,000 to one.
      await page.getByTestId('filter-text').fill('C4242');
      await expect.poll(() => titlesIn(page, 'To Do')).toEqual(['C4']);
      expect(await page.getByTestId('filter-count').textContent()).toBe('1 of 5,000 cards');
    } finally {
      socket.close();
      await context.close();
      await srv.stop();
    }
  }, 240_000);
});

describe('tablet', () => {
  it('UI-RESP-1 at 800 px wide the filter bar wraps and only the board scrolls sideways, not the page', async () => {
    const s = await seedBoard();
    const page = await world.pageFor(world.ada, `/p/${s.key}?group=epic`, { viewport: { width: 800, height: 1000 } });
    await boardReady(page);
    await page.getByTestId('filter-bar').waitFor();
    const layout = await page.evaluate(() => {
      const bar = document.querySelector<HTMLElement>('[data-testid="filter-bar"]')!;
      const scroller = document.querySelector<HTMLElement>('[data-testid="board-scroller"]')!;
      const rights = [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter((el) => !scroller.contains(el) || el === scroller)
        .map((el) => el.getBoundingClientRect().right);
      const tops = [...bar.children].map((el) => Math.round(el.getBoundingClientRect().top));
      return {
        pageWidth: document.documentElement.scrollWidth,
        bodyWidth: document.body.scrollWidth,
        viewport: window.innerWidth,
        widest: Math.max(...rights),
        barRows: new Set(tops).size,
        boardScrolls: scroller.scrollWidth > scroller.clientWidth,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.bodyWidth).toBeLessThanOrEqual(layout.viewport);
    expect(layout.widest).toBeLessThanOrEqual(layout.viewport);
    expect(layout.barRows).toBeGreaterThan(1);
    // Five columns do not fit 800 px: they scroll inside the board.
    expect(layout.boardScrolls).toBe(true);
    // A filter menu opened at the right edge stays on the page too.
    await page.getByTestId('filter-sprint').click();
    const panel = (await page.getByTestId('filter-sprint-options').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  });
});
