// Slows password guessing (docs/PROTOCOL.md §2): failed log-ins are counted
// per account from each address, per account from everywhere (ten times the
// first limit, against guessing spread over many addresses) and per address,
// sign-ups per address; past a limit the answer is 429 with Retry-After
// before any password is hashed. Counting per account and address first means
// a stranger guessing from one address locks out that address, not the
// person. With Redis
// configured the counts are shared by every instance (a guesser cannot
// spread attempts over them); while Redis is unreachable each instance counts
// on its own rather than let everyone in or keep everyone out.
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AccountError } from './account-error.ts';

export interface SignInLimits {
  /** Failed log-ins of one account from one address within the window before that pair is locked for a window. */
  failuresPerAccount: number;
  /** Failed log-ins from one address (any accounts) within the window. */
  failuresPerAddress: number;
  /** Sign-ups from one address within the window. */
  signupsPerAddress: number;
  windowSeconds: number;
}

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/** How many more failures an account may have from all addresses together than from one. */
const ACCOUNT_WIDE_FACTOR = 10;

export interface SharedStore {
  redis: Redis;
  /** Keeps this deployment's counts apart from anything else in the same Redis. */
  keyPrefix: string;
}

function limiter(name: string, points: number, windowSeconds: number, shared: SharedStore | null): RateLimiterAbstract {
  const options = { points, duration: windowSeconds, blockDuration: windowSeconds };
  const local = new RateLimiterMemory({ ...options, keyPrefix: name });
  if (!shared) return local;
  return new RateLimiterRedis({ ...options, storeClient: shared.redis, keyPrefix: `${shared.keyPrefix}:${name}`, insuranceLimiter: local });
}

const tooMany = (res: RateLimiterRes, what: string) =>
  new AccountError(429, 'RATE_LIMITED', `Too many ${what}; try again in ${Math.ceil(res.msBeforeNext / 60_000)} minute(s)`, '', res.msBeforeNext);

export class SignInThrottle {
  private readonly pairFailures: RateLimiterAbstract;
  private readonly accountFailures: RateLimiterAbstract;
  private readonly addressFailures: RateLimiterAbstract;
  private readonly addressSignups: RateLimiterAbstract;

  constructor(private readonly limits: SignInLimits, shared: SharedStore | null = null) {
    this.pairFailures = limiter('login-fail-pair', limits.failuresPerAccount, limits.windowSeconds, shared);
    this.accountFailures = limiter('login-fail-account', limits.failuresPerAccount * ACCOUNT_WIDE_FACTOR, limits.windowSeconds, shared);
    this.addressFailures = limiter('login-fail-address', limits.failuresPerAddress, limits.windowSeconds, shared);
    this.addressSignups = limiter('signup-address', limits.signupsPerAddress, limits.windowSeconds, shared);
  }

  /** Refuses (429) a log-in from an address, or to an account, that failed too often. */
  async admitLogin(address: string, email: string): Promise<void> {
    const [byAddress, byPair, byAccount] = await Promise.all([
      this.addressFailures.get(address), this.pairFailures.get(pairKey(email, address)), this.accountFailures.get(email),
    ]);
    if (byAddress && byAddress.consumedPoints >= this.limits.failuresPerAddress) throw tooMany(byAddress, 'failed log-ins from this address');
    if (byPair && byPair.consumedPoints >= this.limits.failuresPerAccount) throw tooMany(byPair, 'failed log-ins to this account');
    if (byAccount && byAccount.consumedPoints >= this.limits.failuresPerAccount * ACCOUNT_WIDE_FACTOR) {
      throw tooMany(byAccount, 'failed log-ins to this account');
    }
  }

  async loginFailed(address: string, email: string): Promise<void> {
    const spent = [spend(this.addressFailures, address)];
    if (email) spent.push(spend(this.pairFailures, pairKey(email, address)), spend(this.accountFailures, email));
    await Promise.all(spent);
  }

  /** A right password clears the account's counts: a person who mistyped a few times starts afresh. */
  async loginSucceeded(address: string, email: string): Promise<void> {
    await Promise.all([this.pairFailures.delete(pairKey(email, address)), this.accountFailures.delete(email)]);
  }

  /** Counts a sign-up from `address`, refusing (429) past the limit. */
  async admitSignup(address: string): Promise<void> {
    try {
      await this.addressSignups.consume(address);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw tooMany(res, 'sign-ups from this address');
      throw res;
    }
  }
}

const pairKey = (email: string, address: string) => `${email}|${address}`;

/** Counts one; the limit is enforced by admit*, so going over here is not an error. */
async function spend(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
  }
}

/**
 * The throttle a server uses: counts shared through Redis when `redisUrl` is
 * set (under the deployment's channel name), its own otherwise. `close` ends
 * the Redis connection.
 */
export function openSignInThrottle(
  limits: SignInLimits,
  redisUrl: string | null,
  keyPrefix: string,
  onRedisError: (err: Error) => void,
): { throttle: SignInThrottle; close(): void } {
  if (!redisUrl) return { throttle: new SignInThrottle(limits), close: () => undefined };
  // No offline queue: while Redis is away a count fails at once and the local insurance counts instead.
  const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  redis.on('error', onRedisError);
  return { throttle: new SignInThrottle(limits, { redis, keyPrefix }), close: () => redis.disconnect() };
}
