// The RAID log and a project's own item types in Chromium (issue 15 parts 3
// and 5, UI-RAID, UI-ITYPE): "New project → RAID log" on the Projects page; a
// risk added through quick-add with its probability and impact lands in the
// heat map of another person's RAID page live, the log's table sorts by
// score, a key opens the item; the page at phone width; an admin's new type
// in Settings is offered by another window's quick-add and its card shows
// its icon; a card made of it in the panel changes in another window, which
// filters the board by it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ItemType, ProjectTemplate, Role, type IProject } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { boardReady, card, column, letters, seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const heatCell = (page: Page, probability: number, impact: number) =>
  page.locator(`[data-testid="heat-cell"][data-probability="${probability}"][data-impact="${impact}"]`);
const cellKeys = (page: Page, probability: number, impact: number) =>
  heatCell(page, probability, impact)
    .getByTestId('raid-key')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
const riskRows = (page: Page) => page.locator('[data-testid="raid-group"][data-type="Risk"] [data-testid="raid-row"]');
const riskKeys = (page: Page) => riskRows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function raidReady(page: Page): Promise<void> {
  await page.locator('[data-testid="raid-page"][data-state="ready"][data-raid="true"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

async function projectByKey(key: string): Promise<IProject> {
  const listed = await world.adaSocket.ok({ listProjects: {} });
  const project = listed.projects!.projects!.find((p) => p.key === key);
  if (!project) throw new Error(`no project ${key}`);
  return project;
}

/** A RAID log of Ada's straight through the socket, Bob an editor. */
async function raidProject(): Promise<{ key: string; project: IProject }> {
  const key = `R${letters()}`;
  const created = await world.adaSocket.ok({ createProject: { key, name: `Risks ${key}`, description: '', template: ProjectTemplate.PROJECT_TEMPLATE_RAID_LOG } });
  const project = created.project!;
  await world.adaSocket.ok({ addMember: { projectId: project.id!, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });
  return { key, project };
}

/** A risk rated `probability` x `impact`, through the socket. */
async function addRisk(project: IProject, title: string, probability: number, impact: number): Promise<string> {
  const type = (name: string) => project.itemTypes!.find((t) => t.name === name)!.id!;
  const field = (name: string) => project.customFields!.find((f) => f.name === name)!.id!;
  const open = project.statuses!.find((s) => s.name === 'Open')!.id!;
  const r = await world.adaSocket.ok({
    createWorkItem: {
      projectId: project.id!,
      statusId: open,
      title,
      itemType: ItemType.ITEM_TYPE_TASK,
      customTypeId: type('Risk'),
      customFields: [
        { fieldId: field('Probability'), options: [String(probability)] },
        { fieldId: field('Impact'), options: [String(impact)] },
      ],
    },
  });
  return r.workItem!.key!;
}

describe('UI-RAID the RAID log', () => {
  it("UI-RAID-1 New project → RAID log makes the log's columns and a RAID tab; a risk added with probability 4 and impact 5 through quick-add shows in another person's heat map cell (4, 5) live; no serious axe violation", async () => {
    const ada = await world.pageFor(world.ada, '/');
    const key = `R${letters()}`;
    await ada.getByTestId('new-project').click();
    await ada.getByTestId('new-project-key').fill(key);
    await ada.getByTestId('new-project-name').fill('Launch risks');
    await ada.getByTestId('new-project-template-raid').check();
    await ada.getByTestId('new-project-submit').click();
    await ada.waitForURL((url) => url.pathname === `/p/${key}`);
    await boardReady(ada);
    expect(await ada.locator('[data-testid="column"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status-name')))).toEqual([
      'Open',
      'Monitoring',
      'Mitigated',
      'Closed',
    ]);
    await ada.getByTestId('tab-raid').waitFor();

    const project = await projectByKey(key);
    expect(project.itemTypes!.map((t) => t.name)).toEqual(['Risk', 'Assumption', 'Issue', 'Dependency', 'Action']);
    await world.adaSocket.ok({ addMember: { projectId: project.id!, userId: world.bob.user.id, role: Role.ROLE_EDITOR } });

    const bob = await world.pageFor(world.bob, `/p/${key}/raid`);
    await raidReady(bob);
    expect(await heatCell(bob, 4, 5).getAttribute('data-count')).toBe('0');
    expect(await heatCell(bob, 4, 5).getAttribute('data-band')).toBe('critical');
    expect(await bob.locator('[data-testid="raid-group"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')))).toEqual([
      'Risk',
      'Assumption',
      'Issue',
      'Dependency',
      'Action',
    ]);

    // Ada adds the risk from the board's quick-add: Risk asks for its required Probability and Impact.
    await column(ada, 'Open').getByTestId('quick-add').click();
    await ada.getByTestId('quick-add-type').selectOption({ label: '⚠️ Risk' });
    const required = ada.getByTestId('quick-add-required');
    await required.waitFor();
    await required.getByLabel('Probability (required)').selectOption('4');
    await required.getByLabel('Impact (required)').selectOption('5');
    await ada.getByTestId('quick-add-input').fill('R1 The supplier may ship late');
    await ada.getByTestId('quick-add-input').press('Enter');
    const r1 = card(ada, 'R1');
    await r1.locator('[data-testid="card-type"][data-custom-type-id]').waitFor();
    expect(await r1.getByTestId('card-type').textContent()).toBe('⚠️Risk');
    await expect.poll(() => r1.getAttribute('data-pending')).toBe(null);
    const r1Key = (await r1.getAttribute('data-key'))!;

    // Bob's heat map and table follow without a reload.
    await expect.poll(() => cellKeys(bob, 4, 5)).toEqual([r1Key]);
    expect(await heatCell(bob, 4, 5).getByTestId('heat-cell-count').textContent()).toBe('1 risk');
    const row = bob.locator(`[data-testid="raid-row"][data-key="${r1Key}"]`);
    expect(await row.getByTestId('raid-probability').textContent()).toBe('4');
    expect(await row.getByTestId('raid-impact').textContent()).toBe('5');
    expect(await row.getByTestId('raid-score').getAttribute('data-score')).toBe('20');
    expect(await row.getByTestId('raid-status').textContent()).toBe('Open');
    expect(await seriousViolations(bob)).toEqual([]);

    // Moved to Closed on Ada's board: it leaves Bob's map, the table keeps it.
    const closed = project.statuses!.find((s) => s.name === 'Closed')!.id!;
    const item = (await world.adaSocket.ok({ getBoard: { projectId: project.id! } })).board!.workItems!.find((w) => w.key === r1Key)!;
    await world.adaSocket.ok({ moveWorkItem: { workItemId: item.id!, statusId: closed, expectedVersion: Number(item.version) } });
    await expect.poll(() => cellKeys(bob, 4, 5)).toEqual([]);
    await expect.poll(() => row.getByTestId('raid-status').textContent()).toBe('Closed');
  });

  it('UI-RAID-2 the log sorts by score from its column header (aria-sort says which way), and a key in the table or the heat map opens the item in the panel over the page', async () => {
    const { key, project } = await raidProject();
    const low = await addRisk(project, 'Minor delay', 1, 2);
    const worst = await addRisk(project, 'Data loss', 5, 5);
    const mid = await addRisk(project, 'Key person leaves', 3, 3);
    const bob = await world.pageFor(world.bob, `/p/${key}/raid`);
    await raidReady(bob);
    await expect.poll(() => riskKeys(bob)).toEqual([low, worst, mid]);
    const header = bob.getByTestId('raid-score-header');
    expect(await header.getAttribute('aria-sort')).toBe('none');

    await bob.getByTestId('raid-sort-score').click();
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    expect(await riskKeys(bob)).toEqual([worst, mid, low]);
    await bob.getByTestId('raid-sort-score').press('Enter');
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    expect(await riskKeys(bob)).toEqual([low, mid, worst]);

    // A new risk takes its place in the sorted table live.
    const high = await addRisk(project, 'Vendor lock-in', 4, 4);
    await expect.poll(() => riskKeys(bob)).toEqual([low, mid, high, worst]);

    await expect.poll(() => cellKeys(bob, 4, 4)).toEqual([high]);
    await bob.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(bob, 'raid-light');

    await heatCell(bob, 5, 5).getByTestId('raid-key').click();
    await bob.waitForURL((url) => url.pathname === `/p/${key}/raid` && url.searchParams.has('item'));
    await expect.poll(() => bob.getByTestId('item-title-input').inputValue()).toBe('Data loss');
    // The panel knows a risk as a Risk, with the risk's own fields (not a task's).
    expect(await bob.getByTestId('item-type').getAttribute('title')).toBe('Risk');
    const riskFields = await bob.getByTestId('cf-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field-name')));
    expect(riskFields).toEqual(expect.arrayContaining(['Probability', 'Impact', 'Mitigation', 'Review date']));
    expect(riskFields).not.toContain('Severity');
    await bob.keyboard.press('Escape');
    await bob.waitForURL((url) => !url.searchParams.has('item'));
    await bob.locator(`[data-testid="raid-row"][data-key="${mid}"] [data-testid="raid-key"]`).click();
    await expect.poll(() => bob.getByTestId('item-title-input').inputValue()).toBe('Key person leaves');
  });

  it('UI-RAID-3 the RAID page at 390 px: the tabs scroll in their own row, the heat map and tables inside their panels, the page never sideways; no serious axe violation in either theme', async () => {
    const { key, project } = await raidProject();
    await addRisk(project, 'A risk with a rather long title that has to wrap on a phone', 2, 4);
    const bob = await world.pageFor(world.bob, `/p/${key}/raid`, PHONE);
    await raidReady(bob);
    await bob.getByTestId('heat-cell').first().waitFor();
    expect(await scrollsSideways(bob)).toBe(false);
    await bob.getByTestId('tab-raid').scrollIntoViewIfNeeded();
    expect(await bob.getByTestId('tab-raid').getAttribute('aria-current')).toBe('page');
    expect(await seriousViolations(bob)).toEqual([]);
    // The bands are tints under the ordinary text colour: readable in the dark theme too.
    await bob.getByTestId('theme-toggle').click();
    await bob.locator('html[data-theme="dark"]').waitFor();
    expect(await seriousViolations(bob)).toEqual([]);
  });

  it('UI-RAID-4 a project without a Risk type has no RAID tab, and its RAID address says why in words', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'N', members: [[world.bob, Role.ROLE_EDITOR]] });
    const bob = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bob);
    expect(await bob.getByTestId('tab-raid').count()).toBe(0);
    await bob.goto(`/p/${s.key}/raid`);
    await bob.locator('[data-testid="raid-page"][data-state="ready"][data-raid="false"]').waitFor();
    expect(await bob.getByTestId('raid-off').textContent()).toContain('needs a type named Risk');
  });
});

