// Phone width (390x844, a touch screen) through the real built client in
// Debian's Chromium against a real server: a compact header, the board one
// column at a time with tabs to switch (a whole column of cards in view), and
// a backlog whose titles can be read. Nothing scrolls the page sideways.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asEditors, boardReady, column, seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const box = (l: Locator): Promise<Box> =>
  l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  });
const boxes = (l: Locator): Promise<Box[]> =>
  l.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  );
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
const tab = (page: Page, name: string) => page.locator(`[data-testid="column-tab"][data-status-name="${name}"]`);

/** The column is the one in view: the whole of it across the window, and every other column out of it. */
async function expectOnlyColumn(page: Page, name: string): Promise<void> {
  await expect.poll(() => tab(page, name).getAttribute('aria-selected')).toBe('true');
  await expect
    .poll(async () => {
      const all = await page.locator('[data-testid="column"]').evaluateAll((els) =>
        els.map((el) => ({ name: el.getAttribute('data-status-name'), left: Math.round(el.getBoundingClientRect().left), right: Math.round(el.getBoundingClientRect().right) })),
      );
      return all.filter((c) => c.right > 0 && c.left < 390).map((c) => ({ name: c.name, whole: c.left >= 0 && c.right <= 390 }));
    })
    .toEqual([{ name, whole: true }]);
}

/** Every card of the column shows whole, inside the window and inside the column's own scrolling area. */
async function expectWholeColumn(page: Page, name: string, cards: number): Promise<void> {
  const area = await box(column(page, name).getByTestId('column-cards'));
  const shown = await boxes(column(page, name).getByTestId('card'));
  expect(shown).toHaveLength(cards);
  for (const c of shown) {
    expect(c.left).toBeGreaterThanOrEqual(0);
    expect(c.right).toBeLessThanOrEqual(390);
    expect(c.top).toBeGreaterThanOrEqual(area.top);
    expect(c.bottom).toBeLessThanOrEqual(Math.min(area.bottom, 844));
  }
}

describe('phone', () => {
  it('PHONE-1 at 390x844 the header is compact and the board shows one whole column of cards at a time, switched with tabs', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'P',
      name: 'Phone',
      members: asEditors([world.bob]),
      items: [
        { title: 'T1 Sign-in page', storyPoints: 3, labels: ['frontend'], assigneeId: world.ada.user.id },
        { title: 'T2 Fix the flaky socket' },
        { title: 'T3 Write the release notes' },
        { title: 'T4 Set up the staging server' },
        { title: 'I1 Review the pricing page', status: 'In Progress' },
        { title: 'I2 Try the new checkout', status: 'In Progress' },
      ],
    });
    const page = await world.pageFor(world.ada, `/p/${s.key}`, PHONE);
    await boardReady(page);
    expect(await scrollsSideways(page)).toBe(false);
    // The header (top bar, title, tabs, filters) leaves most of the window to the cards: it took ~480 px.
    expect((await box(page.getByTestId('column-cards').first())).top).toBeLessThan(844 * 0.4);

    expect(await page.getByTestId('column-tab').allTextContents()).toEqual(['Backlog0', 'To Do4', 'In Progress2', 'In Review0', 'Done0']);
    await expectOnlyColumn(page, 'Backlog');
    await tab(page, 'To Do').click();
    await expectOnlyColumn(page, 'To Do');
    await expectWholeColumn(page, 'To Do', 4);
    await saveScreenshot(page, 'board-phone-light');

    // The tabs are tabs for the keyboard too: an arrow moves to the next column.
    await page.keyboard.press('ArrowRight');
    await expectOnlyColumn(page, 'In Progress');
    await expectWholeColumn(page, 'In Progress', 2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-status-name'))).toBe('In Progress');

    // The filters fold behind one button and unfold on demand.
    expect(await page.getByTestId('filter-text').isVisible()).toBe(false);
    await page.getByTestId('filter-fold').click();
    await page.getByTestId('filter-text').fill('I2');
    await expect.poll(() => column(page, 'In Progress').getByTestId('card').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
  });

  it('PHONE-2 at 390x844 the backlog shows each title whole, on its own line', async () => {
    const long = 'T1 Let people pay by card at checkout without leaving the page';
    const s = await seedProject(world.adaSocket, {
      prefix: 'Q',
      members: asEditors([world.bob]),
      items: [{ title: long, storyPoints: 3, assigneeId: world.ada.user.id }, { title: 'T2 Fix the flaky socket' }],
    });
    await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 1', goal: 'Take payments', startDate: '2030-01-06', endDate: '2030-01-17' } });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`, PHONE);
    await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    const rows = page.locator('[data-testid="backlog-item"]');
    await expect.poll(() => rows.count()).toBe(2);
    for (const row of await rows.all()) {
      const [rowBox, title] = await Promise.all([box(row), row.getByTestId('item-title')]);
      const shown = await title.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1, width: el.getBoundingClientRect().width }));
      expect(shown.cut).toBe(false);
      expect(shown.width).toBeGreaterThan((rowBox.right - rowBox.left) * 0.8);
    }
    expect(await rows.first().getByTestId('item-title').textContent()).toBe(long);
    await saveScreenshot(page, 'backlog-phone-light');
  });
});
