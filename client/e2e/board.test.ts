// The project list and the Kanban board through the real built client, in
// Debian's Chromium, against a real server on port 0. Accounts and seed data
// are made over HTTP and a TestClient socket; what is under test is what two
// people see in their own browser contexts.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ItemType, Priority, Role, type IWorkItem } from '../../shared/proto.ts';
import { invite, signup, type Session } from '../../server/test/support/accounts.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { TestClient } from '../../server/test/support/ws-client.ts';
import { launchBrowser, openContext } from './support/browser.ts';
import { saveScreenshot } from './support/screenshots.ts';

let srv: TestServer;
let browser: Browser;
let ada: Session;
let bob: Session;
let vic: Session;
let adaSocket: TestClient;
const open: BrowserContext[] = [];

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  ada = await signup(srv.http, 'Ada Lovelace');
  [bob, vic] = await Promise.all([invite(srv.http, ada, 'Bob Babbage'), invite(srv.http, ada, 'Vic Viewer')]);
  adaSocket = await TestClient.connect(srv.ws, ada.token);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  adaSocket?.close();
  await Promise.all(open.splice(0).map((c) => c.close()));
  await browser?.close();
  await srv?.stop();
});

/** A browser tab signed in as `who`, the way the app keeps a session (sessionStorage), on `path`. */
async function pageFor(who: Session, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await openContext(browser, srv.http, options);
  open.push(context);
  const grant = JSON.stringify({ token: who.token, user: who.user, tenantId: who.tenantId });
  await context.addInitScript((value) => sessionStorage.setItem('tandem.session', value), grant);
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

interface Seeded {
  key: string;
  projectId: string;
  status: Record<string, string>;
  items: Record<string, IWorkItem>;
}

const letters = () =>
  Array.from(randomUUID().replace(/[^a-f]/g, '').slice(0, 4), (c) => c.toUpperCase()).join('').padEnd(4, 'Q');

/** A project of Ada's with Bob as editor, Vic as viewer, and three cards in To Do (T1 above T2 above T3). */
async function seedProject(): Promise<Seeded> {
  const key = `B${letters()}`;
  const created = await adaSocket.ok({ createProject: { key, name: `Board ${key}`, description: '' } });
  const projectId = created.project!.id!;
  const status = Object.fromEntries(created.project!.statuses!.map((s) => [s.name!, s.id!]));
  await adaSocket.ok({ addMember: { projectId, userId: bob.user.id, role: Role.ROLE_EDITOR } });
  await adaSocket.ok({ addMember: { projectId, userId: vic.user.id, role: Role.ROLE_VIEWER } });
  const items: Record<string, IWorkItem> = {};
  let last = '';
  const specs = [
    { title: 'T1 Sign-in page', itemType: ItemType.ITEM_TYPE_STORY, priority: Priority.PRIORITY_HIGH, storyPoints: 3, assigneeId: ada.user.id, labels: ['frontend'] },
    { title: 'T2 Fix the flaky socket', itemType: ItemType.ITEM_TYPE_BUG, priority: Priority.PRIORITY_URGENT, storyPoints: 1, assigneeId: bob.user.id, labels: [] },
    { title: 'T3 Write the release notes', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_LOW, labels: ['docs'] },
  ];
  for (const spec of specs) {
    const r = await adaSocket.ok({ createWorkItem: { projectId, statusId: status['To Do']!, afterId: last, ...spec } });
    items[spec.title.slice(0, 2)] = r.workItem!;
    last = r.workItem!.id!;
  }
  await adaSocket.ok({
    createWorkItem: { projectId, statusId: status['In Progress']!, title: 'P1 Board columns', itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_MEDIUM, storyPoints: 5 },
  });
  return { key, projectId, status, items };
}

const column = (page: Page, name: string): Locator => page.locator(`[data-testid="column"][data-status-name="${name}"]`);
const titlesIn = (page: Page, name: string) =>
  column(page, name)
    .locator('[data-testid="card-title"]')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
/** The card whose title starts with `prefix` (T1, Q1...). */
const card = (page: Page, prefix: string) =>
  page.locator('[data-testid="card"]', { has: page.locator('[data-testid="card-title"]', { hasText: new RegExp(`^${prefix} `) }) });

/** Polls until the column shows exactly `expected` (by title prefix), or fails after 10 s. */
async function expectColumn(page: Page, name: string, expected: string[]): Promise<void> {
  await expect.poll(() => titlesIn(page, name), { timeout: 10_000 }).toEqual(expected);
}

async function boardReady(page: Page): Promise<void> {
  await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/** The server's order of a column: what everyone else will load. */
async function serverColumn(s: Seeded, statusName: string): Promise<string[]> {
  const result = await adaSocket.ok({ getBoard: { projectId: s.projectId } });
  return result
    .board!.workItems!.filter((w) => w.statusId === s.status[statusName])
    .sort((a, b) => (a.rank! < b.rank! ? -1 : a.rank! > b.rank! ? 1 : a.id! < b.id! ? -1 : 1))
    .map((w) => w.title!.slice(0, 2));
}

describe('project list', () => {
  it('UI-PROJ-1 lists the caller\'s projects, and "New project" creates one and opens its board', async () => {
    const s = await seedProject();
    const page = await pageFor(bob, '/');
    await page.locator(`[data-testid="project-card"][data-project-key="${s.key}"]`).waitFor();

    const key = `N${letters()}`;
    await page.getByTestId('new-project').click();
    await page.getByTestId('new-project-key').fill('x1');
    await page.getByTestId('new-project-name').fill('Nova');
    await page.getByTestId('new-project-submit').click();
    await expect.poll(() => page.getByTestId('new-project-key').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('new-project-key').fill(key.toLowerCase()); // upper-cased as typed
    await page.getByTestId('new-project-submit').click();
    await page.waitForURL((url) => url.pathname === `/p/${key}`);
    await boardReady(page);
    expect(await page.locator('[data-testid="column"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')))).toEqual([
      'Backlog',
      'To Do',
      'In Progress',
      'In Review',
      'Done',
    ]);
    expect(await page.locator('[data-testid="column-empty"]').count()).toBe(5);
    const listed = await adaSocket.ok({ listProjects: {} });
    expect(listed.projects!.projects!.map((p) => p.key)).toContain(key);
  });

  it('UI-PROJ-2 someone in no project sees the empty state', async () => {
    const loner = await invite(srv.http, ada, 'Lone Wolf');
    const page = await pageFor(loner, '/');
    await page.getByTestId('projects-empty').waitFor();
    expect(await page.locator('[data-testid="project-card"]').count()).toBe(0);
  });
});

describe('board', () => {
  it('UI-BOARD-1 Ada drags a card to another column with the mouse; Bob sees it move without reload', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(ada, `/p/${s.key}`), pageFor(bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);
    await expectColumn(bobPage, 'To Do', ['T1', 'T2', 'T3']);
    await expectColumn(bobPage, 'In Progress', ['P1']);
    // The card shows its parts.
    const t1 = card(adaPage, 'T1');
    expect(await t1.getByTestId('card-type').textContent()).toBe('Story');
    expect(await t1.getByTestId('card-priority').textContent()).toContain('High');
    expect(await t1.getByTestId('card-points').textContent()).toBe('3');
    expect(await t1.getByTestId('card-assignee').textContent()).toBe('AL');
    expect(await t1.textContent()).toContain('frontend');
    await saveScreenshot(adaPage, 'board-light');

    // Drop T2 below P1 (the bottom of In Progress).
    const target = column(adaPage, 'In Progress').locator('.column__cards');
    const box = (await target.boundingBox())!;
    await card(adaPage, 'T2').dragTo(target, { targetPosition: { x: box.width / 2, y: box.height - 8 } });

    await expectColumn(adaPage, 'In Progress', ['P1', 'T2']);
    await expectColumn(adaPage, 'To Do', ['T1', 'T3']);
    await expectColumn(bobPage, 'In Progress', ['P1', 'T2']);
    await expectColumn(bobPage, 'To Do', ['T1', 'T3']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['P1', 'T2']);
    await expect.poll(() => card(adaPage, 'T2').getAttribute('data-pending')).toBeNull();
    expect(await column(bobPage, 'In Progress').getByTestId('column-count').textContent()).toBe('2');

    // Dropped on top of a column: above its first card.
    const todo = column(bobPage, 'To Do').locator('[data-testid="card"]').first();
    await card(bobPage, 'T3').dragTo(todo, { targetPosition: { x: 20, y: 4 } });
    await expectColumn(adaPage, 'To Do', ['T3', 'T1']);
    expect(await serverColumn(s, 'To Do')).toEqual(['T3', 'T1']);
  });

  it('UI-BOARD-2 a card moves with the keyboard: Space, arrows, Space; Escape cancels', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(ada, `/p/${s.key}`), pageFor(bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);

    // Escape puts it back and sends nothing.
    await card(adaPage, 'T1').focus();
    await adaPage.keyboard.press('Space');
    await adaPage.keyboard.press('ArrowRight');
    await adaPage.keyboard.press('Escape');
    await expectColumn(adaPage, 'To Do', ['T1', 'T2', 'T3']);

    // T1: one column right, one position down (below P1), drop.
    await card(adaPage, 'T1').focus();
    await adaPage.keyboard.press('Space');
    expect(await adaPage.getByTestId('dnd-announcement').textContent()).toContain('Picked up');
    await adaPage.keyboard.press('ArrowRight');
    await adaPage.keyboard.press('ArrowDown');
    await adaPage.keyboard.press('Space');
    await expectColumn(adaPage, 'In Progress', ['P1', 'T1']);
    await expectColumn(bobPage, 'In Progress', ['P1', 'T1']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['P1', 'T1']);
    // Focus follows the card, so a second move needs no mouse: up one.
    await expect.poll(() => adaPage.evaluate(() => document.activeElement?.textContent ?? '')).toContain('T1');
    await adaPage.keyboard.press('Space');
    await adaPage.keyboard.press('ArrowUp');
    await adaPage.keyboard.press('Space');
    await expectColumn(bobPage, 'In Progress', ['T1', 'P1']);
    expect(await serverColumn(s, 'In Progress')).toEqual(['T1', 'P1']);
  });

  it('UI-BOARD-3 quick-add puts a card at the top of the column for both people', async () => {
    const s = await seedProject();
    const [adaPage, bobPage] = await Promise.all([pageFor(ada, `/p/${s.key}`, { colorScheme: 'dark' }), pageFor(bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(adaPage), boardReady(bobPage)]);

    await column(adaPage, 'To Do').getByTestId('quick-add').click();
    await adaPage.getByTestId('quick-add-input').fill('Q1 Ship the board');
    await adaPage.keyboard.press('Enter');
    await expectColumn(adaPage, 'To Do', ['Q1', 'T1', 'T2', 'T3']);
    await expectColumn(bobPage, 'To Do', ['Q1', 'T1', 'T2', 'T3']);
    expect(await serverColumn(s, 'To Do')).toEqual(['Q1', 'T1', 'T2', 'T3']);
    // The reply gave it its key.
    await expect.poll(() => card(adaPage, 'Q1').getByTestId('card-key').textContent()).toMatch(new RegExp(`^${s.key}-\\d+$`));

    // Into an empty column too.
    await column(bobPage, 'Done').getByTestId('quick-add').click();
    await bobPage.getByTestId('quick-add-input').fill('D1 Already done');
    await bobPage.keyboard.press('Enter');
    await expectColumn(adaPage, 'Done', ['D1']);
    await adaPage.keyboard.press('Escape');
    await saveScreenshot(adaPage, 'board-dark');
  });

  it('UI-BOARD-4 a viewer sees no quick-add and cannot drag or pick up a card', async () => {
    const s = await seedProject();
    const [vicPage, adaPage] = await Promise.all([pageFor(vic, `/p/${s.key}`), pageFor(ada, `/p/${s.key}`)]);
    await Promise.all([boardReady(vicPage), boardReady(adaPage)]);
    await vicPage.getByTestId('read-only').waitFor();
    expect(await vicPage.getByTestId('quick-add').count()).toBe(0);
    expect(await adaPage.getByTestId('quick-add').count()).toBe(5);
    expect(await card(vicPage, 'T1').getAttribute('draggable')).toBe('false');

    const target = column(vicPage, 'Done').locator('.column__cards');
    await card(vicPage, 'T1').dragTo(target);
    await card(vicPage, 'T2').focus();
    await vicPage.keyboard.press('Space');
    await vicPage.keyboard.press('ArrowRight');
    await vicPage.keyboard.press('Space');

    // Ada's change still reaches the viewer, so the page is live; nothing of Vic's did.
    await adaSocket.ok({ moveWorkItem: { workItemId: s.items['T3']!.id!, expectedVersion: s.items['T3']!.version!, statusId: s.status['In Review']!, afterId: '', beforeId: '' } });
    await expectColumn(vicPage, 'In Review', ['T3']);
    await expectColumn(vicPage, 'To Do', ['T1', 'T2']);
    expect(await titlesIn(vicPage, 'Done')).toEqual([]);
    expect(await serverColumn(s, 'To Do')).toEqual(['T1', 'T2']);
  });
});
