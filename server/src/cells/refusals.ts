// Why an instance will not serve a tenant (docs/DESIGN.md decision 55), or
// not its writes (a move, decision 57). All are AppErrors with UNAVAILABLE,
// so a command that meets one mid-way gets an Error frame the SDK keeps its
// writes queued for; HTTP answers the first two 421 and 503
// (http/account-refusal.ts), the socket upgrade likewise.
import { AppError } from '../../../shared/domain/errors.ts';
import { ErrorCode } from '../../../shared/proto.ts';

/** The tenant is placed on another cell; this instance never opens its file. */
export class TenantElsewhere extends AppError {
  constructor(
    readonly cell: string,
    message = `This workspace is served by cell ${cell}, not this one`,
  ) {
    super(ErrorCode.ERROR_CODE_UNAVAILABLE, message, '', undefined, 1000);
  }
}

/** The standalone account an email names is kept by another cell (decision 58): its log-in and sign-up go there. */
export class AccountElsewhere extends TenantElsewhere {
  constructor(cell: string) {
    super(cell, `This account is kept by cell ${cell}, not this one`);
  }
}

/** Where the tenant lives cannot be known now (Redis unreachable, or not asked yet): refused rather than guessed. */
export class PlacementUnavailable extends AppError {
  constructor() {
    super(ErrorCode.ERROR_CODE_UNAVAILABLE, 'Where this workspace is served cannot be read right now; try again shortly', '', undefined, 1000);
  }
}

/** How soon a write refused during a move is worth sending again: most moves hold writes a second or two. */
export const MOVING_RETRY_AFTER_MS = 500;

/**
 * The tenant is read-only while its file moves to another cell (decision 57):
 * reads go on, nothing of this write was done. Not remembered, so the resend
 * runs, on whichever cell holds the tenant by then.
 */
export class TenantMoving extends AppError {
  constructor() {
    super(ErrorCode.ERROR_CODE_UNAVAILABLE, 'This workspace is moving to another server and takes no changes for a moment; nothing was changed', '', undefined, MOVING_RETRY_AFTER_MS);
  }
}
