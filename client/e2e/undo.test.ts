// Delete, restore, undo and redo through the real built client, in Debian's
// Chromium, against a real server: Ada and Bob on the same board in two
// browser contexts, "someone else" as Bob's TestClient socket, the server's
// state read with get_board and list_deleted_work_items.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Priority, Role } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { asEditors, boardReady, card, column, expectColumn, seedProject as seedBoard, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ bobSocket: true });
const { pageFor } = world;

/** Ada's project, Bob editor, Vic viewer, T1 above T2 above T3 in To Do. */
const seedProject = (): Promise<Seeded> =>
  seedBoard(world.adaSocket, { prefix: 'U', name: 'Undo', members: [...asEditors([world.bob]), [world.vic, Role.ROLE_VIEWER]] });

async function serverItems(s: Seeded) {
  const result = await world.adaSocket.ok({ getBoard: { projectId: s.projectId } });
  return result.board!.workItems!;
}

async function serverItem(s: Seeded, prefix: string) {
  return (await serverItems(s)).find((w) => w.id === s.items[prefix]!.id);
}

/** The server's order of a column, by title prefix: what everyone else loads. */
async function serverColumn(s: Seeded, statusName: string): Promise<string[]> {
  return (await serverItems(s))
    .filter((w) => w.statusId === s.status[statusName])
    .sort((a, b) => (a.rank! < b.rank! ? -1 : a.rank! > b.rank! ? 1 : a.id! < b.id! ? -1 : 1))
    .map((w) => w.title!.slice(0, 2));
}

const keyOf = (s: Seeded, prefix: string) => s.items[prefix]!.key!;
const toastFor = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text });

async function twoBoards(s: Seeded): Promise<[Page, Page]> {
  const pages = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
  await Promise.all(pages.map(boardReady));
  return pages;
}

/** Moves a card with the keyboard: Space, the arrows, Space. */
async function carry(page: Page, prefix: string, keys: string[]): Promise<void> {
  await card(page, prefix).focus();
  await page.keyboard.press('Space');
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Space');
}

