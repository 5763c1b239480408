// Tablet width (768 px, the narrowest the app is laid out for) through the
// real built client: the backlog, the work item panel and the members page
// fit the window (nothing scrolls sideways, nothing is cut off) and their
// controls stay usable.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
const TABLET = { viewport: { width: 768, height: 1024 } };

/** Elements wider than the window or reaching past its right edge, by a short description. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const el of document.querySelectorAll<HTMLElement>('main *, [data-testid="item-panel"] *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // The board behind the item panel scrolls sideways on purpose (and is laid out by its own page).
      if (el.closest('[data-testid="board"], .visually-hidden')) continue;
      // Past the window, or past a box that clips or scrolls it: cut off either way.
      let limit = width;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') limit = Math.min(limit, up.getBoundingClientRect().right);
      }
      if (box.right > limit + 1) out.push(`${el.tagName.toLowerCase()}.${el.className || ''}[${el.dataset['testid'] ?? ''}] right=${Math.round(box.right)}`);
    }
    return out.slice(0, 10);
  });
}

describe('tablet', () => {
  it('UI-TABLET-1 backlog, item panel and members fit a 768 px window', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'W',
      name: 'Tablet',
      members: [
        [world.bob, Role.ROLE_EDITOR],
        [world.vic, Role.ROLE_VIEWER],
      ],
      items: [
        { title: 'T1 A card with a rather long title that has to wrap somewhere on a narrow screen', storyPoints: 5, labels: ['frontend', 'auth'] },
        { title: 'T2 Fix the flaky socket', storyPoints: 2 },
      ],
    });
    await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint with a long name for a tablet', goal: 'Ship sign-in, SSO and the release notes before the conference', startDate: '2030-01-06', endDate: '2030-01-17' } });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`, TABLET);

    await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="sprint"]').waitFor();
    await page.getByTestId('edit-sprint').click();
    await page.getByTestId('edit-sprint-form').waitFor();
    expect(await overflowing(page)).toEqual([]);
    // A long sprint name in the move menu must not take the row from the item's title.
    const row = page.locator('[data-testid="backlog-item"]').first();
    const [rowBox, titleBox, menuBox] = await Promise.all([row.boundingBox(), row.getByTestId('item-title').boundingBox(), row.getByTestId('move-to').boundingBox()]);
    expect(menuBox!.width).toBeLessThanOrEqual(170);
    expect(titleBox!.width).toBeGreaterThan(rowBox!.width / 2);
    await saveScreenshot(page, 'backlog-tablet-light');

    await page.goto(`/p/${s.key}/item/${Number(s.items['T1']!.number)}`);
    await page.getByTestId('item-panel').waitFor();
    expect(await overflowing(page)).toEqual([]);
    // "Assign to me" stays one line beside the assignee menu.
    const claim = await page.getByTestId('item-claim').boundingBox();
    expect(claim!.height).toBeLessThan(24);
    await saveScreenshot(page, 'item-panel-tablet-light');

    await page.goto(`/p/${s.key}/members`);
    await page.locator('[data-testid="members"][data-state="ready"]').waitFor();
    expect(await overflowing(page)).toEqual([]);
    // The two forms side by side: each starts at its top, whatever the other's height.
    for (const form of ['add-member-form', 'invite-form']) {
      const [panel, title] = await Promise.all([page.getByTestId(form).boundingBox(), page.getByTestId(form).locator('h2').boundingBox()]);
      expect(title!.y - panel!.y).toBeLessThan(32);
    }
    await saveScreenshot(page, 'members-tablet-light');
  });
});
