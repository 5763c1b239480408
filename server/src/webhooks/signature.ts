// How a receiver knows a delivery came from this server and is fresh
// (docs/PROTOCOL.md §2.7): an HMAC-SHA256, keyed with the webhook's secret,
// over the timestamp, a dot and the raw body. The timestamp is inside the
// signature so an old delivery replayed later fails the receiver's window;
// `v1=` names the scheme so another can be added beside it.
import { createHmac, randomBytes } from 'node:crypto';

export const DELIVERY_HEADERS = {
  id: 'Tandem-Delivery-Id',
  kind: 'Tandem-Event',
  timestamp: 'Tandem-Timestamp',
  signature: 'Tandem-Signature',
} as const;

/** `v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>`, keyed with the secret's UTF-8 bytes. */
export function signDelivery(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

/** 32 random bytes: as hard to guess as the key of the HMAC can use. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
