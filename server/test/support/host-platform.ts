// A host platform for suites that run several servers (cells) trusting the
// same tokens: its key pair, the settings that make a server trust it, and
// tokens for its users; and the polling wait those suites share.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportSPKI } from 'jose';

const ISSUER = 'https://host.example.com';
const AUDIENCE = 'tandem-embed';
const hostKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** The settings that make a server trust this platform's tokens; its public key is written into `dir`. */
export async function hostTrustEnv(dir: string): Promise<Record<string, string>> {
  const pemFile = join(dir, 'host.pem');
  writeFileSync(pemFile, await exportSPKI(hostKeys.publicKey));
  return { JWT_PUBLIC_KEY_FILE: pemFile, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };
}

export function hostToken(tenantId: string, user: { sub?: string; name?: string; role?: string } = {}): Promise<string> {
  const { sub = 'host-user-1', name = 'Host User', role = 'member' } = user;
  return new SignJWT({ tenant_id: tenantId, name, roles: [role] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('1h')
    .sign(hostKeys.privateKey);
}

/** Resolves with the first answer of `check` other than undefined or false, asked every `everyMs`; rejects after timeoutMs. */
export async function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 5000, everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
