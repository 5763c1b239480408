// The form of a stored event that subscribers who asked for changed fields
// only receive (Subscribe.changed_fields_only). Derived here, from the event
// as stored, once per event per instance: the log and Redis carry only the
// whole form, so every instance and every replay agree on it.
import { toPartialItem } from '../../../shared/protocol/partial-work-item.ts';
import { pb } from '../../../shared/proto.ts';

/** The compact Event bytes: the stored bytes themselves unless it is an ordinary work item change. */
export function compactEvent(payload: Uint8Array): Uint8Array {
  const event = pb.Event.decode(payload);
  const change = event.workItem;
  if (!change?.workItem) return payload;
  const workItem = toPartialItem(change.workItem, change.changedFields ?? []);
  if (!workItem) return payload;
  return pb.Event.encode({ ...event, workItem: { workItem, changedFields: change.changedFields, partial: true } }).finish();
}
