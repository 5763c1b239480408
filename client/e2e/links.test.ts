// Links between items through the real built client in Debian's Chromium,
// against a real server: a card blocked by an unfinished item says so until
// another window moves the blocker to Done; links added in the item panel by
// searching, seen in a second window; the server's refusals in words. Seed
// data and checks of the server's state go over Ada's TestClient socket.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LinkKind, type IWorkItem } from '../../shared/proto.ts';
import { asEditors, boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/** The panel's links as "words: KEY title (status)", in the order shown. */
const linksIn = (page: Page) =>
  page.getByTestId('link-group').evaluateAll((groups) =>
    groups.flatMap((g) =>
      [...g.querySelectorAll('[data-testid="link"]')].map((l) => {
        const part = (name: string) => l.querySelector(`.subtask__${name}`)?.textContent ?? '';
        return `${g.getAttribute('data-words')}: ${part('key')} ${part('title')} (${part('status')})`;
      }),
    ),
  );

const blockedLine = async (page: Page, prefix: string) => {
  const line = card(page, prefix).getByTestId('card-blocked');
  return (await line.count()) ? line.textContent() : null;
};

/** Adds a link in the open panel: the kind, then the item found by `query`, picked by its key. */
async function addLink(page: Page, words: string, query: string, key: string): Promise<void> {
  await page.getByTestId('add-link').click();
  await page.getByTestId('link-kind').selectOption({ label: words });
  await page.getByTestId('link-search').fill(query);
  await page.locator(`[data-testid="link-hit"][data-key="${key}"]`).click();
}

const serverLinks = async (s: Seeded) =>
  ((await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.links ?? []).map((l) => [l.fromId, l.toId, l.kind]);

describe('links', () => {
  it('UI-LINK-1 a blocked card names its unfinished blockers; one moved to Done by another window drops off, a deleted one hides until restored', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'L', members: asEditors([world.bob]) });
    const [t1, t2, t3] = ['T1', 'T2', 'T3'].map((p) => s.items[p]!);
    await world.adaSocket.ok({ linkWorkItems: { fromId: t2!.id, toId: t1!.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, `/p/${s.key}`), world.pageFor(world.bob, itemPath(s, 'T2'))]);
    await boardReady(adaPage);
    await expect.poll(() => blockedLine(adaPage, 'T1')).toBe(`Blocked by ${t2!.key}`);
    expect(await blockedLine(adaPage, 'T2')).toBeNull();

    // A link made elsewhere arrives live.
    await world.adaSocket.ok({ linkWorkItems: { fromId: t3!.id, toId: t1!.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    await expect.poll(() => blockedLine(adaPage, 'T1'), { timeout: 10_000 }).toBe(`Blocked by ${t2!.key}, ${t3!.key}`);

    // Bob, in his own window, moves T2 to Done: Ada's card stops naming it.
    await panelReady(bobPage, t2!);
    await bobPage.getByTestId('item-status-select').selectOption({ label: 'Done' });
    await expect.poll(() => blockedLine(adaPage, 'T1'), { timeout: 10_000 }).toBe(`Blocked by ${t3!.key}`);

    // A deleted blocker's link hides with it, and comes back with it.
    await world.adaSocket.ok({ deleteWorkItem: { workItemId: t3!.id, expectedVersion: Number(t3!.version) } });
    await expect.poll(() => blockedLine(adaPage, 'T1'), { timeout: 10_000 }).toBeNull();
    await world.adaSocket.ok({ restoreWorkItem: { workItemId: t3!.id } });
    await expect.poll(() => blockedLine(adaPage, 'T1'), { timeout: 10_000 }).toBe(`Blocked by ${t3!.key}`);
  });

  it('UI-LINK-2 a link added in the panel by searching a key shows in a second window\'s panel, opens the other item, and is removed', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'M', members: asEditors([world.bob]) });
    const [t1, t3] = [s.items['T1']!, s.items['T3']!];
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, itemPath(s, 'T1')), world.pageFor(world.bob, itemPath(s, 'T3'))]);
    await Promise.all([panelReady(adaPage, t1), panelReady(bobPage, t3)]);

    await addLink(adaPage, 'blocks', t3.key!, t3.key!);
    await expect.poll(() => linksIn(adaPage)).toEqual([`blocks: ${t3.key} T3 Write the release notes (To Do)`]);
    await expect.poll(() => serverLinks(s)).toEqual([[t1.id, t3.id, LinkKind.LINK_KIND_BLOCKS]]);
    await expect.poll(() => adaPage.locator('[data-testid="link"][data-pending]').count()).toBe(0);

    // Bob's panel on T3 reads it from the other end, and his board marks T3 blocked.
    await expect.poll(() => linksIn(bobPage), { timeout: 10_000 }).toEqual([`is blocked by: ${t1.key} T1 Sign-in page (To Do)`]);
    await expect.poll(() => blockedLine(bobPage, 'T3')).toBe(`Blocked by ${t1.key}`);

    // The link opens the item at its other end.
    await bobPage.getByTestId('link-open').click();
    await panelReady(bobPage, t1);
    await expect.poll(() => linksIn(bobPage)).toEqual([`blocks: ${t3.key} T3 Write the release notes (To Do)`]);

    // Bob removes it; Ada's panel empties.
    await bobPage.getByTestId('link-remove').click();
    await expect.poll(() => linksIn(adaPage), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => serverLinks(s)).toEqual([]);
  });

  it('UI-LINK-3 a circle of blocking items, and the same link twice, are refused in the server\'s words and rolled back', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'N' });
    const [t1, t2] = [s.items['T1']!, s.items['T2']!];
    await world.adaSocket.ok({ linkWorkItems: { fromId: t1.id, toId: t2.id, kind: LinkKind.LINK_KIND_BLOCKS } });
    const page = await world.pageFor(world.ada, itemPath(s, 'T2'));
    await panelReady(page, t2);
    await expect.poll(() => linksIn(page)).toEqual([`is blocked by: ${t1.key} T1 Sign-in page (To Do)`]);

    await addLink(page, 'blocks', t1.key!, t1.key!);
    await expect
      .poll(() => page.getByTestId('links-error').textContent())
      .toBe(`Could not link ${t2.key} to ${t1.key}: That would make a circle of blocking items: ${t2.key} blocks ${t1.key} blocks ${t2.key}.`);
    expect(await linksIn(page)).toEqual([`is blocked by: ${t1.key} T1 Sign-in page (To Do)`]);

    // Found by title this time.
    await addLink(page, 'is blocked by', 'Sign-in', t1.key!);
    await expect.poll(() => page.getByTestId('links-error').textContent()).toBe(`Could not link ${t2.key} to ${t1.key}: ${t1.key} already blocks ${t2.key}.`);
    expect(await linksIn(page)).toEqual([`is blocked by: ${t1.key} T1 Sign-in page (To Do)`]);
    expect(await serverLinks(s)).toEqual([[t1.id, t2.id, LinkKind.LINK_KIND_BLOCKS]]);
  });

  it('UI-LINK-4 a link to another project\'s item, picked by title: named with its project\'s key and status, and opened there', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'P' });
    const other = await seedProject(world.adaSocket, { prefix: 'Q', items: [{ title: 'Q1 Rate limits for the public API', status: 'In Progress' }] });
    const q1 = other.items['Q1']!;
    const page = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await panelReady(page, s.items['T1']!);

    await addLink(page, 'relates to', 'rate limits public', q1.key!);
    await expect.poll(() => linksIn(page)).toEqual([`relates to: ${q1.key} Q1 Rate limits for the public API (In progress)`]);
    await expect.poll(() => serverLinks(s)).toEqual([[s.items['T1']!.id, q1.id, LinkKind.LINK_KIND_RELATES_TO]]);
    // Still there from the board's own answer after a reload (Board.linked_items).
    await page.reload();
    await panelReady(page, s.items['T1']!);
    await expect.poll(() => linksIn(page)).toEqual([`relates to: ${q1.key} Q1 Rate limits for the public API (In progress)`]);

    await page.getByTestId('link-open').click();
    await page.waitForURL((url) => url.pathname === `/p/${other.key}/item/${Number(q1.number)}`);
    await panelReady(page, q1);
    // From there, T1 is the other project's: its status by category.
    await expect.poll(() => linksIn(page)).toEqual([`relates to: ${s.items['T1']!.key} T1 Sign-in page (To do)`]);
  });
});
