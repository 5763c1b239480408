// placement:sync's settings, from the environment like the server's
// (README "Configuration"): a bad value stops it naming the variable.
import { ConfigError } from '../config.ts';
import { parseRuntimeAddress, type RuntimeAddress } from './runtime-api.ts';

export interface SyncConfig {
  redisUrl: string;
  /** The placement hash; its changes come on `<key>:changes`. */
  placementKey: string;
  haproxySocket: RuntimeAddress;
  /** The map's path as haproxy.cfg names it, which is its name in the runtime API. */
  haproxyMap: string;
  /** The account map's path, likewise. */
  haproxyAccountMap: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

type Env = Record<string, string | undefined>;

const set = (env: Env, name: string): string | null => {
  const raw = env[name]?.trim();
  return raw ? raw : null;
};

export function loadSyncConfig(env: Env = process.env): SyncConfig {
  const redisUrl = set(env, 'REDIS_URL');
  if (!redisUrl) throw new ConfigError('placement:sync needs REDIS_URL: the Redis that holds the placement hash');
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  let haproxySocket: RuntimeAddress;
  try {
    haproxySocket = parseRuntimeAddress(set(env, 'HAPROXY_SOCKET') ?? '/run/haproxy/admin.sock');
  } catch (err) {
    throw new ConfigError(`HAPROXY_SOCKET: ${(err as Error).message}`);
  }
  const mapPath = (name: string, fallback: string): string => {
    const path = set(env, name) ?? fallback;
    if (!/^\/\S+$/.test(path)) throw new ConfigError(`${name} must be the map file's absolute path as haproxy.cfg names it, got ${JSON.stringify(path)}`);
    return path;
  };
  const haproxyMap = mapPath('HAPROXY_MAP', '/etc/haproxy/tenants.map');
  const haproxyAccountMap = mapPath('HAPROXY_ACCOUNT_MAP', '/etc/haproxy/accounts.map');
  const logLevel = (set(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, got ${JSON.stringify(logLevel)}`);
  return {
    redisUrl,
    placementKey: set(env, 'PLACEMENT_KEY') ?? 'tandem:placement',
    haproxySocket,
    haproxyMap,
    haproxyAccountMap,
    logLevel: logLevel as SyncConfig['logLevel'],
  };
}
