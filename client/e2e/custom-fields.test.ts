// Custom fields in Chromium (issue 15 part 4, UI-CF): an admin adds fields on
// the Settings page and another person's open item panel offers them without
// a reload; a value set in one window shows in the other's panel, its history
// names the field, and the board's filter by it shows only the matching
// cards; a required field is asked for when adding a card, and a card without
// it is refused in words; a save the server refuses is said in its words and
// the draft stays.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CustomFieldKind, Role } from '../../shared/proto.ts';
import { seriousViolations } from './support/axe.ts';
import { boardReady, card, column, seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const fieldRow = (page: Page, name: string) => page.locator(`[data-testid="cf-field"][data-field-name="${name}"]`);
const panelField = (page: Page, name: string) => page.locator(`[data-testid="cf-row"][data-field-name="${name}"]`);
const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function settingsReady(page: Page): Promise<void> {
  await page.locator('[data-testid="settings"][data-state="ready"]').waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
  await page.getByTestId('custom-fields').waitFor();
}

async function panelReady(page: Page, s: Seeded, prefix: string): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${s.items[prefix]!.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

async function addField(page: Page, name: string, kind: string, options?: string): Promise<void> {
  await page.getByTestId('cf-new-name').fill(name);
  await page.getByTestId('cf-new-kind').selectOption({ label: kind });
  await page.getByTestId('cf-add').click();
  if (options !== undefined) await fieldRow(page, name).getByTestId('cf-options').fill(options);
}

async function saveFields(page: Page): Promise<void> {
  await page.getByTestId('cf-save').click();
  await page.locator('[data-testid="custom-fields"][data-changed="false"]').waitFor();
  await expect.poll(() => page.getByTestId('cf-saved').textContent()).toMatch(/^Saved/);
}

async function projectVersion(s: Seeded): Promise<number> {
  const board = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
  return Number(board.project!.version);
}

describe('UI-CF custom fields', () => {
  it('UI-CF-1 fields added in Settings show in another person\'s open panel live; a value set in one window shows in the other, in the history by name, and the board filters by it; no serious axe violation', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'C', members: [[world.bob, Role.ROLE_EDITOR]] });
    const bobPanel = await world.pageFor(world.bob, itemPath(s, 'T1'));
    await panelReady(bobPanel, s, 'T1');
    expect(await bobPanel.getByTestId('cf-row').count()).toBe(0);

    const settings = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await settingsReady(settings);
    await addField(settings, 'Severity', 'Single select', 'Low\nMedium\nHigh');
    await addField(settings, 'Cost', 'Number');
    await addField(settings, 'Target', 'Date');
    await addField(settings, 'Reviewer', 'Person');
    // Up from the keyboard: Reviewer before Target.
    await fieldRow(settings, 'Reviewer').getByTestId('cf-up').focus();
    await settings.keyboard.press('Enter');
    const names = () => settings.getByTestId('cf-field').evaluateAll((els) => els.map((el) => el.getAttribute('data-field-name')));
    expect(await names()).toEqual(['Severity', 'Cost', 'Reviewer', 'Target']);
    expect(await settings.getByTestId('cf-problems').count()).toBe(0);
    expect(await seriousViolations(settings, '[data-testid="custom-fields"]')).toEqual([]);
    await saveFields(settings);
    // Saved: the kind is fixed now.
    expect(await fieldRow(settings, 'Severity').getByTestId('cf-kind').count()).toBe(0);
    expect(await fieldRow(settings, 'Severity').getByTestId('cf-kind-fixed').textContent()).toBe('Single select');
    await settings.getByTestId('custom-fields').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await saveScreenshot(settings, 'custom-fields-settings-light');

    // Bob's open panel offers them, in order, without a reload.
    await expect
      .poll(() => bobPanel.getByTestId('cf-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-field-name'))))
      .toEqual(['Severity', 'Cost', 'Reviewer', 'Target']);

    // Ada sets Severity; Bob's panel shows it.
    const adaPanel = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await panelReady(adaPanel, s, 'T1');
    await panelField(adaPanel, 'Severity').getByTestId('cf-input').selectOption({ label: 'High' });
    await expect.poll(() => panelField(bobPanel, 'Severity').getByTestId('cf-input').inputValue()).toBe('High');
    // Bob sets a number and a person; Ada's panel shows them.
    await panelField(bobPanel, 'Cost').getByTestId('cf-input').fill('3.5');
    await panelField(bobPanel, 'Cost').getByTestId('cf-input').press('Enter');
    await panelField(bobPanel, 'Reviewer').getByTestId('cf-input').selectOption({ label: 'Ada Lovelace' });
    await expect.poll(() => panelField(adaPanel, 'Cost').getByTestId('cf-input').inputValue()).toBe('3.5');
    await expect.poll(() => panelField(adaPanel, 'Reviewer').getByTestId('cf-input').inputValue()).toBe(world.ada.user.id);
    // The server has them.
    await expect
      .poll(async () => (await world.adaSocket.ok({ getWorkItem: { workItemId: s.items['T1']!.id! } })).workItem!.customFields?.length)
      .toBe(3);
    // History names the field, with the values in words.
    await expect
      .poll(() => adaPanel.locator('[data-testid="history-entry"]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/changed Severity\s*none → High/), expect.stringMatching(/changed Reviewer\s*none → Ada Lovelace/)]));
    expect(await seriousViolations(adaPanel, '[data-testid="item-panel"]')).toEqual([]);
    await adaPanel.locator('.item-panel__body').evaluate((el) => el.scrollTo(0, 0));
    await saveScreenshot(adaPanel, 'item-custom-fields-light');

    // Bob's board filtered by Severity: High shows only T1.
    const severityId = await panelField(bobPanel, 'Severity').getAttribute('data-field-id');
    const board = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(board);
    await board.getByTestId(`filter-cf-${severityId}`).click();
    await board.locator(`[data-testid="filter-cf-${severityId}-options"] [data-value="High"]`).check();
    await expect.poll(() => board.getByTestId('filter-count').getAttribute('data-shown')).toBe('1');
    expect(await card(board, 'T1').count()).toBe(1);
    expect(await card(board, 'T2').count()).toBe(0);
    expect(board.url()).toContain(`cf=${encodeURIComponent(`${severityId}:High`)}`);
    // Set on T2 elsewhere, it joins the filtered board live.
    const t2 = (await world.adaSocket.ok({ getWorkItem: { workItemId: s.items['T2']!.id! } })).workItem!;
    await world.adaSocket.ok({ updateWorkItem: { workItemId: t2.id!, expectedVersion: t2.version!, customFields: [{ fieldId: severityId!, options: ['High'] }] } });
    await expect.poll(() => card(board, 'T2').count()).toBe(1);
  });

  it('UI-CF-2 a required field is asked for when adding a card of its type; without it the card is refused in words; a refused save in Settings is said in the server\'s words and the draft stays', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'Q', members: [[world.bob, Role.ROLE_EDITOR]] });
    const fields = [{ name: 'Severity', kind: CustomFieldKind.CUSTOM_FIELD_KIND_SINGLE_SELECT, options: ['Low', 'High'], itemTypes: ['BUG'], required: true }];
    await world.adaSocket.ok({ setCustomFields: { projectId: s.projectId, expectedVersion: await projectVersion(s), fields } });

    const page = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(page);
    await column(page, 'To Do').getByTestId('quick-add').click();
    // A task needs nothing more.
    await page.getByTestId('quick-add-type').selectOption({ label: 'Task' });
    expect(await page.getByTestId('quick-add-required').count()).toBe(0);
    await page.getByTestId('quick-add-type').selectOption({ label: 'Bug' });
    await page.getByTestId('quick-add-required').waitFor();
    await page.getByTestId('quick-add-input').fill('B1 Crash on save');
    await page.getByTestId('quick-add-input').press('Enter');
    await expect.poll(() => page.locator('.toast__text').allTextContents()).toContain('Could not add the card: Severity is required.');
    expect(await card(page, 'B1').count()).toBe(0);
    // Chosen, it goes, with the value.
    await page.locator('[data-testid="quick-add-required"] [data-testid="cf-input"]').selectOption({ label: 'High' });
    await page.getByTestId('quick-add-input').fill('B1 Crash on save');
    await page.getByTestId('quick-add-input').press('Enter');
    await expect.poll(() => card(page, 'B1').count()).toBe(1);
    await expect
      .poll(async () => {
        const items = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!;
        return items.find((w) => w.title === 'B1 Crash on save')?.customFields?.[0]?.options;
      })
      .toEqual(['High']);
    expect(await seriousViolations(page, '[data-testid="quick-add-form"]')).toEqual([]);

    // Taking away an option a live item holds: refused in the server's words, the draft kept.
    const settings = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await settingsReady(settings);
    await fieldRow(settings, 'Severity').getByTestId('cf-options').fill('Low\nMedium');
    await settings.getByTestId('cf-save').click();
    await expect.poll(() => settings.getByTestId('cf-error').textContent()).toMatch(/1 item holds 'High' of Severity: choose another value for it first/);
    expect(await fieldRow(settings, 'Severity').getByTestId('cf-options').inputValue()).toBe('Low\nMedium');
    expect(await settings.locator('[data-testid="custom-fields"]').getAttribute('data-changed')).toBe('true');

    // Bob, an editor, reads the fields: nothing to change them with.
    const reader = await world.pageFor(world.bob, `/p/${s.key}/settings`);
    await settingsReady(reader);
    await expect.poll(() => reader.getByTestId('cf-field').count()).toBe(1);
    expect(await reader.getByTestId('cf-name').count()).toBe(0);
    expect(await reader.getByTestId('cf-save').count()).toBe(0);
    expect(await seriousViolations(reader, '[data-testid="custom-fields"]')).toEqual([]);
  });
});
