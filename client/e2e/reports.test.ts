// The Reports page through the real built client in Debian's Chromium
// against a real server on port 0. Ada's project has a completed Sprint 1
// (A1 done through In Progress, A2 carried over) and an active Sprint 2
// (B1..B3); seed data and later changes go in over her TestClient socket,
// as another window's would.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ItemType, type IWorkItem } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

/** A calendar date here, `days` from today (the page counts days in this time zone too). */
function dateFrom(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let s: Seeded;
const sprints: Record<string, string> = {};
const items: Record<string, IWorkItem> = {};

async function create(name: string, storyPoints: number, sprintId: string) {
  const { workItem } = await world.adaSocket.ok({
    createWorkItem: { projectId: s.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: `${name} ${name === 'B1' ? 'Checkout flow' : 'Task'}`, statusId: s.status['To Do'], sprintId, storyPoints },
  });
  items[name] = workItem!;
}

async function moveTo(name: string, status: string) {
  const item = items[name]!;
  items[name] = (await world.adaSocket.ok({ updateWorkItem: { workItemId: item.id, expectedVersion: item.version, statusId: s.status[status] } })).workItem!;
}

/**
 * The server reads a sprint's figures at the millisecond before its
 * completion (and its commitment at its start), so the writes around those
 * moments must fall in other milliseconds, as a person's always do.
 */
const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));

beforeAll(async () => {
  s = await seedProject(world.adaSocket, { prefix: 'R', name: 'Reports', items: [] });
  const sprint = async (name: string, startDate: string, endDate: string) =>
    (await world.adaSocket.ok({ createSprint: { projectId: s.projectId, name, startDate, endDate } })).sprint!.id!;
  sprints['S1'] = await sprint('Sprint 1', dateFrom(-8), dateFrom(-1));
  await create('A1', 3, sprints['S1']);
  await create('A2', 2, sprints['S1']);
  await nextMillisecond();
  await world.adaSocket.ok({ startSprint: { sprintId: sprints['S1'] } });
  await nextMillisecond();
  await moveTo('A1', 'In Progress');
  await moveTo('A1', 'Done');
  await nextMillisecond();
  await world.adaSocket.ok({ completeSprint: { sprintId: sprints['S1'] } });

  sprints['S2'] = await sprint('Sprint 2', dateFrom(0), dateFrom(9));
  await create('B1', 5, sprints['S2']);
  await create('B2', 3, sprints['S2']);
  await create('B3', 1, sprints['S2']);
  await nextMillisecond();
  await world.adaSocket.ok({ startSprint: { sprintId: sprints['S2'] } });
});

const report = (page: Page, name: string): Locator => page.locator(`[data-testid="${name}"][data-state="ready"]`);
const canvasIn = (page: Page, chart: string): Locator => page.locator(`[data-testid="${chart}"] canvas`);