describe('delete and undo', () => {
  it('UI-UNDO-1 the card menu deletes a card (reached by mouse or keyboard); "Undo" in the toast brings it back for both windows', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await twoBoards(s);

    // The keyboard reaches the menu: Tab from the card, Enter opens it on Delete, Escape closes it.
    await card(adaPage, 'T3').focus();
    await adaPage.keyboard.press('Tab');
    expect(await adaPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-menu');
    await adaPage.keyboard.press('Enter');
    await expect.poll(() => adaPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-delete');
    expect(await adaPage.getByTestId('card-delete').textContent()).toContain('Ctrl+Backspace');
    expect(await seriousViolations(adaPage)).toEqual([]);
    await adaPage.keyboard.press('Escape');
    await expect.poll(() => adaPage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-menu');
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);

    // With the mouse: T2's menu, Delete. Gone at once, for Bob too, and on the server.
    await card(adaPage, 'T2').hover();
    await card(adaPage, 'T2').getByTestId('card-menu').click();
    await adaPage.getByTestId('card-delete').click();
    await expectColumn(adaPage, 'To Do', ['T1', 'T3']);
    await expectColumn(bobPage, 'To Do', ['T1', 'T3']);
    await expect.poll(() => serverColumn(s, 'To Do')).toEqual(['T1', 'T3']);
    // The menu did not open the item.
    expect(await adaPage.getByTestId('item-panel').count()).toBe(0);

    const toast = toastFor(adaPage, `Deleted ${keyOf(s, 'T2')}.`);
    await toast.waitFor();
    expect(await seriousViolations(adaPage, '[data-testid="toasts"]')).toEqual([]);
    await toast.getByTestId('toast-action').click();
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2', 'T3']);
    expect(await toast.count()).toBe(0);
  });

  it('UI-UNDO-2 Ctrl+Backspace deletes the focused card and the open item; Ctrl-Z and the toast bring them back', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await twoBoards(s);

    // A focused card: no question asked; the focus goes on to the next card.
    await card(adaPage, 'T1').focus();
    await adaPage.keyboard.press('Control+Backspace');
    await expectColumn(bobPage, 'To Do', ['T2', 'T3']);
    await expect.poll(() => adaPage.evaluate(() => document.activeElement?.getAttribute('data-card-id'))).toBe(s.items['T2']!.id);
    await toastFor(adaPage, `Deleted ${keyOf(s, 'T1')}.`).waitFor();
    await adaPage.keyboard.press('Control+z');
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2', 'T3']);

    // The open item, with the panel's Delete button: the panel closes, the toast's Undo brings it back.
    await card(adaPage, 'T3').click();
    await adaPage.getByTestId('item-panel').waitFor();
    expect(await adaPage.getByTestId('item-delete').getAttribute('title')).toBe('Delete (Ctrl+Backspace)');
    await adaPage.getByTestId('item-delete').click();
    await adaPage.waitForURL((url) => url.pathname === `/p/${s.key}`);
    await expectColumn(bobPage, 'To Do', ['T1', 'T2']);
    await toastFor(adaPage, `Deleted ${keyOf(s, 'T3')}.`).getByTestId('toast-action').click();
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);

    // The open item, with the key (the focus on the panel, not in a field).
    await card(adaPage, 'T2').click();
    await adaPage.getByTestId('item-panel').waitFor();
    await adaPage.getByTestId('item-panel').focus();
    await adaPage.keyboard.press('Control+Backspace');
    await adaPage.waitForURL((url) => url.pathname === `/p/${s.key}`);
    await expectColumn(bobPage, 'To Do', ['T1', 'T3']);
    expect((await world.adaSocket.ok({ listDeletedWorkItems: { projectId: s.projectId } })).workItems!.workItems!.map((w) => w.id)).toEqual([s.items['T2']!.id]);
    await adaPage.keyboard.press('Control+z');
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    expect((await world.adaSocket.ok({ listDeletedWorkItems: { projectId: s.projectId } })).workItems!.workItems!).toEqual([]);
  });
});

