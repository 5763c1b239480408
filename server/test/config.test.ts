// Configuration is read once at start; a bad value names its variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('CFG-1 runs with no variables at all: port 8080, tenants/, NORMAL, one instance', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toMatch(/tenants$/);
    expect(config.sqliteSynchronous).toBe('NORMAL');
    expect(config.redisUrl).toBeNull();
    expect(config.limits.maxFrameBytes).toBe(256 * 1024);
    expect(config.jwtPublicKeyFile).toBeNull();
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL/],
    [{ JWT_PUBLIC_KEY_FILE: '/k.pem' }, /JWT_ISSUER/],
    [{ JWT_PUBLIC_KEY_FILE: '/k.pem', JWKS_FILE: '/k.json', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, /not both/],
    [{ JWT_ISSUER: 'i' }, /JWT_PUBLIC_KEY_FILE/],
    [{ ALLOWED_ORIGINS: 'app.example.com' }, /ALLOWED_ORIGINS/],
    [{ MAX_FRAME_BYTES: '10' }, /MAX_FRAME_BYTES/],
    [{ IDEMPOTENCY_DAYS: '1' }, /IDEMPOTENCY_DAYS/],
    [{ SIGNUP_ENABLED: 'maybe' }, /SIGNUP_ENABLED/],
    [{ CLUSTER_SECRET: 'a-long-enough-secret' }, /CLUSTER_SECRET needs CELL/],
    [{ REDIS_URL: 'redis://r:6379', CELL: 'a', CLUSTER_SECRET: 'short' }, /CLUSTER_SECRET/],
    [{ REDIS_URL: 'redis://r:6379', CELL: 'a', CLUSTER_SECRET: 'a-long-enough-secret', CELL_URL: 'http://10.0.0.5:8080/tandem' }, /CELL_URL/],
    [{ REDIS_URL: 'redis://r:6379', CELL: 'a', CLUSTER_SECRET: 'a-long-enough-secret', MOVE_LEASE_SECONDS: '1' }, /MOVE_LEASE_SECONDS/],
  ];
  for (const [env, name] of bad) {
    it(`CFG-2 refuses ${JSON.stringify(env)} naming the variable`, () => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(name);
    });
  }

  it('CFG-3 accepts embedded mode with issuer and audience, and a list of origins', () => {
    const config = loadConfig({
      JWKS_FILE: '/etc/host/jwks.json', JWT_ISSUER: 'https://host', JWT_AUDIENCE: 'tandem',
      ALLOWED_ORIGINS: 'https://a.example.com, https://b.example.com', SQLITE_SYNCHRONOUS: 'full',
    });
    expect(config.jwksFile).toBe('/etc/host/jwks.json');
    expect(config.allowedOrigins).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(config.sqliteSynchronous).toBe('FULL');
  });

  it('CFG-4 a cell with CLUSTER_SECRET takes part in tenant moves: its address, the read-only lease and the grace period', () => {
    const cell = { REDIS_URL: 'redis://r:6379', CELL: 'cell-a', CLUSTER_SECRET: 'a-long-enough-secret' };
    expect(loadConfig({}).cluster).toBeNull();
    expect(loadConfig({ REDIS_URL: 'redis://r:6379', CELL: 'cell-a' }).cluster).toBeNull();
    expect(loadConfig(cell).cluster).toEqual({ secret: 'a-long-enough-secret', url: null, leaseSeconds: 10, graceSeconds: 86_400 });
    expect(loadConfig({ ...cell, CELL_URL: 'http://10.0.0.5:8080/', MOVE_GRACE_SECONDS: '60' }).cluster).toMatchObject({ url: 'http://10.0.0.5:8080', graceSeconds: 60 });
  });
});
