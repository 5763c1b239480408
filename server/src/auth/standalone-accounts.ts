// Sign-up, log-in and invitations for standalone mode (docs/PROTOCOL.md §2).
// HTTP-free: the routes in http/auth-routes.ts translate to and from JSON.
import { isTenantAdmin, type TenantRole } from '../../../shared/domain/permissions.ts';
import { isValidTenantId } from '../../../shared/domain/tenant-id.ts';
import type { AccountHomes } from '../cells/account-homes.ts';
import { AccountElsewhere } from '../cells/refusals.ts';
import type { TenantGate } from '../cells/tenant-gate.ts';
import type { TenantDatabases } from '../tenancy/tenant-databases.ts';
import { upsertUser } from '../storage/users.ts';
import type { AccountDirectory } from './account-directory.ts';
import { EMAIL_PATTERN, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH } from '../../../shared/domain/accounts.ts';
import { checkText } from '../../../shared/domain/validation.ts';
import { AppError } from '../../../shared/domain/errors.ts';
import { AccountError, workspaceMoving } from './account-error.ts';
import type { CommonPasswords } from './common-passwords.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords.ts';
import { checkNewPassword, passwordWithinLimits } from './password-rules.ts';
import type { Credential } from './credentials.ts';
import { DEACTIVATED, isRefreshToken, type Sessions } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import type { VerifiedToken } from './tokens.ts';

export interface SessionGrant {
  /** The access token: short-lived; the cookie's refresh token gets the next one. */
  token: string;
  user: { id: string; email: string; displayName: string };
  tenantId: string;
  /** The user's role in the workspace, and the workspace's name when it has one. */
  role: TenantRole;
  workspace: { name: string | null };
  /** Until when the token can be refreshed (the cookie's end); the token's own `exp` when it cannot be. */
  sessionExpiresAtMs: number;
}

/** A grant, and the refresh token for the cookie when a session started (sign-up, log-in). */
export interface Issued {
  grant: SessionGrant;
  refreshToken: string | null;
}

/** A required text field; `label` names it for a person ("a display name"). */
function text(body: Record<string, unknown>, field: string, max: number, label: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value.trim()) throw new AccountError(400, 'INVALID_ARGUMENT', `Enter ${label}`, field);
  const named = label.charAt(0).toUpperCase() + label.slice(1);
  if (value.length > max) throw new AccountError(400, 'INVALID_ARGUMENT', `${named} is at most ${max} characters`, field);
  try {
    return checkText(value.trim(), field, named, true);
  } catch (err) {
    if (err instanceof AppError) throw new AccountError(400, 'INVALID_ARGUMENT', err.message, field);
    throw err;
  }
}

function email(body: Record<string, unknown>): string {
  const value = text(body, 'email', MAX_EMAIL_LENGTH, 'an email address').toLowerCase();
  if (!EMAIL_PATTERN.test(value)) throw new AccountError(400, 'INVALID_ARGUMENT', 'That does not look like an email address', 'email');
  return value;
}

export class StandaloneAccounts {
  constructor(
    private readonly directory: AccountDirectory,
    private readonly sessions: Sessions,
    private readonly databases: TenantDatabases,
    private readonly throttle: SignInThrottle,
    private readonly commonPasswords: CommonPasswords,
    /** Which workspaces this cell serves (CELL); null: every one. */
    private readonly placement: Pick<TenantGate, 'admit'> | null,
    /** Which accounts this cell keeps (CELL); null: every one. */
    private readonly homes: Pick<AccountHomes, 'claim' | 'refuseElsewhere'> | null,
  ) {}

  /** `from`: the client's address, which sign-ups are counted by. */
  async signup(body: Record<string, unknown>, from: string): Promise<Issued> {
    const address = email(body);
    const input = {
      email: address,
      password: passwordWithinLimits(body['password']),
      displayName: text(body, 'displayName', MAX_NAME_LENGTH, 'a display name'),
      workspaceName: text(body, 'workspaceName', MAX_NAME_LENGTH, 'a workspace name'),
    };
    await checkNewPassword(input.password, address, this.commonPasswords);
    if (this.directory.findByEmail(input.email)) throw this.emailTaken();
    // Counted once the request is one that would make a workspace: a mistyped form costs no quota.
    await this.throttle.admitSignup(from);
    await this.claimHome(input.email, () => this.emailTaken());
    const passwordHash = await hashPassword(input.password);
    const now = Date.now();
    const created = this.directory.createOwner({ ...input, passwordHash }, now);
    if (!created) throw this.emailTaken();
    return this.grant(created.account, created.tenantId, 'owner');
  }

