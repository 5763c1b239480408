// docs/PROTOCOL.md §1 and §3: who may open the socket. Every refusal happens at the
// upgrade (HTTP 401/403), before a socket or a tenant file exists.
import Database from 'better-sqlite3';
import { generateKeyPairSync, createSecretKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, exportJWK, exportSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { PASSWORD, postJson, signup, type Session } from './support/accounts.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { TestClient, upgradeStatus } from './support/ws-client.ts';

const ISSUER = 'https://host.example.com';
const AUDIENCE = 'tandem-embed';
const hostKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function hostToken(claims: Record<string, unknown>, opts: { exp?: string | number; iss?: string; aud?: string } = {}) {
  return new SignJWT({ tenant_id: 'host-acme', name: 'Host User', roles: ['member'], ...claims })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(String(claims['sub'] ?? 'host-user-1'))
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setExpirationTime(opts.exp ?? '1h')
    .sign(hostKeys.privateKey);
}


let srv: TestServer;
let ada: Session;
/** The data folder's parent is ours too, so a tenant id like ../x would show up in it. */
let parent: string;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'tandem-auth-'));
  const pemFile = join(parent, 'host.pem');
  writeFileSync(pemFile, await exportSPKI(hostKeys.publicKey));
  srv = await startTestServer({ JWT_PUBLIC_KEY_FILE: pemFile, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE }, join(parent, 'data'));
  ada = await signup(srv.http, 'Ada');
});
afterAll(async () => {
  await srv.stop();
  rmSync(parent, { recursive: true, force: true });
});

