// Enums are stored by name ('STORY', 'HIGH') so the file reads well; the wire
// uses the prefixed protobuf numbers. These convert between the two.
import { CustomFieldKind, ItemType, LinkKind, NotificationKind, Priority, Role, SprintState, StatusCategory } from '../../../shared/proto.ts';
import type { CustomFieldKindName, ItemTypeName, LinkKindName, NotificationKindName, PriorityName, RoleName, SprintStateName, StatusCategoryName } from './tables.ts';

function converter<N extends string, E extends number>(enumObj: Record<string, string | number>, prefix: string) {
  return {
    toName(value: E): N {
      const full = enumObj[value];
      if (typeof full !== 'string' || !full.startsWith(prefix) || full.endsWith('UNSPECIFIED')) {
        throw new Error(`no stored name for ${prefix}${value}`);
      }
      return full.slice(prefix.length) as N;
    },
    fromName(name: N): E {
      return enumObj[prefix + name] as E;
    },
  };
}

export const itemTypes = converter<ItemTypeName, ItemType>(ItemType, 'ITEM_TYPE_');
export const priorities = converter<PriorityName, Priority>(Priority, 'PRIORITY_');
export const roles = converter<RoleName, Role>(Role, 'ROLE_');
export const sprintStates = converter<SprintStateName, SprintState>(SprintState, 'SPRINT_STATE_');
export const statusCategories = converter<StatusCategoryName, StatusCategory>(StatusCategory, 'STATUS_CATEGORY_');
export const linkKinds = converter<LinkKindName, LinkKind>(LinkKind, 'LINK_KIND_');
export const notificationKinds = converter<NotificationKindName, NotificationKind>(NotificationKind, 'NOTIFICATION_KIND_');
export const customFieldKinds = converter<CustomFieldKindName, CustomFieldKind>(CustomFieldKind, 'CUSTOM_FIELD_KIND_');
