// Who else has a board open, keyed by session: one person with two tabs is
// two sessions, and closing one tab must not hide the other.
import type { IEvent } from '../../../../shared/proto.ts';

export interface Presence {
  sessionId: string;
  userId: string;
  displayName: string;
  viewingWorkItemId: string;
}

export type PresenceMap = ReadonlyMap<string, Presence>;

/** One presence event applied: arrivals and changes replace the session's entry, online=false removes it. */
export function applyPresence(map: PresenceMap, event: IEvent): PresenceMap {
  const p = event.presence;
  if (!p) return map;
  const sessionId = p.sessionId || p.userId || '';
  if (!sessionId) return map;
  const next = new Map(map);
  if (!p.online) next.delete(sessionId);
  else
    next.set(sessionId, {
      sessionId,
      userId: p.userId ?? '',
      displayName: p.displayName ?? '',
      viewingWorkItemId: p.viewingWorkItemId ?? '',
    });
  return next;
}
