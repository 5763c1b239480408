// Time tracking through the real built client in Debian's Chromium, against a
// real server: an estimate typed in the item panel and work logged there,
// seen on the card and in the panel of a second window; a timer that is the
// server's, so a reload and another device find it running, and stopping it
// logs the time; the Timesheet with the logged time on its day. Days are the
// machine's calendar, which the browser shares.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IWorkItem } from '../../shared/proto.ts';
import { asEditors, boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

const serverItem = async (item: IWorkItem) => (await world.adaSocket.ok({ getWorkItem: { workItemId: item.id } })).workItem!;
const serverLogs = async (item: IWorkItem) => (await world.adaSocket.ok({ getWorkLogs: { workItemId: item.id } })).workLogs!.workLogs ?? [];

/** The panel's work logs as "duration note", latest start first, once none is pending. */
const logsIn = (page: Page) =>
  page.getByTestId('work-log').evaluateAll((els) =>
    els.map((el) => `${el.querySelector('[data-testid="work-log-duration"]')?.textContent ?? ''}${el.getAttribute('data-pending') ? ' (pending)' : ''}`),
  );

const cardTime = async (page: Page, prefix: string) => {
  const time = card(page, prefix).getByTestId('card-time');
  return (await time.count()) ? time.textContent() : null;
};

const pad = (n: number) => String(n).padStart(2, '0');
/** A moment's calendar day on this machine, `YYYY-MM-DD`. */
const dayOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

async function logWork(page: Page, duration: string): Promise<void> {
  await page.getByTestId('log-work').click();
  await page.getByTestId('log-work-duration').fill(duration);
  await page.getByTestId('log-work-note').fill('Paired on it');
  await page.getByTestId('log-work-save').click();
}

describe('time tracking', () => {
  it('UI-TIME-1 an estimate typed in the panel and 1h 30m logged there: the card in a second window shows it, the remaining estimate went down, the log arrives live and its author edits it', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'H', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, itemPath(s, 'T1')), world.pageFor(world.bob, itemPath(s, 'T1'))]);
    await Promise.all([panelReady(adaPage, t1), panelReady(bobPage, t1)]);
    expect(await cardTime(bobPage, 'T1')).toBeNull();

    await adaPage.getByTestId('item-original-estimate-input').fill('4h');
    await adaPage.getByTestId('item-original-estimate-input').press('Enter');
    // An item with no remaining estimate gets the original as what remains.
    await expect.poll(async () => [(await serverItem(t1)).originalEstimateMinutes, (await serverItem(t1)).remainingEstimateMinutes]).toEqual([240, 240]);
    await expect.poll(() => cardTime(bobPage, 'T1'), { timeout: 10_000 }).toBe('0m / 4h');

    await logWork(adaPage, '1h 30m');
    await expect.poll(() => logsIn(adaPage)).toEqual(['1h 30m']);
    await expect.poll(async () => [(await serverItem(t1)).loggedMinutes, (await serverItem(t1)).remainingEstimateMinutes]).toEqual([90, 150]);
    expect(await serverLogs(t1)).toMatchObject([{ minutes: 90, note: 'Paired on it', userId: world.ada.user.id }]);
    await expect.poll(() => adaPage.getByTestId('item-remaining-estimate-input').inputValue()).toBe('2h 30m');
    await expect.poll(() => adaPage.getByTestId('item-logged').textContent()).toBe('1h 30m');

    // Bob's window: the card, the remaining estimate and the log, without a reload.
    await expect.poll(() => cardTime(bobPage, 'T1'), { timeout: 10_000 }).toBe('1h 30m / 4h');
    await expect.poll(() => bobPage.getByTestId('item-remaining-estimate-input').inputValue(), { timeout: 10_000 }).toBe('2h 30m');
    await expect.poll(() => logsIn(bobPage), { timeout: 10_000 }).toEqual(['1h 30m']);
    expect(await bobPage.getByTestId('work-log-note').textContent()).toBe('Paired on it');
    // Only who logged it (or an admin) changes a log.
    expect(await bobPage.getByTestId('work-log-edit').count()).toBe(0);
    await saveScreenshot(adaPage, 'item-time-light');

    await adaPage.getByTestId('work-log-edit').click();
    await adaPage.getByTestId('work-log-edit-duration').fill('2h');
    await adaPage.getByTestId('work-log-edit-save').click();
    await expect.poll(() => logsIn(bobPage), { timeout: 10_000 }).toEqual(['2h']);
    await expect.poll(() => cardTime(bobPage, 'T1'), { timeout: 10_000 }).toBe('2h / 4h');
    // An edit moves the total, not what remains.
    expect(await serverItem(t1)).toMatchObject({ loggedMinutes: 120, remainingEstimateMinutes: 150 });
  });

  it('UI-TIME-2 the timer is the server\'s: started, it runs on after a reload and shows on another device; stopping it logs the time', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'J' });
    const t2 = s.items['T2']!;
    const page = await world.pageFor(world.ada, itemPath(s, 'T2'));
    await panelReady(page, t2);
    await page.getByTestId('timer-start').click();
    await page.getByTestId('timer-stop').waitFor();
    await expect.poll(async () => (await world.adaSocket.ok({ getTimer: {} })).timer?.workItemId).toBe(t2.id);

    await page.reload();
    await panelReady(page, t2);
    await page.getByTestId('timer-stop').waitFor();
    expect(await page.getByTestId('timer-clock').textContent()).toMatch(/^\d+:\d{2}$/);

    // Another device of Ada's opens the item: the same timer.
    const other = await world.pageFor(world.ada, itemPath(s, 'T2'));
    await panelReady(other, t2);
    await other.getByTestId('timer-stop').waitFor();

    await page.getByTestId('timer-stop').click();
    await page.getByTestId('timer-start').waitFor();
    await expect.poll(() => logsIn(page)).toEqual(['1m']);
    expect(await serverLogs(t2)).toMatchObject([{ minutes: 1, userId: world.ada.user.id }]);
    expect((await world.adaSocket.ok({ getTimer: {} })).timer?.workItemId ?? '').toBe('');
    await expect.poll(() => page.getByTestId('item-logged').textContent()).toBe('1m');
  });

  it('UI-TIME-3 the Timesheet lists the week\'s logged time by day and item, moves between weeks, opens an item, and counts days in the hours set on this device', async () => {
    // Bob's week: nothing else in this file logs time as him.
    const s = await seedProject(world.adaSocket, { prefix: 'K', members: asEditors([world.bob]) });
    const [t1, t3] = [s.items['T1']!, s.items['T3']!];
    const now = new Date();
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 0, 5).getTime();
    const weekAgo = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7, 0, 5).getTime();
    await world.bobSocket.ok({ logWork: { workItemId: t3.id, startedAt: today, minutes: 300, note: '' } });
    await world.bobSocket.ok({ logWork: { workItemId: t1.id, startedAt: weekAgo, minutes: 45, note: '' } });

    const page = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(page);
    await page.getByTestId('timesheet-link').click();
    await page.locator('[data-testid="timesheet"][data-state="ready"]').waitFor();
    const row = (key: string) => page.locator(`[data-testid="timesheet-row"][data-key="${key}"]`);
    const cell = (key: string, ms: number) => row(key).locator(`[data-testid="timesheet-cell"][data-date="${dayOf(ms)}"]`);
    await expect.poll(() => cell(t3.key!, today).textContent()).toBe('5h');
    expect(await page.locator(`[data-testid="timesheet-day-total"][data-date="${dayOf(today)}"]`).textContent()).toBe('5h');
    expect(await row(t1.key!).count()).toBe(0);
    await saveScreenshot(page, 'timesheet-light');

    // "1d" is this device's: 4-hour days make the same time 1d 1h, kept over a reload.
    await page.getByTestId('hours-per-day').fill('4');
    await page.getByTestId('hours-per-day').press('Tab');
    await expect.poll(() => cell(t3.key!, today).textContent()).toBe('1d 1h');
    await page.reload();
    await page.locator('[data-testid="timesheet"][data-state="ready"]').waitFor();
    await expect.poll(() => cell(t3.key!, today).textContent()).toBe('1d 1h');

    await page.getByTestId('timesheet-previous').click();
    await expect.poll(() => cell(t1.key!, weekAgo).count()).toBe(1);
    expect(await cell(t1.key!, weekAgo).textContent()).toBe('45m');
    expect(await page.getByTestId('timesheet-total').textContent()).toBe('45m');
    await page.getByTestId('timesheet-next').click();
    await expect.poll(() => cell(t3.key!, today).count()).toBe(1);

    await row(t3.key!).getByTestId('timesheet-item').click();
    await panelReady(page, t3);
    expect(await page.getByTestId('item-logged').textContent()).toBe('1d 1h');
  });
});
