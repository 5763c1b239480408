// The embeddable board through the real build: /embed-example.html (a host
// page) signs in with the HTTP API, hands <tandem-board> a token provider, and
// the board it mounts from /embed/tandem-board.js is live.
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, card, column, expectColumn, seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

describe('embed', () => {
  it('UI-EMBED-1 the example page mounts a live board for a user signed in with a token provider', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'E', members: asEditors([world.bob]) });
    const context = await world.blankContext();
    const page = await context.newPage();
    // The module the host loads is an ES module with the documented exports.
    await page.goto('/embed-example.html');
    // A string, not a function: vitest would rewrite a dynamic import() inside a function body.
    const exported = (await page.evaluate("import('/embed/tandem-board.js').then((m) => Object.keys(m).sort())")) as string[];
    expect(exported).toEqual(expect.arrayContaining(['TandemBoardElement', 'defineTandemBoard', 'mountBoard']));
    expect(await page.evaluate(() => !!customElements.get('tandem-board'))).toBe(true);

    await page.locator('input[name="email"]').fill(world.ada.user.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="project"]').fill(s.key);
    await page.getByRole('button', { name: 'Show the board' }).click();

    const board = page.locator('tandem-board');
    await boardReady(page);
    expect(await board.locator('[data-testid="board"]').getAttribute('data-project-key')).toBe(s.key);
    await expectColumn(page, 'To Do', ['T1', 'T2', 'T3']);
    // The embedded page is the host's: no app shell, and the socket used the bearer token, not a cookie session of the app.
    expect(await page.locator('.host-bar').count()).toBe(1);

    // Bob moves T3 to Done from elsewhere: it moves in the embed without reload.
    const t3 = s.items['T3']!;
    await world.bobSocket.ok({ moveWorkItem: { workItemId: t3.id!, expectedVersion: t3.version!, statusId: s.status['Done']!, afterId: '', beforeId: '' } });
    await expectColumn(page, 'Done', ['T3']);
    await expectColumn(page, 'To Do', ['T1', 'T2']);

    // And the embed writes: Ada moves T1 to In Progress with the keyboard; the server has it.
    await card(page, 'T1').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await expectColumn(page, 'In Progress', ['T1']);
    await expect
      .poll(async () => (await world.bobSocket.ok({ getBoard: { projectId: s.projectId } })).board!.workItems!.find((w) => w.id === s.items['T1']!.id)!.statusId)
      .toBe(s.status['In Progress']);
    expect(await column(page, 'In Progress').getByTestId('column-count').textContent()).toBe('1');
    await saveScreenshot(page, 'embed-example');
  });

  it('UI-EMBED-3 serves the module to host pages on other origins (CORS), so the board embeds anywhere', async () => {
    const res = await fetch(`${world.srv.http}/embed/tandem-board.js`, { headers: { origin: 'https://host.example.com' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('UI-EMBED-2 mountBoard with a token provider that fails shows a readable error', async () => {
    const context = await world.blankContext();
    const page = await context.newPage();
    await page.goto('/embed-example.html');
    await page.evaluate(`import('/embed/tandem-board.js').then(({ mountBoard }) => {
      const el = document.createElement('div');
      el.id = 'bad';
      document.body.appendChild(el);
      mountBoard(el, { projectKey: 'NOPE', getToken: async () => 'not-a-jwt' });
    })`);
    await page.locator('#bad [data-testid="embed-error"]').waitFor();
    expect(await page.locator('#bad [data-testid="embed-error"]').textContent()).toContain('not a JWT');
  });
});
