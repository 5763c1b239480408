// Workspace admin in Chromium (docs/PROTOCOL.md §2.6, UI-PEOPLE-1..3): the
// People page changes a role and deactivates someone, whose open socket
// closes; a person changes their own password on the Account page and logs
// in with it; a one-time link sets a new password.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD, invite, type Session } from '../../server/test/support/accounts.ts';
import { TestClient, upgradeStatus } from '../../server/test/support/ws-client.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const NEW_PASSWORD = 'a brand new sentence 42';

/** Logs in through the form, as a person does (the grant then names their workspace role). */
async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { name: 'Your projects' }).waitFor();
}

async function signedIn(who: Session, password = PASSWORD): Promise<Page> {
  const page = await (await world.blankContext()).newPage();
  await logIn(page, who.user.email, password);
  return page;
}

/** A person's row on the People page; `also`: more attributes it must have (`[data-role="admin"]`). */
const row = (page: Page, who: Session, also = '') => page.locator(`[data-testid="person"][data-person-id="${who.user.id}"]${also}`);

async function openPeople(page: Page): Promise<void> {
  await page.getByTestId('people-link').click();
  await page.waitForURL((url) => url.pathname === '/people');
  await page.getByRole('heading', { name: 'People' }).waitFor();
}

describe('UI-PEOPLE the People and Account pages', () => {
  it('UI-PEOPLE-1 an admin makes a member an admin and then deactivates them; their open socket closes and they are refused', async () => {
    const [nia, kim] = await Promise.all([invite(world.srv.http, world.ada, 'Nia Nash', 'admin'), invite(world.srv.http, world.ada, 'Kim Keller')]);
    const kimSocket = await TestClient.connect(world.srv.ws, kim.token);
    const page = await signedIn(nia);
    await openPeople(page);

    // What an admin may not do is said beside the person, in words.
    const owner = row(page, world.ada).getByTestId('person-why');
    await expect.poll(() => owner.textContent()).toContain("Only the owner can change the owner's role");
    expect(await owner.textContent()).toContain('The owner cannot be deactivated');
    expect(await row(page, nia).getByTestId('person-why').textContent()).toContain('You cannot deactivate yourself');
    expect(await row(page, kim).locator('option').allTextContents()).toEqual(['Admin', 'Member']);
    await row(page, kim).getByTestId('person-role-select').selectOption('admin');
    await row(page, kim, '[data-role="admin"]').waitFor();
    await expect.poll(() => page.getByTestId('people-notice').textContent()).toBe('Kim Keller is now an admin. Their open pages reconnect with the new role.');
    expect(await kimSocket.waitForClose(2500)).toBe(4001);

    const again = await TestClient.connect(world.srv.ws, kim.token);
    await again.ok({ listProjects: {} });
    page.once('dialog', (dialog) => void dialog.accept());
    await row(page, kim).getByTestId('person-deactivate').click();
    await row(page, kim, '[data-active="false"]').waitFor();
    expect(await row(page, kim).getByTestId('person-state').textContent()).toBe('Deactivated');
    await row(page, kim).getByTestId('person-reactivate').waitFor();
    expect(await again.waitForClose(2500)).toBe(4001);
    expect(await upgradeStatus(world.srv.ws, ['tandem.v1', `bearer.${kim.token}`])).toBe(401);
    await saveScreenshot(page, 'people-light');

    // Kim's log-in is refused in words.
    const kimPage = await (await world.blankContext()).newPage();
    await kimPage.goto('/login');
    await kimPage.getByTestId('login-email').fill(kim.user.email);
    await kimPage.getByTestId('login-password').fill(PASSWORD);
    await kimPage.getByTestId('login-submit').click();
    await expect.poll(() => kimPage.getByTestId('login-form-error').textContent()).toContain('This account has been deactivated in this workspace');
  });

  it('UI-PEOPLE-2 a person changes their own password on the Account page and logs in with it', async () => {
    const lee = await invite(world.srv.http, world.ada, 'Lee Lam');
    const page = await signedIn(lee);
    // A member manages no people.
    expect(await page.getByTestId('people-link').count()).toBe(0);
    await page.getByTestId('account-link').click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.getByTestId('account-role').textContent()).toBe('Member');

    await page.getByTestId('current-password').fill('not my password at all');
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('current-password-error').textContent()).toBe('That is not your current password');

    await page.getByTestId('current-password').fill(PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-changed').waitFor();
    await saveScreenshot(page, 'account-light');

    // This session goes on; a fresh browser logs in with the new password only.
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('heading', { name: 'Your projects' }).waitFor();
    const fresh = await (await world.blankContext()).newPage();
    await fresh.goto('/login');
    await fresh.getByTestId('login-email').fill(lee.user.email);
    await fresh.getByTestId('login-password').fill(PASSWORD);
    await fresh.getByTestId('login-submit').click();
    await expect.poll(() => fresh.getByTestId('login-form-error').textContent()).toContain('Wrong email or password');
    await logIn(fresh, lee.user.email, NEW_PASSWORD);
  });

  it('UI-PEOPLE-3 a one-time link made on the People page sets a new password, once', async () => {
    const mo = await invite(world.srv.http, world.ada, 'Mo Moss');
    const page = await signedIn(world.ada);
    await openPeople(page);
    await row(page, mo).getByTestId('person-reset-password').click();
    const url = await page.getByTestId('password-link-url').inputValue();
    expect(url).toMatch(new RegExp(`^${world.srv.http}/reset-password#[a-z0-9][a-z0-9_-]*\\.[A-Za-z0-9_-]{40,}$`));
    expect(await page.getByTestId('password-link').textContent()).toContain('One-time link for Mo Moss');

    const moPage = await (await world.blankContext()).newPage();
    await moPage.goto(url);
    await moPage.getByRole('heading', { name: 'Set a new password' }).waitFor();
    await moPage.getByTestId('reset-password').fill('qwertyuiop');
    await moPage.getByTestId('reset-repeat').fill('qwertyuiop');
    await moPage.getByTestId('reset-submit').click();
    await expect.poll(() => moPage.getByTestId('reset-password-error').textContent()).toMatch(/most common/);
    await saveScreenshot(moPage, 'reset-password-light');
    await moPage.getByTestId('reset-password').fill(NEW_PASSWORD);
    await moPage.getByTestId('reset-repeat').fill(NEW_PASSWORD);
    await moPage.getByTestId('reset-submit').click();
    await moPage.getByTestId('reset-done').waitFor();
    expect(new URL(moPage.url()).hash).toBe('');
    await moPage.getByTestId('reset-login').click();
    await logIn(moPage, mo.user.email, NEW_PASSWORD);

    // Used once: the same link again is refused in words.
    const replay = await (await world.blankContext()).newPage();
    await replay.goto(url);
    await replay.getByTestId('reset-password').fill('another fine sentence 7');
    await replay.getByTestId('reset-repeat').fill('another fine sentence 7');
    await replay.getByTestId('reset-submit').click();
    await expect.poll(() => replay.getByTestId('reset-form-error').textContent()).toContain('This link has already been used');
  });
});
