// Setting a new password (docs/PROTOCOL.md §2.6): through a one-time link an
// admin made, or by the person themselves with their current one. Either way
// the rules of a new password apply, and the sessions that knew the old one
// end (all of them after a link; all but the asking one after a change).
// HTTP-free: http/people-routes.ts answers the routes.
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import type { AccountDirectory } from './account-directory.ts';
import { AccountError, workspaceMoving } from './account-error.ts';
import type { CommonPasswords } from './common-passwords.ts';
import type { PasswordResetStore } from './password-reset-store.ts';
import { checkNewPassword, passwordWithinLimits } from './password-rules.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { Sessions } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import type { VerifiedToken } from './tokens.ts';
import { HOST_MANAGED } from './workspace-people.ts';

/** More than a token ever is: a longer value is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 200;

const badLink = (message: string) => new AccountError(400, 'INVALID_ARGUMENT', message, 'token');

export class PasswordChanges {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly sessions: Pick<Sessions, 'endAll'>,
    private readonly links: PasswordResetStore,
    private readonly commonPasswords: CommonPasswords,
    private readonly throttle: SignInThrottle,
    private readonly databases: Pick<TenantDatabases, 'isReadOnly'>,
  ) {}

  /** Uses a one-time link: the account's new password, and every session it had ends. Answers whose account it was. */
  async useLink(body: Record<string, unknown>, now = Date.now()): Promise<{ email: string }> {
    const token = body['token'];
    if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) throw badLink('This link is not complete; copy all of it');
    const link = this.links.find(token);
    if (!link) throw badLink('This link does not work; ask for a new one');
    if (link.usedAtMs !== null) throw badLink('This link has already been used; ask for a new one');
    if (link.expiresAtMs <= now) throw badLink('This link has expired; ask for a new one');
    if (this.databases.isReadOnly(link.tenantId)) throw workspaceMoving();
    const account = this.directory.findById(link.accountId);
    if (!account) throw badLink('This link does not work; ask for a new one');
    const passwordHash = await hashPassword(await checkNewPassword(body['password'], account.email, this.commonPasswords));
    const taken = this.directory.db.transaction(() => {
      // Taken again after the hashing: another tab with the same link may have been quicker.
      if (!this.links.take(token, Date.now())) return false;
      this.directory.setPasswordHash(account.id, passwordHash);
      return true;
    });
    if (!taken) throw badLink('This link has already been used; ask for a new one');
    this.sessions.endAll(account.id, null, null);
    return { email: account.email };
  }

  /**
   * The person's own change. A wrong current password counts as a failed
   * log-in of the account from `from` (a stolen session must not guess it
   * faster than a log-in page could).
   */
  async changeOwn(caller: VerifiedToken, body: Record<string, unknown>, from: string): Promise<void> {
    const account = this.directory.workspaceName(caller.tenantId) === null ? undefined : this.directory.findById(caller.userId);
    if (!account) throw new AccountError(403, 'PERMISSION_DENIED', HOST_MANAGED);
    if (this.databases.isReadOnly(caller.tenantId)) throw workspaceMoving();
    const current = passwordWithinLimits(body['currentPassword'], 'currentPassword');
    const next = await checkNewPassword(body['newPassword'], account.email, this.commonPasswords, 'newPassword');
    await this.throttle.admitLogin(from, account.email);
    if (!(await verifyPassword(account.passwordHash, current))) {
      await this.throttle.loginFailed(from, account.email);
      throw new AccountError(400, 'INVALID_ARGUMENT', 'That is not your current password', 'currentPassword');
    }
    await this.throttle.loginSucceeded(from, account.email);
    if (next === current) throw new AccountError(400, 'INVALID_ARGUMENT', 'Choose a password other than your current one', 'newPassword');
    this.directory.setPasswordHash(account.id, await hashPassword(next));
    // A link an admin made for the old password would undo this one.
    this.links.forget(account.id);
    this.sessions.endAll(account.id, null, caller.sessionId);
  }
}
