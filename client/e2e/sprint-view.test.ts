// The active sprint where work happens, and a record of the ones completed
// (issue "The first hour", item 4), through the real built client in Debian's
// Chromium against a real server; the sprint is planned, started, worked and
// completed over a TestClient socket while the page watches.
import { describe, expect, it } from 'vitest';
import { boardReady, card, seedProject, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const shift = (days: number) => new Date(Date.now() + days * 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

async function sprintOf(s: Seeded, cards: Record<string, number>): Promise<string> {
  const socket = world.adaSocket;
  const sprint = (await socket.ok({ createSprint: { projectId: s.projectId, name: 'Sprint Lark', goal: 'Ship sign-in', startDate: shift(-2), endDate: shift(4) } })).sprint!;
  for (const [prefix, points] of Object.entries(cards)) {
    const item = s.items[prefix]!;
    await socket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, sprintId: sprint.id, storyPoints: points } });
  }
  await socket.ok({ startSprint: { sprintId: sprint.id } });
  return sprint.id!;
}

async function moveToDone(s: Seeded, prefix: string) {
  const current = (await world.adaSocket.ok({ getWorkItem: { workItemId: s.items[prefix]!.id } })).workItem!;
  await world.adaSocket.ok({ moveWorkItem: { workItemId: current.id, expectedVersion: current.version, statusId: s.status['Done'] } });
}

describe('the active sprint on the board', () => {
  it('FIRST-12 the board opens on the active sprint with its goal, days left and progress, live; "All cards" shows the rest and is remembered', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'S' });
    await sprintOf(s, { T1: 3, T2: 5 });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    const banner = page.getByTestId('sprint-banner');
    await expect.poll(() => banner.locator('h2').textContent()).toBe('Sprint Lark');
    expect(await banner.getByTestId('sprint-goal').textContent()).toBe('Goal: Ship sign-in');
    expect(await banner.getByTestId('sprint-days-left').textContent()).toBe('4 days left');
    expect(await banner.getByTestId('sprint-progress').textContent()).toBe('0 of 8 points done · 0 of 2 cards');
    // Only the sprint's cards: T3 is not in it.
    await expect.poll(() => card(page, 'T3').count()).toBe(0);
    expect(await card(page, 'T1').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('sprint')).toBeTruthy();

    await moveToDone(s, 'T1');
    await expect.poll(() => banner.getByTestId('sprint-progress').textContent(), { timeout: 10_000 }).toBe('3 of 8 points done · 1 of 2 cards');
    expect(await banner.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('38');

    await banner.getByTestId('scope-all').click();
    await expect.poll(() => card(page, 'T3').count()).toBe(1);
    await page.goto(`/p/${s.key}`);
    await boardReady(page);
    await page.getByTestId('sprint-banner').waitFor();
    expect(await card(page, 'T3').count()).toBe(1);
    expect(await page.getByTestId('scope-all').getAttribute('aria-pressed')).toBe('true');
  });

  it('FIRST-13 a completed sprint stays listed with its dates, what was committed, done and carried over', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'C' });
    const sprintId = await sprintOf(s, { T1: 3, T2: 5 });
    await moveToDone(s, 'T1');
    await world.adaSocket.ok({ completeSprint: { sprintId } });
    const page = await world.pageFor(world.ada, `/p/${s.key}/backlog`);
    await page.locator('[data-testid="planning"][data-state="ready"]').waitFor();
    const list = page.getByTestId('completed-sprints');
    await list.locator('summary').click();
    const row = list.locator(`[data-testid="completed-sprint"][data-sprint-id="${sprintId}"]`);
    expect(await row.textContent()).toContain(`${shift(-2)} – ${shift(4)}`);
    await expect
      .poll(() => row.getByTestId('completed-sprint-figures').textContent(), { timeout: 10_000 })
      .toBe('Committed 8 points (2 cards) · done 3 points (1 card) · added after the start 0 points (0 cards) · carried over 5 points (1 card)');
    // The board has no active sprint to show now.
    await page.goto(`/p/${s.key}`);
    await boardReady(page);
    expect(await page.getByTestId('sprint-banner').count()).toBe(0);
  });
});
