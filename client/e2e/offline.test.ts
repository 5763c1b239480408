// Offline safety through the real built client in Chromium: Ada loses the
// network, moves two cards, reloads the page while still offline (the service
// worker serves the app shell; the edits wait in IndexedDB), comes back: both
// moves reach Bob and the server exactly once. A reload offline shows the
// board saved on the device, marked as a saved copy, with the waiting edits
// laid over it; an edit replayed after a reload that meets someone else's
// change opens the conflict dialog; leaving the page before an edit is stored
// on the device asks first.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, card, column, expectColumn, seedProject, titlesIn, type Seeded } from './support/board-seed.ts';
import { savedBoard } from './support/saved-board.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

async function pageFor(who: Session, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.contextFor(who);
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}

/** Space, arrows, Space: the board's keyboard move. */
async function keyboardMove(page: Page, prefix: string, keys: string[]): Promise<void> {
  await card(page, prefix).focus();
  await page.keyboard.press('Space');
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press('Space');
}

/** Online, with the offline shell in control and the board saved on the device: ready to lose the network. */
async function readyToGoOffline(page: Page, who: Session, key: string): Promise<void> {
  await boardReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect.poll(async () => (await savedBoard(page, who, key))?.seq ?? null).not.toBeNull();
}

const status = (page: Page) => page.getByTestId('link-status');

/** Opens a card's panel, types a new title and saves it with Enter. */
async function retitle(page: Page, prefix: string, title: string): Promise<void> {
  await card(page, prefix).click();
  const input = page.getByTestId('item-title-input');
  await input.fill(title);
  await input.press('Enter');
  await page.locator('body').press('Escape');
}

async function serverItems(s: Seeded) {
  const result = await world.adaSocket.ok({ getBoard: { projectId: s.projectId } });
  return new Map(result.board!.workItems!.map((w) => [w.id!, w]));
}

function eventsFor(entityId: string): { kind: string; seq: number }[] {
  const db = new Database(join(world.srv.dataDir, world.ada.tenantId, 'main.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT kind, seq FROM pm_events WHERE entity_id = ? ORDER BY seq').all(entityId) as { kind: string; seq: number }[];
  } finally {
    db.close();
  }
}

