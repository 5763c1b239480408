// Configuration, read and validated once at start. A bad value stops the
// process with a message naming the variable (see README "Configuration").
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { DEFAULT_HOST_TENANT_PREFIX, HOST_TENANT_PREFIX_PATTERN } from '../../shared/domain/tenant-id.ts';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | null;
  /** The pub/sub channel instances share (one per deployment). */
  redisChannel: string;
  /**
   * This instance's cell (CELL) and the Redis key of the tenant → cell hash
   * (PLACEMENT_KEY); null without CELL: one cell, nothing placed, as before.
   */
  placement: { cell: string; key: string } | null;
  /**
   * With CELL and CLUSTER_SECRET: what a tenant move between cells needs
   * (docs/DESIGN.md decision 57). The secret every cell's internal routes
   * ask for; this cell's address as other cells reach it (CELL_URL; null:
   * http://HOST:port, loopback when HOST is a wildcard); how long a move's
   * read-only mark lasts unless its mover renews it; how long a moved
   * tenant's old copy is kept aside before it is deleted.
   */
  cluster: { secret: string; url: string | null; leaseSeconds: number; graceSeconds: number } | null;
  /** Names this process in logs and /healthz (several run on one host). */
  instanceName: string;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** The host platform's key, for embedded mode (either PEM or JWKS). */
  jwtPublicKeyFile: string | null;
  jwksFile: string | null;
  jwtIssuer: string | null;
  jwtAudience: string | null;
  /** Host tokens may name only tenant ids with this prefix, standalone tokens only ids without it. */
  hostTenantPrefix: string;
  /** Lifetime of an access token (the grant's `token`), and of the HttpOnly cookie that refreshes it. */
  sessionTtlMinutes: number;
  refreshTtlDays: number;
  allowedOrigins: string[];
  /** TRUSTED_PROXIES: addresses or CIDR ranges whose X-Forwarded-For names the client (HAProxy in front of cells). */
  trustedProxies: TrustedProxy[];
  /** Standalone sign-up on or off (an embedding host may want it off). */
  signupEnabled: boolean;
  /** Send the session cookie with Secure (behind HTTPS). */
  cookieSecure: boolean;
  /** Who may show the app's pages in a frame: CSP frame-ancestors sources ('self', 'none' or origins). */
  frameAncestors: string[];
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** How long SIGTERM waits for a clean stop before the process gives up and exits non-zero. */
  shutdownDeadlineSeconds: number;
  limits: {
    maxFrameBytes: number;
    ratePerSecond: number;
    rateBurst: number;
    maxConnections: number;
    maxConnectionsPerTenant: number;
    /** Sockets of one user (in one tenant) per instance: one person cannot take a tenant's share. */
    maxConnectionsPerUser: number;
    idleTimeoutSeconds: number;
    maxReplyBytes: number;
    maxBackpressureBytes: number;
    openDatabases: number;
    databaseIdleSeconds: number;
    idempotencyDays: number;
    eventLogKeep: number;
    /** How long another instance's presence lasts without a refresh (its instance may have died). */
    presenceTtlSeconds: number;
    /** Failed log-ins of one account, failed log-ins from one address and sign-ups from one address per 15 minutes. */
    loginFailuresPerAccount: number;
    loginFailuresPerAddress: number;
    signupsPerAddress: number;
  };
  webhooks: {
    /** Let deliveries go to private, loopback and link-local addresses (off: SSRF, see webhooks/destination.ts). */
    allowPrivate: boolean;
    /** The wait before a failed delivery's first retry; it doubles per attempt up to an hour. */
    retryBaseSeconds: number;
    /** How long one attempt may take before it counts as failed. */
    timeoutSeconds: number;
  };
  attachments: {
    /** The largest file one upload may store. */
    maxBytes: number;
    /** What a tenant's attachments may take on disk together (a file stored once counts once). */
    quotaBytes: number;
  };
  /** The in-app assistant's OpenAI-compatible endpoint; null (the assistant hidden) unless LLM_BASE_URL and LLM_MODEL are set. */
  assistant: {
    baseUrl: string;
    apiKey: string | null;
    model: string;
    /** How long one question may take, tool rounds and streaming included. */
    timeoutSeconds: number;
    /** Questions one person may ask per minute. */
    perMinute: number;
  } | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toUpperCase() === raw ? raw : raw.toLowerCase();
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return match;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(raw)}`);
}

function optional(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw.trim();
}

function origins(env: Env): string[] {
  const raw = optional(env, 'ALLOWED_ORIGINS');
  if (!raw) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    try {
      const url = new URL(origin);
      if (url.origin !== origin) throw new Error();
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS holds ${JSON.stringify(origin)}, which is not an origin like https://app.example.com`);
    }
    return origin;
  });
}

