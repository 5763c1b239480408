// Notifications through the real built client in Debian's Chromium against a
// real server on port 0: Ada @mentions Bob by picking him from the
// autocomplete, and Bob's unread count rises without a reload; his inbox
// lists what happened while he was away, in words, and opening an entry takes
// him to the item and marks it read; Watch on an item brings its comments.
// Other changes go in over Ada's TestClient socket, as another window's would;
// Bob's reads what the server keeps, so a test never ends before its writes land.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NotificationKind, type IWorkItem } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { asEditors, boardReady, seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;
const unread = async (page: Page) => Number(await page.getByTestId('inbox-link').getAttribute('data-unread'));
/** The count is the server's once the first list has arrived. */
const inboxLoaded = (page: Page) => page.locator('[data-testid="inbox-link"][data-state="ready"]').waitFor();

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

async function inboxReady(page: Page): Promise<void> {
  await page.locator('[data-testid="inbox"][data-state="ready"]').waitFor();
}

describe('notifications', () => {
  it('UI-INBOX-1 Ada types @Bo in a comment, picks Bob from the list, and Bob\'s unread count rises without a reload', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'I', members: asEditors([world.bob]) });
    const bob = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bob);
    await inboxLoaded(bob);
    const before = await unread(bob);
    // The page must not be loaded again: this mark would be gone.
    await bob.evaluate(() => Object.assign(window, { inboxMark: 1 }));

    const ada = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await panelReady(ada, s.items['T1']!);
    const input = ada.getByTestId('comment-input');
    await input.click();
    await ada.keyboard.type('Can @Bo');
    const list = ada.getByTestId('mention-list');
    await list.waitFor();
    expect(await list.getByTestId('mention-option').allTextContents()).toEqual(['Bob Babbage']);
    expect(await seriousViolations(ada, '[data-testid="item-panel"]')).toEqual([]);
    await ada.keyboard.press('Enter');
    await list.waitFor({ state: 'detached' });
    await ada.keyboard.type('check the wording?');
    expect(await input.inputValue()).toBe('Can @Bob Babbage check the wording?');
    await ada.getByTestId('comment-submit').click();

    await expect.poll(() => unread(bob), { timeout: 10_000 }).toBe(before + 1);
    expect(await bob.getByTestId('unread-count').textContent()).toBe(String(before + 1));
    expect(await bob.evaluate(() => (window as unknown as { inboxMark?: number }).inboxMark)).toBe(1);

    // In the description too; Escape closes only the list, not the editor or the panel.
    await ada.getByTestId('description-edit').click();
    const description = ada.getByTestId('description-input');
    await description.press('End');
    await ada.keyboard.type(' @ada');
    await list.waitFor();
    expect(await description.getAttribute('aria-activedescendant')).toBeTruthy();
    await ada.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await description.isVisible()).toBe(true);
    expect(await ada.getByTestId('item-panel').isVisible()).toBe(true);
  });

  it('UI-INBOX-2 what happened while Bob was away is in his inbox, in words; an entry opens its item and is read; Mark all read; settings kept', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'J', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const t2 = s.items['T2']!;
    // Bob is not online: he learns of these when his page connects.
    await world.adaSocket.ok({ addComment: { workItemId: t1.id, body: 'Over to @Bob Babbage for the copy' } });
    await world.adaSocket.ok({ updateWorkItem: { workItemId: t2.id, expectedVersion: t2.version, assigneeId: world.bob.user.id } });

    const bob = await world.pageFor(world.bob, '/');
    await bob.getByTestId('inbox-link').click();
    await bob.waitForURL((url) => url.pathname === '/inbox');
    await inboxReady(bob);
    const entry = (item: IWorkItem) => bob.locator('[data-testid="notification"]', { hasText: `${item.key} ` });
    expect(await entry(t1).getByTestId('notification-text').textContent()).toBe(`Ada Lovelace mentioned you on ${t1.key} T1 Sign-in page`);
    expect(await entry(t1).textContent()).toContain('Over to @Bob Babbage for the copy');
    expect(await entry(t2).getByTestId('notification-text').textContent()).toBe(`Ada Lovelace assigned you ${t2.key} T2 Fix the flaky socket`);
    expect(await entry(t1).getAttribute('data-read')).toBe('false');
    const before = await unread(bob);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(bob)).toEqual([]);
    await saveScreenshot(bob, 'inbox-light');
    // At phone width the bell stands alone, still named.
    await bob.setViewportSize({ width: 390, height: 844 });
    expect(await bob.getByRole('link', { name: /^Inbox \d+ unread$/ }).count()).toBe(1);
    expect(await seriousViolations(bob, 'header')).toEqual([]);
    await bob.setViewportSize({ width: 1280, height: 800 });

    await entry(t1).click();
    await bob.waitForURL((url) => url.pathname === itemPath(s, 'T1'));
    await panelReady(bob, t1);
    await expect.poll(() => unread(bob)).toBe(before - 1);

    // The panel is modal: the top bar is reached once it is closed.
    await bob.getByTestId('item-close').click();
    await bob.getByTestId('inbox-link').click();
    await inboxReady(bob);
    expect(await entry(t1).getAttribute('data-read')).toBe('true');
    await bob.getByTestId('inbox-mark-all').click();
    await expect.poll(() => unread(bob)).toBe(0);
    expect(await bob.getByTestId('unread-count').count()).toBe(0);
    expect(await entry(t2).getAttribute('data-read')).toBe('true');

    // Comments on watched items turned off: kept by the server, so a reload shows it so.
    const commented = bob.locator('[data-testid="notification-kind"][data-kind="3"]');
    const mutedOnServer = async () => (await world.bobSocket.ok({ listNotifications: {} })).notifications?.settings?.muted ?? [];
    expect(await commented.isChecked()).toBe(true);
    await commented.click();
    expect(await commented.isChecked()).toBe(false);
    await expect.poll(mutedOnServer).toEqual([NotificationKind.NOTIFICATION_KIND_COMMENTED]);
    await bob.reload();
    await inboxReady(bob);
    expect(await commented.isChecked()).toBe(false);
    await commented.click();
    await expect.poll(mutedOnServer).toEqual([]);
  });

  it('UI-INBOX-3 Watch on an item brings its comments to the inbox live; Unwatch stops them', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'K', members: asEditors([world.bob]) });
    const t3 = s.items['T3']!;
    const bob = await world.pageFor(world.bob, itemPath(s, 'T3'));
    await panelReady(bob, t3);
    const watch = bob.getByTestId('item-watch');
    await expect.poll(() => watch.getAttribute('data-watching')).toBe('false');
    expect(await watch.textContent()).toBe('Watch');
    await inboxLoaded(bob);
    const before = await unread(bob);

    await watch.click();
    await expect.poll(() => watch.getAttribute('data-watching')).toBe('true');
    expect(await watch.textContent()).toBe('Unwatch');
    const watchingOnServer = async () => (await world.bobSocket.ok({ getWorkItem: { workItemId: t3.id } })).workItem?.watching === true;
    await expect.poll(watchingOnServer).toBe(true);
    await world.adaSocket.ok({ addComment: { workItemId: t3.id, body: 'Release notes drafted' } });
    await expect.poll(() => unread(bob), { timeout: 10_000 }).toBe(before + 1);

    await watch.click();
    await expect.poll(() => watch.getAttribute('data-watching')).toBe('false');
    await expect.poll(watchingOnServer).toBe(false);
    // Kept on the server: the panel opened again asks and hears the same.
    await bob.reload();
    await panelReady(bob, t3);
    await expect.poll(() => bob.getByTestId('item-watch').getAttribute('data-watching')).toBe('false');
    await world.adaSocket.ok({ addComment: { workItemId: t3.id, body: 'And the changelog' } });
    // Nothing comes of it: a mention of Bob, sent after, is the next thing he hears.
    await world.adaSocket.ok({ addComment: { workItemId: s.items['T1']!.id, body: '@Bob Babbage one more' } });
    await expect.poll(() => unread(bob), { timeout: 10_000 }).toBe(before + 2);
    await bob.getByTestId('item-close').click();
    await bob.getByTestId('inbox-link').click();
    await inboxReady(bob);
    expect(await bob.locator('[data-testid="notification"]', { hasText: `${t3.key} ` }).count()).toBe(1);
  });
});
