// Names both sides must spell the same (docs/PROTOCOL.md §1, §2.10).

/** The subprotocol a client offers and the server answers with. */
export const SUBPROTOCOL = 'tandem.v1';

/** A client with a token offers it as a second subprotocol, `bearer.<JWT>`: browsers cannot set headers on a WebSocket. */
export const BEARER_PROTOCOL_PREFIX = 'bearer.';

/** The socket's path on the server. */
export const SOCKET_PATH = '/ws';

/** On a 421 (the upgrade or an /api route): the cell that serves the workspace asked for (PROTOCOL.md §2.10). */
export const CELL_HEADER = 'Tandem-Cell';
