// Attachments (docs/PROTOCOL.md §2.8, protocol v13): uploads and downloads
// over real HTTP, delete_attachment and list_attachments over real sockets,
// on a real server on port 0. What is on disk is read from the tenant's folder.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ItemType, Role, type IAttachment } from '../../shared/proto.ts';
import { invite, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient } from './support/ws-client.ts';

const MAX_BYTES = 4 * 1024 * 1024;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5' + '2e3a0b0000000049454e44ae426082',
  'hex',
);

let srv: TestServer;
let ada: Session;
let vic: Session;
let bob: Session;
let adaSocket: TestClient;
let watcher: TestClient;
let vicSocket: TestClient;
let web = '';

interface Upload {
  status: number;
  body: { attachment?: IAttachment; seq?: number; error?: { code: string; message: string; field: string } };
}

async function upload(who: Session, workItemId: string, bytes: Uint8Array, name = 'notes.txt', type = 'text/plain', headers: Record<string, string> = {}): Promise<Upload> {
  const res = await fetch(`${srv.http}/api/attachments?work_item_id=${encodeURIComponent(workItemId)}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      authorization: `Bearer ${who.token}`,
      'x-file-name': encodeURIComponent(name),
      'x-file-type': type,
      ...headers,
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: await res.json() };
}

const download = (who: Session | null, id: string, headers: Record<string, string> = {}) =>
  fetch(`${srv.http}/api/attachments/${id}`, { headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers } });

const task = async (title: string, projectId = web): Promise<string> =>
  (await adaSocket.ok({ createWorkItem: { projectId, itemType: ItemType.ITEM_TYPE_TASK, title } })).workItem!.id!;

const listed = async (socket: TestClient, workItemId: string) => (await socket.ok({ listAttachments: { workItemId } })).attachments!.attachments ?? [];

const folderOf = (who: Session, server = srv) => join(server.dataDir, who.tenantId, 'attachments');

/** The stored contents of a tenant: one file per content, outside incoming/. */
function storedFiles(who: Session, server = srv): string[] {
  const root = folderOf(who, server);
  if (!existsSync(root)) return [];
  return readdirSync(root).filter((d) => d !== 'incoming').flatMap((d) => readdirSync(join(root, d)));
}

const incomingFiles = (who: Session, server = srv) => {
  const dir = join(folderOf(who, server), 'incoming');
  return existsSync(dir) ? readdirSync(dir) : [];
};

async function eventually<T>(check: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  srv = await startTestServer({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
  ada = await signup(srv.http, 'Ada');
  [vic, bob] = await Promise.all([invite(srv.http, ada, 'Vic'), invite(srv.http, ada, 'Bob')]);
  adaSocket = await TestClient.connect(srv.ws, ada.token);
  watcher = await TestClient.connect(srv.ws, ada.token);
  vicSocket = await TestClient.connect(srv.ws, vic.token);
  web = (await adaSocket.ok({ createProject: { key: 'WEB', name: 'Web' } })).project!.id!;
  await adaSocket.ok({ addMember: { projectId: web, userId: vic.user.id, role: Role.ROLE_VIEWER } });
  await watcher.ok({ subscribe: { projects: [{ projectId: web }] } });
});

afterAll(async () => {
  for (const c of [adaSocket, watcher, vicSocket]) c?.close();
  await srv?.stop();
});

describe('ATTACH uploads and downloads', () => {
  it('ATTACH-1 an upload round-trips: 201 with the attachment, the same bytes back with their type, on the item\'s list, live on a second socket, in its history', async () => {
    const item = await task('Spec');
    const bytes = Buffer.from('Meeting notes\nwith ünïcödé\n');
    const up = await upload(ada, item, bytes, 'Notes – draft.txt', 'text/plain');
    expect(up.status).toBe(201);
    const attachment = up.body.attachment!;
    expect(attachment).toMatchObject({ workItemId: item, projectId: web, fileName: 'Notes – draft.txt', contentType: 'text/plain', size: bytes.length, uploadedBy: ada.user.id });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(up.body.seq).toBeGreaterThan(0);

    const res = await download(ada, attachment.id!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get('content-type')).toBe('text/plain');

    const seen = await watcher.waitForEvent((e) => e.attachment?.attachment?.id === attachment.id);
    expect(seen).toMatchObject({ projectId: web, seq: up.body.seq, actorId: ada.user.id, attachment: { removed: false } });
    expect((await listed(vicSocket, item)).map((a) => a.id)).toEqual([attachment.id]);
    const history = (await adaSocket.ok({ getHistory: { workItemId: item } })).history!.entries!;
    expect(history.map((e) => [e.field, e.newValue])).toContainEqual(['attachment', 'Notes – draft.txt']);

    // A large file goes through as it arrives, paused and resumed on the way.
    const big = randomBytes(MAX_BYTES);
    const whole = await upload(ada, item, big, 'big.bin', '');
    expect(whole.status).toBe(201);
    expect(whole.body.attachment).toMatchObject({ size: MAX_BYTES, contentType: 'application/octet-stream' });
    expect(Buffer.from(await (await download(ada, whole.body.attachment!.id!)).arrayBuffer()).equals(big)).toBe(true);
  });

  it('ATTACH-2 two uploads of one file store it once: two attachments, one sha256, one file on disk', async () => {
    const owner = await signup(srv.http, 'Dee');
    const socket = await TestClient.connect(srv.ws, owner.token);
    const project = (await socket.ok({ createProject: { key: 'DUP', name: 'Dup' } })).project!.id!;
    const [one, two] = [
      (await socket.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: 'One' } })).workItem!.id!,
      (await socket.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: 'Two' } })).workItem!.id!,
    ];
    const bytes = randomBytes(50_000);
    const first = await upload(owner, one, bytes, 'a.bin');
    const second = await upload(owner, two, bytes, 'b.bin');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.attachment!.id).not.toBe(second.body.attachment!.id);
    expect(first.body.attachment!.sha256).toBe(second.body.attachment!.sha256);
    expect(storedFiles(owner)).toEqual([first.body.attachment!.sha256]);
    expect(incomingFiles(owner)).toEqual([]);
    socket.close();
  });

  it('ATTACH-3 another workspace\'s user gets 404 for a known attachment URL; no credential gets 401', async () => {
    const item = await task('Private');
    const id = (await upload(ada, item, Buffer.from('secret'))).body.attachment!.id!;
    const zed = await signup(srv.http, 'Zed');
    const res = await download(zed, id);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'NOT_FOUND', message: 'Attachment not found' });
    expect((await download(null, id)).status).toBe(401);
    expect((await upload(zed, item, Buffer.from('x'))).status).toBe(404);
  });

  it('ATTACH-4 a member removed from the project gets 404 (the session cookie reads like the bearer)', async () => {
    const item = await task('Team only');
    const id = (await upload(ada, item, Buffer.from('for the team'))).body.attachment!.id!;
    await adaSocket.ok({ addMember: { projectId: web, userId: bob.user.id, role: Role.ROLE_EDITOR } });
    expect((await download(bob, id)).status).toBe(200);
    expect((await download(null, id, { cookie: bob.cookie })).status).toBe(200);
    await adaSocket.ok({ removeMember: { projectId: web, userId: bob.user.id } });
    expect((await download(bob, id)).status).toBe(404);
    expect((await download(null, id, { cookie: bob.cookie })).status).toBe(404);
  });

  it('ATTACH-5 an upload cut off mid-body stores nothing: no row, no file, no incoming file left', async () => {
    const owner = await signup(srv.http, 'Cut');
    const socket = await TestClient.connect(srv.ws, owner.token);
    const project = (await socket.ok({ createProject: { key: 'CUT', name: 'Cut' } })).project!.id!;
    const item = (await socket.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: 'Cut' } })).workItem!.id!;
    const tcp = connect(srv.port, '127.0.0.1');
    await new Promise((resolve) => tcp.once('connect', resolve));
    tcp.write(
      [
        `POST /api/attachments?work_item_id=${item} HTTP/1.1`,
        `Host: 127.0.0.1:${srv.port}`,
        'Content-Type: application/octet-stream',
        `Authorization: Bearer ${owner.token}`,
        'X-File-Name: half.bin',
        'Content-Length: 200000',
        '',
        '',
      ].join('\r\n'),
    );
    tcp.write(randomBytes(100_000));
    await eventually(() => incomingFiles(owner), (files) => files.length === 1, 'the incoming file');
    tcp.destroy();
    await eventually(() => incomingFiles(owner), (files) => files.length === 0, 'the incoming file to go');
    expect(storedFiles(owner)).toEqual([]);
    expect(await listed(socket, item)).toEqual([]);
    expect((await socket.ok({ getHistory: { workItemId: item } })).history!.entries!.map((e) => e.field)).toEqual(['created']);
    socket.close();
  });

  it('ATTACH-6 over the size limit is refused with 413 in words, announced or not, and nothing is stored', async () => {
    const owner = await signup(srv.http, 'Big');
    const socket = await TestClient.connect(srv.ws, owner.token);
    const project = (await socket.ok({ createProject: { key: 'BIG', name: 'Big' } })).project!.id!;
    const item = (await socket.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: 'Big' } })).workItem!.id!;
    const tooBig = await upload(owner, item, randomBytes(MAX_BYTES + 1), 'huge.bin');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toEqual({ code: 'INVALID_ARGUMENT', message: 'The file is over the 4.2 MB an attachment may have', field: 'file' });

    // Chunked, with no length to refuse up front: refused once the limit is passed.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${srv.http}/api/attachments?work_item_id=${item}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${owner.token}`, 'x-file-name': 'stream.bin' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      const part = randomBytes(256 * 1024);
      for (let sent = 0; sent <= MAX_BYTES; sent += part.length) req.write(part);
      req.end();
    });
    expect(chunked).toBe(413);
    await eventually(() => incomingFiles(owner), (files) => files.length === 0, 'no incoming file');
    expect(storedFiles(owner)).toEqual([]);
    expect(await listed(socket, item)).toEqual([]);
    socket.close();
  });

  it('ATTACH-7 over the workspace\'s quota is refused with 413 in words and nothing stored; the same bytes again cost nothing; a delete frees its space', async () => {
    const small = await startTestServer({ ATTACHMENT_MAX_BYTES: '100000', ATTACHMENT_QUOTA_BYTES: '250000' });
    try {
      const owner = await signup(small.http, 'Quota');
      const socket = await TestClient.connect(small.ws, owner.token);
      const project = (await socket.ok({ createProject: { key: 'QUO', name: 'Quota' } })).project!.id!;
      const item = (await socket.ok({ createWorkItem: { projectId: project, itemType: ItemType.ITEM_TYPE_TASK, title: 'Full' } })).workItem!.id!;
      const send = (bytes: Uint8Array, name: string) =>
        fetch(`${small.http}/api/attachments?work_item_id=${item}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${owner.token}`, 'x-file-name': name },
          body: new Uint8Array(bytes),
        }).then(async (r) => ({ status: r.status, body: await r.json() }));
      const [a, b, c] = [randomBytes(100_000), randomBytes(100_000), randomBytes(100_000)];
      expect((await send(a, 'a')).status).toBe(201);
      const second = await send(b, 'b');
      expect(second.status).toBe(201);
      const over = await send(c, 'c');
      expect(over.status).toBe(413);
      expect(over.body.error).toMatchObject({ code: 'FAILED_PRECONDITION', field: 'file' });
      expect(over.body.error.message).toBe("The workspace's attachments are full: 200 kB of 250 kB used, and this file needs 100 kB. Delete some attachments first");
      expect(storedFiles(owner, small)).toHaveLength(2);
      expect(incomingFiles(owner, small)).toEqual([]);
      expect(await socket.ok({ listAttachments: { workItemId: item } }).then((r) => r.attachments!.attachments!.length)).toBe(2);

      expect((await send(a, 'a again')).status).toBe(201);
      await socket.ok({ deleteAttachment: { attachmentId: second.body.attachment.id } });
      expect((await send(c, 'c')).status).toBe(201);
      // b's file went when c was stored: no live attachment held it.
      expect(storedFiles(owner, small).sort()).toEqual([a, c].map((x) => sha256(x)).sort());
      socket.close();
    } finally {
      await small.stop();
    }
  });

  it('ATTACH-8 nosniff and Content-Disposition on every download; only raster images inline; HTML, SVG and a false PNG never inline', async () => {
    const item = await task('Files');
    const cases = [
      { bytes: PNG, name: 'pixel.png', type: 'image/png', served: 'image/png', inline: true },
      { bytes: PNG, name: 'pixel', type: '', served: 'image/png', inline: true },
      { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'page.html', type: 'text/html', served: 'text/html', inline: false },
      { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), name: 'logo.svg', type: 'image/svg+xml', served: 'image/svg+xml', inline: false },
      { bytes: Buffer.from('<html>not a png</html>'), name: 'fake.png', type: 'image/png', served: 'application/octet-stream', inline: false },
    ];
    for (const c of cases) {
      const up = await upload(ada, item, c.bytes, c.name, c.type);
      expect(up.body.attachment!.contentType, c.name).toBe(c.served);
      const res = await download(ada, up.body.attachment!.id!);
      expect(res.headers.get('x-content-type-options'), c.name).toBe('nosniff');
      expect(res.headers.get('content-type'), c.name).toBe(c.served);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition.startsWith(c.inline ? 'inline;' : 'attachment;'), `${c.name}: ${disposition}`).toBe(true);
      expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(c.name)}`);
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
      const again = await download(ada, up.body.attachment!.id!, { 'if-none-match': res.headers.get('etag')! });
      expect(again.status).toBe(304);
    }
  });
});

describe('ATTACH commands', () => {
  it('ATTACH-9 delete_attachment: the removal on a second socket, its history row, the same message id twice makes one change, then it is gone', async () => {
    const item = await task('To tidy');
    const attachment = (await upload(ada, item, Buffer.from('old draft'), 'draft.txt')).body.attachment!;
    const messageId = randomUUID();
    const first = await adaSocket.request({ deleteAttachment: { attachmentId: attachment.id } }, messageId);
    const again = await adaSocket.request({ deleteAttachment: { attachmentId: attachment.id } }, messageId);
    expect(again.result).toEqual(first.result);
    expect(first.result!.attachment).toMatchObject({ id: attachment.id, workItemId: item });
    expect(Number(first.result!.attachment!.deletedAtMs)).toBeGreaterThan(0);
    const removal = await watcher.waitForEvent((e) => e.attachment?.attachment?.id === attachment.id && e.attachment?.removed === true);
    expect(removal.seq).toBe(first.result!.seq);
    await new Promise((r) => setTimeout(r, 100));
    expect(watcher.events.filter((e) => e.attachment?.attachment?.id === attachment.id && e.attachment?.removed)).toHaveLength(1);
    const history = (await adaSocket.ok({ getHistory: { workItemId: item } })).history!.entries!;
    expect(history.filter((e) => e.field === 'attachment').map((e) => [e.oldValue || null, e.newValue || null])).toEqual([['draft.txt', null], [null, 'draft.txt']]);

    expect((await adaSocket.request({ deleteAttachment: { attachmentId: attachment.id } })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_NOT_FOUND, field: 'attachment_id' });
    expect((await download(ada, attachment.id!)).status).toBe(404);
    expect(await listed(adaSocket, item)).toEqual([]);
    expect((await adaSocket.request({ deleteAttachment: { attachmentId: '' } })).error).toMatchObject({ code: ErrorCode.ERROR_CODE_INVALID_ARGUMENT, field: 'attachment_id' });
  });

  it('ATTACH-10 a viewer reads attachments but cannot upload (403) or delete (PERMISSION_DENIED)', async () => {
    const item = await task('Read only');
    const attachment = (await upload(ada, item, Buffer.from('look, do not touch'))).body.attachment!;
    expect((await download(vic, attachment.id!)).status).toBe(200);
    expect((await listed(vicSocket, item)).map((a) => a.id)).toEqual([attachment.id]);
    const refused = await upload(vic, item, Buffer.from('mine'));
    expect(refused.status).toBe(403);
    expect(refused.body.error!.code).toBe('PERMISSION_DENIED');
    expect((await vicSocket.request({ deleteAttachment: { attachmentId: attachment.id } })).error?.code).toBe(ErrorCode.ERROR_CODE_PERMISSION_DENIED);
    expect(await listed(adaSocket, item)).toHaveLength(1);
  });

  it('ATTACH-11 a deleted item keeps its attachments (listed, served) and gets no new ones; its restore shows them again', async () => {
    const created = (await adaSocket.ok({ createWorkItem: { projectId: web, itemType: ItemType.ITEM_TYPE_TASK, title: 'Gone for now' } })).workItem!;
    const attachment = (await upload(ada, created.id!, Buffer.from('keep me'))).body.attachment!;
    await adaSocket.ok({ deleteWorkItem: { workItemId: created.id, expectedVersion: created.version } });
    expect((await download(ada, attachment.id!)).status).toBe(200);
    expect((await listed(adaSocket, created.id!)).map((a) => a.id)).toEqual([attachment.id]);
    expect((await upload(ada, created.id!, Buffer.from('more'))).status).toBe(404);
    expect((await adaSocket.request({ deleteAttachment: { attachmentId: attachment.id } })).error?.code).toBe(ErrorCode.ERROR_CODE_NOT_FOUND);
    await adaSocket.ok({ restoreWorkItem: { workItemId: created.id } });
    expect((await listed(adaSocket, created.id!)).map((a) => a.id)).toEqual([attachment.id]);
  });

  it('ATTACH-12 the POST guard and the request: another media type 415, another site 403, no file name or work item 400', async () => {
    const item = await task('Guarded');
    expect((await upload(ada, item, Buffer.from('x'), 'x.txt', 'text/plain', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await upload(ada, item, Buffer.from('x'), 'x.txt', 'text/plain', { origin: 'https://evil.example' })).status).toBe(403);
    const nameless = await upload(ada, item, Buffer.from('x'), '');
    expect(nameless).toMatchObject({ status: 400, body: { error: { field: 'file_name' } } });
    const noItem = await upload(ada, '', Buffer.from('x'));
    expect(noItem).toMatchObject({ status: 400, body: { error: { field: 'work_item_id' } } });
    expect((await upload(ada, item, Buffer.from('x'), 'x.txt', 'text/plain', { 'x-file-name': '%E0%A4%A' })).status).toBe(400);
  });
});

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
