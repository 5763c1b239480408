// The close codes the server uses (docs/PROTOCOL.md §1, §16), each with what a
// client does next written beside it. The server closes with these names; the
// SDK only looks a code up here.

export type CloseKind =
  /**
   * The server saw our token expire mid-session. Recovery: reconnect
   * promptly; every attempt asks the token provider again, so a refreshed
   * token is picked up. Not escalated: the new token is checked at the
   * upgrade, so this cannot repeat until that token expires too.
   */
  | 'token-expired'
  /**
   * The server refused what we sent. Sending it again at once would be
   * refused again, so the next attempt waits the longest backoff: the loop
   * stays slow, never hot.
   */
  | 'protocol'
  /**
   * The server or the network will likely be back (also every code not in
   * the table: 1000, 1006 dropped or refused upgrade, 1011, 1012). Recovery:
   * exponential backoff with jitter.
   */
  | 'transient';

export const CLOSE = {
  /** The server is shutting down. */
  goingAway: { code: 1001, kind: 'transient' },
  /** A text frame: the protocol is binary only. */
  unsupportedData: { code: 1003, kind: 'protocol' },
  /** The frame broke a rule of the connection (not a command's rule: those get an Error frame). */
  policy: { code: 1008, kind: 'protocol' },
  /** A frame over MAX_FRAME_BYTES. */
  tooBig: { code: 1009, kind: 'protocol' },
  /** A slow reader past MAX_BACKPRESSURE_BYTES. */
  tryAgainLater: { code: 1013, kind: 'transient' },
  /** The token expired while the socket was open. */
  tokenExpired: { code: 4001, kind: 'token-expired' },
} as const satisfies Record<string, { code: number; kind: CloseKind }>;

export const CLOSE_TOKEN_EXPIRED = CLOSE.tokenExpired.code;

const KIND_OF_CODE: ReadonlyMap<number, CloseKind> = new Map(Object.values(CLOSE).map((c) => [c.code, c.kind]));

export function classifyClose(code: number): CloseKind {
  return KIND_OF_CODE.get(code) ?? 'transient';
}
