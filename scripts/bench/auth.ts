// The bench plays the embedding host platform: it signs EdDSA tokens with a
// key whose public half both servers trust. Embedded-mode tokens make a
// tenant on first sight, so thousands of users and tenants need no sign-ups.
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_HOST_TENANT_PREFIX } from '../../shared/domain/tenant-id.ts';

export const ISSUER = 'bench-host';
export const AUDIENCE = 'tandem-bench';

export interface HostKey {
  privatePem: string;
  publicKeyFile: string;
}

export function makeHostKey(dir: string): HostKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyFile = join(dir, 'host-key.pem');
  writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyFile };
}

/** The environment that puts either server in embedded mode with this key. */
export function hostKeyEnv(key: HostKey): Record<string, string> {
  return { JWT_PUBLIC_KEY_FILE: key.publicKeyFile, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };
}

/** The bench's tenants are the host's, so their ids carry the host prefix (HOST_TENANT_PREFIX, left at its default). */
export const hostTenantId = (name: string): string => DEFAULT_HOST_TENANT_PREFIX + name;

export interface BenchUser {
  tenantId: string;
  userId: string;
}

/** Signs tokens synchronously: a load process makes thousands before it starts. */
export function tokenSigner(privatePem: string): (user: BenchUser) => string {
  const key = createPrivateKey(privatePem);
  const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');
  return ({ tenantId, userId }) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: userId, tenant_id: hostTenantId(tenantId), roles: ['admin'], name: userId, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 4 * 3600 };
    const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${sign(null, Buffer.from(body), key).toString('base64url')}`;
  };
}
