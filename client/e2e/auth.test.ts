// Sign-up, log-in and log-out through the real built client, in Debian's
// Chromium, against a real server on port 0 (which serves client/dist, built
// by the e2e globalSetup).
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';
import { launchBrowser, openContext } from './support/browser.ts';
import { saveScreenshot } from './support/screenshots.ts';

const PASSWORD = 'correct horse battery';

interface Person {
  email: string;
  password: string;
  displayName: string;
  workspaceName: string;
}

function person(displayName = 'Ada Lovelace'): Person {
  return { email: `ada-${randomUUID().slice(0, 8)}@example.com`, password: PASSWORD, displayName, workspaceName: 'Analytical Engines' };
}

let srv: TestServer;
let browser: Browser;
const open: BrowserContext[] = [];

beforeAll(async () => {
  [srv, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
  await browser?.close();
  await srv?.stop();
});

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await openContext(browser, srv.http, options);
  open.push(context);
  return context.newPage();
}

/** An account made over HTTP, for tests about logging in. */
async function signupOverHttp(p: Person): Promise<void> {
  const res = await fetch(`${srv.http}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(p),
  });
  expect(res.status).toBe(201);
}

async function fillSignup(page: Page, p: Person): Promise<void> {
  await page.getByTestId('signup-display-name').fill(p.displayName);
  await page.getByTestId('signup-email').fill(p.email);
  await page.getByTestId('signup-password').fill(p.password);
  await page.getByTestId('signup-workspace-name').fill(p.workspaceName);
}

async function signupThroughForm(page: Page, p: Person): Promise<void> {
  await page.goto('/signup');
  await fillSignup(page, p);
  await page.getByTestId('signup-submit').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { name: 'Your projects' }).waitFor();
}

async function loginThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

const storedSession = (page: Page) => page.evaluate(() => sessionStorage.getItem('tandem.session'));
const sessionCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === 'tandem_session');
const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};
const text = async (page: Page, testId: string) => {
  const locator = page.getByTestId(testId);
  await locator.waitFor();
  return (await locator.textContent())?.trim();
};

describe('auth in the browser', () => {
  it('UI-AUTH-1 signing up through the form lands on the project list with the person\'s name shown', async () => {
    const page = await newPage();
    const ada = person();
    await signupThroughForm(page, ada);

    expect(await text(page, 'user-name')).toBe('Ada Lovelace');
    await page.getByTestId('project-list').waitFor();
    const stored = JSON.parse((await storedSession(page)) ?? 'null') as { token: string; tenantId: string; user: { email: string } } | null;
    expect(stored?.user.email).toBe(ada.email);
    expect(stored?.tenantId).toMatch(/^analytical-engines-[0-9a-f]{8}$/);
    expect(stored?.token.split('.')).toHaveLength(3);
    expect((await sessionCookie(page))?.httpOnly).toBe(true);

    // A reload keeps the tab signed in (sessionStorage).
    await page.reload();
    expect(await text(page, 'user-name')).toBe('Ada Lovelace');
    expect(pathOf(page)).toBe('/');
    await saveScreenshot(page, 'projects-light');
  });

  it('UI-AUTH-2 logging out returns to /login, and a signed-in page then redirects there', async () => {
    const page = await newPage();
    await signupThroughForm(page, person('Grace Hopper'));
    expect(await sessionCookie(page)).toBeDefined();

    const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
    await page.getByTestId('logout-button').click();
    expect((await loggedOut).status()).toBe(204);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(pathOf(page)).toBe('/login');
    await page.getByTestId('login-form').waitFor();
    expect(await storedSession(page)).toBeNull();
    expect(await sessionCookie(page)).toBeUndefined();

    await page.goto('/');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-form').waitFor();
    expect(await page.getByTestId('user-name').count()).toBe(0);

    // A deep link remembers where it was going.
    await page.goto('/p/WEB');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(pathOf(page)).toBe('/login?next=%2Fp%2FWEB');
  });

  it('UI-AUTH-3 logging in through the form opens the project list', async () => {
    const ada = person();
    await signupOverHttp(ada);
    const page = await newPage();
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();
    await saveScreenshot(page, 'login-light');

    await loginThroughForm(page, ada.email, ada.password);
    await page.waitForURL((url) => url.pathname === '/');
    expect(await text(page, 'user-name')).toBe('Ada Lovelace');
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();
    expect(await storedSession(page)).toContain(ada.email);
  });

  it('UI-AUTH-4 a signed-out deep link goes through login and back to where it was headed', async () => {
    const ada = person();
    await signupOverHttp(ada);
    const page = await newPage();
    await page.goto('/p/WEB');
    await page.waitForURL((url) => url.pathname === '/login');
    await loginThroughForm(page, ada.email, ada.password);
    await page.waitForURL((url) => url.pathname === '/p/WEB');
    expect(await text(page, 'page-title')).toBe('WEB board');
    expect(await page.getByTestId('board').getAttribute('data-project-key')).toBe('WEB');
  });

  it('UI-AUTH-5 a wrong password shows the server\'s message and stays signed out', async () => {
    const ada = person();
    await signupOverHttp(ada);
    const refused = await fetch(`${srv.http}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: ada.email, password: 'not the password' }),
    });
    expect(refused.status).toBe(401);
    const { error } = (await refused.json()) as { error: { message: string } };

    const page = await newPage();
    await page.goto('/login');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
    await loginThroughForm(page, ada.email, 'not the password');
    expect((await answered).status()).toBe(401);
    expect(await text(page, 'login-form-error')).toBe(error.message);
    expect(pathOf(page)).toBe('/login');
    expect(await storedSession(page)).toBeNull();
    // The form is usable again, and the message goes once the person edits.
    expect(await page.getByTestId('login-submit').isEnabled()).toBe(true);
    await page.getByTestId('login-password').fill(ada.password);
    expect(await page.getByTestId('login-form-error').count()).toBe(0);
  });

  it('UI-AUTH-6 a short password is refused in the form before anything is sent', async () => {
    const page = await newPage();
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/')) sent.push(r.url());
    });
    await page.goto('/signup');
    const ada = { ...person(), password: 'short1' };
    await fillSignup(page, ada);
    await page.getByTestId('signup-submit').click();

    expect(await text(page, 'signup-password-error')).toBe('Use at least 10 characters (4 more).');
    const password = page.getByTestId('signup-password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(sent).toEqual([]);
    expect(pathOf(page)).toBe('/signup');
    await saveScreenshot(page, 'signup-short-password-light');

    // The check updates as the person types, and a long enough password goes through.
    await password.fill('long enough now');
    expect(await page.getByTestId('signup-password-error').count()).toBe(0);
    await page.getByTestId('signup-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(sent).toEqual([`${srv.http}/api/auth/signup`]);
  });

  it('UI-AUTH-7 a refusal that names a field is shown under that field', async () => {
    const ada = person();
    await signupOverHttp(ada);
    const page = await newPage();
    await page.goto('/signup');
    await fillSignup(page, { ...ada, displayName: 'Another Ada' });
    await page.getByTestId('signup-submit').click();

    expect(await text(page, 'signup-email-error')).toBe('An account with that email already exists');
    expect(await page.getByTestId('signup-form-error').count()).toBe(0);
    expect(await page.getByTestId('signup-email').getAttribute('aria-invalid')).toBe('true');
    expect(pathOf(page)).toBe('/signup');
  });

  it('UI-AUTH-8 the theme follows the system, and the toggle overrides it across reloads', async () => {
    const page = await newPage({ colorScheme: 'dark' });
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme']);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await signupThroughForm(page, person());
    expect(await theme()).toBe('dark');
    const dark = await background();
    await saveScreenshot(page, 'projects-dark');

    await page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('light');
    expect(await background()).not.toBe(dark);
    await page.reload();
    await page.getByTestId('user-name').waitFor();
    expect(await theme()).toBe('light');

    // Toggling back to what the system says follows the system again.
    await page.getByTestId('theme-toggle').click();
    expect(await theme()).toBe('dark');
    expect(await page.evaluate(() => localStorage.getItem('tandem.theme'))).toBeNull();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset['theme'] === 'light');
  });

  it('UI-AUTH-10 logging out in one tab ends the session of another tab of the same browser within seconds (HARD-3e)', async () => {
    const context = await openContext(browser, srv.http);
    open.push(context);
    const first = await context.newPage();
    const ada = person();
    await signupThroughForm(first, ada);
    // A second tab resumes the session from the cookie. It cannot hear the first tab (no BroadcastChannel):
    // what ends its session is the server, refusing its socket and its refresh.
    const second = await context.newPage();
    await second.addInitScript(() => Reflect.deleteProperty(window, 'BroadcastChannel'));
    await second.goto('/');
    await second.getByTestId('project-list').waitFor();

    await first.getByTestId('logout-button').click();
    await first.waitForURL((url) => url.pathname === '/login');
    // The second tab's socket is closed (4001), its refresh refused: it is sent to log in, told why.
    await second.waitForURL((url) => url.pathname === '/login', { timeout: 10_000 });
    await second.getByTestId('login-expired').waitFor();
    expect(await storedSession(second)).toBeNull();
  });

  it('UI-AUTH-12 a new tab of a signed-in person opens where its link points, signed in from the cookie; a log-out there signs the first tab out at once', async () => {
    const context = await openContext(browser, srv.http);
    open.push(context);
    const first = await context.newPage();
    await signupThroughForm(first, person());
    // A tab of its own: its sessionStorage is empty, the browser's cookie is not.
    const second = await context.newPage();
    const visited: string[] = [];
    second.on('framenavigated', (frame) => frame === second.mainFrame() && visited.push(new URL(frame.url()).pathname));
    await second.goto('/p/NOPE/backlog');
    await second.getByTestId('user-name').waitFor();
    expect(pathOf(second)).toBe('/p/NOPE/backlog');
    expect(visited).not.toContain('/login');
    expect(await storedSession(second)).not.toBeNull();

    await second.getByTestId('logout-button').click();
    await second.waitForURL((url) => url.pathname === '/login');
    // Told through the tabs' channel, not left to find out at its next refresh.
    await first.waitForURL((url) => url.pathname === '/login', { timeout: 3_000 });
    expect(await storedSession(first)).toBeNull();
  });

  it('UI-AUTH-11 a short-lived token is refreshed from the cookie before it runs out: the tab stays signed in and its socket comes back (HARD-3f)', async () => {
    const short = await startTestServer({ SESSION_TTL_MINUTES: '1' });
    try {
      const context = await openContext(browser, short.http);
      open.push(context);
      const page = await context.newPage();
      const sockets: Array<{ closed: boolean }> = [];
      page.on('websocket', (ws) => {
        const entry = { closed: false };
        sockets.push(entry);
        ws.on('close', () => (entry.closed = true));
      });
      const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh'), { timeout: 70_000 });
      await signupThroughForm(page, person());
      const first = JSON.parse((await storedSession(page))!) as { token: string };
      const expiresAt = JSON.parse(Buffer.from(first.token.split('.')[1]!, 'base64url').toString()).exp * 1000;

      expect((await refreshed).status()).toBe(200);
      expect(Date.now()).toBeLessThan(expiresAt);
      const next = JSON.parse((await storedSession(page))!) as { token: string };
      expect(next.token).not.toBe(first.token);

      // The socket opened with the first token is closed at its exp; the next one uses the new token.
      await expect.poll(() => sockets.length >= 2 && sockets[0]!.closed && !sockets.at(-1)!.closed, { timeout: 30_000 }).toBe(true);
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
      expect(pathOf(page)).toBe('/');
      expect(await text(page, 'user-name')).toBe('Ada Lovelace');
      await page.reload();
      await page.getByTestId('project-list').waitFor();
    } finally {
      await short.stop();
    }
  }, 120_000);

  it('UI-AUTH-9 fits a tablet screen without sideways scrolling', async () => {
    const page = await newPage({ viewport: { width: 768, height: 1024 } });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/signup');
    await page.getByTestId('signup-form').waitFor();
    expect(await overflow()).toBe(0);
    await signupThroughForm(page, person('Margaret Hamilton-Whitfield'));
    expect(await overflow()).toBe(0);
    for (const id of ['user-name', 'theme-toggle', 'logout-button']) {
      expect(await page.getByTestId(id).isVisible()).toBe(true);
    }
    await saveScreenshot(page, 'projects-tablet-light');
  });
});
