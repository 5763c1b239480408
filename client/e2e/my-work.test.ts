// My work through the real built client in Debian's Chromium against a real
// server on port 0: Bob's assigned items by status with their due dates,
// what he created and what he watches, each opening its item; kept live as
// another window (Ada's or Bob's own TestClient socket) changes them.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { asEditors, seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

/** A calendar date here, `days` from today. */
function dateFrom(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const group = (page: Page, status: string) => page.locator(`[data-testid="my-work-assigned"] [data-testid="my-work-group"][data-status="${status}"]`);
const keysIn = (page: Page, section: string) =>
  page.locator(`[data-testid="${section}"] [data-testid="my-work-item"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));

const myWorkReady = (page: Page) => page.locator('[data-testid="my-work"][data-state="ready"]').waitFor();

describe('my work', () => {
  it('UI-MYWORK-1 Bob\'s assigned items by status with due dates, his own and watched ones; a status changed in another window moves the item without a reload; a click opens it', async () => {
    const bob = world.bob.user.id;
    const s = await seedProject(world.adaSocket, {
      prefix: 'W',
      members: asEditors([world.bob]),
      items: [
        { title: 'T1 Sign-in page', assigneeId: bob, dueDate: dateFrom(-2) },
        { title: 'T2 Fix the flaky socket', assigneeId: bob, status: 'In Progress' },
        { title: 'T3 Write the release notes' },
      ],
    });
    const own = (await world.bobSocket.ok({ createWorkItem: { projectId: s.projectId, itemType: ItemType.ITEM_TYPE_BUG, title: 'B1 Bob\'s bug', statusId: s.status['To Do'] } })).workItem!;
    await world.bobSocket.ok({ watchWorkItem: { workItemId: s.items['T3']!.id } });
    const [t1, t2, t3] = [s.items['T1']!, s.items['T2']!, s.items['T3']!];

    const page = await world.pageFor(world.bob, '/');
    await page.getByTestId('my-work-link').click();
    await page.waitForURL((url) => url.pathname === '/my-work');
    await myWorkReady(page);
    expect(await page.locator('[data-testid="my-work-assigned"] [data-testid="my-work-group"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')))).toEqual([
      'In Progress',
      'To Do',
    ]);
    expect(await group(page, 'To Do').locator('[data-testid="my-work-item"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toEqual([t1.key]);
    const due = group(page, 'To Do').getByTestId('card-due');
    expect(await due.getAttribute('data-state')).toBe('overdue');
    expect(await due.textContent()).toContain('Overdue');
    expect(await keysIn(page, 'my-work-created')).toEqual([own.key]);
    expect(await keysIn(page, 'my-work-watching')).toEqual([t3.key]);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'my-work-light');

    // The page must not be loaded again: this mark would be gone.
    await page.evaluate(() => Object.assign(window, { myWorkMark: 1 }));
    await world.adaSocket.ok({ updateWorkItem: { workItemId: t1.id, expectedVersion: t1.version, statusId: s.status['In Progress'] } });
    await expect.poll(() => group(page, 'In Progress').locator('[data-testid="my-work-item"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key'))), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([t1.key, t2.key]));
    expect(await group(page, 'To Do').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { myWorkMark?: number }).myWorkMark)).toBe(1);

    // Assigned in a project the page did not follow yet: the assignment's notice brings it.
    const other = await seedProject(world.adaSocket, { prefix: 'V', members: asEditors([world.bob]), items: [] });
    await world.adaSocket.ok({ createWorkItem: { projectId: other.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'New for Bob', statusId: other.status['Backlog'], assigneeId: bob } });
    await group(page, 'Backlog').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { myWorkMark?: number }).myWorkMark)).toBe(1);

    await page.locator(`[data-testid="my-work-item"][data-key="${t1.key}"]`).click();
    await page.waitForURL((url) => url.pathname === `/p/${s.key}/item/${Number(t1.number)}`);
    await page.locator(`[data-testid="item-panel"][data-item-id="${t1.id}"]`).waitFor();
  });
});
