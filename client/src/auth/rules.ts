// The sign-up and log-in checks the page makes before sending, so a person
// hears "too short" at once instead of after a round trip. The server stays
// authoritative (server/src/auth/standalone-accounts.ts); these mirror it.
import {
  EMAIL_PATTERN, MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH,
} from '../../../shared/domain/accounts.ts';

export { MIN_PASSWORD_LENGTH };

/** Each returns the message to show, or '' when the value is fine. */
export function emailProblem(value: string): string {
  const v = value.trim();
  if (!v) return 'Enter your email address.';
  if (v.length > MAX_EMAIL_LENGTH) return 'That email address is too long.';
  if (!EMAIL_PATTERN.test(v)) return 'That does not look like an email address.';
  return '';
}

export function newPasswordProblem(value: string): string {
  if (!value) return 'Choose a password.';
  if (value.length < MIN_PASSWORD_LENGTH) {
    const missing = MIN_PASSWORD_LENGTH - value.length;
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (${missing} more).`;
  }
  if (value.length > MAX_PASSWORD_LENGTH) return 'That password is too long.';
  return '';
}

export function passwordProblem(value: string): string {
  return value ? '' : 'Enter your password.';
}

export function nameProblem(value: string, what: string): string {
  const v = value.trim();
  if (!v) return `Enter ${what}.`;
  if (v.length > MAX_NAME_LENGTH) return `Keep ${what} to ${MAX_NAME_LENGTH} characters or fewer.`;
  return '';
}
