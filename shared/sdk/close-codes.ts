// What a closed socket means for the next attempt. Each kind has its recovery
// written beside it; the connection only looks the code up here.

export type CloseKind =
  /**
   * 4001: the server saw our token expire mid-session. Recovery: reconnect
   * promptly; every attempt asks the token provider again, so a refreshed
   * token is picked up. Not escalated: the new token is checked at the
   * upgrade, so this cannot repeat until that token expires too.
   */
  | 'token-expired'
  /**
   * 1003 (a text frame), 1008 (policy) and 1009 (a frame too big): the server
   * refused what we sent. Sending it again at once would be refused again, so
   * the next attempt waits the longest backoff: the loop stays slow, never hot.
   */
  | 'protocol'
  /**
   * Anything else (1000, 1001 server going away, 1006 dropped or refused
   * upgrade, 1011, 1012, 1013 slow reader): the server or the network will
   * likely be back. Recovery: exponential backoff with jitter.
   */
  | 'transient';

export const CLOSE_TOKEN_EXPIRED = 4001;

export function classifyClose(code: number): CloseKind {
  switch (code) {
    case CLOSE_TOKEN_EXPIRED:
      return 'token-expired';
    case 1003:
    case 1008:
    case 1009:
      return 'protocol';
    default:
      return 'transient';
  }
}
