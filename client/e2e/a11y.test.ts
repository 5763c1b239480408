// axe-core scans of the board, the item panel, the conflict dialog, the
// backlog and the complete-sprint dialog, in the light theme and the dark one,
// through the real built client in Debian's Chromium against a real server:
// no serious or critical violation (contrast, names, roles). Seed data and
// Bob's edits go over TestClient sockets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType, Priority } from '../../shared/proto.ts';
import { asEditors, boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { seriousViolations } from './support/axe.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Every kind of card: each type, a sub-task under its story, labels, points, an assignee, priorities; a sprint running and one planned. */
async function seedVaried(prefix: string): Promise<Seeded> {
  const s = await seedProject(world.adaSocket, {
    prefix,
    members: asEditors([world.bob]),
    items: [
      { title: 'E1 Checkout', itemType: ItemType.ITEM_TYPE_EPIC },
      { title: 'S1 Pay by card', itemType: ItemType.ITEM_TYPE_STORY, storyPoints: 5, labels: ['frontend'], assigneeId: world.ada.user.id, priority: Priority.PRIORITY_HIGH },
      { title: 'B1 The socket drops', itemType: ItemType.ITEM_TYPE_BUG, priority: Priority.PRIORITY_URGENT, status: 'In Progress' },
      { title: 'T1 Write the release notes', priority: Priority.PRIORITY_LOW, labels: ['docs'], status: 'Done' },
    ],
  });
  const sub = await world.adaSocket.ok({
    createWorkItem: { projectId: s.projectId, statusId: s.status['To Do']!, title: 'U1 Card form', itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: s.items['S1']!.id },
  });
  s.items['U1'] = sub.workItem!;
  const sprint = (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 1', goal: 'Take payments', startDate: '2030-01-06', endDate: '2030-01-17' } })).sprint!;
  await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 2', goal: '', startDate: '', endDate: '' } });
  const s1 = s.items['S1']!;
  await world.adaSocket.ok({ updateWorkItem: { workItemId: s1.id!, expectedVersion: Number(s1.version), sprintId: sprint.id! } });
  s.items['S1'] = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.find((w) => w.id === s1.id)!;
  await world.adaSocket.ok({ startSprint: { sprintId: sprint.id! } });
  return s;
}

async function pageIn(theme: Theme, path: string): Promise<Page> {
  const page = await world.pageFor(world.ada, path, { colorScheme: theme });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
  return page;
}

const scan = async (page: Page, what: string, selector?: string) => expect(await seriousViolations(page, selector), what).toEqual([]);

describe('accessibility', () => {
  it('A11Y-1 the board and the item panel, in both themes, have no serious or critical axe violations', async () => {
    const s = await seedVaried('X');
    for (const theme of THEMES) {
      const page = await pageIn(theme, `/p/${s.key}`);
      await boardReady(page);
      // The board opens on the running sprint; every card, to scan them all.
      await page.getByTestId('scope-all').click();
      await card(page, 'U1').waitFor();
      await scan(page, `board, ${theme}`);

      await card(page, 'S1').click();
      await page.locator(`[data-testid="item-panel"][data-item-id="${s.items['S1']!.id}"]`).waitFor();
      await page.getByTestId('comment-input').fill('Looks right');
      await page.getByTestId('comment-submit').click();
      await page.locator(`[data-testid="comment"]:not([data-pending])`).last().waitFor();
      await scan(page, `item panel, ${theme}`, 'dialog');
    }
  });

  it('A11Y-2 the conflict dialog and the bar of a conflict put off, in both themes, have no serious or critical axe violations', async () => {
    const s = await seedVaried('Y');
    let version = Number(s.items['S1']!.version);
    for (const theme of THEMES) {
      const page = await pageIn(theme, `/p/${s.key}/item/${Number(s.items['S1']!.number)}`);
      await page.getByTestId('item-panel').waitFor();
      await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
      const title = page.getByTestId('item-title-input');
      await title.focus();
      const bob = await world.bobSocket.ok({ updateWorkItem: { workItemId: s.items['S1']!.id!, expectedVersion: version, title: `S1 Pay by card (${theme})` } });
      version = Number(bob.workItem!.version);
      await title.fill('S1 Pay by card, said Ada');
      await title.press('Enter');
      await page.getByTestId('conflict-dialog').waitFor();
      await scan(page, `conflict dialog, ${theme}`, '[data-testid="conflict-dialog"]');

      await page.keyboard.press('Escape');
      await page.getByTestId('conflict-waiting').waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('item-panel').count()).toBe(0);
      await boardReady(page);
      await scan(page, `board with a conflict put off, ${theme}`);
    }
  });

  it('A11Y-3 the backlog and the complete-sprint dialog, in both themes, have no serious or critical axe violations', async () => {
    const s = await seedVaried('Z');
    for (const theme of THEMES) {
      const page = await pageIn(theme, `/p/${s.key}/backlog?done=show`);
      await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
      await page.locator('[data-testid="sprint"][data-state="active"] [data-testid="backlog-item"]').waitFor();
      await scan(page, `backlog, ${theme}`);

      await page.getByTestId('complete-sprint').click();
      await page.getByTestId('complete-dialog').waitFor();
      await scan(page, `complete-sprint dialog, ${theme}`, '[data-testid="complete-dialog"]');
    }
  });
});
