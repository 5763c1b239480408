// Ids of what was made here and not answered yet (a card, a comment): the
// create's message id under a prefix no server id has, so it is shown at
// once but never moved, edited or linked to by an id the server does not know.
const LOCAL_PREFIX = 'local-';

export const localId = (messageId: string): string => `${LOCAL_PREFIX}${messageId}`;

export const isLocal = (entity: { id: string }): boolean => entity.id.startsWith(LOCAL_PREFIX);
