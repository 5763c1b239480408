// Pull mode in Chromium (issue 15 part 6, UI-PULL): an admin turns it on in
// Settings and the Pool tab appears for everyone; people claim from the Pool,
// two claims of one item at once leave exactly one person told in words that
// it was taken, and the item leaves both pools; the item panel offers Claim
// and Release instead of an assignee, and someone else's claim is read-only;
// a release is undone by claiming the item back, unless someone took it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ErrorCode, pb, Role, type ClientFrame, type ServerFrame } from '../../shared/proto.ts';
import { SOCKET_PATH } from '../../shared/protocol/wire.ts';
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

/**
 * Routes the page's app socket (SOCKET_PATH) through Playwright, before the
 * page navigates, so a test can hold what the server sends it: page→server
 * frames pass straight through (and are recorded); server→page frames pass
 * too unless held, and a release hands the held ones on in order. The frames
 * are decoded, so the test waits on what the server actually said, not on
 * time.
 */
async function heldSocket(page: Page) {
  let holding = false;
  let routed = 0;
  const queue: Array<{ frame: ServerFrame | null; deliver: () => void }> = [];
  const sentFrames: ClientFrame[] = [];
  const binary = (message: string | Buffer) => (typeof message === 'string' ? null : new Uint8Array(message));
  await page.routeWebSocket(
    (url) => url.pathname === SOCKET_PATH,
    (ws) => {
      routed += 1;
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const bytes = binary(message);
        if (bytes) sentFrames.push(pb.ClientFrame.decode(bytes));
        server.send(message);
      });
      server.onMessage((message) => {
        const bytes = binary(message);
        const deliver = () => ws.send(message);
        if (holding) queue.push({ frame: bytes && pb.ServerFrame.decode(bytes), deliver });
        else deliver();
      });
    },
  );
  const found = async <T>(list: () => T[], match: (item: T) => boolean, what: string): Promise<T> => {
    await expect.poll(() => list().some(match), { message: what }).toBe(true);
    return list().find(match)!;
  };
  return {
    /** How many sockets the page opened through the route. */
    sockets: () => routed,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const { deliver } of queue.splice(0)) deliver();
    },
    /** The held server frame that matches, once it has arrived. */
    held: (match: (frame: ServerFrame) => boolean) =>
      found(() => queue.flatMap(({ frame }) => (frame ? [frame] : [])), match, 'a held frame from the server'),
    /** The frame the page sent that matches, once sent. */
    sent: (match: (frame: ClientFrame) => boolean) => found(() => sentFrames, match, 'a frame from the page'),
  };
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
    const t2 = s.items['T2']!;
    const ada = await world.pageFor(world.ada, `/p/${s.key}/pool`);
    // Bob's socket runs through a gate, so his window can be made to lag (see
    // heldSocket): clicking both Claims "at once" from Playwright is no race,
    // since the first claim's live event can take the item out of the other
    // pool before the second click lands.
    const bobContext = await world.contextFor(world.bob);
    const bob = await bobContext.newPage();
    const gate = await heldSocket(bob);
    await bob.goto(`/p/${s.key}/pool`);
    await Promise.all([poolReady(ada), poolReady(bob)]);
    await Promise.all([poolItem(ada, t2.key!).waitFor(), poolItem(bob, t2.key!).waitFor()]);
    expect(gate.sockets()).toBeGreaterThan(0);

    // Ada claims first while Bob's window hears nothing; the server has taken
    // her claim once its event for T2 is waiting at Bob's gate.
    gate.hold();
    await poolItem(ada, t2.key!).getByTestId('pool-claim').click();
    const taken = await gate.held((f) => f.event?.workItem?.workItem?.id === t2.id);
    expect(taken.event!.workItem!.workItem!.assigneeId).toBe(world.ada.user.id);
    await expect.poll(() => claimedBy(ada, world.ada.user.id)).toEqual([t2.key]);

    // Bob still sees T2 unclaimed and presses Claim too; the server refuses his
    // late claim (CONFLICT), and that answer waits at the gate behind the event.
    expect(await poolKeys(bob)).toContain(t2.key);
    await poolItem(bob, t2.key!).getByTestId('pool-claim').click();
    const bobsClaim = await gate.sent((f) => f.claimWorkItem?.workItemId === t2.id);
    const refused = await gate.held((f) => f.messageId === bobsClaim.messageId && !f.event);
    expect(refused.error?.code).toBe(ErrorCode.ERROR_CODE_CONFLICT);
    gate.release();

    const told = async () => (await takenToasts(ada).count()) + (await takenToasts(bob).count());
    await expect.poll(() => takenToasts(bob).count()).toBe(1);
    expect(await takenToasts(bob).textContent()).toContain(`${t2.key} was just claimed by Ada Lovelace.`);
    // The winner hears nothing more: a short window for a wrong second toast to show.
    await new Promise((r) => setTimeout(r, 500));
    expect(await told()).toBe(1);
    for (const page of [ada, bob]) {
      await expect.poll(() => poolKeys(page)).not.toContain(t2.key);
      await expect.poll(() => claimedBy(page, world.ada.user.id)).toEqual([t2.key]);
    }
    expect((await world.adaSocket.ok({ getWorkItem: { workItemId: t2.id! } })).workItem?.assigneeId).toBe(world.ada.user.id);
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

  it('UI-PULL-UNDO-1 a release in the Pool says so with Undo; Ctrl-Z claims it back for me, in another window too, and Ctrl-Shift-Z releases it again', async () => {
    const s = await seeded();
    await pullOn(s);
    const t1 = s.items['T1']!;
    const [bob, ada] = await Promise.all([world.pageFor(world.bob, `/p/${s.key}/pool`), world.pageFor(world.ada, `/p/${s.key}/pool`)]);
    await Promise.all([poolReady(bob), poolReady(ada)]);
    await poolItem(bob, t1.key!).getByTestId('pool-claim').click();
    await expect.poll(() => claimedBy(ada, world.bob.user.id)).toEqual([t1.key]);

    await bob.locator(`[data-testid="pool-claimed"][data-key="${t1.key}"]`).getByTestId('pool-release').click();
    await expect.poll(() => poolKeys(ada)).toContain(t1.key);
    const released = bob.getByTestId('toast').filter({ hasText: `Released ${t1.key}.` });
    await released.getByTestId('toast-action').waitFor();

    await bob.keyboard.press('Control+z');
    await expect.poll(() => claimedBy(ada, world.bob.user.id)).toEqual([t1.key]);
    await expect.poll(() => claimedBy(bob, world.bob.user.id)).toEqual([t1.key]);
    expect(await poolKeys(ada)).not.toContain(t1.key);
    expect((await world.adaSocket.ok({ getWorkItem: { workItemId: t1.id! } })).workItem?.assigneeId).toBe(world.bob.user.id);

    await bob.keyboard.press('Control+Shift+Z');
    await expect.poll(() => poolKeys(ada)).toContain(t1.key);
    await expect.poll(async () => (await world.adaSocket.ok({ getWorkItem: { workItemId: t1.id! } })).workItem?.assigneeId ?? '').toBe('');
  });

  it("UI-PULL-UNDO-2 an item claimed by someone else after my release: Undo says who has it and takes nothing from them", async () => {
    const s = await seeded();
    await pullOn(s);
    const t2 = s.items['T2']!;
    const bob = await world.pageFor(world.bob, `/p/${s.key}/pool`);
    await poolReady(bob);
    await poolItem(bob, t2.key!).getByTestId('pool-claim').click();
    await expect.poll(() => claimedBy(bob, world.bob.user.id)).toEqual([t2.key]);
    await bob.locator(`[data-testid="pool-claimed"][data-key="${t2.key}"]`).getByTestId('pool-release').click();
    await expect.poll(() => poolKeys(bob)).toContain(t2.key);

    await world.adaSocket.ok({ claimWorkItem: { workItemId: t2.id! } });
    await expect.poll(() => claimedBy(bob, world.ada.user.id)).toEqual([t2.key]);
    await bob.keyboard.press('Control+z');
    await expect.poll(() => takenToasts(bob).count()).toBe(1);
    expect(await takenToasts(bob).textContent()).toContain(`${t2.key} was just claimed by Ada Lovelace.`);
    expect((await world.adaSocket.ok({ getWorkItem: { workItemId: t2.id! } })).workItem?.assigneeId).toBe(world.ada.user.id);
    expect(await claimedBy(bob, world.ada.user.id)).toEqual([t2.key]);
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
