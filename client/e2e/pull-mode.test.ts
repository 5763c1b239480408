// Pull mode in Chromium (issue 15 part 6, UI-PULL): an admin turns it on in
// Settings and the Pool tab appears for everyone; people claim from the Pool,
// two claims of one item at once leave exactly one person told in words that
// it was taken, and the item leaves both pools; the item panel offers Claim
// and Release instead of an assignee, and someone else's claim is read-only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { boardReady, seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const poolItem = (page: Page, key: string) => page.locator(`[data-testid="pool-item"][data-key="${key}"]`);
const poolKeys = (page: Page) => page.getByTestId('pool-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
const claimedBy = (page: Page, userId: string) =>
  page.locator(`[data-testid="pool-person"][data-user-id="${userId}"] [data-testid="pool-claimed"]`).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
const takenToasts = (page: Page) => page.getByTestId('toast').filter({ hasText: 'was just claimed by' });
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function poolReady(page: Page): Promise<void> {
  await page.locator('[data-testid="pool-page"][data-state="ready"][data-pull-mode="true"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/** Pull mode on, straight through the socket (UI-PULL-1 does it on the Settings page). */
async function pullOn(s: Seeded): Promise<void> {
  const { project } = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
  await world.adaSocket.ok({ updateProject: { projectId: s.projectId, expectedVersion: Number(project!.version), pullMode: true } });
}

const seeded = () =>
  seedProject(world.adaSocket, {
    prefix: 'U',
    members: [
      [world.bob, Role.ROLE_EDITOR],
      [world.vic, Role.ROLE_EDITOR],
    ],
  });

describe('UI-PULL pull mode', () => {
  it('UI-PULL-1 pull mode turned on in Settings brings the Pool tab to another window live; the Pool lists what is ready with Claim, and a claim there leaves it at once; no serious axe violation', async () => {
    const s = await seeded();
    const bob = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bob);
    expect(await bob.getByTestId('tab-pool').count()).toBe(0);

    const ada = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await ada.locator('[data-testid="settings"][data-state="ready"]').waitFor();
    await ada.getByTestId('pull-mode-toggle').check();
    await expect.poll(() => ada.getByTestId('pull-mode').textContent()).toContain('Pull mode is on');
    expect(await seriousViolations(ada, '[data-testid="pull-mode"]')).toEqual([]);

    await bob.getByTestId('tab-pool').click();
    await bob.waitForURL((url) => url.pathname === `/p/${s.key}/pool`);
    await poolReady(bob);
    const keyOf = (title: string) => s.items[title]!.key!;
    const [t1, t2, t3] = [keyOf('T1'), keyOf('T2'), keyOf('T3')];
    expect(await poolKeys(bob)).toEqual([t1, t2, t3]);
    await ada.getByTestId('tab-pool').click();
    await poolReady(ada);
    expect(await poolKeys(ada)).toEqual([t1, t2, t3]);

    await poolItem(bob, t1).getByTestId('pool-claim').click();
    expect(await poolKeys(bob)).toEqual([t2, t3]);
    await expect.poll(() => claimedBy(bob, world.bob.user.id)).toEqual([t1]);
    await expect.poll(() => poolKeys(ada)).toEqual([t2, t3]);
    await expect.poll(() => claimedBy(ada, world.bob.user.id)).toEqual([t1]);
    expect(await seriousViolations(bob)).toEqual([]);
    await saveScreenshot(bob, 'pool-light');
  });

  it('UI-PULL-2 two people claim one item at once: exactly one is told in words that it was taken, and it leaves both pools for the winner', async () => {
    const s = await seeded();
    await pullOn(s);
    const [ada, bob] = await Promise.all([world.pageFor(world.ada, `/p/${s.key}/pool`), world.pageFor(world.bob, `/p/${s.key}/pool`)]);
    await Promise.all([poolReady(ada), poolReady(bob)]);
    const t2 = s.items['T2']!.key!;
    await Promise.all([poolItem(ada, t2).waitFor(), poolItem(bob, t2).waitFor()]);

    await Promise.all([poolItem(ada, t2).getByTestId('pool-claim').click(), poolItem(bob, t2).getByTestId('pool-claim').click()]);

    const told = async () => (await takenToasts(ada).count()) + (await takenToasts(bob).count());
    await expect.poll(told).toBe(1);
    // The winner hears nothing more.
    await new Promise((r) => setTimeout(r, 500));
    expect(await told()).toBe(1);
    const [loser, winner, winnerName] = (await takenToasts(ada).count()) === 1 ? [ada, world.bob, 'Bob Babbage'] : [bob, world.ada, 'Ada Lovelace'];
    expect(await takenToasts(loser).textContent()).toContain(`${t2} was just claimed by ${winnerName}.`);
    for (const page of [ada, bob]) {
      await expect.poll(() => poolKeys(page)).not.toContain(t2);
      await expect.poll(() => claimedBy(page, winner.user.id)).toEqual([t2]);
    }
    expect((await world.adaSocket.ok({ getWorkItem: { workItemId: s.items['T2']!.id! } })).workItem?.assigneeId).toBe(winner.user.id);
  });

  it("UI-PULL-3 the item panel: Claim instead of an assignee, then Release for the claimer and an admin; someone else's claim is read-only to another editor, in words; a release puts it back in the pool", async () => {
    const s = await seeded();
    await pullOn(s);
    const t1 = s.items['T1']!;
    const bob = await world.pageFor(world.bob, `/p/${s.key}/item/${t1.number}`);
    await bob.getByTestId('item-claim').waitFor();
    expect(await bob.getByTestId('item-assignee-select').count()).toBe(0);
    expect(await bob.getByTestId('item-assignee').textContent()).toBe('Nobody');
    await bob.getByTestId('item-claim').click();
    await expect.poll(() => bob.getByTestId('item-assignee').textContent()).toBe('You');
    await bob.getByTestId('item-release').waitFor();

    const vic = await world.pageFor(world.vic, `/p/${s.key}/item/${t1.number}`);
    await expect.poll(() => vic.getByTestId('item-assignee').textContent()).toBe('Bob Babbage');
    expect(await vic.getByTestId('item-claimed-note').textContent()).toBe(`${t1.key} is claimed by Bob Babbage: in pull mode only the claimer or an admin edits it.`);
    expect(await vic.getByTestId('item-title-input').count()).toBe(0);
    expect(await vic.getByTestId('item-release').count()).toBe(0);
    expect(await vic.getByTestId('item-delete').count()).toBe(0);

    const ada = await world.pageFor(world.ada, `/p/${s.key}/pool`);
    await poolReady(ada);
    expect(await poolKeys(ada)).not.toContain(t1.key);
    const admin = await world.pageFor(world.ada, `/p/${s.key}/item/${t1.number}`);
    await admin.getByTestId('item-release').waitFor();
    expect(await admin.getByTestId('item-title-input').count()).toBe(1);

    await bob.getByTestId('item-release').click();
    await expect.poll(() => bob.getByTestId('item-assignee').textContent()).toBe('Nobody');
    await expect.poll(() => poolKeys(ada)).toContain(t1.key);
    await expect.poll(() => vic.getByTestId('item-claimed-note').count()).toBe(0);
    await vic.getByTestId('item-claim').waitFor();
  });

  it('UI-PULL-4 at 390 px the Pool and the Settings page with its workflow never scroll sideways', async () => {
    const s = await seeded();
    await pullOn(s);
    const pool = await world.pageFor(world.bob, `/p/${s.key}/pool`, PHONE);
    await poolReady(pool);
    await pool.getByTestId('pool-item').first().waitFor();
    expect(await scrollsSideways(pool)).toBe(false);
    const settings = await world.pageFor(world.ada, `/p/${s.key}/settings`, PHONE);
    await settings.locator('[data-testid="settings"][data-state="ready"]').waitFor();
    await settings.getByTestId('workflow-status').first().waitFor();
    await settings.locator('[data-testid="workflow-status"]').first().getByTestId('workflow-remove').click();
    expect(await scrollsSideways(settings)).toBe(false);
  });
});
