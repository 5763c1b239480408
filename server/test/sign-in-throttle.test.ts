// Guessing is slow (issue "Hardening", HARD-4): the counts behind 429, alone
// and shared by two instances through a real Redis.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError } from '../src/auth/account-error.ts';
import { CommonPasswords } from '../src/auth/common-passwords.ts';
import { checkNewPassword, passwordWithinLimits } from '../src/auth/password-rules.ts';
import { SignInThrottle } from '../src/auth/sign-in-throttle.ts';
import { findRedis, uniqueChannel } from './support/redis.ts';

const LIMITS = { failuresPerAccount: 3, failuresPerAddress: 5, signupsPerAddress: 2, windowSeconds: 60 };

async function refusal(run: Promise<unknown>): Promise<AccountError> {
  const err = await run.then(() => null, (e: unknown) => e);
  if (!(err instanceof AccountError)) throw new Error(`expected an AccountError, got ${String(err)}`);
  return err;
}

describe('HARD-4 sign-in throttle', () => {
  it('HARD-4a an account that failed too often from one address is refused there with 429 and a wait, even with the right password next', async () => {
    const throttle = new SignInThrottle(LIMITS);
    for (let i = 0; i < 3; i++) {
      await throttle.admitLogin('10.0.0.1', 'ada@example.com');
      await throttle.loginFailed('10.0.0.1', 'ada@example.com');
    }
    const err = await refusal(throttle.admitLogin('10.0.0.1', 'ada@example.com'));
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBeGreaterThan(0);
    await throttle.admitLogin('10.0.0.1', 'grace@example.com');
  });

  it('HARD-4l a stranger guessing from one address does not lock the person out from theirs; guessing spread over many addresses does', async () => {
    const throttle = new SignInThrottle(LIMITS);
    for (let i = 0; i < 3; i++) await throttle.loginFailed('10.6.6.6', 'ada@example.com');
    await throttle.admitLogin('10.0.0.2', 'ada@example.com');
    for (let i = 0; i < 27; i++) await throttle.loginFailed(`10.7.0.${i}`, 'ada@example.com');
    expect((await refusal(throttle.admitLogin('10.0.0.2', 'ada@example.com'))).status).toBe(429);
  });

  it('HARD-4b a right password clears the account count', async () => {
    const throttle = new SignInThrottle(LIMITS);
    for (let i = 0; i < 2; i++) await throttle.loginFailed('10.0.0.1', 'ada@example.com');
    await throttle.loginSucceeded('10.0.0.1', 'ada@example.com');
    for (let i = 0; i < 2; i++) await throttle.loginFailed('10.0.0.1', 'ada@example.com');
    await throttle.admitLogin('10.0.0.1', 'ada@example.com');
  });

  it('HARD-4c one address guessing many accounts is refused, other addresses are not', async () => {
    const throttle = new SignInThrottle(LIMITS);
    for (let i = 0; i < 5; i++) await throttle.loginFailed('10.0.0.9', `user${i}@example.com`);
    expect((await refusal(throttle.admitLogin('10.0.0.9', 'fresh@example.com'))).status).toBe(429);
    await throttle.admitLogin('10.0.0.10', 'fresh@example.com');
  });

  it('HARD-4d sign-ups from one address are limited', async () => {
    const throttle = new SignInThrottle(LIMITS);
    await throttle.admitSignup('10.0.0.1');
    await throttle.admitSignup('10.0.0.1');
    expect((await refusal(throttle.admitSignup('10.0.0.1'))).status).toBe(429);
  });

  describe('shared through Redis', () => {
    let redisA: Redis;
    let redisB: Redis;
    beforeAll(async () => {
      const url = await findRedis();
      redisA = new Redis(url);
      redisB = new Redis(url);
    });
    afterAll(() => {
      redisA.disconnect();
      redisB.disconnect();
    });

    it('HARD-4e failures counted on one instance lock the account on another', async () => {
      const keyPrefix = uniqueChannel();
      const one = new SignInThrottle(LIMITS, { redis: redisA, keyPrefix });
      const two = new SignInThrottle(LIMITS, { redis: redisB, keyPrefix });
      await one.loginFailed('10.0.0.1', 'ada@example.com');
      await two.loginFailed('10.0.0.1', 'ada@example.com');
      await one.loginFailed('10.0.0.1', 'ada@example.com');
      expect((await refusal(two.admitLogin('10.0.0.1', 'ada@example.com'))).status).toBe(429);
    });
  });
});

describe('HARD-4 password rules', () => {
  const common = new CommonPasswords();
  afterAll(() => common.close());

  it('HARD-4f a password past the length limit is refused before any hashing, on log-in too', () => {
    expect(() => passwordWithinLimits('x'.repeat(64 * 1024))).toThrow(/at most/);
    expect(() => passwordWithinLimits('short')).toThrow(/at least/);
  });

  it('HARD-4g one of the commonest passwords, or the email, cannot be chosen', async () => {
    expect((await refusal(checkNewPassword('Password123', 'ada@example.com', common))).message).toMatch(/most common/);
    expect((await refusal(checkNewPassword('qwertyuiop', 'ada@example.com', common))).field).toBe('password');
    expect((await refusal(checkNewPassword('ada@example.com', 'ada@example.com', common))).message).toMatch(/email/);
    expect(await checkNewPassword('violet staple journey', 'ada@example.com', common)).toBe('violet staple journey');
  });
});
