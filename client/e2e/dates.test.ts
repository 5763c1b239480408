// Item dates through the real built client in Debian's Chromium, against a
// real server: a due date set in the item panel shows on the card (in a
// second window too), marked overdue while past and not done; start and due
// dates cleared; the board's "Due this week" filter, in the URL and combined
// with the others. Days are the machine's calendar, which the browser shares.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType, type IWorkItem } from '../../shared/proto.ts';
import { asEditors, boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

/** Today plus `offset` days, as `YYYY-MM-DD` on this machine's calendar. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/** The card's due date and its mark, or null when it shows none. */
const dueOn = async (page: Page, prefix: string) => {
  const due = card(page, prefix).getByTestId('card-due');
  return (await due.count()) ? [await due.getAttribute('data-due'), await due.getAttribute('data-state')] : null;
};

const serverItem = async (s: Seeded, prefix: string) =>
  (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.find((w) => w.id === s.items[prefix]!.id)!;

const shownCards = (page: Page) =>
  page.locator('[data-testid="card-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)).sort());

describe('item dates', () => {
  it('UI-DUE-1 a due date set in the panel shows on the card in both windows, overdue while past and not done; dates clear', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'D', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, itemPath(s, 'T1')), world.pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([panelReady(adaPage, t1), boardReady(bobPage)]);
    expect(await dueOn(adaPage, 'T1')).toBeNull();

    const past = day(-3);
    await adaPage.getByTestId('item-due-date-input').fill(past);
    await adaPage.getByTestId('item-due-date-input').press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T1')).dueDate).toBe(past);
    await expect.poll(() => dueOn(adaPage, 'T1')).toEqual([past, 'overdue']);
    await expect.poll(() => dueOn(bobPage, 'T1'), { timeout: 10_000 }).toEqual([past, 'overdue']);
    expect(await card(bobPage, 'T1').getByTestId('card-due').textContent()).toMatch(/^Overdue /);

    // Done work is not overdue.
    await adaPage.getByTestId('item-status-select').selectOption({ label: 'Done' });
    await expect.poll(() => dueOn(bobPage, 'T1'), { timeout: 10_000 }).toEqual([past, 'later']);

    // A start date, then both cleared: one with Clear, one by emptying the input.
    await adaPage.getByTestId('item-start-date-input').fill(day(-10));
    await adaPage.getByTestId('item-start-date-input').press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T1')).startDate).toBe(day(-10));
    await adaPage.getByTestId('item-start-date-clear').click();
    await expect.poll(async () => (await serverItem(s, 'T1')).startDate).toBe('');
    await adaPage.getByTestId('item-due-date-input').fill('');
    await adaPage.getByTestId('item-due-date-input').press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T1')).dueDate).toBe('');
    await expect.poll(() => dueOn(bobPage, 'T1'), { timeout: 10_000 }).toBeNull();
  });

  it('UI-DUE-2 "Due this week" keeps the cards due this week, combines with the type filter, and lives in the URL', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'E',
      items: [
        { title: 'T1 Due today', dueDate: day(0) },
        { title: 'T2 Due in two weeks', dueDate: day(14) },
        { title: 'T3 No date' },
        { title: 'B1 A bug due today', dueDate: day(0), itemType: ItemType.ITEM_TYPE_BUG },
      ],
    });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await expect.poll(() => shownCards(page)).toEqual(['B1', 'T1', 'T2', 'T3']);
    expect(await dueOn(page, 'T1')).toEqual([day(0), 'soon']);

    await page.getByTestId('filter-due-week').click();
    await expect.poll(() => shownCards(page)).toEqual(['B1', 'T1']);
    expect(new URL(page.url()).searchParams.get('due')).toBe('week');
    expect(await page.getByTestId('filter-due-week').getAttribute('aria-pressed')).toBe('true');

    await page.getByTestId('filter-type').click();
    await page.getByTestId('filter-type-options').getByText('Bug', { exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => shownCards(page)).toEqual(['B1']);

    // A reload (or a shared link) keeps both.
    await page.reload();
    await boardReady(page);
    await expect.poll(() => shownCards(page)).toEqual(['B1']);
    await page.getByTestId('filter-clear').click();
    await expect.poll(() => shownCards(page)).toEqual(['B1', 'T1', 'T2', 'T3']);
    expect(new URL(page.url()).searchParams.has('due')).toBe(false);
  });
});