/**
 * FRAME_ANCESTORS: origins (or 'self', or 'none' alone), separated by commas
 * or spaces. The quotes CSP wants around the keywords are optional here, as
 * they are awkward in a shell.
 */
function frameAncestors(env: Env): string[] {
  const raw = optional(env, 'FRAME_ANCESTORS');
  if (!raw) return ["'self'"];
  const isOrigin = (source: string) => URL.canParse(source) && new URL(source).origin === source;
  const sources = raw.split(/[\s,]+/).filter(Boolean).map((source) => {
    const bare = source.replace(/^'(.*)'$/, '$1').toLowerCase();
    if (bare === 'self' || bare === 'none') return `'${bare}'`;
    if (isOrigin(source)) return source;
    throw new ConfigError(`FRAME_ANCESTORS holds ${JSON.stringify(source)}, which is not 'self', 'none' or an origin like https://host.example.com`);
  });
  if (sources.includes("'none'") && sources.length > 1) throw new ConfigError("FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  return sources;
}

/** A bearer token a scraper is configured with: long enough that guessing it is hopeless. */
function metricsToken(env: Env): string | null {
  const token = optional(env, 'METRICS_TOKEN');
  if (token !== null && !/^[\x21-\x7e]{16,}$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 printable characters without spaces');
  }
  return token;
}

function hostTenantPrefix(env: Env): string {
  const prefix = optional(env, 'HOST_TENANT_PREFIX') ?? DEFAULT_HOST_TENANT_PREFIX;
  if (!HOST_TENANT_PREFIX_PATTERN.test(prefix)) {
    throw new ConfigError(`HOST_TENANT_PREFIX must be lower-case letters, digits, _ or - ending in -, like host-; got ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

/** A cell's name is a label in Redis, logs and answers, and HAProxy's name for its backend: kept to a plain word. */
/** One entry of TRUSTED_PROXIES: an address, or a range when `prefix` is set. */
export interface TrustedProxy {
  address: string;
  prefix: number | null;
}

/** `10.0.0.5` or `10.0.0.0/24`, IPv4 or IPv6; null for anything else. */
export function parseProxy(text: string): TrustedProxy | null {
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return null;
  if (prefix === undefined) return { address, prefix: null };
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128) ? { address, prefix: bits } : null;
}

function trustedProxies(env: Env): TrustedProxy[] {
  const raw = optional(env, 'TRUSTED_PROXIES');
  if (!raw) return [];
  return raw.split(',').map((text) => {
    const proxy = parseProxy(text.trim());
    if (!proxy) throw new ConfigError(`TRUSTED_PROXIES holds ${JSON.stringify(text.trim())}, which is not an IP address or a CIDR range like 10.0.0.0/24`);
    return proxy;
  });
}

export const CELL_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

function placement(env: Env, redisUrl: string | null): Config['placement'] {
  const cell = optional(env, 'CELL');
  if (cell === null) return null;
  if (!CELL_PATTERN.test(cell)) throw new ConfigError(`CELL must be lower-case letters, digits or -, at most 63, like cell-a; got ${JSON.stringify(cell)}`);
  if (!redisUrl) throw new ConfigError('CELL needs REDIS_URL: which cell holds each tenant is kept in Redis');
  return { cell, key: optional(env, 'PLACEMENT_KEY') ?? 'tandem:placement' };
}

/** A secret shared by every cell: long enough that guessing it is hopeless, and no spaces (it goes in a header). */
function clusterSecret(env: Env): string | null {
  const secret = optional(env, 'CLUSTER_SECRET');
  if (secret !== null && !/^[\x21-\x7e]{16,}$/.test(secret)) throw new ConfigError('CLUSTER_SECRET must be at least 16 printable characters without spaces');
  return secret;
}

function cluster(env: Env, placed: Config['placement']): Config['cluster'] {
  const secret = clusterSecret(env);
  if (secret === null) return null;
  if (!placed) throw new ConfigError('CLUSTER_SECRET needs CELL: tenants move between cells');
  const url = optional(env, 'CELL_URL');
  if (url !== null && (!/^https?:\/\//.test(url) || !URL.canParse(url) || new URL(url).origin !== url.replace(/\/+$/, ''))) {
    throw new ConfigError(`CELL_URL must be an origin other cells reach this one at, like http://10.0.0.5:8080; got ${JSON.stringify(url)}`);
  }
  return {
    secret,
    url: url?.replace(/\/+$/, '') ?? null,
    leaseSeconds: int(env, 'MOVE_LEASE_SECONDS', 10, 2, 600),
    graceSeconds: int(env, 'MOVE_GRACE_SECONDS', 24 * 3600, 1, 90 * 24 * 3600),
  };
}

/** What `npm run tenant:move` needs of the configuration: where placement lives, and the cells' secret. */
export function moverConfig(env: Env = process.env): { redisUrl: string; placementKey: string; secret: string } {
  const redisUrl = optional(env, 'REDIS_URL');
  if (!redisUrl || !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be set to the cells\' Redis (redis:// or rediss://)');
  const secret = clusterSecret(env);
  if (secret === null) throw new ConfigError('CLUSTER_SECRET must be set to the cells\' shared secret');
  return { redisUrl, placementKey: optional(env, 'PLACEMENT_KEY') ?? 'tandem:placement', secret };
}

function assistant(env: Env): Config['assistant'] {
  const baseUrl = optional(env, 'LLM_BASE_URL');
  const model = optional(env, 'LLM_MODEL');
  const apiKey = optional(env, 'LLM_API_KEY');
  if (!baseUrl && !model && !apiKey) return null;
  if (!baseUrl || !model) throw new ConfigError('The assistant needs both LLM_BASE_URL and LLM_MODEL (LLM_API_KEY only when the endpoint asks for one)');
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new ConfigError(`LLM_BASE_URL must be an http(s) URL like http://127.0.0.1:11434/v1, got ${JSON.stringify(baseUrl)}`);
  }
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    apiKey,
    model,
    timeoutSeconds: int(env, 'LLM_TIMEOUT_SECONDS', 60, 1, 3600),
    perMinute: int(env, 'LLM_REQUESTS_PER_MINUTE', 10, 1, 10_000),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const jwtPublicKeyFile = optional(env, 'JWT_PUBLIC_KEY_FILE');
  const jwksFile = optional(env, 'JWKS_FILE');
  const jwtIssuer = optional(env, 'JWT_ISSUER');
  const jwtAudience = optional(env, 'JWT_AUDIENCE');
  if (jwtPublicKeyFile && jwksFile) throw new ConfigError('Set JWT_PUBLIC_KEY_FILE or JWKS_FILE, not both');
  if ((jwtPublicKeyFile || jwksFile) && (!jwtIssuer || !jwtAudience)) {
    throw new ConfigError('Embedded mode (JWT_PUBLIC_KEY_FILE or JWKS_FILE) needs JWT_ISSUER and JWT_AUDIENCE');
  }
  if (!(jwtPublicKeyFile || jwksFile) && (jwtIssuer || jwtAudience)) {
    throw new ConfigError('JWT_ISSUER and JWT_AUDIENCE need JWT_PUBLIC_KEY_FILE or JWKS_FILE');
  }
  const redisUrl = optional(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const placed = placement(env, redisUrl);

  return {
    port: int(env, 'PORT', 8080, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'tenants'),
    redisUrl,
    redisChannel: optional(env, 'REDIS_CHANNEL') ?? 'tandem:events',
    placement: placed,
    cluster: cluster(env, placed),
    instanceName: optional(env, 'INSTANCE_NAME') ?? `tandem-${process.pid}`,
    sqliteSynchronous: oneOf(env, 'SQLITE_SYNCHRONOUS', 'NORMAL', ['NORMAL', 'FULL'] as const),
    jwtPublicKeyFile,
    jwksFile,
    jwtIssuer,
    jwtAudience,
    hostTenantPrefix: hostTenantPrefix(env),
    sessionTtlMinutes: int(env, 'SESSION_TTL_MINUTES', 15, 1, 24 * 60),
    refreshTtlDays: int(env, 'REFRESH_TTL_DAYS', 7, 1, 365),
    allowedOrigins: origins(env),
    trustedProxies: trustedProxies(env),
    signupEnabled: bool(env, 'SIGNUP_ENABLED', true),
    cookieSecure: bool(env, 'COOKIE_SECURE', false),
    frameAncestors: frameAncestors(env),
    metricsToken: metricsToken(env),
    shutdownDeadlineSeconds: int(env, 'SHUTDOWN_DEADLINE_SECONDS', 10, 1, 3600),
    limits: {
      maxFrameBytes: int(env, 'MAX_FRAME_BYTES', 256 * 1024, 1024, 64 * 1024 * 1024),
      ratePerSecond: int(env, 'RATE_LIMIT_PER_SECOND', 50, 1, 1_000_000),
      rateBurst: int(env, 'RATE_LIMIT_BURST', 200, 1, 1_000_000),
      maxConnections: int(env, 'MAX_CONNECTIONS', 50_000, 1, 10_000_000),
      maxConnectionsPerTenant: int(env, 'MAX_CONNECTIONS_PER_TENANT', 5_000, 1, 10_000_000),
      maxConnectionsPerUser: int(env, 'MAX_CONNECTIONS_PER_USER', 20, 1, 10_000_000),
      idleTimeoutSeconds: int(env, 'IDLE_TIMEOUT_SECONDS', 120, 8, 960),
      maxReplyBytes: int(env, 'MAX_REPLY_BYTES', 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
      maxBackpressureBytes: int(env, 'MAX_BACKPRESSURE_BYTES', 4 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
      openDatabases: int(env, 'OPEN_DATABASES', 256, 1, 100_000),
      databaseIdleSeconds: int(env, 'DATABASE_IDLE_SECONDS', 300, 1, 86_400),
      idempotencyDays: int(env, 'IDEMPOTENCY_DAYS', 7, 7, 365),
      eventLogKeep: int(env, 'EVENT_LOG_KEEP', 100_000, 1_000, 100_000_000),
      presenceTtlSeconds: int(env, 'PRESENCE_TTL_SECONDS', 30, 3, 3600),
      loginFailuresPerAccount: int(env, 'LOGIN_FAILURES_PER_ACCOUNT', 10, 1, 1_000_000),
      loginFailuresPerAddress: int(env, 'LOGIN_FAILURES_PER_ADDRESS', 100, 1, 1_000_000),
      signupsPerAddress: int(env, 'SIGNUPS_PER_ADDRESS', 20, 1, 1_000_000),
    },
    webhooks: {
      allowPrivate: bool(env, 'WEBHOOKS_ALLOW_PRIVATE', false),
      retryBaseSeconds: int(env, 'WEBHOOKS_RETRY_BASE_SECONDS', 10, 1, 3600),
      timeoutSeconds: int(env, 'WEBHOOKS_TIMEOUT_SECONDS', 10, 1, 120),
    },
    attachments: {
      maxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1, 2 ** 40),
      quotaBytes: int(env, 'ATTACHMENT_QUOTA_BYTES', 1024 ** 3, 1, 2 ** 50),
    },
    assistant: assistant(env),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['debug', 'info', 'warn', 'error'] as const),
  };
}
