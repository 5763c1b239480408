import { isTenantAdmin } from '../../../shared/domain/permissions.ts';
import type { IWorkItem } from '../../../shared/proto.ts';
import type { Commands } from '../commands/parsers.ts';
import { findProject, projectMessage } from '../storage/projects.ts';
import { myItems } from '../storage/work-items.ts';
import type { ReadContext, ResultValue } from './context.ts';

const ASSIGNED_MAX = 200;
const OTHERS_MAX = 50;

/** The caller's items across the projects they may read, with those projects (for their statuses). */
export function getMyWork(ctx: ReadContext, _cmd: Commands['getMyWork']): ResultValue {
  return ctx.db.readTransaction(() => {
    const me = ctx.caller.userId;
    const every = isTenantAdmin(ctx.caller.tenantRole);
    const assigned = myItems(ctx.db, me, 'assigned', every, ASSIGNED_MAX);
    const created = myItems(ctx.db, me, 'created', every, OTHERS_MAX);
    const watching = myItems(ctx.db, me, 'watching', every, OTHERS_MAX);
    const projectIds = new Set<string>([...assigned, ...created, ...watching].map((i: IWorkItem) => i.projectId ?? ''));
    const projects = [...projectIds].flatMap((id) => {
      const row = findProject(ctx.db, id);
      return row ? [projectMessage(ctx.db, row)] : [];
    });
    return { myWork: { assigned, created, watching, projects } };
  });
}