describe('socket authentication', () => {
  it('AUTH-1 accepts a standalone token as a bearer subprotocol and answers tandem.v1', async () => {
    const client = await TestClient.connect(srv.ws, ada.token);
    expect(client.socket.protocol).toBe('tandem.v1');
    const res = await client.ok({ listProjects: {} });
    expect(res.projects?.projects).toEqual([]);
    client.close();
  });

  it('AUTH-2 accepts the session cookie from the same origin and refuses it from another (403)', async () => {
    const same = await TestClient.connect(srv.ws, ada.token, { via: 'cookie', origin: srv.http });
    same.close();
    expect(await upgradeStatus(srv.ws, ['tandem.v1'], { cookie: `tandem_session=${ada.token}`, origin: 'https://evil.example' })).toBe(403);
  });

  it('AUTH-3 refuses a missing token with 401', async () => {
    expect(await upgradeStatus(srv.ws, ['tandem.v1'])).toBe(401);
  });

  it('AUTH-4 accepts a host-signed token and creates the tenant on first sight', async () => {
    const token = await hostToken({ sub: 'host-user-1', tenant_id: 'host-acme-first' });
    expect(existsSync(join(srv.dataDir, 'host-acme-first', 'main.db'))).toBe(false);
    const client = await TestClient.connect(srv.ws, token);
    expect(existsSync(join(srv.dataDir, 'host-acme-first', 'main.db'))).toBe(true);
    client.close();
  });

  const bad: Array<[string, () => Promise<string>]> = [
    ['an expired token', () => hostToken({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a wrong audience', () => hostToken({}, { aud: 'someone-else' })],
    ['a wrong issuer', () => hostToken({}, { iss: 'https://evil.example' })],
    ['alg none', async () => new UnsecuredJWT({ tenant_id: 'host-acme', sub: 'x' }).setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').encode()],
    [
      'HS256 signed with the host public key as secret',
      async () =>
        new SignJWT({ tenant_id: 'host-acme' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('1h')
          .sign(createSecretKey(Buffer.from(await exportSPKI(hostKeys.publicKey)))),
    ],
    ['a tenant_id of ../x', () => hostToken({ tenant_id: '../x' })],
    ['a tenant_id with upper case', () => hostToken({ tenant_id: 'Acme' })],
    ['a token signed by another key', async () => {
      const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' }).setSubject('x')
        .setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(other.privateKey);
    }],
    ['garbage', async () => 'not.a.jwt'],
    ['a token not valid before next hour', async () => new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' })
      .setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('2h').setNotBefore('1h').sign(hostKeys.privateKey)],
    ['a token without sub', async () => new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' })
      .setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(hostKeys.privateKey)],
    ['a token without exp', async () => new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' })
      .setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).sign(hostKeys.privateKey)],
    ['a host token claiming our own issuer', async () => new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' })
      .setSubject('x').setIssuer('tandem').setAudience('tandem').setExpirationTime('1h').sign(hostKeys.privateKey)],
  ];

  for (const [name, make] of bad) {
    it(`AUTH-5 refuses ${name} with 401 and touches no file`, async () => {
      const token = await make();
      expect(await upgradeStatus(srv.ws, ['tandem.v1', `bearer.${token}`])).toBe(401);
      expect(existsSync(join(srv.dataDir, '..', 'x'))).toBe(false);
      expect(existsSync(join(srv.dataDir, 'Acme'))).toBe(false);
    });
  }

  it('AUTH-6 accepts host tokens checked against a JWKS file, picking the key by kid', async () => {
    const jwk = { ...(await exportJWK(hostKeys.publicKey)), kid: 'host-2026', alg: 'ES256', use: 'sig' };
    const jwksFile = join(srv.dataDir, 'host-jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
    const jwksServer = await startTestServer({ JWKS_FILE: jwksFile, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE });
    try {
      const token = await new SignJWT({ tenant_id: 'host-jwks-co' })
        .setProtectedHeader({ alg: 'ES256', kid: 'host-2026' })
        .setSubject('u-9').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h')
        .sign(hostKeys.privateKey);
      const client = await TestClient.connect(jwksServer.ws, token);
      await client.ok({ listProjects: {} });
      client.close();
      const otherKid = await new SignJWT({ tenant_id: 'host-jwks-co' })
        .setProtectedHeader({ alg: 'ES256', kid: 'unknown' })
        .setSubject('u-9').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h')
        .sign(hostKeys.privateKey);
      expect(await upgradeStatus(jwksServer.ws, ['tandem.v1', `bearer.${otherKid}`])).toBe(401);
    } finally {
      await jwksServer.stop();
    }
  });

  it('AUTH-7 accepts an audience list that includes ours', async () => {
    const token = await hostToken({ sub: 'host-user-7', tenant_id: 'host-acme' }, { aud: AUDIENCE });
    const listed = await new SignJWT({ tenant_id: 'host-acme' }).setProtectedHeader({ alg: 'ES256' }).setSubject('u7')
      .setIssuer(ISSUER).setAudience(['other', AUDIENCE]).setExpirationTime('1h').sign(hostKeys.privateKey);
    for (const t of [token, listed]) {
      const client = await TestClient.connect(srv.ws, t);
      client.close();
    }
  });

  it('AUTH-8 opens 300 sockets one after another, each serving its first command', async () => {
    // Regression: an upgrade finished after an await could be closed right after open.
    for (let i = 0; i < 300; i++) {
      const client = await TestClient.connect(srv.ws, ada.token);
      await client.ok({ listProjects: {} });
      client.close();
    }
  }, 60_000);
});

describe('HARD-8 embedded and standalone tenants do not mix', () => {
  const tenantUsers = (tenantId: string) => {
    const db = new Database(join(srv.dataDir, tenantId, 'main.db'), { readonly: true });
    try {
      return (db.prepare('SELECT id FROM pm_users ORDER BY id').all() as Array<{ id: string }>).map((r) => r.id);
    } finally {
      db.close();
    }
  };

  it('HARD-8a a host token naming a standalone workspace is refused (401) and leaves no trace in it, even as owner', async () => {
    const owner = await TestClient.connect(srv.ws, ada.token);
    await owner.ok({ createProject: { key: 'MINE', name: 'Standalone' } });
    owner.close();
    const before = tenantUsers(ada.tenantId);
    const intruder = await hostToken({ sub: 'host-intruder', tenant_id: ada.tenantId, roles: ['owner'] });
    expect(await upgradeStatus(srv.ws, ['tandem.v1', `bearer.${intruder}`])).toBe(401);
    expect(tenantUsers(ada.tenantId)).toEqual(before);
    expect((await fetch(`${srv.http}/api/auth/session`, { headers: { authorization: `Bearer ${intruder}` } })).status).toBe(401);
  });

  it('HARD-8b a standalone token naming a host tenant is refused (401), though signed by this server', async () => {
    const host = await TestClient.connect(srv.ws, await hostToken({ sub: 'host-owner', tenant_id: 'host-globex', roles: ['owner'] }));
    await host.ok({ listProjects: {} });
    host.close();
    const forged = await srv.server.tokens.issue({ userId: ada.user.id, tenantId: 'host-globex', tenantRole: 'owner', name: 'Ada', email: ada.user.email }, 3600);
    expect(await upgradeStatus(srv.ws, ['tandem.v1', `bearer.${forged}`])).toBe(401);
    expect(tenantUsers('host-globex')).toEqual(['host-owner']);
  });

  it('HARD-8c a workspace whose name starts like the host prefix still gets a standalone id', async () => {
    const res = await postJson(srv.http, '/api/auth/signup', {
      email: `host-${Date.now()}@example.com`, password: PASSWORD, displayName: 'Hostess', workspaceName: 'Host Team',
    });
    expect(res.status).toBe(201);
    expect(res.body.tenantId).toMatch(/^ws[0-9a-f]{8}$/);
    const client = await TestClient.connect(srv.ws, res.body.token);
    await client.ok({ listProjects: {} });
    client.close();
  });

  it('HARD-8d HOST_TENANT_PREFIX is configurable, and must end in "-"', () => {
    expect(loadConfig({}).hostTenantPrefix).toBe('host-');
    expect(loadConfig({ HOST_TENANT_PREFIX: 'embed_' + '-' }).hostTenantPrefix).toBe('embed_-');
    expect(() => loadConfig({ HOST_TENANT_PREFIX: 'host' })).toThrow(/HOST_TENANT_PREFIX/);
    expect(() => loadConfig({ HOST_TENANT_PREFIX: '../' })).toThrow(/HOST_TENANT_PREFIX/);
  });
});
