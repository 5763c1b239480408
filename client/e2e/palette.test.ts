// The command palette (Ctrl/Cmd-K) through the real built client in Debian's
// Chromium against a real server: search as you type across projects, open
// an item with the keyboard, and the commands.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardReady, seedProject } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const palette = (page: Page) => page.getByTestId('palette');
const options = (page: Page) => page.getByTestId('palette-option');
const chosen = (page: Page) => page.locator('[data-testid="palette-option"][aria-selected="true"]');

describe('command palette', () => {
  it('SEARCH-9 Ctrl-K anywhere, a word of a description finds the item with its snippet, Enter opens it', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'K',
      items: [
        { title: 'T1 Sign-in page', description: 'The login form posts to the **quokka** endpoint.' },
        { title: 'T2 Release notes' },
      ],
    });
    const page = await world.pageFor(world.ada, '/');
    await page.getByTestId('palette-open').waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('palette-input');

    await page.keyboard.type('quok');
    await expect.poll(() => options(page).first().getAttribute('data-kind'), { timeout: 10_000 }).toBe('item');
    expect(await options(page).first().textContent()).toContain(s.items['T1']!.key);
    expect(await options(page).first().getByTestId('palette-snippet').locator('mark').textContent()).toBe('quokka');

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/p/${s.key}/item/${Number(s.items['T1']!.number)}`);
    await page.locator(`[data-testid="item-panel"][data-item-id="${s.items['T1']!.id}"]`).waitFor();
    expect(await palette(page).count()).toBe(0);
  });

  it('PAL-6 the commands: Escape gives the focus back; go to backlog; switch project; create item; toggle theme', async () => {
    const first = await seedProject(world.adaSocket, { prefix: 'L', name: 'Lantern' });
    const second = await seedProject(world.adaSocket, { prefix: 'M', name: 'Meadow' });
    const page = await world.pageFor(world.ada, `/p/${first.key}`);
    await boardReady(page);

    const trigger = page.getByTestId('palette-open');
    await trigger.click();
    await palette(page).waitFor();
    await page.keyboard.press('Escape');
    expect(await palette(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('palette-open');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('go back');
    await expect.poll(() => chosen(page).textContent()).toBe('Go to backlog');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/p/${first.key}/backlog`);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('switch');
    await page.keyboard.press('Enter');
    await page.keyboard.type('meadow');
    await expect.poll(() => options(page).allTextContents()).toEqual([expect.stringContaining(second.key)]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/p/${second.key}`);
    await boardReady(page);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('create');
    await page.keyboard.press('Enter');
    await page.getByTestId('quick-add-input').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('quick-add-input');
    await page.keyboard.type('T9 Made from the palette');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await world.adaSocket.ok({ getBoard: { projectId: second.projectId } })).board!.workItems!.map((w) => w.title))
      .toContain('T9 Made from the palette');

    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? document.documentElement.style.colorScheme);
    const before = await theme();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('theme');
    await page.keyboard.press('Enter');
    await expect.poll(theme).not.toBe(before);
  });
});
