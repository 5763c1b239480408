// The work item panel and the conflict dialog through the real built client,
// in Debian's Chromium, against a real server: two people in two browser
// contexts, seed data over a TestClient socket, the server's state checked
// with get_board.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType, Priority, Role, type IWorkItem } from '../../shared/proto.ts';
import { boardReady, card, seedProject as seedBoard, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
const { pageFor } = world;

/** Ada's project, Bob editor, Vic viewer, three cards in To Do. */
function seedProject(): Promise<Seeded> {
  const { adaSocket, ada, bob, vic } = world;
  return seedBoard(adaSocket, {
    prefix: 'I',
    name: 'Items',
    members: [
      [bob, Role.ROLE_EDITOR],
      [vic, Role.ROLE_VIEWER],
    ],
    items: [
      { title: 'T1 Sign-in page', itemType: ItemType.ITEM_TYPE_STORY, priority: Priority.PRIORITY_HIGH, storyPoints: 3, assigneeId: ada.user.id, labels: ['frontend'] },
      { title: 'T2 Fix the flaky socket', itemType: ItemType.ITEM_TYPE_BUG, priority: Priority.PRIORITY_URGENT, labels: [] },
      { title: 'T3 Write the release notes', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_LOW, labels: ['docs'] },
    ],
  });
}

const panel = (page: Page) => page.getByTestId('item-panel');
const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

async function serverItem(s: Seeded, prefix: string): Promise<IWorkItem> {
  const result = await world.adaSocket.ok({ getBoard: { projectId: s.projectId } });
  return result.board!.workItems!.find((w) => w.id === s.items[prefix]!.id)!;
}

describe('work item panel', () => {
  it('UI-ITEM-1 Ada opens a card and edits its title and description; Bob sees both live, then her comment', async () => {
    const s = await seedProject();
    const t1 = s.items['T1']!;
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, itemPath(s, 'T1'))]);
    await boardReady(adaPage);
    await panelReady(bobPage, t1);

    // A click on the card opens its panel at its own URL; the board stays behind it.
    await card(adaPage, 'T1').click();
    await adaPage.waitForURL((url) => url.pathname === itemPath(s, 'T1'));
    await panelReady(adaPage, t1);
    expect(await adaPage.getByTestId('item-key').textContent()).toBe(t1.key);
    expect(await adaPage.locator('[data-testid="board"][data-state="ready"]').count()).toBe(1);

    // Title: typed, Enter saves.
    const title = adaPage.getByTestId('item-title-input');
    await title.fill('T1 Sign-in page with SSO');
    await title.press('Enter');
    await expect.poll(() => card(adaPage, 'T1').getByTestId('card-title').textContent()).toBe('T1 Sign-in page with SSO');
    await expect.poll(() => bobPage.getByTestId('item-title-input').inputValue(), { timeout: 10_000 }).toBe('T1 Sign-in page with SSO');

    // Description: markdown with a preview; markup in it is text, not HTML.
    await adaPage.getByTestId('description-edit').click();
    await adaPage.getByTestId('description-input').fill('Use **OAuth** for `login`.\n\n- Google\n- GitHub\n\n<b>not bold</b> [docs](https://example.com/sso)');
    await adaPage.getByTestId('description-tab-preview').click();
    expect(await adaPage.getByTestId('description-preview').locator('strong').textContent()).toBe('OAuth');
    await adaPage.getByTestId('description-save').click();
    const bobDescription = bobPage.getByTestId('description');
    await expect.poll(() => bobDescription.locator('li').allTextContents(), { timeout: 10_000 }).toEqual(['Google', 'GitHub']);
    expect(await bobDescription.locator('code').textContent()).toBe('login');
    expect(await bobDescription.locator('b').count()).toBe(0);
    expect(await bobDescription.textContent()).toContain('<b>not bold</b>');
    expect(await bobDescription.locator('a').getAttribute('href')).toBe('https://example.com/sso');

    // Rendered once on Ada's side too (the view replaces the editor, nothing is left behind).
    await expect.poll(() => adaPage.getByTestId('description').locator('li').allTextContents()).toEqual(['Google', 'GitHub']);
    const saved = await serverItem(s, 'T1');
    expect(saved.title).toBe('T1 Sign-in page with SSO');
    expect(saved.description).toContain('Use **OAuth**');

    // A comment from Ada reaches Bob's open panel.
    await adaPage.getByTestId('comment-input').fill('Ship it behind a **flag**');
    await adaPage.getByTestId('comment-submit').click();
    await expect.poll(() => bobPage.locator('[data-testid="comment"] [data-testid="comment-body"]').allTextContents(), { timeout: 10_000 }).toEqual([
      'Ship it behind a flag',
    ]);
    await expect.poll(() => adaPage.locator('[data-testid="comment"][data-pending]').count()).toBe(0);
    // Only its author may edit it.
    expect(await adaPage.getByTestId('comment-edit').count()).toBe(1);
    expect(await bobPage.getByTestId('comment-edit').count()).toBe(0);

    // History lists the title change with old → new.
    await expect
      .poll(() => bobPage.locator('[data-testid="history-entry"][data-field="title"]').first().textContent(), { timeout: 10_000 })
      .toContain('T1 Sign-in page → T1 Sign-in page with SSO');
    await adaPage.locator('.item-panel__body').evaluate((el) => el.scrollTo(0, 0));
    await saveScreenshot(adaPage, 'item-panel');

    // Escape goes back to the board.
    await adaPage.locator('body').press('Escape');
    await adaPage.waitForURL((url) => url.pathname === `/p/${s.key}`);
    expect(await panel(adaPage).count()).toBe(0);
  });

  it('UI-ITEM-2 both edit the same title: the second gets the conflict dialog and chooses mine, then theirs', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(world.ada, itemPath(s, 'T2')), pageFor(world.bob, itemPath(s, 'T2'))]);
    await Promise.all([panelReady(adaPage, s.items['T2']!), panelReady(bobPage, s.items['T2']!)]);

    // Bob starts editing first; Ada saves first.
    const bobTitle = bobPage.getByTestId('item-title-input');
    await bobTitle.focus();
    const adaTitle = adaPage.getByTestId('item-title-input');
    await adaTitle.fill('T2 Ada fixed the socket');
    await adaTitle.press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T2')).title).toBe('T2 Ada fixed the socket');
    await bobTitle.fill('T2 Bob fixed the socket');
    await bobTitle.press('Enter');

    const dialog = bobPage.getByTestId('conflict-dialog');
    await dialog.waitFor();
    const row = dialog.locator('[data-testid="conflict-row"][data-field="title"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('T2 Ada fixed the socket');
    expect(await row.getByTestId('conflict-yours').textContent()).toBe('T2 Bob fixed the socket');
    await saveScreenshot(bobPage, 'conflict-dialog');

    await dialog.getByTestId('conflict-take-yours').click();
    await expect.poll(async () => (await serverItem(s, 'T2')).title).toBe('T2 Bob fixed the socket');
    await expect.poll(() => adaPage.getByTestId('item-title-input').inputValue(), { timeout: 10_000 }).toBe('T2 Bob fixed the socket');
    await expect.poll(() => bobPage.getByTestId('item-title-input').inputValue()).toBe('T2 Bob fixed the socket');
    expect(await dialog.count()).toBe(0);

    // Round two: Bob keeps theirs; his edit is dropped everywhere.
    await bobTitle.focus();
    await adaTitle.fill('T2 Ada again');
    await adaTitle.press('Enter');
    await expect.poll(async () => (await serverItem(s, 'T2')).title).toBe('T2 Ada again');
    await bobTitle.fill('T2 Bob again');
    await bobTitle.press('Enter');
    await dialog.waitFor();
    expect(await dialog.locator('[data-field="title"] [data-testid="conflict-theirs"]').textContent()).toBe('T2 Ada again');
    await dialog.getByTestId('conflict-keep-theirs').click();
    await expect.poll(() => bobPage.getByTestId('item-title-input').inputValue()).toBe('T2 Ada again');
    // Nothing more is sent: the server and Ada keep Ada's title.
    await bobPage.waitForTimeout(300);
    expect((await serverItem(s, 'T2')).title).toBe('T2 Ada again');
    expect(await adaPage.getByTestId('item-title-input').inputValue()).toBe('T2 Ada again');
    await adaPage.goto(`/p/${s.key}`);
    await boardReady(adaPage);
    // A saved copy of the board may show first; the live one follows.
    await expect.poll(() => card(adaPage, 'T2').getByTestId('card-title').textContent(), { timeout: 10_000 }).toBe('T2 Ada again');
  });

  it('UI-ITEM-3 a viewer sees the panel read-only: no inputs, no buttons that write', async () => {
    const s = await seedProject();
    const vicPage = await pageFor(world.vic, itemPath(s, 'T1'));
    await panelReady(vicPage, s.items['T1']!);
    await vicPage.getByTestId('item-read-only').waitFor();
    expect(await vicPage.getByTestId('item-title').textContent()).toBe('T1 Sign-in page');
    expect(await vicPage.getByTestId('item-assignee').textContent()).toBe('Ada Lovelace');
    const p = panel(vicPage);
    expect(await p.locator('input, textarea, select, [contenteditable="true"]').count()).toBe(0);
    for (const id of ['description-edit', 'add-subtask', 'item-claim', 'comment-input', 'comment-submit', 'comment-edit', 'comment-delete']) {
      expect(await p.getByTestId(id).count(), id).toBe(0);
    }
    // Still live: Ada's comment and title change reach the viewer.
    await world.adaSocket.ok({ addComment: { workItemId: s.items['T1']!.id!, body: 'Viewer can read this' } });
    await world.adaSocket.ok({ updateWorkItem: { workItemId: s.items['T1']!.id!, expectedVersion: Number(s.items['T1']!.version), title: 'T1 Renamed' } });
    await expect.poll(() => p.getByTestId('comment-body').allTextContents(), { timeout: 10_000 }).toEqual(['Viewer can read this']);
    await expect.poll(() => vicPage.getByTestId('item-title').textContent(), { timeout: 10_000 }).toBe('T1 Renamed');
  });

  it('UI-ITEM-4 "Assign to me" claims the item; "Add sub-task" makes a child; a select change saves at once', async () => {
    const s = await seedProject();
    const t2 = s.items['T2']!;
    const [bobPage, adaPage] = await Promise.all([pageFor(world.bob, itemPath(s, 'T2')), pageFor(world.ada, `/p/${s.key}`)]);
    await panelReady(bobPage, t2);
    await boardReady(adaPage);

    await bobPage.getByTestId('item-claim').click();
    await expect.poll(async () => (await serverItem(s, 'T2')).assigneeId).toBe(world.bob.user.id);
    await expect.poll(() => card(adaPage, 'T2').getByTestId('card-assignee').textContent(), { timeout: 10_000 }).toBe('BB');
    expect(await bobPage.getByTestId('item-claim').count()).toBe(0);

    await bobPage.getByTestId('item-priority-select').selectOption({ label: 'Low' });
    await expect.poll(async () => (await serverItem(s, 'T2')).priority).toBe(Priority.PRIORITY_LOW);
    await expect.poll(() => card(adaPage, 'T2').getByTestId('card-priority').textContent(), { timeout: 10_000 }).toContain('Low');

    await bobPage.getByTestId('add-subtask').click();
    await bobPage.getByTestId('subtask-input').fill('S1 Reproduce the drop');
    await bobPage.getByTestId('subtask-input').press('Enter');
    await expect.poll(() => bobPage.getByTestId('subtask').allTextContents()).toEqual([expect.stringContaining('S1 Reproduce the drop')]);
    await expect
      .poll(async () => (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.filter((w) => w.parentId === t2.id).map((w) => [w.title, w.itemType]))
      .toEqual([['S1 Reproduce the drop', ItemType.ITEM_TYPE_SUBTASK]]);
    await expect.poll(() => card(adaPage, 'S1').count(), { timeout: 10_000 }).toBe(1);
  });

  it('HARD-12d the board arrives without descriptions; opening an item fetches its own, which then stays on the card', async () => {
    const { adaSocket, ada } = world;
    const description = `Steps: ${'open the board, wait for the socket, '.repeat(400)}the end.`;
    const s = await seedBoard(adaSocket, { prefix: 'D', name: 'Descriptions', items: [{ title: 'T1 Long story', description }, { title: 'T2 Bare' }] });
    const page = await (await world.contextFor(ada)).newPage();
    const received: number[] = [];
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => received.push(typeof payload === 'string' ? payload.length : payload.byteLength)));
    await page.goto(`/p/${s.key}`);
    await boardReady(page);
    // No frame the board page received could have held the description.
    expect(Math.max(...received)).toBeLessThan(description.length);

    await card(page, 'T1').click();
    await panelReady(page, s.items['T1']!);
    await expect.poll(() => page.getByTestId('description').textContent()).toContain('the end.');
    expect(Math.max(...received)).toBeGreaterThan(description.length);
    // Fetched once: closing and opening the item again shows it at once, with no further request that big.
    const frames = received.length;
    await page.locator('body').press('Escape');
    await card(page, 'T1').click();
    expect(await page.getByTestId('description').textContent()).toContain('the end.');
    expect(received.slice(frames).every((bytes) => bytes < description.length)).toBe(true);
  });
});
