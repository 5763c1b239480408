// Offline safety through the real built client in Chromium: Ada loses the
// network, moves two cards, reloads the page while still offline (the service
// worker serves the app shell; the edits wait in IndexedDB), comes back: both
// moves reach Bob and the server exactly once.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, card, column, expectColumn, seedProject, titlesIn, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

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
});