describe('undo and redo', () => {
  it('UI-UNDO-3 a move to another column: Ctrl-Z puts it back between its neighbours for the other window, Ctrl-Shift-Z and Ctrl-Y do it again', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await twoBoards(s);

    await carry(adaPage, 'T2', ['ArrowRight']);
    await expectColumn(bobPage, 'In Progress', ['T2']);
    await expect.poll(() => card(adaPage, 'T2').getAttribute('data-pending')).toBeNull();

    await adaPage.keyboard.press('Control+z');
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2', 'T3']);
    await toastFor(adaPage, `Undone: move ${keyOf(s, 'T2')}.`).waitFor();

    await adaPage.keyboard.press('Control+Shift+Z');
    await expectColumn(bobPage, 'In Progress', ['T2']);
    await expectColumn(bobPage, 'To Do', ['T1', 'T3']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['T2']);

    await adaPage.keyboard.press('Control+z');
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await adaPage.keyboard.press('Control+y');
    await expectColumn(bobPage, 'In Progress', ['T2']);
    // Two moves back: T2, then nothing left but a word.
    await adaPage.keyboard.press('Control+z');
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await adaPage.keyboard.press('Control+z');
    await toastFor(adaPage, 'Nothing to undo.').waitFor();
  });

  it("UI-UNDO-4 field edits in the panel are undone newest first and redone; in a field Ctrl-Z is the field's own", async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}/item/${Number(s.items['T1']!.number)}`), pageFor(world.bob, `/p/${s.key}`)]);
    const panel = adaPage.getByTestId('item-panel');
    await panel.waitFor();
    await boardReady(bobPage);

    const title = adaPage.getByTestId('item-title-input');
    await title.fill('T1 Sign-in page with SSO');
    await title.press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T1'))?.title).toBe('T1 Sign-in page with SSO');
    await adaPage.getByTestId('item-priority-select').selectOption({ label: 'Urgent' });
    await expect.poll(async () => (await serverItem(s, 'T1'))?.priority).toBe(Priority.PRIORITY_URGENT);

    // In the title field Ctrl-Z belongs to the field: no change of the item is undone.
    await title.focus();
    await adaPage.keyboard.press('Control+z');
    await title.press('Escape');
    await adaPage.waitForTimeout(300);
    expect(await serverItem(s, 'T1')).toMatchObject({ title: 'T1 Sign-in page with SSO', priority: Priority.PRIORITY_URGENT });

    await panel.focus();
    await adaPage.keyboard.press('Control+z');
    await expect.poll(async () => (await serverItem(s, 'T1'))?.priority).toBe(Priority.PRIORITY_MEDIUM);
    await adaPage.keyboard.press('Control+z');
    await expect.poll(async () => (await serverItem(s, 'T1'))?.title).toBe('T1 Sign-in page');
    await expect.poll(() => card(bobPage, 'T1').getByTestId('card-title').textContent()).toBe('T1 Sign-in page');
    await expect.poll(() => title.inputValue()).toBe('T1 Sign-in page');

    await adaPage.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await serverItem(s, 'T1'))?.title).toBe('T1 Sign-in page with SSO');
    await adaPage.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await serverItem(s, 'T1'))?.priority).toBe(Priority.PRIORITY_URGENT);
    await expect.poll(() => card(bobPage, 'T1').getByTestId('card-priority').textContent()).toContain('Urgent');
  });

  it('UI-UNDO-5 an undo after someone else changed the item opens the conflict dialog and overwrites nothing', async () => {
    const s = await seedProject();
    const [adaPage] = await twoBoards(s);

    await carry(adaPage, 'T1', ['ArrowRight']);
    await expect.poll(async () => (await serverItem(s, 'T1'))?.statusId).toBe(s.status['In Progress']);
    const moved = (await serverItem(s, 'T1'))!;
    // Bob retitles it in the meantime.
    await world.bobSocket.ok({ updateWorkItem: { workItemId: moved.id, expectedVersion: moved.version, title: 'T1 Bob was here' } });
    await expect.poll(() => card(adaPage, 'T1').getByTestId('card-title').textContent(), { timeout: 10_000 }).toBe('T1 Bob was here');

    await adaPage.locator('main').focus();
    await adaPage.keyboard.press('Control+z');
    const dialog = adaPage.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('conflict-author').textContent()).toBe('Bob Babbage');
    const row = dialog.locator('[data-testid="conflict-row"][data-field="statusId"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('In Progress');
    expect(await row.getByTestId('conflict-yours').textContent()).toBe('To Do');
    // Nothing was overwritten: the card is where Ada put it, with Bob's title.
    expect(await serverItem(s, 'T1')).toMatchObject({ statusId: s.status['In Progress'], title: 'T1 Bob was here', version: Number(moved.version) + 1 });
    await expectColumn(adaPage, 'In Progress', ['T1']);

    await dialog.getByTestId('conflict-keep-theirs').click();
    expect(await dialog.count()).toBe(0);
    expect(await serverItem(s, 'T1')).toMatchObject({ statusId: s.status['In Progress'], title: 'T1 Bob was here' });
  });
});

describe('the Trash', () => {
  it('TRASH-2 the Trash lists deleted items live, who deleted them and when; Restore puts one back on the board for everyone', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await twoBoards(s);
    await world.bobSocket.ok({ deleteWorkItem: { workItemId: s.items['T2']!.id, expectedVersion: s.items['T2']!.version } });
    await expectColumn(adaPage, 'To Do', ['T1', 'T3']);

    await adaPage.getByTestId('tab-trash').click();
    await adaPage.waitForURL((url) => url.pathname === `/p/${s.key}/trash`);
    const rows = adaPage.getByTestId('trash-item');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().getByTestId('trash-key').textContent()).toBe(keyOf(s, 'T2'));
    expect(await rows.first().getByTestId('trash-title').textContent()).toBe('T2 Fix the flaky socket');
    expect(await rows.first().getByTestId('trash-deleted').textContent()).toMatch(/^Deleted by Bob Babbage, \S.*\d/);
    expect(await seriousViolations(adaPage)).toEqual([]);

    // Deleted in another window: on top at once, without a reload.
    await world.bobSocket.ok({ deleteWorkItem: { workItemId: s.items['T3']!.id, expectedVersion: s.items['T3']!.version } });
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toEqual([keyOf(s, 'T3'), keyOf(s, 'T2')]);

    await rows.filter({ hasText: 'T2 Fix' }).getByTestId('trash-restore').click();
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toEqual([keyOf(s, 'T3')]);
    await expectColumn(bobPage, 'To Do', ['T1', 'T2']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2']);

    // Restored elsewhere: it leaves this list too.
    await world.bobSocket.ok({ restoreWorkItem: { workItemId: s.items['T3']!.id } });
    await adaPage.getByTestId('trash-empty').waitFor();
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
  });

  it('TRASH-3 a viewer sees the Trash read only: no Restore; an item restored by someone else leaves the list', async () => {
    const s = await seedProject();
    const t1 = s.items['T1']!;
    await world.adaSocket.ok({ deleteWorkItem: { workItemId: t1.id, expectedVersion: t1.version } });
    const vicPage = await pageFor(world.vic, `/p/${s.key}/trash`);
    const row = vicPage.getByTestId('trash-item');
    await row.waitFor();
    expect(await row.getByTestId('trash-deleted').textContent()).toMatch(/^Deleted by Ada Lovelace, /);
    expect(await vicPage.getByTestId('read-only').count()).toBe(1);
    expect(await vicPage.getByTestId('trash-restore').count()).toBe(0);
    // Ctrl-Z does nothing for a viewer.
    await vicPage.keyboard.press('Control+z');

    await world.adaSocket.ok({ restoreWorkItem: { workItemId: t1.id } });
    await vicPage.getByTestId('trash-empty').waitFor();
    await vicPage.getByTestId('tab-board').click();
    await expectColumn(vicPage, 'To Do', ['T1', 'T2', 'T3']);
    expect(await column(vicPage, 'To Do').getByTestId('card-menu').count()).toBe(0);
  });
});

describe('undo of a Settings save', () => {
  const columnNames = (page: Page) => page.locator('[data-testid="column"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')));
  const rowNames = (page: Page) => page.getByTestId('workflow-status').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')));
  const DEFAULT = ['Backlog', 'To Do', 'In Progress', 'In Review', 'Done'];
  const WITH_QA = ['Backlog', 'To Do', 'In Progress', 'In Review', 'QA', 'Done'];

  async function serverProject(s: Seeded) {
    const board = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
    const statuses = [...board.statuses!].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((st) => st.name);
    return { project: board.project!, statuses };
  }

  async function settingsFor(s: Seeded): Promise<Page> {
    const page = await pageFor(world.ada, `/p/${s.key}/settings`);
    await page.locator('[data-testid="settings"][data-state="ready"]').waitFor();
    await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
    await expect.poll(() => page.getByTestId('workflow-status').count()).toBeGreaterThan(0);
    return page;
  }

  async function saveWorkflow(page: Page): Promise<void> {
    await page.getByTestId('workflow-save').click();
    await page.locator('[data-testid="workflow"][data-changed="false"]').waitFor();
    await expect.poll(() => page.getByTestId('workflow-saved').textContent()).toMatch(/^Saved/);
  }

  it("UI-UNDO-SETTINGS-1 a workflow saved with a status added: the toast's Undo takes the status away on another person's board too; Ctrl-Shift-Z adds it again, and Ctrl-Z on the board takes it away again", async () => {
    const s = await seedProject();
    const bobPage = await pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bobPage);
    const settings = await settingsFor(s);

    await settings.getByTestId('workflow-new-name').fill('QA');
    await settings.getByTestId('workflow-add').click();
    await saveWorkflow(settings);
    await expect.poll(() => columnNames(bobPage)).toEqual(WITH_QA);

    await toastFor(settings, `Saved the workflow of ${s.key}.`).getByTestId('toast-action').click();
    await expect.poll(() => columnNames(bobPage)).toEqual(DEFAULT);
    await toastFor(settings, `Undone: save the workflow of ${s.key}.`).waitFor();
    expect((await serverProject(s)).statuses).toEqual(DEFAULT);
    await expect.poll(() => rowNames(settings)).toEqual(DEFAULT);

    await settings.keyboard.press('Control+Shift+Z');
    await expect.poll(() => columnNames(bobPage)).toEqual(WITH_QA);
    await expect.poll(() => rowNames(settings)).toEqual(WITH_QA);

    // The history is the project's for the tab: the board's Ctrl-Z takes back the save made in Settings.
    await settings.getByTestId('tab-board').click();
    await boardReady(settings);
    await settings.keyboard.press('Control+z');
    await expect.poll(() => columnNames(bobPage)).toEqual(DEFAULT);
    expect((await serverProject(s)).statuses).toEqual(DEFAULT);
  });

  it('UI-UNDO-SETTINGS-2 a save that removed a status offers no Undo, and Ctrl-Z leaves the status removed', async () => {
    const s = await seedProject();
    const settings = await settingsFor(s);
    await settings.locator('[data-testid="workflow-status"][data-status-name="In Review"]').getByTestId('workflow-remove').click();
    await settings.getByTestId('workflow-remove-confirm').click();
    await saveWorkflow(settings);
    const without = ['Backlog', 'To Do', 'In Progress', 'Done'];
    expect((await serverProject(s)).statuses).toEqual(without);
    expect(await settings.getByTestId('toast-action').count()).toBe(0);

    await settings.keyboard.press('Control+z');
    await toastFor(settings, 'Nothing to undo.').waitFor();
    expect((await serverProject(s)).statuses).toEqual(without);
    expect(await rowNames(settings)).toEqual(without);
  });

  it("UI-UNDO-SETTINGS-3 an item type added, then changed elsewhere: Ctrl-Z is refused in words and their change stays", async () => {
    const s = await seedProject();
    const settings = await settingsFor(s);
    await settings.getByTestId('item-type-new-name').fill('Risk');
    await settings.getByTestId('item-type-add').click();
    await settings.getByTestId('item-type-save').click();
    await settings.locator('[data-testid="item-types"][data-changed="false"]').waitFor();
    await toastFor(settings, `Saved the item types of ${s.key}.`).waitFor();

    // Another window of Ada's renames it.
    const { project } = await serverProject(s);
    const risk = project.itemTypes![0]!;
    await world.adaSocket.ok({
      setItemTypes: { projectId: s.projectId, expectedVersion: Number(project.version), itemTypes: [{ id: risk.id, name: 'Hazard', icon: risk.icon, colour: risk.colour, canBeParent: false }] },
    });
    await settings.locator('[data-testid="item-type"][data-type-name="Hazard"]').waitFor();

    await settings.keyboard.press('Control+z');
    await toastFor(settings, `Could not undo save the item types of ${s.key}: the item types changed since.`).waitFor();
    expect((await serverProject(s)).project.itemTypes!.map((t) => t.name)).toEqual(['Hazard']);
  });

  it("UI-UNDO-SETTINGS-4 pull mode turned on: the toast's Undo turns it off, and another person's Pool tab goes", async () => {
    const s = await seedProject();
    const bobPage = await pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bobPage);
    const settings = await settingsFor(s);
    await settings.getByTestId('pull-mode-toggle').check();
    await bobPage.getByTestId('tab-pool').waitFor();

    await toastFor(settings, 'Pull mode is on.').getByTestId('toast-action').click();
    await expect.poll(() => bobPage.getByTestId('tab-pool').count()).toBe(0);
    await expect.poll(() => settings.getByTestId('pull-mode').textContent()).toContain('Pull mode is off');
    expect((await serverProject(s)).project.pullMode).toBeFalsy();
  });
});
