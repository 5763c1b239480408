// The Content-Security-Policy the server sends (server/src/http/security-headers.ts)
// against the real build in Chromium: every page of the app, the offline
// shell's service worker and the embed example with a live <tandem-board>
// run without a single violation. A new inline script, an eval or a request
// to another origin fails here before it fails for a user.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, card, expectColumn, seedProject } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

interface Watched {
  page: Page;
  /** Every violation so far: the browser's console report and the page's securitypolicyviolation events. */
  violations(): Promise<string[]>;
}

/** A tab that records CSP violations from its first script on. */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  // Init scripts run outside the page's policy, before any of its own scripts.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  const violations = async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
  return { page, violations };
}

describe('HARD-10 the Content-Security-Policy in Chromium', () => {
  it('HARD-10e the app runs its pages, the service worker and IndexedDB with no violation', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'C',
      members: asEditors([world.bob]),
      items: [{ title: 'T1 Styled card', labels: ['urgent'] }, { title: 'T2 Another' }],
    });
    const { page, violations } = await watchedPage(await world.blankContext());

    // Log-in through the form: the page's own POST must keep its Origin under the Referrer-Policy.
    const login = await page.goto('/login');
    expect(login!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('login-email').fill(world.ada.user.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();

    await page.goto(`/p/${s.key}`);
    await boardReady(page);
    await expectColumn(page, 'To Do', ['T1', 'T2']);
    // The offline shell: the worker's own fetches live by the policy on sw.js.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('tandem-shell-v1')).keys()).map((r) => new URL(r.url).pathname)))
      .toEqual(expect.arrayContaining(['/index.html', '/favicon.svg']));
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBeGreaterThan(0);

    await card(page, 'T1').click();
    await page.getByTestId('item-panel').waitFor();
    await page.goto(`/p/${s.key}/backlog`);
    await page.getByTestId('backlog').waitFor();
    await page.goto(`/p/${s.key}/members`);
    await page.getByRole('heading', { name: /members/i }).first().waitFor();
    expect(await violations()).toEqual([]);

    // And the policy bites (which also shows the watch works): an injected script does not run, and is reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    expect(await page.evaluate(() => 'injected' in window)).toBe(false);
    await expect.poll(async () => (await violations()).some((v) => /script-src/.test(v))).toBe(true);
  });

  it('HARD-10f the embed example page and its <tandem-board> run with no violation', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'D' });
    const { page, violations } = await watchedPage(await world.blankContext());
    await page.goto('/embed-example.html');
    await page.locator('input[name="email"]').fill(world.ada.user.email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('input[name="project"]').fill(s.key);
    await page.getByRole('button', { name: 'Show the board' }).click();
    // A password sign-in (argon2, slow on a busy two-core machine) comes before the board.
    await page.locator('[data-testid="board"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await boardReady(page);
    await expectColumn(page, 'To Do', ['T1', 'T2', 'T3']);
    expect(await violations()).toEqual([]);
  });
});
