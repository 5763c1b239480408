// The project's members: replaced by user id from member events and the
// Results of member writes; remove_member's Result names nobody, so its
// write's meta says whom it took out.
import type { IMember } from '../../../../shared/proto.ts';
import type { EntityReducer } from './reducer.ts';
import { boardMetaOf } from './write-meta.ts';

export function upsertMember(list: readonly IMember[], member: IMember, removed: boolean): IMember[] {
  return [...list.filter((m) => m.userId !== member.userId), ...(removed ? [] : [member])];
}

export const membersReducer: EntityReducer<readonly IMember[]> = {
  event(members, event) {
    const change = event.member;
    return change?.member ? upsertMember(members, change.member, !!change.removed) : members;
  },
  reply(members, reply, projectId) {
    if (!reply.ok) return members;
    const member = reply.result.member;
    const next = member && member.projectId === projectId ? upsertMember(members, member, false) : members;
    const removed = boardMetaOf(reply, projectId)?.removesMember;
    return removed === undefined ? next : next.filter((m) => m.userId !== removed);
  },
};
