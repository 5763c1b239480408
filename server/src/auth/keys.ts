// The server's own signing key for standalone accounts: an Ed25519 pair made
// on first start and kept in the data folder (never in git), so tokens stay
// valid across restarts and across processes sharing the folder.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function loadOrCreateSigningKeys(dataDir: string): SigningKeys {
  // The folder name cannot be a tenant id (those start with [a-z0-9]).
  const dir = join(dataDir, '_keys');
  const privatePath = join(dir, 'session-ed25519.pem');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let privatePem: string;
  try {
    privatePem = readFileSync(privatePath, 'utf8');
  } catch {
    privatePem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // wx: when two processes start at once, the second keeps the first one's key.
    try {
      writeFileSync(privatePath, privatePem, { mode: 0o600, flag: 'wx' });
    } catch {
      privatePem = readFileSync(privatePath, 'utf8');
    }
  }
  const privateKey = createPrivateKey(privatePem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