  /**
   * One answer for an unknown email and a wrong password alike. Failures are
   * counted per account and per client address (`from`); past either limit
   * the answer is 429 before any password is checked.
   */
  async login(body: Record<string, unknown>, from: string): Promise<Issued> {
    const refused = new AccountError(401, 'UNAUTHENTICATED', 'Wrong email or password');
    const address = typeof body['email'] === 'string' ? body['email'].trim().toLowerCase().slice(0, MAX_EMAIL_LENGTH) : '';
    const secret = passwordWithinLimits(body['password']);
    const wanted = typeof body['tenantId'] === 'string' ? body['tenantId'] : null;
    // A workspace of another cell is refused before anything is counted or hashed: this cell's directory may not know the account.
    if (wanted !== null && isValidTenantId(wanted)) await this.placement?.admit(wanted, () => false);
    await this.throttle.admitLogin(from, address);
    const account = address ? this.directory.findByEmail(address) : undefined;
    // An account another cell keeps is sent there (421), neither checked nor counted here.
    if (!account && address) await this.homes?.refuseElsewhere(address);
    const right = account ? await verifyPassword(account.passwordHash, secret) : await burnVerifyTime(secret).then(() => false);
    if (!account || !right) {
      await this.throttle.loginFailed(from, address);
      throw refused;
    }
    await this.throttle.loginSucceeded(from, address);
    const memberships = this.directory.memberships(account.id);
    // Without tenantId: the first workspace they are still active in.
    const membership = wanted ? memberships.find((m) => m.tenantId === wanted) : (memberships.find((m) => m.active) ?? memberships[0]);
    if (!membership) throw new AccountError(403, 'PERMISSION_DENIED', 'This account has no access to that workspace');
    if (!membership.active) throw new AccountError(401, 'UNAUTHENTICATED', DEACTIVATED);
    return this.grant(account, membership.tenantId, membership.role);
  }

  /**
   * An owner or admin adds someone to their workspace: a new account (with the
   * password the inviter sets and passes on) or an existing one.
   */
  async invite(inviter: VerifiedToken, body: Record<string, unknown>) {
    if (!isTenantAdmin(inviter.tenantRole)) {
      throw new AccountError(403, 'PERMISSION_DENIED', 'Only workspace owners and admins can invite people');
    }
    if (this.databases.isReadOnly(inviter.tenantId)) throw workspaceMoving();
    const role = body['role'] === undefined ? 'member' : body['role'];
    if (role !== 'member' && role !== 'admin') {
      throw new AccountError(400, 'INVALID_ARGUMENT', 'role is member or admin', 'role');
    }
    const address = email(body);
    const existing = this.directory.findByEmail(address);
    const displayName = existing ? existing.displayName : text(body, 'displayName', MAX_NAME_LENGTH, 'a display name');
    const passwordHash = existing ? existing.passwordHash : await hashPassword(await checkNewPassword(body['password'], address, this.commonPasswords));
    if (!existing) {
      await this.claimHome(address, (cell) => new AccountError(409, 'CONFLICT',
        `That email's account is kept by cell ${cell}; it can join workspaces on that cell only`, 'email'));
    }
    const result = this.directory.invite(
      { email: address, displayName, passwordHash, tenantId: inviter.tenantId, role: role as TenantRole },
      Date.now(),
    );
    if (result.alreadyMember) {
      throw new AccountError(409, 'CONFLICT', 'That person is already in this workspace', 'email');
    }
    // Recorded now so project admins can add them to projects before they first log in.
    upsertUser(
      this.databases.get(inviter.tenantId),
      { id: result.account.id, email: address, displayName, tenantRole: role as TenantRole },
      Date.now(),
    );
    return {
      user: { id: result.account.id, email: address, displayName },
      created: result.created,
      role,
    };
  }

  private async grant(account: { id: string; email: string; displayName: string }, tenantId: string, role: TenantRole): Promise<Issued> {
    // The person proved who they are: a workspace no cell holds yet (a new one) is this cell's from now on.
    await this.placement?.admit(tenantId, () => true);
    upsertUser(
      this.databases.get(tenantId),
      { id: account.id, email: account.email, displayName: account.displayName, tenantRole: role },
      Date.now(),
    );
    const started = await this.sessions.start({
      userId: account.id, tenantId, tenantRole: role, name: account.displayName, email: account.email,
    });
    const grant = this.describe(started.accessToken, this.sessions.verify(started.accessToken), started.sessionExpiresAtMs);
    return { grant, refreshToken: started.refreshToken };
  }

  /** What a page needs to resume a session from an access token it holds (a bearer, or one a client put in the cookie). */
  private resume(token: string, claims: VerifiedToken): SessionGrant {
    return this.describe(token, claims, claims.expiresAtMs);
  }

  /** GET /api/auth/session: the cookie's refresh token gets a new access token; an access token is answered with itself. */
  async session(credential: Credential): Promise<SessionGrant> {
    if (credential.via === 'cookie' && isRefreshToken(credential.token)) return this.refresh(credential.token);
    return this.resume(credential.token, this.sessions.verify(credential.token));
  }

  /** A new access token from the cookie's refresh token: a new tab resumes with it, an open one keeps going. */
  async refresh(refreshToken: string): Promise<SessionGrant> {
    const refreshed = await this.sessions.refresh(refreshToken);
    return this.describe(refreshed.accessToken, refreshed.claims, refreshed.sessionExpiresAtMs);
  }

  private describe(token: string, claims: VerifiedToken, sessionExpiresAtMs: number): SessionGrant {
    return {
      token,
      user: { id: claims.userId, email: claims.email, displayName: claims.displayName },
      tenantId: claims.tenantId,
      role: claims.tenantRole,
      workspace: { name: this.directory.workspaceName(claims.tenantId) },
      sessionExpiresAtMs,
    };
  }

  /** A new account's email becomes this cell's; `refusal` words it when another cell keeps that email. */
  private async claimHome(email: string, refusal: (cell: string) => AccountError): Promise<void> {
    try {
      await this.homes?.claim(email);
    } catch (err) {
      throw err instanceof AccountElsewhere ? refusal(err.cell) : err;
    }
  }

  private emailTaken(): AccountError {
    return new AccountError(409, 'CONFLICT', 'An account with that email already exists', 'email');
  }
}
