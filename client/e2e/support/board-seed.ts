// Shared by the e2e tests: a project of Ada's with its members and cards
// (by default Bob as editor and three cards in To Do, T1 above T2 above T3),
// plus page helpers.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ItemType, pb, Priority, Role, type IClientFrame, type IWorkItem } from '../../../shared/proto.ts';
import type { Session } from '../../../server/test/support/accounts.ts';
import type { TestClient } from '../../../server/test/support/ws-client.ts';
import { openContext } from './browser.ts';

export interface Seeded {
  key: string;
  projectId: string;
  status: Record<string, string>;
  items: Record<string, IWorkItem>;
}

/** Four capital letters for a fresh project key. */
/** Six random capitals: tests of one file share a workspace, and four letters of a-f (1,296 keys) collided. */
export const letters = () => Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join('');

/** A card to create: its title (whose first two characters name it in `Seeded.items`), its column, and any other fields. */
export type ItemSpec = Omit<NonNullable<IClientFrame['createWorkItem']>, 'projectId' | 'statusId' | 'afterId' | 'title'> & {
  title: string;
  /** The column's name; To Do unless said. */
  status?: string;
};

export interface SeedOptions {
  /** First letter of the project key. */
  prefix?: string;
  /** The project is named `${name} ${key}`. */
  name?: string;
  /** Added in this order, each with its role. */
  members?: [Session, Role][];
  /** Created in this order, each after the one before (a task of medium priority unless the spec says otherwise). */
  items?: ItemSpec[];
}

const DEFAULT_ITEMS: ItemSpec[] = [{ title: 'T1 Sign-in page' }, { title: 'T2 Fix the flaky socket' }, { title: 'T3 Write the release notes' }];

/** Editors, as a `members` list. */
export const asEditors = (editors: Session[]): [Session, Role][] => editors.map((who) => [who, Role.ROLE_EDITOR]);

export async function seedProject(owner: TestClient, options: SeedOptions = {}): Promise<Seeded> {
  const { prefix = 'O', name = 'Board', members = [], items: specs = DEFAULT_ITEMS } = options;
  const key = `${prefix}${letters()}`;
  const created = await owner.ok({ createProject: { key, name: `${name} ${key}`, description: '' } });
  const projectId = created.project!.id!;
  const status = Object.fromEntries(created.project!.statuses!.map((s) => [s.name!, s.id!]));
  for (const [who, role] of members) await owner.ok({ addMember: { projectId, userId: who.user.id, role } });
  const items: Record<string, IWorkItem> = {};
  let last = '';
  for (const { status: statusName = 'To Do', ...spec } of specs) {
    const r = await owner.ok({
      createWorkItem: { projectId, statusId: status[statusName]!, afterId: last, itemType: ItemType.ITEM_TYPE_TASK, priority: Priority.PRIORITY_MEDIUM, ...spec },
    });
    items[spec.title.slice(0, 2)] = r.workItem!;
    last = r.workItem!.id!;
  }
  return { key, projectId, status, items };
}

/** A context whose tab is signed in as `who` (the app keeps its session in sessionStorage). */
export async function signedInContext(browser: Browser, base: string, who: Session, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await openContext(browser, base, options);
  const grant = JSON.stringify({ token: who.token, user: who.user, tenantId: who.tenantId, workspace: who.workspace });
  await context.addInitScript((value) => sessionStorage.setItem('tandem.session', value), grant);
  return context;
}

export const column = (page: Page, name: string): Locator => page.locator(`[data-testid="column"][data-status-name="${name}"]`);
export const titlesIn = (page: Page, name: string) =>
  column(page, name)
    .locator('[data-testid="card-title"]')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)));
/** The card whose title starts with `prefix` (T1, Q1...). */
export const card = (page: Page, prefix: string) =>
  page.locator('[data-testid="card"]', { has: page.locator('[data-testid="card-title"]', { hasText: new RegExp(`^${prefix} `) }) });

/** Polls until the column shows exactly `expected` (by title prefix), or fails after 10 s. */
export async function expectColumn(page: Page, name: string, expected: string[]): Promise<void> {
  await expect.poll(() => titlesIn(page, name), { timeout: 10_000 }).toEqual(expected);
}

export async function boardReady(page: Page): Promise<void> {
  await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/**
 * `n` tasks created at once at the bottom of one column, every frame sent
 * before any reply is read (a server with the rate limit lifted): thousands
 * in seconds. `title(i)` names the i-th, from 1.
 */
export async function createManyCards(owner: TestClient, projectId: string, statusId: string, n: number, title: (i: number) => string): Promise<void> {
  const ids = new Set<string>();
  for (let i = 1; i <= n; i++) {
    const messageId = randomUUID();
    ids.add(messageId);
    owner.sendRaw(pb.ClientFrame.encode({ messageId, createWorkItem: { projectId, statusId, title: title(i), itemType: ItemType.ITEM_TYPE_TASK } }).finish());
  }
  let answered = 0;
  let scanned = 0;
  let refused: unknown = null;
  await owner.waitFor(
    () => {
      for (; scanned < owner.frames.length; scanned++) {
        const f = owner.frames[scanned]!;
        if (!ids.has(f.messageId)) continue;
        answered++;
        refused ??= f.error;
      }
      return answered === n || refused ? true : undefined;
    },
    120_000,
    'all creates answered',
  );
  if (refused) throw new Error(`a create was refused: ${JSON.stringify(refused)}`);
}
