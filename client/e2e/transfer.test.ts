// Export and Jira import through the built client in Debian's Chromium,
// against a real server on port 0: the board's export buttons download the
// project, and the import page shows the dry run's report before it imports,
// while another person's open board fills without a reload.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });
const SAMPLE = join(import.meta.dirname, '..', '..', 'scripts', 'fixtures', 'jira-sample.csv');

describe('export and import', () => {
  it('UI-XFER-1 the board\'s Export CSV and Export JSON buttons download the project', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'X', name: 'Export' });
    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await page.locator('[data-testid="board"][data-state="ready"]').waitFor();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^${s.key}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
    const records = parse(readFileSync((await csv.path())!, 'utf8')) as string[][];
    expect(records[0]!.slice(0, 4)).toEqual(['Summary', 'Issue key', 'Issue Type', 'Status']);
    expect(records.slice(1).map((r) => r[0])).toEqual(['T1 Sign-in page', 'T2 Fix the flaky socket', 'T3 Write the release notes']);

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { project: { key: string }; items: unknown[] };
    expect(exported.project.key).toBe(s.key);
    expect(exported.items).toHaveLength(3);
  });

  it('UI-XFER-2 the import page shows the dry run\'s report, then imports; Bob\'s open board fills live', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'J', name: 'Import', members: [[world.bob, Role.ROLE_EDITOR]], items: [] });
    const bobPage = await world.pageFor(world.bob, `/p/${s.key}`);
    await bobPage.locator('[data-testid="board"][data-state="ready"]').waitFor();
    expect(await bobPage.getByTestId('import-link').count()).toBe(0);

    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await page.locator('[data-testid="board"][data-state="ready"]').waitFor();
    await page.getByTestId('import-link').click();
    await page.getByTestId('import').waitFor();
    await page.getByTestId('import-file').setInputFiles(SAMPLE);

    const report = page.locator('[data-testid="import-report"][data-dry-run="true"]');
    await report.waitFor();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/^Would create 30 items \(.*\) and 3 sprints \(.*\) from 30 rows\.$/);
    expect(await page.getByTestId('import-item').count()).toBe(30);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    // Nobody in the sample is in this project: each assignee is reported, and the unread columns once.
    const notes = await page.getByTestId('import-notes-row').allTextContents();
    expect(notes.some((n) => n.includes('"Grace Hopper" is not a member of this project: left unassigned'))).toBe(true);
    expect(notes[0]).toMatch(/^The file.*Columns not imported: /);
    expect((await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems ?? []).toHaveLength(0);
    await saveScreenshot(page, 'jira-import-light');

    const run = page.getByTestId('import-run');
    expect(await run.textContent()).toBe('Import 30 items');
    await run.click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toMatch(/^Created 30 items/);

    // Bob never reloaded: the items arrived as the import's events (columns render only the cards in view, so count by column).
    const counts = () => bobPage.getByTestId('column-count').allTextContents();
    await expect.poll(counts, { timeout: 10_000 }).toEqual(['4', '11', '6', '2', '7']);
    const board = (await world.adaSocket.ok({ getBoard: { projectId: s.projectId } })).board!;
    expect(board.workItems).toHaveLength(30);
    expect(board.sprints!.map((sp) => sp.name).sort()).toEqual(['SHOP Sprint 1', 'SHOP Sprint 2', 'SHOP Sprint 3']);
  });
});