describe('offline', () => {
  it('UI-OFFLINE-1 two moves made offline survive a reload and reach Bob exactly once', async () => {
    const s = await seedProject(world.adaSocket, { members: asEditors([world.bob]) });
    const [a, b] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([boardReady(a.page), boardReady(b.page)]);
    // The offline shell is installed and controls the page before the network goes.
    await a.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => a.page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const eventsBefore = { T1: eventsFor(s.items['T1']!.id!).length, T2: eventsFor(s.items['T2']!.id!).length };

    await a.context.setOffline(true);
    await a.page.locator('[data-testid="link-status"][data-status="offline"]').waitFor();

    // T1 and T2 to In Progress, with the keyboard.
    await keyboardMove(a.page, 'T1', ['ArrowRight']);
    await expectColumn(a.page, 'In Progress', ['T1']);
    await keyboardMove(a.page, 'T2', ['ArrowRight', 'ArrowDown']);
    await expectColumn(a.page, 'In Progress', ['T1', 'T2']);
    await expectColumn(a.page, 'To Do', ['T3']);
    expect(await card(a.page, 'T1').getAttribute('data-pending')).toBe('true');
    await a.page.locator('[data-testid="link-status"][data-pending-writes="2"]').waitFor();

    // Nothing left the browser.
    await new Promise((r) => setTimeout(r, 500));
    expect(await titlesIn(b.page, 'To Do')).toEqual(['T1', 'T2', 'T3']);
    const untouched = await serverItems(s);
    expect(untouched.get(s.items['T1']!.id!)!.statusId).toBe(s.status['To Do']);

    // Reload while still offline: the shell comes from the service worker, the edits from IndexedDB.
    await a.page.reload();
    await a.page.locator('[data-testid="link-status"][data-status="offline"]').waitFor();
    await a.page.locator('[data-testid="link-status"][data-pending-writes="2"]').waitFor();
    expect(await a.page.getByTestId('pending-writes').textContent()).toContain('2 changes waiting');

    // Back online: replayed with their original ids, once.
    await a.context.setOffline(false);
    await boardReady(a.page);
    await expectColumn(b.page, 'In Progress', ['T1', 'T2']);
    await expectColumn(b.page, 'To Do', ['T3']);
    await expectColumn(a.page, 'In Progress', ['T1', 'T2']);
    await a.page.locator('[data-testid="link-status"][data-pending-writes="0"]').waitFor();
    await expect.poll(() => a.page.locator('[data-testid="card"][data-pending="true"]').count()).toBe(0);

    const after = await serverItems(s);
    for (const k of ['T1', 'T2'] as const) {
      const item = after.get(s.items[k]!.id!)!;
      expect(item.statusId).toBe(s.status['In Progress']);
      expect(Number(item.version)).toBe(Number(s.items[k]!.version) + 1);
      const events = eventsFor(s.items[k]!.id!);
      expect(events.length).toBe(eventsBefore[k] + 1);
    }
    expect(Number(after.get(s.items['T3']!.id!)!.version)).toBe(Number(s.items['T3']!.version));
    // Bob's page got each move once: its column counts agree with the server.
    expect(await column(b.page, 'In Progress').getByTestId('column-count').textContent()).toBe('2');
  });

  it('UI-OFFLINE-2 a reload offline shows the saved board, marked as such, with an edit made offline still pending; back online it reaches Bob once', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'C', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const [a, b] = await Promise.all([pageFor(world.ada, `/p/${s.key}`), pageFor(world.bob, `/p/${s.key}`)]);
    await Promise.all([readyToGoOffline(a.page, world.ada, s.key), boardReady(b.page)]);
    expect(await status(a.page).getAttribute('data-saved-copy')).toBeNull();
    const eventsBefore = eventsFor(t1.id!).length;

    // Offline, reloaded: the cards come from the device, and the page says so.
    await a.context.setOffline(true);
    await a.page.reload();
    await a.page.locator('[data-testid="board"][data-state="ready"]').waitFor();
    await expectColumn(a.page, 'To Do', ['T1', 'T2', 'T3']);
    await a.page.locator('[data-testid="link-status"][data-status="offline"][data-saved-copy="true"]').waitFor();
    expect(await a.page.getByTestId('saved-copy').textContent()).toContain('showing saved copy');
    await saveScreenshot(a.page, 'board-saved-copy-light');

    // An edit made on the saved copy, then another reload: still shown, still pending.
    await retitle(a.page, 'T1', 'T1 Sign-in page, written offline');
    await expect.poll(() => card(a.page, 'T1').getAttribute('data-pending')).toBe('true');
    await a.page.reload();
    await a.page.locator('[data-testid="link-status"][data-saved-copy="true"][data-pending-writes="1"]').waitFor();
    await expect.poll(() => card(a.page, 'T1').getAttribute('data-pending'), { timeout: 10_000 }).toBe('true');
    expect(await card(a.page, 'T1').getByTestId('card-title').textContent()).toBe('T1 Sign-in page, written offline');
    expect((await serverItems(s)).get(t1.id!)!.title).toBe(t1.title);

    // Back online: caught up, live again, and the edit reaches Bob and the server once.
    await a.context.setOffline(false);
    await boardReady(a.page);
    await expect.poll(() => status(a.page).getAttribute('data-saved-copy')).toBeNull();
    await expect.poll(() => card(b.page, 'T1').getByTestId('card-title').textContent(), { timeout: 10_000 }).toBe('T1 Sign-in page, written offline');
    await expect.poll(() => card(a.page, 'T1').getAttribute('data-pending')).toBeNull();
    const item = (await serverItems(s)).get(t1.id!)!;
    expect(item.title).toBe('T1 Sign-in page, written offline');
    expect(Number(item.version)).toBe(Number(t1.version) + 1);
    expect(eventsFor(t1.id!).length).toBe(eventsBefore + 1);
  });

  it('UI-OFFLINE-3 an edit replayed after a reload that meets Bob\'s change to the same field opens the conflict dialog; take mine wins', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'D', members: asEditors([world.bob]) });
    const t2 = s.items['T2']!;
    const a = await pageFor(world.ada, `/p/${s.key}`);
    await readyToGoOffline(a.page, world.ada, s.key);

    await a.context.setOffline(true);
    await status(a.page).and(a.page.locator('[data-status="offline"]')).waitFor();
    await retitle(a.page, 'T2', 'T2 Ada fixed it offline');
    await a.page.locator('[data-testid="link-status"][data-pending-writes="1"]').waitFor();
    // Reloaded: the write now belongs to no promise on the page; only the outbox remembers it.
    await a.page.reload();
    await a.page.locator('[data-testid="link-status"][data-pending-writes="1"]').waitFor();

    // Meanwhile Bob saves the same field.
    await world.bobSocket.ok({ updateWorkItem: { workItemId: t2.id!, expectedVersion: Number(t2.version), title: 'T2 Bob fixed it' } });

    await a.context.setOffline(false);
    const dialog = a.page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    const row = dialog.locator('[data-testid="conflict-row"][data-field="title"]');
    expect(await row.getByTestId('conflict-theirs').textContent()).toBe('T2 Bob fixed it');
    expect(await row.getByTestId('conflict-yours').textContent()).toBe('T2 Ada fixed it offline');
    await dialog.getByTestId('conflict-take-yours').click();

    await expect.poll(async () => (await serverItems(s)).get(t2.id!)!.title).toBe('T2 Ada fixed it offline');
    await expect.poll(() => card(a.page, 'T2').getByTestId('card-title').textContent()).toBe('T2 Ada fixed it offline');
    expect(await dialog.count()).toBe(0);
    expect(Number((await serverItems(s)).get(t2.id!)!.version)).toBe(Number(t2.version) + 2);
  });

  it('UI-OFFLINE-4 the backlog and members pages open from the saved board offline; an item planned into a sprint offline stays there, pending, across a reload, and is sent once', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const sprint = (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint 1', goal: '', startDate: '', endDate: '' } })).sprint!;
    const t3 = s.items['T3']!;
    const a = await pageFor(world.ada, `/p/${s.key}`);
    await readyToGoOffline(a.page, world.ada, s.key);

    await a.context.setOffline(true);
    await a.page.goto(`/p/${s.key}/backlog`);
    await a.page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
    await a.page.locator('[data-testid="link-status"][data-saved-copy="true"]').waitFor();
    const sprintList = a.page.locator(`[data-testid="sprint"][data-sprint-id="${sprint.id}"]`);
    const row = (prefix: string) => a.page.locator('[data-testid="backlog-item"]', { has: a.page.locator('[data-testid="item-title"]', { hasText: new RegExp(`^${prefix} `) }) });
    await row('T3').getByTestId('move-to').selectOption(sprint.id!);
    await sprintList.locator('[data-testid="backlog-item"][data-pending="true"]').waitFor();
    // The row shows the plan at once; the count follows once the device's outbox holds it, which is what a reload reads.
    await a.page.locator('[data-testid="link-status"][data-pending-writes="1"]').waitFor();

    await a.page.reload();
    await a.page.locator('[data-testid="link-status"][data-saved-copy="true"][data-pending-writes="1"]').waitFor();
    await sprintList.locator(`[data-testid="backlog-item"][data-item-id="${t3.id}"][data-pending="true"]`).waitFor();
    expect((await serverItems(s)).get(t3.id!)!.sprintId ?? '').toBe('');

    // The members page reads the same saved board.
    await a.page.getByTestId('tab-members').click();
    await a.page.locator(`[data-testid="member"][data-user-id="${world.bob.user.id}"]`).waitFor();
    await a.page.locator('[data-testid="link-status"][data-saved-copy="true"]').waitFor();
    await a.page.getByTestId('tab-backlog').click();
    await sprintList.locator(`[data-testid="backlog-item"][data-item-id="${t3.id}"][data-pending="true"]`).waitFor();

    await a.context.setOffline(false);
    await expect.poll(async () => (await serverItems(s)).get(t3.id!)!.sprintId).toBe(sprint.id);
    await sprintList.locator(`[data-testid="backlog-item"][data-item-id="${t3.id}"]:not([data-pending])`).waitFor();
    expect(Number((await serverItems(s)).get(t3.id!)!.version)).toBe(Number(t3.version) + 1);
  });

  it('UI-OFFLINE-6 leaving the page while a change is not yet stored on the device asks first; once stored, the page leaves without asking', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'H' });
    const a = await pageFor(world.ada, `/p/${s.key}`);
    await boardReady(a.page);
    // Another tab of Ada's holds the outbox's store, as a busy device can: the change waits to be stored, and a change is sent only once stored.
    const holder = await a.context.newPage();
    await holder.goto('/healthz');
    await holder.evaluate((name) => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const store = open.result.transaction('outbox', 'readwrite').objectStore('outbox');
        const held = window as unknown as { holding: boolean };
        held.holding = true;
        const keepAlive = () => {
          if (held.holding) store.get('none').onsuccess = keepAlive;
        };
        keepAlive();
        resolve();
      };
    }), `tandem-outbox-${world.ada.tenantId}-${world.ada.user.id}`);

    const asked: string[] = [];
    a.page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await retitle(a.page, 'T1', 'T1 Sign-in page, kept');
    await a.page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(a.page.isClosed()).toBe(false);
    expect((await serverItems(s)).get(s.items['T1']!.id!)!.title).not.toBe('T1 Sign-in page, kept');

    await holder.evaluate(() => {
      (window as unknown as { holding: boolean }).holding = false;
    });
    await expect.poll(async () => (await serverItems(s)).get(s.items['T1']!.id!)!.title, { timeout: 10_000 }).toBe('T1 Sign-in page, kept');
    await a.page.close({ runBeforeUnload: true });
    await expect.poll(() => a.page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
  });

  // Last: its logout ends Ada's session, which the other tests sign in with.
  it('UI-OFFLINE-5 offline, a board never opened here says there is no saved copy, then loads when back; logging out deletes the saved boards', async () => {
    const [seen, unseen] = [await seedProject(world.adaSocket, { prefix: 'F' }), await seedProject(world.adaSocket, { prefix: 'G' })];
    const a = await pageFor(world.ada, `/p/${seen.key}`);
    await readyToGoOffline(a.page, world.ada, seen.key);

    await a.context.setOffline(true);
    await a.page.goto(`/p/${unseen.key}`);
    await a.page.getByTestId('board-error').waitFor();
    expect(await a.page.getByTestId('board-error').textContent()).toContain('no saved copy');
    await a.context.setOffline(false);
    await boardReady(a.page);
    await expectColumn(a.page, 'To Do', ['T1', 'T2', 'T3']);

    const databases = () => a.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    const boards = `tandem-boards-${world.ada.tenantId}-${world.ada.user.id}`;
    expect(await databases()).toContain(boards);
    await a.page.getByTestId('logout-button').click();
    await a.page.waitForURL((url) => url.pathname === '/login');
    await expect.poll(databases).not.toContain(boards);
  });
});