describe('UI-ITYPE item types of a project', () => {
  it("UI-ITYPE-1 an admin adds a type in Settings with its icon and colour; another window's quick-add offers it at once, and a card of it shows its icon and name; a card made of it in the panel changes badge in the other window, which filters the board by it (Task then meaning built-in tasks), and back; a task with a sub-task refused in words; no serious axe violation", async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'Y', members: [[world.bob, Role.ROLE_EDITOR]] });
    const bob = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(bob);

    const ada = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await ada.locator('[data-testid="settings"][data-state="ready"]').waitFor();
    const section = ada.getByTestId('item-types');
    await section.getByTestId('item-type-new-name').fill('Spike');
    await section.getByTestId('item-type-add').click();
    const row = section.locator('[data-testid="item-type"][data-type-name="Spike"]');
    await row.getByTestId('item-type-icon').fill('🧪');
    await row.getByTestId('item-type-colour').fill('#0891b2');
    expect(await seriousViolations(ada, '[data-testid="item-types"]')).toEqual([]);
    await section.getByTestId('item-type-save').click();
    await expect.poll(() => section.getByTestId('item-type-saved').textContent()).toContain('Saved');
    const saved = (await projectByKey(s.key)).itemTypes!;
    expect(saved.map((t) => [t.name, t.icon, t.colour])).toEqual([['Spike', '🧪', '#0891b2']]);

    // Bob's open board offers it without a reload.
    await column(bob, 'To Do').getByTestId('quick-add').click();
    const picker = bob.getByTestId('quick-add-type');
    await expect.poll(() => picker.locator('option').allTextContents()).toContain('🧪 Spike');
    await picker.selectOption({ label: '🧪 Spike' });
    await bob.getByTestId('quick-add-input').fill('S1 Try the new parser');
    await bob.getByTestId('quick-add-input').press('Enter');
    const badge = card(bob, 'S1').getByTestId('card-type');
    await expect.poll(() => badge.getAttribute('data-custom-type-id')).toBe(saved[0]!.id);
    expect(await badge.getByTestId('type-icon').textContent()).toBe('🧪');
    expect(await badge.getAttribute('title')).toBe('Spike');
    // Ada's board shows the same card by its type.
    await ada.getByTestId('tab-board').click();
    await boardReady(ada);
    await expect.poll(() => card(ada, 'S1').getByTestId('card-type').textContent()).toBe('🧪Spike');
    const items = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!;
    expect(items.find((w) => w.title === 'S1 Try the new parser')).toMatchObject({ itemType: ItemType.ITEM_TYPE_TASK, customTypeId: saved[0]!.id });

    // In Ada's panel T1 becomes a Spike: Bob's card shows the new badge without a reload.
    const spikeId = saved[0]!.id!;
    const serverItem = async (id: string) => (await world.adaSocket.ok({ getWorkItem: { workItemId: id } })).workItem!;
    const t1 = s.items['T1']!;
    await card(ada, 'T1').click();
    await ada.locator(`[data-testid="item-panel"][data-item-id="${t1.id}"]`).waitFor();
    const typeSelect = ada.getByTestId('item-type-select');
    expect(await typeSelect.locator('option').allTextContents()).toEqual(['Epic', 'Story', 'Task', 'Bug', 'Sub-task', '🧪 Spike']);
    await typeSelect.selectOption({ label: '🧪 Spike' });
    const bobT1 = card(bob, 'T1').getByTestId('card-type');
    await expect.poll(() => bobT1.getAttribute('data-custom-type-id')).toBe(spikeId);
    expect(await bobT1.getAttribute('title')).toBe('Spike');
    await expect.poll(async () => (await serverItem(t1.id!)).customTypeId).toBe(spikeId);
    expect((await serverItem(t1.id!)).itemType).toBe(ItemType.ITEM_TYPE_TASK);

    // Bob's type filter offers Spike after the built-in types; by it the board shows the Spikes only.
    const shown = () => bob.locator('[data-testid="card-title"]').evaluateAll((els) => els.map((el) => (el.textContent ?? '').slice(0, 2)).sort());
    await bob.getByTestId('filter-type').click();
    const types = bob.getByTestId('filter-type-options');
    expect(await types.locator('[data-value]').evaluateAll((els) => els.map((el) => el.getAttribute('data-value')))).toEqual([
      'epic', 'story', 'task', 'bug', 'subtask', spikeId,
    ]);
    await types.getByText('🧪 Spike', { exact: true }).click();
    await bob.keyboard.press('Escape');
    await expect.poll(shown).toEqual(['S1', 'T1']);
    expect(new URL(bob.url()).searchParams.getAll('type')).toEqual([spikeId]);

    // Back to a built-in Task in Ada's panel: custom_type_id is cleared, and T1 leaves Bob's Spike filter live.
    await typeSelect.selectOption({ label: 'Task' });
    await expect.poll(shown).toEqual(['S1']);
    await expect.poll(async () => (await serverItem(t1.id!)).customTypeId ?? '').toBe('');
    expect((await serverItem(t1.id!)).itemType).toBe(ItemType.ITEM_TYPE_TASK);
    // Task means built-in tasks only: the Spike (a task on the wire) stays out.
    await bob.getByTestId('filter-type').click();
    await types.getByText('🧪 Spike', { exact: true }).click();
    await types.getByText('Task', { exact: true }).click();
    await bob.keyboard.press('Escape');
    await expect.poll(shown).toEqual(['T1', 'T2', 'T3']);
    expect(await card(bob, 'T1').getByTestId('card-type').getAttribute('data-custom-type-id')).toBe(null);

    // A task holding a sub-task cannot become a Spike (it may not hold sub-tasks): refused in words, its type kept.
    const t2 = s.items['T2']!;
    await world.adaSocket.ok({
      createWorkItem: { projectId: s.projectId, statusId: s.status['To Do']!, title: 'U1 A part of T2', itemType: ItemType.ITEM_TYPE_SUBTASK, parentId: t2.id! },
    });
    await ada.getByTestId('item-close').click();
    await ada.waitForURL((url) => !url.searchParams.has('item'));
    await card(ada, 'T2').click();
    await ada.locator(`[data-testid="item-panel"][data-item-id="${t2.id}"]`).waitFor();
    await typeSelect.selectOption({ label: '🧪 Spike' });
    await expect.poll(() => ada.locator('.toast__text').allTextContents()).toContainEqual(expect.stringContaining('A Spike cannot hold sub-tasks'));
    await expect.poll(() => card(ada, 'T2').getByTestId('card-type').getAttribute('title')).toBe('Task');
    expect(await typeSelect.inputValue()).toBe(String(ItemType.ITEM_TYPE_TASK));
    expect((await serverItem(t2.id!)).customTypeId ?? '').toBe('');
  });
});
