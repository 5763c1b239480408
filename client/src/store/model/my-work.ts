// The My work page's lists from a get_my_work answer: the items assigned to
// the person grouped by status (the same status name in several projects is
// one group), each item with its project's key and its address. Pure.
import { StatusCategory, type IResult, type IWorkflowStatus, type IWorkItem } from '../../../../shared/proto.ts';

export type MyWork = NonNullable<IResult['myWork']>;

export interface MyItem {
  item: IWorkItem;
  projectKey: string;
  status: IWorkflowStatus | undefined;
  /** The item open on its project's board. */
  href: string;
}

export interface StatusGroup {
  /** Category and name: one group per status name within a category, whatever the project. */
  key: string;
  name: string;
  category: StatusCategory;
  items: MyItem[];
}

export interface MyWorkLists {
  assigned: StatusGroup[];
  created: MyItem[];
  watching: MyItem[];
}

/** Work in hand first, then what is next, then what is over: the order a person goes through their day. */
const CATEGORY_ORDER: readonly StatusCategory[] = [
  StatusCategory.STATUS_CATEGORY_STARTED,
  StatusCategory.STATUS_CATEGORY_UNSTARTED,
  StatusCategory.STATUS_CATEGORY_BACKLOG,
  StatusCategory.STATUS_CATEGORY_COMPLETED,
  StatusCategory.STATUS_CATEGORY_CANCELED,
  StatusCategory.STATUS_CATEGORY_UNSPECIFIED,
];
const categoryRank = (c: StatusCategory) => {
  const i = CATEGORY_ORDER.indexOf(c);
  return i === -1 ? CATEGORY_ORDER.length : i;
};

/** Soonest due date first; undated items after, as the answer had them (latest change first). */
const byDueDate = (a: MyItem, b: MyItem) => {
  const x = a.item.dueDate || '';
  const y = b.item.dueDate || '';
  if (x && y) return x < y ? -1 : x > y ? 1 : 0;
  return Number(!x) - Number(!y);
};

export function myWorkLists(work: MyWork): MyWorkLists {
  const projects = new Map((work.projects ?? []).map((p) => [p.id ?? '', p]));
  const toItem = (item: IWorkItem): MyItem => {
    const project = projects.get(item.projectId ?? '');
    const projectKey = project?.key ?? (item.key ?? '').split('-')[0] ?? '';
    return {
      item,
      projectKey,
      status: project?.statuses?.find((s) => s.id === item.statusId),
      href: `/p/${projectKey}/item/${Number(item.number ?? 0)}`,
    };
  };

  const groups = new Map<string, StatusGroup>();
  for (const mine of (work.assigned ?? []).map(toItem)) {
    const category = mine.status?.category ?? StatusCategory.STATUS_CATEGORY_UNSPECIFIED;
    const name = mine.status?.name ?? 'Unknown status';
    const key = `${category}:${name}`;
    const group = groups.get(key) ?? { key, name, category, items: [] };
    group.items.push(mine);
    groups.set(key, group);
  }
  const assigned = [...groups.values()].sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name));
  for (const group of assigned) group.items.sort(byDueDate);

  return { assigned, created: (work.created ?? []).map(toItem), watching: (work.watching ?? []).map(toItem) };
}

/** The projects whose events can change the lists: those the answer's items are in. */
export function projectsOf(work: MyWork): string[] {
  return (work.projects ?? []).map((p) => p.id ?? '').filter(Boolean);
}
