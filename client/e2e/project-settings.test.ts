// Project settings in Chromium (issue 15 part 1, UI-PROJ-SET): an admin
// renames a project and changes its key on the Settings page, a second
// window on the board follows live, and a link with the old key still opens
// the item; archiving shows the board read-only with a banner.
import { describe, expect, it } from 'vitest';
import { Role } from '../../shared/proto.ts';
import { boardReady, letters, seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

describe('UI-PROJ-SET the Settings page', () => {
  it('UI-PROJ-SET-1 a rename and a key change show live in another window, and the old item URL still opens the item', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'S', members: [[world.bob, Role.ROLE_EDITOR]] });
    const item = s.items['T1']!;
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);

    const page = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(page);
    await page.getByTestId('tab-settings').click();
    await page.waitForURL((url) => url.pathname === `/p/${s.key}/settings`);
    await page.locator('[data-testid="settings"][data-state="ready"]').waitFor();

    const newKey = `K${letters()}`;
    await page.getByTestId('project-name').fill('Renamed app');
    await page.getByTestId('project-key').fill(newKey.toLowerCase());
    await page.getByTestId('project-save').click();
    // The page moves to the new key by itself.
    await page.waitForURL((url) => url.pathname === `/p/${newKey}/settings`);
    await expect.poll(() => page.getByTestId('project-key').inputValue()).toBe(newKey);
    await saveScreenshot(page, 'project-settings-light');

    // The other window follows: its address takes the new key, its header the new name.
    await watcher.waitForURL((url) => url.pathname === `/p/${newKey}`);
    await expect.poll(() => watcher.locator('.page__eyebrow').textContent()).toBe('Renamed app');

    // A link made before the change still opens the item, under the current key.
    const old = await world.pageFor(world.bob, `/p/${s.key}/item/${item.number}`);
    await old.waitForURL((url) => url.pathname === `/p/${newKey}/item/${item.number}`);
    await expect.poll(() => old.getByTestId('item-key').textContent()).toBe(item.key);
  });

  it('UI-PROJ-SET-2 archiving shows the board read-only with a banner, live; restoring brings the editing back', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'A', members: [[world.bob, Role.ROLE_EDITOR]] });
    const watcher = await world.pageFor(world.bob, `/p/${s.key}`);
    await boardReady(watcher);
    await watcher.locator('[data-testid="board"][data-can-edit="true"]').waitFor();

    const page = await world.pageFor(world.ada, `/p/${s.key}/settings`);
    await page.locator('[data-testid="settings"][data-state="ready"]').waitFor();
    await page.getByTestId('project-archive-button').click();
    await page.locator('[data-testid="settings"][data-archived="true"]').waitFor();

    await watcher.getByTestId('archived-banner').waitFor();
    await watcher.locator('[data-testid="board"][data-can-edit="false"]').waitFor();

    await page.getByTestId('project-restore-button').click();
    await watcher.locator('[data-testid="board"][data-can-edit="true"]').waitFor();
    expect(await watcher.getByTestId('archived-banner').count()).toBe(0);
  });
});
