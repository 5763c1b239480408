// Where the server holds item writes to pull mode's rules (shared/domain/
// pull-mode.ts, docs/PROTOCOL.md §5.2): every handler that creates or edits an
// item asks here, after its access and version checks and before it writes.
import { AppError } from '../../../shared/domain/errors.ts';
import { pullModeRefusal, releaseRefusal, type PullRefusal, type PullWrite } from '../../../shared/domain/pull-mode.ts';
import { ErrorCode, Role } from '../../../shared/proto.ts';
import type { ProjectRow, WorkItemRow } from '../storage/tables.ts';
import { findUser } from '../storage/users.ts';
import { workItemMessage } from '../storage/work-items.ts';
import type { ReadContext } from './context.ts';

export interface GuardedItem {
  project: ProjectRow;
  /** The caller's role in the project. */
  role: Role;
  /** The item before the write; null for one being created. */
  item: WorkItemRow | null;
}

function subject(ctx: ReadContext, target: GuardedItem) {
  const assigneeId = target.item?.assignee_id ?? '';
  return {
    pullMode: target.project.pull_mode === 1,
    callerId: ctx.caller.userId,
    callerIsAdmin: target.role === Role.ROLE_ADMIN,
    itemKey: target.item?.key ?? '',
    assigneeId,
    assigneeName: assigneeId === '' ? '' : (findUser(ctx.db, assigneeId)?.display_name ?? ''),
  };
}

function refuse(ctx: ReadContext, target: GuardedItem, refusal: PullRefusal): never {
  // The item as it is, so a client whose copy missed the claim learns who holds it.
  const current = target.item ? { workItem: workItemMessage(ctx.db, target.item) } : undefined;
  throw new AppError(ErrorCode.ERROR_CODE_PERMISSION_DENIED, refusal.message, refusal.field, current);
}

/** Throws PERMISSION_DENIED naming the rule when pull mode forbids the write; nothing outside pull mode. */
export function checkPullMode(ctx: ReadContext, target: GuardedItem, write: PullWrite): void {
  if (target.project.pull_mode !== 1) return;
  const refusal = pullModeRefusal(subject(ctx, target), write);
  if (refusal) refuse(ctx, target, refusal);
}

/** Throws PERMISSION_DENIED unless the caller may give up the item's claim (in any project). */
export function checkRelease(ctx: ReadContext, target: GuardedItem & { item: WorkItemRow }): void {
  const refusal = releaseRefusal(subject(ctx, target));
  if (refusal) refuse(ctx, target, refusal);
}
