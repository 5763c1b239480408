// The whole app embedded, through the real build: /embed-example.html (a host
// page) mounts <tandem-board> with a `view` (the board with its item panel,
// the backlog with its sprints, My work, the Inbox, one item alone), and the
// embed stays inside the host page: its links move it, never the page's URL.
// Other people's changes go in over a TestClient socket, as another window's
// would; the server's state is read back the same way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LinkKind } from '../../shared/proto.ts';
import { PASSWORD, type Session } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, card, seedProject } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

const EXAMPLE = '/embed-example.html';

/** The example page signed in as `who`, showing `view` (and its project or item). */
async function openExample(who: Session, view: string, fields: { project?: string; item?: string } = {}): Promise<Page> {
  const page = await (await world.blankContext()).newPage();
  await page.goto(EXAMPLE);
  await page.locator('input[name="email"]').fill(who.user.email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('select[name="view"]').selectOption(view);
  if (fields.project) await page.locator('input[name="project"]').fill(fields.project);
  if (fields.item) await page.locator('input[name="item"]').fill(fields.item);
  await page.getByRole('button', { name: 'Show the board' }).click();
  // The example signs in with a password first (argon2, slow on a busy two-core machine) before the embed loads.
  await page.locator(`tandem-board [data-testid="tandem-embed"][data-view="${view}"]`).waitFor({ timeout: 30_000 });
  return page;
}

const hostUrl = (page: Page) => page.evaluate(() => ({ href: window.location.href, entries: history.length }));

async function panelOpen(page: Page, key: string): Promise<void> {
  await expect.poll(() => page.locator('tandem-board [data-testid="item-key"]').textContent(), { timeout: 10_000 }).toBe(key);
}

describe('embed views', () => {
  it('UI-EMBED-4 the embed example opens an item panel from a card and edits its title, seen live in a second window', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const page = await openExample(world.ada, 'board', { project: s.key });
    await boardReady(page);
    const before = await hostUrl(page);

    await card(page, 'T1').click();
    await panelOpen(page, t1.key!);
    expect(await page.locator('tandem-board [data-testid="embed-elsewhere"]').count()).toBe(0);
    const title = page.getByTestId('item-title-input');
    await title.fill('T1 Sign-in page, embedded');
    await title.press('Enter');

    // Bob's own window of the app sees the new title without a reload.
    const bob = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bob);
    await expect.poll(() => card(bob, 'T1').getByTestId('card-title').textContent(), { timeout: 10_000 }).toBe('T1 Sign-in page, embedded');
    await expect
      .poll(async () => (await world.adaSocket.ok({ getWorkItem: { workItemId: t1.id } })).workItem!.title)
      .toBe('T1 Sign-in page, embedded');
    expect(await hostUrl(page)).toEqual(before);
  });

  it('UI-EMBED-5 view="backlog" shows the sprints, and moves an item into one', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 1', goal: 'Ship sign-in', startDate: '', endDate: '' } })).sprint!;
    const page = await openExample(world.ada, 'backlog', { project: s.key });
    await page.locator('tandem-board [data-testid="planning"][data-state="ready"]').waitFor();
    const section = page.locator('tandem-board [data-testid="sprint"][data-sprint-name="Sprint 1"]');
    await section.waitFor();

    const row = page.locator('tandem-board [data-testid="backlog-item"]', { has: page.locator('[data-testid="item-title"]', { hasText: /^T2 / }) });
    await row.getByTestId('move-to').selectOption(sprint.id!);
    await expect.poll(() => section.locator('[data-testid="item-title"]').allTextContents()).toEqual(['T2 Fix the flaky socket']);
    await expect
      .poll(async () => (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.find((w) => w.id === s.items['T2']!.id)!.sprintId)
      .toBe(sprint.id);
  });

  it('UI-EMBED-6 view="my-work" lists an item assigned to the token\'s user; its row opens the item inside the embed', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'E',
      members: asEditors([world.bob]),
      items: [{ title: 'T1 Sign-in page', assigneeId: world.bob.user.id }, { title: 'T2 Not Bob\'s' }],
    });
    const t1 = s.items['T1']!;
    const page = await openExample(world.bob, 'my-work');
    await page.locator('tandem-board [data-testid="my-work"][data-state="ready"]').waitFor();
    const rows = page.locator('tandem-board [data-testid="my-work-assigned"] [data-testid="my-work-item"]');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toContain(t1.key);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).not.toContain(s.items['T2']!.key);
    const before = await hostUrl(page);

    await page.locator(`tandem-board [data-testid="my-work-assigned"] [data-testid="my-work-item"][data-key="${t1.key}"]`).click();
    await panelOpen(page, t1.key!);
    expect(await page.getByTestId('embed-where').textContent()).toBe(`Inside the embed: /p/${s.key}/item/${Number(t1.number)}`);
    // Closing the panel leaves the item's board; the back link returns to My work.
    await page.getByTestId('item-close').click();
    await page.locator('tandem-board [data-testid="embed-back"]').click();
    await page.locator('tandem-board [data-testid="my-work"][data-state="ready"]').waitFor();
    expect(await hostUrl(page)).toEqual(before);
  });

  it('UI-EMBED-7 view="inbox" shows the unread count rising when someone @mentions the token\'s user', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const page = await openExample(world.bob, 'inbox');
    await page.locator('tandem-board [data-testid="inbox"][data-state="ready"]').waitFor();
    const unread = page.locator('tandem-board [data-testid="inbox-unread"]');
    const count = async () => {
      const words = (await unread.textContent()) ?? '';
      return words === 'Nothing unread' ? 0 : Number(words.split(' ')[0]);
    };
    const before = await count();

    await world.adaSocket.ok({ addComment: { workItemId: s.items['T1']!.id, body: 'Over to @Bob Babbage for the copy' } });
    await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);
    await page.locator('tandem-board [data-testid="notification"][data-read="false"]').first().waitFor();
  });

  it('UI-EMBED-8 navigation inside the embed never changes the host page\'s URL, and the host\'s own links stay the host\'s', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const [t1, t2] = [s.items['T1']!, s.items['T2']!];
    await world.adaSocket.ok({ linkWorkItems: { fromId: t2.id, toId: t1.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    // One item alone: its link opens the other item, still alone, still inside the embed.
    const page = await openExample(world.ada, 'item', { item: t1.key! });
    await panelOpen(page, t1.key!);
    const before = await hostUrl(page);
    expect(await page.locator('tandem-board [data-testid="board"]').count()).toBe(0);
    await page.locator('tandem-board [data-testid="link-open"]').first().click();
    await panelOpen(page, t2.key!);
    expect(await page.getByTestId('embed-where').textContent()).toBe(`Inside the embed: /item/${s.key}/${Number(t2.number)}`);
    // Closing it shows the item's board, from which a card opens its panel.
    await page.getByTestId('item-close').click();
    await boardReady(page);
    await card(page, 'T3').click();
    await panelOpen(page, s.items['T3']!.key!);
    expect(await hostUrl(page)).toEqual(before);

    // A link of the host page on the same origin is a real navigation, not one of the embed's.
    await page.getByTestId('item-close').click();
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/embed-example.html?from=host';
      a.id = 'host-link';
      a.textContent = 'Host page link';
      document.body.prepend(a);
    });
    await page.locator('#host-link').click();
    await page.waitForURL((url) => url.search === '?from=host');
  });

  it('UI-EMBED-9 the example\'s sign-in works while the embed\'s module is still on its way, and never puts the password in the page\'s URL', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const page = await (await world.blankContext()).newPage();
    // The module held back, as on a slow network: the form is filled and sent before it arrives.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/embed/tandem-board.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(EXAMPLE);
    await page.locator('input[name="email"]').fill(world.ada.user.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('select[name="view"]').selectOption('board');
    await page.locator('input[name="project"]').fill(s.key);
    await page.getByRole('button', { name: 'Show the board' }).click();
    // A log-in's password hashing waits its turn on a busy machine (it failed once at the default 5 s).
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toMatch(/^Signed in as /);
    release();
    await boardReady(page);
    expect(new URL(page.url()).search).toBe('');
  });
});
