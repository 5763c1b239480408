// Outgoing webhooks in Chromium (docs/PROTOCOL.md §2.7, UI-HOOK-1): an owner
// registers a webhook on the Webhooks page, copies its secret, and sees the
// delivery of a change in the log, then sends it again. The receiver is a
// node:http server on 127.0.0.1, which WEBHOOKS_ALLOW_PRIVATE lets the server reach.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_KIND_NAMES } from '../../shared/domain/webhook-events.ts';
import { ItemType } from '../../shared/proto.ts';
import { PASSWORD } from '../../server/test/support/accounts.ts';
import { seedProject } from './support/board-seed.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { useWorld } from './support/world.ts';

const world = useWorld({ vic: false, serverEnv: { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOKS_RETRY_BASE_SECONDS: '1' } });

interface Hit {
  deliveryId: string;
  timestamp: string;
  signature: string;
  body: string;
}

const hits: Hit[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    hits.push({
      deliveryId: String(req.headers['tandem-delivery-id']),
      timestamp: String(req.headers['tandem-timestamp']),
      signature: String(req.headers['tandem-signature']),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(200).end('ok');
  });
});
let receiverUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/tandem`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

/** Through the form, as a person does: the grant then names Ada's workspace role, which shows the Webhooks link. */
async function adaSignedIn(): Promise<Page> {
  const page = await (await world.blankContext()).newPage();
  await page.goto('/login');
  await page.getByTestId('login-email').fill(world.ada.user.email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByRole('heading', { name: 'Your projects' }).waitFor();
  return page;
}

describe('webhooks', () => {
  it('UI-HOOK-1 an owner registers a webhook on the Webhooks page, sees its secret once and a delivery in its log, and sends it again', async () => {
    const s = await seedProject(world.adaSocket, { prefix: 'H', name: 'Hooks', items: [] });
    const page = await adaSignedIn();
    await page.getByTestId('webhooks-link').click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByTestId('webhooks-empty').waitFor();

    await page.getByTestId('webhook-add').click();
    await page.getByTestId('webhook-url').fill(receiverUrl);
    // Every kind is ticked to begin with: keep only new items.
    for (const kind of WEBHOOK_EVENT_KIND_NAMES.filter((k) => k !== 'work_item.created')) {
      await page.locator(`[data-testid="webhook-kind"][data-kind="${kind}"]`).uncheck();
    }
    await page.getByTestId('webhook-projects-chosen').check();
    await page.locator(`[data-testid="webhook-project"][data-key="${s.key}"]`).check();
    await page.getByTestId('webhook-save').click();

    const secretField = page.getByTestId('webhook-secret-value');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expect.poll(() => page.getByTestId('webhook-url-shown').textContent()).toBe(receiverUrl);
    expect(await page.getByTestId('webhook-kinds').textContent()).toBe('work_item.created');
    expect(await page.getByTestId('webhook-projects').textContent()).toBe(s.key);
    await page.getByTestId('delivery-log-empty').waitFor();

    // A change by anyone: here Ada's own socket creates an item in the project.
    await world.adaSocket.ok({ createWorkItem: { projectId: s.projectId, itemType: ItemType.ITEM_TYPE_TASK, title: 'Tell the other tools' } });
    const delivered = page.locator('[data-testid="delivery"][data-state="delivered"]');
    await delivered.waitFor({ timeout: 10_000 });
    expect(await delivered.getByTestId('delivery-attempts').textContent()).toBe('1');
    expect(await delivered.getByTestId('delivery-answer').textContent()).toBe('HTTP 200');
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit!.signature).toBe(`v1=${createHmac('sha256', secret).update(`${hit!.timestamp}.${hit!.body}`).digest('hex')}`);
    expect(JSON.parse(hit!.body)).toMatchObject({ kind: 'work_item.created', projectKey: s.key, entity: { title: 'Tell the other tools' } });
    expect(await delivered.getAttribute('data-delivery-id')).toBe(hit!.deliveryId);

    // Shown once: back on the page, the secret is gone and cannot be read again.
    await page.getByTestId('webhook-secret-done').click();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    await saveScreenshot(page, 'webhooks-light');

    await delivered.getByTestId('delivery-resend').click();
    await expect.poll(() => hits.length, { timeout: 10_000 }).toBe(2);
    expect(hits[1]).toMatchObject({ deliveryId: hit!.deliveryId, body: hit!.body });
    await expect.poll(() => page.locator(`[data-testid="delivery"][data-delivery-id="${hit!.deliveryId}"] [data-testid="delivery-attempts"]`).textContent(), { timeout: 10_000 }).toBe('2');
  });
});
