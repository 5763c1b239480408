// The workflow editor and WIP limits in Chromium (issue 15 part 2, UI-WF):
// an admin changes the project's columns on the Settings page and another
// person's open board follows without a reload; a column over its WIP limit
// is marked; a removed status's items land in the column chosen for them;
// a save made meanwhile joins the draft instead of being overwritten.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { boardReady, column, expectColumn, seedProject, titlesIn } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const statusRow = (page: Page, name: string) => page.locator(`[data-testid="workflow-status"][data-status-name="${name}"]`);
const columnNames = (page: Page) => page.locator('[data-testid="column"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')));
const rowNames = (page: Page) => page.getByTestId('workflow-status').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')));

async function workflowReady(page: Page): Promise<void> {
  await page.locator('[data-testid="settings"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
  await expect.poll(() => page.getByTestId('workflow-status').count()).toBeGreaterThan(0);
}

async function save(page: Page): Promise<void> {
  await page.getByTestId('workflow-save').click();
  await page.locator('[data-testid="workflow"][data-changed="false"]').waitFor();
  await expect.poll(() => page.getByTestId('workflow-saved').textContent()).toMatch(/^Saved/);
}

describe('UI-WF the workflow editor', () => {
  it('UI-WF-1 a column added, one renamed and one moved up with the keyboard on the Settings page show on another person\'s board without a reload; others read the workflow; no serious axe violation', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'W', members: [[world.bob, Role.ROLE_EDITOR]] });
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);
    expect(await columnNames(watcher)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Done']);

    const page = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await workflowReady(page);
    expect(await statusRow(page, 'To Do').getByTestId('workflow-count').textContent()).toBe('3 items');

    // Added: before Done, the first finished column.
    await page.getByTestId('workflow-new-name').fill('Design');
    await page.getByTestId('workflow-new-category').selectOption({ label: 'In progress' });
    await page.getByTestId('workflow-add').click();
    expect(await rowNames(page)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Design', 'Done']);
    await statusRow(page, 'To Do').getByTestId('workflow-name').fill('Ready');
    // Up from the keyboard; the focus stays on the button that moved.
    await statusRow(page, 'In Review').getByTestId('workflow-up').focus();
    await page.keyboard.press('Enter');
    expect(await rowNames(page)).toEqual(['Backlog', 'Ready', 'In Review', 'In Progress', 'Design', 'Done']);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="workflow-status"]')?.getAttribute('data-status-name') + ' ' + document.activeElement?.getAttribute('data-testid')))
      .toBe('In Review workflow-up');
    expect(await seriousViolations(page, '[data-testid="workflow"]')).toEqual([]);
    await save(page);
    await saveScreenshot(page, 'workflow-settings-light');

    await expect.poll(() => columnNames(watcher)).toEqual(['Backlog', 'Ready', 'In Review', 'In Progress', 'Design', 'Done']);
    await expectColumn(watcher, 'Ready', ['T1', 'T2', 'T3']);

    // An editor reads the workflow; nothing to change it with.
    const reader = await world.pageFor(world.bob, `/p/${s.key}/settings`);
    await workflowReady(reader);
    expect(await rowNames(reader)).toEqual(['Backlog', 'Ready', 'In Review', 'In Progress', 'Design', 'Done']);
    expect(await reader.getByTestId('workflow-name').count()).toBe(0);
    expect(await reader.getByTestId('workflow-save').count()).toBe(0);
    expect(await seriousViolations(reader)).toEqual([]);
  });

  it('UI-WF-2 a WIP limit set in Settings marks the column over it on another board, in words too, and the mark goes when the column is back within it', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'L', members: [[world.bob, Role.ROLE_EDITOR]] });
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);
    const todo = column(watcher, 'To Do');
    expect(await todo.getAttribute('data-over-limit')).toBeNull();

    const page = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await workflowReady(page);
    await statusRow(page, 'To Do').getByTestId('workflow-wip').fill('2');
    await statusRow(page, 'In Progress').getByTestId('workflow-wip').fill('4');
    await save(page);

    await expect.poll(() => todo.getAttribute('data-over-limit')).toBe('true');
    expect(await todo.getByTestId('column-wip-count').textContent()).toBe('3 / 2');
    expect(await todo.getByTestId('column-wip').textContent()).toContain('3 cards, over the WIP limit of 2');
    expect(await todo.getAttribute('aria-label')).toBe('To Do, 3 cards, over the WIP limit of 2');
    expect(await todo.getByTestId('column-over-limit').isVisible()).toBe(true);
    const doing = column(watcher, 'In Progress');
    expect(await doing.getAttribute('data-over-limit')).toBeNull();
    expect(await doing.getByTestId('column-wip-count').textContent()).toBe('0 / 4');
    expect(await seriousViolations(watcher, '[data-testid="board"]')).toEqual([]);
    await saveScreenshot(watcher, 'board-wip-limit-light');

    // Someone moves a card on: back within the limit, the mark goes.
    const t1 = s.items['T1']!;
    await world.adaSocket.ok({ moveWorkItem: { workItemId: t1.id!, expectedVersion: Number(t1.version), statusId: s.status['In Progress']!, afterId: '', beforeId: '' } });
    await expect.poll(() => todo.getAttribute('data-over-limit')).toBeNull();
    expect(await todo.getByTestId('column-wip-count').textContent()).toBe('2 / 2');
  });

  it('UI-WF-3 removing a status asks where its items go, with how many it holds; on save they show in that column on another board and the column is gone', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'R',
      members: [[world.bob, Role.ROLE_EDITOR]],
      items: [
        { title: 'R1 Review the copy', status: 'In Review' },
        { title: 'R2 Review the icons', status: 'In Review' },
        { title: 'P1 Build the form', status: 'In Progress' },
      ],
    });
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);
    await expectColumn(watcher, 'In Review', ['R1', 'R2']);

    const page = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await workflowReady(page);
    await statusRow(page, 'In Review').getByTestId('workflow-remove').click();
    const ask = page.getByTestId('workflow-remove-ask');
    expect(await ask.textContent()).toContain('Its 2 items go to');
    const options = await ask.getByTestId('workflow-remove-to').locator('option').allTextContents();
    expect(options).toContain('In Progress (1 item)');
    await ask.getByTestId('workflow-remove-to').selectOption({ value: s.status['In Progress']! });
    await ask.getByTestId('workflow-remove-confirm').click();
    expect(await rowNames(page)).toEqual(['Backlog', 'To Do', 'In Progress', 'Done']);
    expect(await page.getByTestId('workflow-removal').textContent()).toContain('In Review: its 2 items go to');
    await save(page);

    await expect.poll(() => columnNames(watcher)).toEqual(['Backlog', 'To Do', 'In Progress', 'Done']);
    await expect.poll(async () => (await titlesIn(watcher, 'In Progress')).sort()).toEqual(['P1', 'R1', 'R2']);
    // The editor's own page holds the moved items too: the status counts say so.
    await expect.poll(() => statusRow(page, 'In Progress').getByTestId('workflow-count').textContent()).toBe('3 items');
  });

  it("UI-WF-4 a save made meanwhile elsewhere joins the draft: the admin's rename stays, theirs shows, and saving keeps both", async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'M', members: [[world.bob, Role.ROLE_EDITOR]] });
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);
    const page = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await workflowReady(page);
    await statusRow(page, 'To Do').getByTestId('workflow-name').fill('Ready');

    // Another window of Ada's saves a rename of Done.
    const board = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
    const statuses = [...board.statuses!].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    await world.adaSocket.ok({
      setWorkflow: {
        projectId: s.projectId,
        expectedVersion: Number(board.project!.version),
        statuses: statuses.map((st) => ({ id: st.id, name: st.name === 'Done' ? 'Shipped' : st.name, category: st.category, wipLimit: st.wipLimit ?? 0 })),
        removals: [],
      },
    });
    await statusRow(page, 'Shipped').waitFor();
    expect(await statusRow(page, 'Ready').getByTestId('workflow-name').inputValue()).toBe('Ready');
    await expect.poll(() => columnNames(watcher)).toEqual(['Backlog', 'To Do', 'In Progress', 'In Review', 'Shipped']);

    await save(page);
    await expect.poll(() => columnNames(watcher)).toEqual(['Backlog', 'Ready', 'In Progress', 'In Review', 'Shipped']);
    expect(await page.getByTestId('workflow-error').count()).toBe(0);
  });
});
