// Which stored events change who may read a project. Every event that reaches
// an instance passes here, so the check reads only the event's top-level tags
// and decodes nothing but a member change.
import { Reader } from '../../../shared/protobuf-runtime.js';
import { pb, type Role } from '../../../shared/proto.ts';

export interface MemberChange {
  userId: string;
  /** The member's project role after the change; null once removed. */
  role: Role | null;
}

/** Event.member's tag as the generated code writes it (field number and wire type from tandem.proto). */
const MEMBER_TAG = Reader.create(pb.Event.encode({ member: {} }).finish()).uint32();

/** The member change a stored Event carries, or null for any other event. */
export function memberChangeOf(payload: Uint8Array): MemberChange | null {
  const reader = Reader.create(payload);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag !== MEMBER_TAG) {
      reader.skipType(tag & 7);
      continue;
    }
    const change = pb.MemberChanged.decode(reader, reader.uint32());
    const userId = change.member?.userId ?? '';
    if (!userId) return null;
    return { userId, role: change.removed ? null : (change.member?.role ?? null) };
  }
  return null;
}