async function reportsReady(page: Page): Promise<void> {
  await page.locator('[data-testid="reports"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

describe('reports', () => {
  it('REP-7 the burndown of the active sprint is drawn with its remaining figure; a card moved to Done elsewhere moves it without a reload', async () => {
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await page.getByTestId('tab-reports').click();
    await page.waitForURL((url) => url.pathname === `/p/${s.key}/reports`);
    await reportsReady(page);
    await report(page, 'burndown').waitFor();
    await canvasIn(page, 'burndown-chart').first().waitFor();
    const remaining = page.getByTestId('burndown-remaining');
    expect(await remaining.getAttribute('data-points')).toBe('9');
    expect(await remaining.textContent()).toBe('Remaining now: 9 points · 3 items');
    expect(await page.getByTestId('burndown-sprint').inputValue()).toBe(sprints['S2']);
    expect(await page.getByTestId('sprint-summary').textContent()).toContain('Not done yet9 points · 3 items');
    const seqBefore = Number(await page.getByTestId('burndown').getAttribute('data-seq'));

    // The page must not be loaded again: this mark would be gone.
    await page.evaluate(() => Object.assign(window, { reportsMark: 1 }));
    await moveTo('B1', 'Done');
    await expect.poll(() => remaining.getAttribute('data-points'), { timeout: 10_000 }).toBe('4');
    expect(await remaining.textContent()).toBe('Remaining now: 4 points · 2 items');
    expect(Number(await page.getByTestId('burndown').getAttribute('data-seq'))).toBeGreaterThan(seqBefore);
    expect(await page.getByTestId('sprint-summary').textContent()).toContain('Completed5 points · 1 item');
    expect(await page.evaluate(() => (window as unknown as { reportsMark?: number }).reportsMark)).toBe(1);

    // In items: the same report, counted in items.
    await page.getByTestId('burndown-unit-items').click();
    expect(await page.getByTestId('burndown-unit-items').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('burndown-chart').getAttribute('aria-label')).toContain('in items');
    await canvasIn(page, 'burndown-chart').first().waitFor();
  });

  it('REP-8 velocity, cumulative flow and cycle time are drawn for the seeded sprints; a point of the cycle time names its item, a click opens it', async () => {
    // Tall enough for the screenshot to show all four reports.
    const page = await world.pageFor(world.ada, `/p/${s.key}/reports`, { viewport: { width: 1280, height: 1640 } });
    await reportsReady(page);
    for (const name of ['burndown', 'velocity', 'flow', 'cycle']) await report(page, name).waitFor();
    for (const chart of ['burndown-chart', 'velocity-chart', 'flow-chart', 'cycle-chart']) await canvasIn(page, chart).first().waitFor();

    expect(await page.getByTestId('velocity-average').textContent()).toBe('Average completed: 3 points over the last sprint');
    expect(await page.locator('[data-testid="velocity-chart"] .u-legend').textContent()).toContain('Committed');
    expect(await page.locator('[data-testid="flow-chart"] .u-legend').textContent()).toMatch(/Done.*In Review.*In Progress.*To Do.*Backlog/);
    // A1 went In Progress then Done within a moment; B1 went straight to Done, so it has no cycle time.
    expect(await page.getByTestId('cycle-figures').textContent()).toBe('Median 0 min · 85th percentile 0 min · 1 item');
    await saveScreenshot(page, 'reports-light');

    const plot = page.locator('[data-testid="cycle-chart"] .u-over');
    await plot.hover();
    await expect.poll(() => page.getByTestId('cycle-pointed').textContent()).toContain(`${items['A1']!.key} A1 Task`);
    await plot.click();
    await page.waitForURL((url) => url.pathname === `/p/${s.key}/item/${Number(items['A1']!.number)}`);
    await page.locator(`[data-testid="item-panel"][data-item-id="${items['A1']!.id}"]`).waitFor();
  });

  it('REP-9 a completed sprint can be chosen (kept in the address) and shows how it ended; a project with no sprint says so', async () => {
    const page = await world.pageFor(world.ada, `/p/${s.key}/reports`);
    await reportsReady(page);
    await report(page, 'burndown').waitFor();
    await page.getByTestId('burndown-sprint').selectOption(sprints['S1']!);
    await page.waitForURL((url) => url.searchParams.get('sprint') === sprints['S1']);
    await expect.poll(() => page.getByTestId('burndown-remaining').textContent()).toBe('Left at the end: 2 points · 1 item');
    const summary = await page.getByTestId('sprint-summary').textContent();
    expect(summary).toContain('Committed at the start5 points · 2 items');
    expect(summary).toContain('Completed3 points · 1 item');
    expect(summary).toContain('Carried over2 points · 1 item');

    const empty = await seedProject(world.adaSocket, { prefix: 'N', name: 'Empty', items: [] });
    const other = await world.pageFor(world.ada, `/p/${empty.key}/reports`);
    await reportsReady(other);
    expect(await other.locator('[data-testid="burndown"][data-state="idle"] [data-testid="burndown-none"]').textContent()).toContain('No sprint has started yet');
    expect(await report(other, 'velocity').getByTestId('velocity-none').count()).toBe(1);
    expect(await report(other, 'cycle').getByTestId('cycle-none').textContent()).toBe('No item reached Done in the last 30 days.');
    await other.getByTestId('reports-range').selectOption('90');
    await expect.poll(() => report(other, 'cycle').getByTestId('cycle-none').textContent()).toBe('No item reached Done in the last 90 days.');
  });

  it('REP-10 the charts are drawn again in the dark theme\'s colours when the theme changes', async () => {
    const page = await world.pageFor(world.ada, `/p/${s.key}/reports`);
    await reportsReady(page);
    await report(page, 'velocity').waitFor();
    const chart = page.getByTestId('velocity-chart');
    await canvasIn(page, 'velocity-chart').first().waitFor();
    const light = await chart.screenshot();
    await page.getByTestId('theme-toggle').click();
    await page.locator('html[data-theme="dark"]').waitFor();
    await expect.poll(async () => (await chart.screenshot()).equals(light)).toBe(false);
    // The completed bar is the dark theme's --chart-5, read from the tokens.
    const token = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--chart-5').trim());
    expect(token).toBe('#34d399');
    expect(await page.locator('[data-testid="velocity-chart"] .u-legend .u-series:nth-child(3) .u-marker').evaluate((el) => getComputedStyle(el).borderColor)).toBe('rgb(52, 211, 153)');
  });

  it('REP-11 offline, a report shown says it needs a connection to stay current', async () => {
    const context = await world.contextFor(world.ada);
    const page = await context.newPage();
    await page.goto(`/p/${s.key}/reports`);
    await reportsReady(page);
    await report(page, 'burndown').waitFor();
    await context.setOffline(true);
    await page.locator('[data-testid="burndown"] [data-testid="report-offline"]').waitFor();
    expect(await page.locator('[data-testid="burndown"] [data-testid="report-offline"]').textContent()).toContain('reports need a connection');
    await context.setOffline(false);
    await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="burndown"] [data-testid="report-offline"]').count()).toBe(0);
  });

  it('REP-12 the page has no serious or critical axe violations, in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await world.pageFor(world.ada, `/p/${s.key}/reports`, { colorScheme });
      await reportsReady(page);
      for (const name of ['burndown', 'velocity', 'flow', 'cycle']) await report(page, name).waitFor();
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }
  });
});
