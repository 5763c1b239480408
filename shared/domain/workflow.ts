import { StatusCategory } from '../proto.ts';

export interface StatusTemplate {
  name: string;
  category: StatusCategory;
}

/** docs/PROTOCOL.md §6: what a new project starts with. */
export const DEFAULT_WORKFLOW: readonly StatusTemplate[] = [
  { name: 'Backlog', category: StatusCategory.STATUS_CATEGORY_BACKLOG },
  { name: 'To Do', category: StatusCategory.STATUS_CATEGORY_UNSTARTED },
  { name: 'In Progress', category: StatusCategory.STATUS_CATEGORY_STARTED },
  { name: 'In Review', category: StatusCategory.STATUS_CATEGORY_STARTED },
  { name: 'Done', category: StatusCategory.STATUS_CATEGORY_COMPLETED },
];

/** Finished work stays in a completed sprint; the rest moves on. */
export function isFinished(category: StatusCategory): boolean {
  return category === StatusCategory.STATUS_CATEGORY_COMPLETED || category === StatusCategory.STATUS_CATEGORY_CANCELED;
}
