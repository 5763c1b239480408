// The server's own signing key for standalone accounts: an Ed25519 pair made
// on first start and kept in the data folder (never in git), so tokens stay
// valid across restarts and across processes sharing the folder.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPKCS8, importSPKI, type CryptoKey } from 'jose';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export async function loadOrCreateSigningKeys(dataDir: string): Promise<SigningKeys> {
  // The folder name cannot be a tenant id (those start with [a-z0-9]).
  const dir = join(dataDir, '_keys');
  const privatePath = join(dir, 'session-ed25519.pem');
  const publicPath = join(dir, 'session-ed25519.pub.pem');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let privatePem: string;
  let publicPem: string;
  try {
    privatePem = readFileSync(privatePath, 'utf8');
    publicPem = readFileSync(publicPath, 'utf8');
  } catch {
    const pair = generateKeyPairSync('ed25519');
    privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // wx: when two processes start at once, the second keeps the first one's pair.
    try {
      writeFileSync(privatePath, privatePem, { mode: 0o600, flag: 'wx' });
      writeFileSync(publicPath, publicPem, { mode: 0o644, flag: 'wx' });
    } catch {
      privatePem = readFileSync(privatePath, 'utf8');
      publicPem = readFileSync(publicPath, 'utf8');
    }
  }
  return {
    privateKey: await importPKCS8(privatePem, 'EdDSA'),
    publicKey: await importSPKI(publicPem, 'EdDSA'),
  };
}
