// Webhook secrets are kept in the tenant file encrypted (AES-256-GCM) with a
// key kept beside the signing key in DATA_DIR/_keys/: the tenant file is
// meant to be read by people and LLM tools (`npm run query`, the MCP
// server), and a secret any reader could copy would let them forge
// deliveries to the workspace's receivers.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION = 'v1';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** The key of the data folder, made on first use; instances sharing the folder share it. */
  static forDataDir(dataDir: string): SecretBox {
    // The folder name cannot be a tenant id (those start with [a-z0-9]).
    const dir = join(dataDir, '_keys');
    const path = join(dir, 'webhooks.key');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!existsSync(path)) {
      // Written whole under another name, then linked into place: when two
      // processes start at once, the link of the second fails and it reads
      // the first one's key, never a half-written file.
      const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(draft, randomBytes(32).toString('base64'), { mode: 0o600 });
      try {
        linkSync(draft, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        unlinkSync(draft);
      }
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${path} does not hold a 32-byte key`);
    return new SecretBox(key);
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
