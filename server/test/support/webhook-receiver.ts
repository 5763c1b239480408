// A webhook receiver on 127.0.0.1 (node:http) for suites whose servers set
// WEBHOOKS_ALLOW_PRIVATE: it keeps every request, answers as the test says,
// and checks a delivery's signature as a receiver would.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  deliveryId: string;
  kind: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** What the receiver answers to a hit: a status, or 'hold' to keep the request open until release(). */
export type Answer = (hit: Hit, hitsOfThisDelivery: number) => number | 'hold';

export interface Receiver {
  url: string;
  hits: Hit[];
  /** Requests open right now, and the most ever open at once. */
  open: number;
  maxOpen: number;
  answer: Answer;
  /** Answers every held request with 503. */
  release(): void;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    hits: [],
    open: 0,
    maxOpen: 0,
    answer,
    release: () => {
      for (const res of held.splice(0)) res.writeHead(503).end();
    },
    close: () => new Promise((resolve) => {
      receiver.release();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    receiver.open++;
    receiver.maxOpen = Math.max(receiver.maxOpen, receiver.open);
    res.on('close', () => receiver.open--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const hit: Hit = {
        deliveryId: String(req.headers['tandem-delivery-id']),
        kind: String(req.headers['tandem-event']),
        timestamp: String(req.headers['tandem-timestamp']),
        signature: String(req.headers['tandem-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      receiver.hits.push(hit);
      const status = receiver.answer(hit, receiver.hits.filter((h) => h.deliveryId === hit.deliveryId).length);
      if (status === 'hold') held.push(res);
      else res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tandem`;
  return receiver;
}

/** What a receiver does first: the signature over `<timestamp>.<raw body>` with the secret. */
export const verifies = (hit: Hit, secret: string) =>
  hit.signature === `v1=${createHmac('sha256', secret).update(`${hit.timestamp}.${hit.body}`).digest('hex')}`;
