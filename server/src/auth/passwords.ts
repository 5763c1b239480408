// argon2id hashing behind a small gate: each hash takes a core for tens of
// milliseconds, so a crowd of guessers must queue behind a few at a time
// instead of taking every core (and the real logins with them). The queue is
// bounded too: past it the server answers 503 at once.
import argon2 from 'argon2';
import { AccountError } from './account-error.ts';

const RUNNING_AT_ONCE = 2;
const WAITING_AT_MOST = 32;
const RETRY_AFTER_MS = 1000;

let running = 0;
const waiting: Array<() => void> = [];

async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RUNNING_AT_ONCE) {
    if (waiting.length >= WAITING_AT_MOST) {
      throw new AccountError(503, 'UNAVAILABLE', 'Too many sign-ins at once; try again in a moment', '', RETRY_AFTER_MS);
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return gated(() => argon2.hash(password, { type: argon2.argon2id }));
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  return gated(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

/**
 * Login must cost the same whether or not the email exists, or its timing
 * tells attackers which emails have accounts.
 */
let dummyHash: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  await verifyPassword(await dummyHash, password);
}
