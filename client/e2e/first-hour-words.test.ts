// What a new team reads in its first hour, through the real built client in
// Debian's Chromium against a real server on port 0: markdown with GFM and
// mentions (and nothing a description says runs), the history in words, and
// names where ids were: the workspace in the top bar, the item a person is
// looking at, who made the change in a conflict. Seed data goes over
// TestClient sockets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IClientFrame, IWorkItem } from '../../shared/proto.ts';
import { PASSWORD } from '../../server/test/support/accounts.ts';
import { asEditors, boardReady, seedProject, type Seeded } from './support/board-seed.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, bobSocket: true });

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

const DESCRIPTION = [
  '> Quoted from the **customer**',
  '',
  '- [ ] Write the form',
  '- [x] Pick the provider',
  '',
  '| Browser | Status |',
  '|:--|--:|',
  '| Safari | ~~broken~~ fixed |',
  '',
  'See https://example.com/spec and ask @Bob Babbage, not @Nobody Here.',
  '',
  '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">',
  '',
  'Do not [click me](javascript:alert(3)) or <img src=x onerror="window.__pwned = 3">',
].join('\n');

describe('markdown', () => {
  it('FIRST-7 GFM renders (quote, task list, table, strikethrough, autolink) with @mentions of members; raw HTML and javascript: links stay text', async () => {
    const s = await seedProject(world.adaSocket, {
      prefix: 'M',
      members: asEditors([world.bob]),
      items: [{ title: 'T1 Sign-in page', description: DESCRIPTION }],
    });
    const page = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await panelReady(page, s.items['T1']!);
    const description = page.getByTestId('description');
    await description.waitFor();

    expect(await description.locator('blockquote').textContent()).toBe('Quoted from the customer');
    const boxes = description.locator('li input[type="checkbox"]');
    expect(await boxes.evaluateAll((els) => els.map((el) => [(el as HTMLInputElement).checked, (el as HTMLInputElement).disabled]))).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(await description.locator('li').allTextContents()).toEqual([' Write the form', ' Pick the provider']);
    expect(await description.locator('table th').allTextContents()).toEqual(['Browser', 'Status']);
    expect(await description.locator('table td').allTextContents()).toEqual(['Safari', 'broken fixed']);
    expect(await description.locator('td del').textContent()).toBe('broken');
    expect(await description.locator('a').evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('href')]))).toEqual([
      ['https://example.com/spec', 'https://example.com/spec'],
    ]);

    // A member's name is a mention chip; an unknown one stays text.
    const mentions = description.getByTestId('mention');
    expect(await mentions.evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('data-user-id')]))).toEqual([
      ['@Bob Babbage', world.bob.user.id],
    ]);
    expect(await description.textContent()).toContain('not @Nobody Here.');

    // The markup is shown as its characters: nothing ran, nothing was made of it.
    const text = (await description.textContent()) ?? '';
    expect(text).toContain('<script>window.__pwned = 1</script>');
    expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
    // The javascript: link keeps its words and loses the link.
    expect(text).toContain('Do not click me or <img src=x onerror="window.__pwned = 3">');
    expect(text).not.toContain('javascript:');
    expect(await description.locator('script, img, iframe').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

    // Comments too.
    await page.getByTestId('comment-input').fill('Over to @bob for ~~a look~~ review');
    await page.getByTestId('comment-submit').click();
    const body = page.locator('[data-testid="comment"]:not([data-pending]) [data-testid="comment-body"]');
    await expect.poll(() => body.getByTestId('mention').evaluateAll((els) => els.map((el) => el.getAttribute('data-user-id')))).toEqual([world.bob.user.id]);
    expect(await body.locator('del').textContent()).toBe('a look');
  });
});

