// Fan-out subscribers that measure the server, not a client library: each is
// a bare `ws` socket that, once subscribed, only finds the send stamp in the
// raw frame (a byte search, no full decode) and records the latency. The
// Tandem one speaks protobuf frames; the peer one speaks Socket.IO's own
// framing (Engine.IO v4 packets over its websocket transport), which is what
// socket.io-client sends and parses underneath.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { pb } from '../../../shared/proto.ts';
import type { Target } from '../servers.ts';

export const STAMP = 'sent@';
const STAMP_BYTES = Buffer.from(STAMP);

export interface Watcher {
  close(): void;
}

/** The stamp's number starts right after the marker and ends at the first byte that is not a digit or a dot. */
export function readStamp(frame: Buffer): number | null {
  const at = frame.indexOf(STAMP_BYTES);
  if (at < 0) return null;
  let end = at + STAMP_BYTES.length;
  while (end < frame.length && ((frame[end]! >= 48 && frame[end]! <= 57) || frame[end] === 46)) end++;
  return Number(frame.toString('latin1', at + STAMP_BYTES.length, end));
}

export function openWatcher(target: Target, url: string, token: string, projectId: string, onStamp: (sentAt: number) => void): Promise<Watcher> {
  return target === 'tandem' ? tandemWatcher(url, token, projectId, onStamp) : peerWatcher(url, token, projectId, onStamp);
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (req, res) => {
      req.destroy();
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`));
    });
    socket.once('error', reject);
  });
}

async function tandemWatcher(url: string, token: string, projectId: string, onStamp: (sentAt: number) => void): Promise<Watcher> {
  const socket = new WebSocket(url, ['tandem.v1', `bearer.${token}`], { perMessageDeflate: false });
  await opened(socket);
  const messageId = randomUUID();
  await new Promise<void>((resolve, reject) => {
    socket.on('message', function untilSubscribed(data: Buffer) {
      const frame = pb.ServerFrame.decode(data);
      if (frame.messageId !== messageId) return;
      socket.off('message', untilSubscribed);
      if (frame.result) resolve();
      else reject(new Error(`subscribe refused: ${frame.error?.message}`));
    });
    // As Tandem's own client subscribes: a title change arrives as the changed fields only.
    socket.send(pb.ClientFrame.encode({ messageId, subscribe: { projects: [{ projectId, sinceSeq: 0 }], changedFieldsOnly: true } }).finish());
  });
  socket.on('message', (data: Buffer) => {
    const sentAt = readStamp(data);
    if (sentAt !== null) onStamp(sentAt);
  });
  return { close: () => socket.terminate() };
}

/** Engine.IO v4: '0' open, '2' ping / '3' pong, '4' message; Socket.IO inside: '0' connect, '2' event, '3' ack. */
async function peerWatcher(url: string, token: string, projectId: string, onStamp: (sentAt: number) => void): Promise<Watcher> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  // Listening before 'open': the server's open packet can arrive in the same read as the upgrade.
  const subscribed = new Promise<void>((resolve, reject) => {
    socket.on('message', function handshake(data: Buffer) {
      const text = data.toString();
      if (text.startsWith('0{')) socket.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith('40{')) socket.send(`420${JSON.stringify(['subscribe', { projects: [{ projectId, sinceSeq: 0 }] }])}`);
      else if (text.startsWith('44')) reject(new Error(`connect refused: ${text}`));
      else if (text.startsWith('430')) {
        socket.off('message', handshake);
        const [reply] = JSON.parse(text.slice(3)) as [{ ok: boolean }];
        if (reply.ok) resolve();
        else reject(new Error(`subscribe refused: ${text}`));
      }
    });
  });
  await opened(socket);
  await subscribed;
  socket.on('message', (data: Buffer) => {
    if (data.length === 1 && data[0] === 0x32) return socket.send('3');
    const sentAt = readStamp(data);
    if (sentAt !== null) onStamp(sentAt);
  });
  return { close: () => socket.terminate() };
}
