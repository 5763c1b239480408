// The password rules, the same for sign-up, invitations, log-in and password
// changes: the length limits are checked before any hashing (a long password
// costs argon2 time), and a new password may not be one of the commonest.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/domain/accounts.ts';
import { AccountError } from './account-error.ts';
import type { CommonPasswords } from './common-passwords.ts';

const invalid = (message: string, field: string) => new AccountError(400, 'INVALID_ARGUMENT', message, field);

/**
 * A password as log-in reads it: a string within the length limits, or refused before argon2 sees it.
 * `field`: the request's name for it, which the refusal names.
 */
export function passwordWithinLimits(value: unknown, field = 'password'): string {
  if (typeof value !== 'string' || value.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`A password has at least ${MIN_PASSWORD_LENGTH} characters`, field);
  }
  if (value.length > MAX_PASSWORD_LENGTH) throw invalid(`A password has at most ${MAX_PASSWORD_LENGTH} characters`, field);
  return value;
}

/** A password someone chooses now: within the limits, not the email, not one of the commonest. */
export async function checkNewPassword(value: unknown, email: string, common: CommonPasswords, field = 'password'): Promise<string> {
  const password = passwordWithinLimits(value, field);
  if (password.toLowerCase() === email.toLowerCase() || password.toLowerCase() === email.split('@')[0]!.toLowerCase()) {
    throw invalid('A password cannot be the email address', field);
  }
  if (await common.isCommon(password)) throw invalid('That password is one of the most common ones; choose another', field);
  return password;
}