describe('history', () => {
  it('FIRST-8 the history says labels as words ("added labels frontend, safari") and names for ids: no JSON, no ids', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'H', members: asEditors([world.bob]), items: [{ title: 'T1 Sign-in page' }] });
    const bob = world.bobSocket;
    const sprint = (await bob.ok({ createSprint: { projectId: s.projectId, name: 'Sprint Words', goal: '', startDate: '', endDate: '' } })).sprint!;
    let item = s.items['T1']!;
    const update = async (fields: Omit<NonNullable<IClientFrame['updateWorkItem']>, 'workItemId' | 'expectedVersion'>) => {
      item = (await bob.ok({ updateWorkItem: { workItemId: item.id!, expectedVersion: Number(item.version), ...fields } })).workItem!;
    };
    await update({ labels: ['safari', 'frontend'], setLabels: true });
    await update({ labels: ['frontend'], setLabels: true });
    await update({ assigneeId: world.bob.user.id, sprintId: sprint.id });
    item = (await bob.ok({ moveWorkItem: { workItemId: item.id!, expectedVersion: Number(item.version), statusId: s.status['In Progress']!, afterId: '', beforeId: '' } }))
      .workItem!;

    const page = await world.pageFor(world.ada, itemPath(s, 'T1'));
    await panelReady(page, item);
    const entries = page.getByTestId('history-entry');
    const of = (field: string) => page.locator(`[data-testid="history-entry"][data-field="${field}"]`).allTextContents();
    await expect.poll(() => of('labels'), { timeout: 10_000 }).toHaveLength(2);
    const labels = await of('labels');
    expect(labels[0]).toContain('Bob Babbage removed label safari');
    expect(labels[1]).toContain('Bob Babbage added labels frontend, safari');
    expect((await of('assignee_id'))[0]).toContain('none → Bob Babbage');
    expect((await of('sprint_id'))[0]).toContain('backlog → Sprint Words');
    expect((await of('status_id'))[0]).toContain('To Do → In Progress');

    const ids = [item.id!, sprint.id!, world.bob.user.id, world.ada.user.id, ...Object.values(s.status)];
    for (const line of await entries.allTextContents()) {
      expect(line).not.toMatch(/[[\]"{}]/);
      for (const id of ids) expect(line).not.toContain(id);
    }
  });
});

describe('names, not ids', () => {
  it('FIRST-9 the top bar names the workspace, not its id, after a log-in and a reload', async () => {
    const page = await (await world.blankContext()).newPage();
    await page.goto('/login');
    await page.getByTestId('login-email').fill(world.bob.user.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => url.pathname === '/');
    const workspace = page.getByTestId('workspace-name');
    expect(await workspace.textContent()).toBe("Ada Lovelace's team");
    expect(await workspace.textContent()).not.toBe(world.bob.tenantId);
    await page.reload();
    await workspace.waitFor();
    expect(await workspace.textContent()).toBe("Ada Lovelace's team");
  });

  it('FIRST-10 presence says which item a person is looking at, by key and title', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'P', members: asEditors([world.bob]) });
    const t2 = s.items['T2']!;
    const adaPage = await world.pageFor(world.ada, `/p/${s.key}`);
    await boardReady(adaPage);
    const bobPage = await world.pageFor(world.bob, itemPath(s, 'T2'));
    await panelReady(bobPage, t2);
    const avatar = adaPage.locator(`[data-testid="presence-avatar"][data-user-id="${world.bob.user.id}"]`);
    await expect.poll(() => avatar.getAttribute('title'), { timeout: 10_000 }).toBe(`Bob Babbage is looking at ${t2.key} T2 Fix the flaky socket`);
    // A rename reaches the words too.
    await world.adaSocket.ok({ updateWorkItem: { workItemId: t2.id!, expectedVersion: Number(t2.version), title: 'T2 Fix the socket for good' } });
    await expect.poll(() => avatar.getAttribute('title')).toBe(`Bob Babbage is looking at ${t2.key} T2 Fix the socket for good`);
    await bobPage.keyboard.press('Escape');
    await expect.poll(() => avatar.getAttribute('title')).toBe('Bob Babbage is on this board');
  });

  it('FIRST-11 the conflict dialog names who made the change', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'C', members: asEditors([world.bob]) });
    const t2 = s.items['T2']!;
    const bobPage = await world.pageFor(world.bob, itemPath(s, 'T2'));
    await panelReady(bobPage, t2);

    // Bob starts editing; Ada saves first.
    const title = bobPage.getByTestId('item-title-input');
    await title.focus();
    await world.adaSocket.ok({ updateWorkItem: { workItemId: t2.id!, expectedVersion: Number(t2.version), title: 'T2 Ada fixed the socket' } });
    await title.fill('T2 Bob fixed the socket');
    await title.press('Enter');

    const dialog = bobPage.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('conflict-author').textContent()).toBe('Ada Lovelace');
    expect(await dialog.locator('h2').textContent()).toBe(`Ada Lovelace changed ${t2.key} while you were editing`);
    await dialog.getByTestId('conflict-keep-theirs').click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
