// Shared by the offline and embed tests: a project of Ada's with Bob as
// editor and three cards in To Do (T1 above T2 above T3), plus page helpers.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ItemType, Priority, Role, type IWorkItem } from '../../../shared/proto.ts';
import type { Session } from '../../../server/test/support/accounts.ts';
import type { TestClient } from '../../../server/test/support/ws-client.ts';
import { openContext } from './browser.ts';

export interface Seeded {
  key: string;
  projectId: string;
  status: Record<string, string>;
  items: Record<string, IWorkItem>;
}

const letters = () =>
  Array.from(randomUUID().replace(/[^a-f]/g, '').slice(0, 4), (c) => c.toUpperCase()).join('').padEnd(4, 'Q');

export async function seedProject(owner: TestClient, editors: Session[], prefix = 'O'): Promise<Seeded> {
  const key = `${prefix}${letters()}`;
  const created = await owner.ok({ createProject: { key, name: `Board ${key}`, description: '' } });
  const projectId = created.project!.id!;
  const status = Object.fromEntries(created.project!.statuses!.map((s) => [s.name!, s.id!]));
  for (const who of editors) await owner.ok({ addMember: { projectId, userId: who.user.id, role: Role.ROLE_EDITOR } });
  const items: Record<string, IWorkItem> = {};
  let last = '';
  for (const title of ['T1 Sign-in page', 'T2 Fix the flaky socket', 'T3 Write the release notes']) {
    const r = await owner.ok({
      createWorkItem: { projectId, statusId: status['To Do']!, afterId: last, title, itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_MEDIUM },
    });
    items[title.slice(0, 2)] = r.workItem!;
    last = r.workItem!.id!;
  }
  return { key, projectId, status, items };
}

/** A context whose tab is signed in as `who` (the app keeps its session in sessionStorage). */
export async function signedInContext(browser: Browser, base: string, who: Session, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await openContext(browser, base, options);
  const grant = JSON.stringify({ token: who.token, user: who.user, tenantId: who.tenantId });
  await context.addInitScript((value) => sessionStorage.setItem('tandem.session', value), grant);
  return context;
}

export const column = (page: Page, name: string): Locator => page.locator(`[data-testid="column"][data-status-name="${name}"]`);
export const titlesIn = (page: Page, name: string) =>
  column(page, name)
    .locator('[data-testid="card-title"]')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
export const card = (page: Page, prefix: string) =>
  page.locator('[data-testid="card"]', { has: page.locator('[data-testid="card-title"]', { hasText: new RegExp(`^${prefix} `) }) });

export async function expectColumn(page: Page, name: string, expected: string[]): Promise<void> {
  await expect.poll(() => titlesIn(page, name), { timeout: 10_000 }).toEqual(expected);
}

export async function boardReady(page: Page): Promise<void> {
  await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}
