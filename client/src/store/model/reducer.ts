// The shape every entity of the project model is kept up to date by: one
// pure reducer per entity, for the feed's events and for the replies to
// writes (the Result of a write of ours carries the entity after it; a
// refusal may carry the server's current version).
import type { IEvent } from '../../../../shared/proto.ts';
import type { Reply } from '../../../../shared/sdk/index.ts';

/** What an event reducer answers when it cannot lay the event on what it holds: the board must be fetched again, as after RESYNC_REQUIRED. */
export const CANNOT_APPLY: unique symbol = Symbol('cannot apply');

export interface EntityReducer<S> {
  event(state: S, event: IEvent): S | typeof CANNOT_APPLY;
  /** A reply to a write, for the project `projectId` (replies to other projects' writes leave the state alone). */
  reply(state: S, reply: Reply, projectId: string): S;
}

/** For an entity only get_board brings (labels). */
export const unchangedByFeed = <S>(): EntityReducer<S> => ({ event: (state) => state, reply: (state) => state });
