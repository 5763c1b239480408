// Attachments through the real built client in Debian's Chromium, against a
// real server: a PNG dropped on one window's item panel uploads and shows as
// a thumbnail there and in a second window's open panel; a file picked is
// listed with its download, and deleted from the other window. Seed data and
// checks of the server's state go over Ada's TestClient socket.
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IWorkItem } from '../../shared/proto.ts';
import { asEditors, seedProject, type Seeded } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false });

const itemPath = (s: Seeded, prefix: string) => `/p/${s.key}/item/${Number(s.items[prefix]!.number)}`;

async function panelReady(page: Page, item: IWorkItem): Promise<void> {
  await page.locator(`[data-testid="item-panel"][data-item-id="${item.id}"]`).waitFor();
  await page.locator('[data-testid="link-status"][data-status="online"]').waitFor();
}

/** A 64x64 PNG of a diagonal gradient: something to see in a thumbnail. */
function gradientPng(): Buffer {
  const size = 64;
  const rows = Array.from({ length: size }, (_, y) =>
    Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, (_, x) => [x * 4, y * 4, 200]).flat())]),
  );
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Drops a file on the open item panel, as a person dragging it from their desktop would. */
async function dropFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      return transfer;
    },
    { base64: bytes.toString('base64'), name, type },
  );
  const panel = page.getByTestId('item-panel');
  for (const event of ['dragenter', 'dragover', 'drop']) await panel.dispatchEvent(event, { dataTransfer });
}

/** The thumbnail of `name` once its image has loaded: its natural width. */
const thumbWidth = (page: Page, name: string) =>
  page
    .locator(`[data-testid="attachment"][data-name="${name}"] img[data-testid="attachment-thumb"]`)
    .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));

const namesIn = (page: Page) => page.locator('[data-testid="attachment"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));

describe('attachments', () => {
  it('UI-ATTACH-1 a PNG dropped on the item panel uploads and shows as a thumbnail there and in a second window\'s open panel', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'A', members: asEditors([world.bob]) });
    const t1 = s.items['T1']!;
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, itemPath(s, 'T1')), world.pageFor(world.bob, itemPath(s, 'T1'))]);
    await Promise.all([panelReady(adaPage, t1), panelReady(bobPage, t1)]);
    await adaPage.locator('[data-testid="item-attachments"]').scrollIntoViewIfNeeded();

    await dropFile(adaPage, 'gradient.png', 'image/png', gradientPng());
    await expect.poll(() => thumbWidth(adaPage, 'gradient.png'), { timeout: 10_000 }).toEqual([64]);
    await expect.poll(() => thumbWidth(bobPage, 'gradient.png'), { timeout: 10_000 }).toEqual([64]);
    expect(await adaPage.getByTestId('attachment-upload').count()).toBe(0);

    const stored = (await world.adaSocket.ok({ listAttachments: { workItemId: t1.id } })).attachments!.attachments!;
    expect(stored.map((a) => [a.fileName, a.contentType, a.uploadedBy])).toEqual([['gradient.png', 'image/png', world.ada.user.id]]);
    await expect.poll(() => adaPage.locator('[data-testid="history-entry"][data-field="attachment"]').allTextContents(), { timeout: 10_000 }).toEqual([
      expect.stringContaining('attached a file'),
    ]);
    // The second window, where the file arrived live.
    await bobPage.getByTestId('item-attachments').scrollIntoViewIfNeeded();
    await saveScreenshot(bobPage, 'item-attachments-light');
  });

  it('UI-ATTACH-2 a file picked is listed with its download and no thumbnail; deleted in one window, it leaves the other', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'B', members: asEditors([world.bob]) });
    const t2 = s.items['T2']!;
    const [adaPage, bobPage] = await Promise.all([world.pageFor(world.ada, itemPath(s, 'T2')), world.pageFor(world.bob, itemPath(s, 'T2'))]);
    await Promise.all([panelReady(adaPage, t2), panelReady(bobPage, t2)]);

    await adaPage.getByTestId('attachment-picker').setInputFiles({ name: 'notes.html', mimeType: 'text/html', buffer: Buffer.from('<h1>Notes</h1>') });
    await expect.poll(() => namesIn(bobPage), { timeout: 10_000 }).toEqual(['notes.html']);
    expect(await thumbWidth(bobPage, 'notes.html')).toEqual([]);
    const [download] = await Promise.all([bobPage.waitForEvent('download'), bobPage.getByTestId('attachment-download').click()]);
    expect(download.suggestedFilename()).toBe('notes.html');

    await bobPage.getByRole('button', { name: 'Delete notes.html' }).click();
    await expect.poll(() => namesIn(adaPage), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => namesIn(bobPage)).toEqual([]);
    expect((await world.adaSocket.ok({ listAttachments: { workItemId: t2.id } })).attachments!.attachments ?? []).toEqual([]);
  });
});
