// The webhooks' part of a tenant move (moves/moved-secrets.ts, docs/DESIGN.md
// decision 60): the source opens each secret with its key, the target seals
// it with its own into the staged copy, and each cell's list of tenants with
// webhooks follows the file, so the target's worker sends what the source
// left queued and the source's stops looking for a file it no longer has.
import Database from 'better-sqlite3';
import type { Logger } from '../log.ts';
import { SqlRunner } from '../storage/sql.ts';
import { countWebhooks, sealedSecrets, setSealedSecret } from '../storage/webhooks.ts';
import type { SecretBox } from './secret-box.ts';
import type { WebhookTenants } from './webhook-tenants.ts';

/** Has the shape of moves/moved-secrets.ts's MovedSecrets, which this layer, below moves, does not import. */
export class MovedWebhookSecrets {
  constructor(
    private readonly box: SecretBox,
    private readonly tenants: WebhookTenants,
    private readonly log: Logger,
  ) {}

  read(source: Database.Database): Record<string, string> {
    const secrets: Record<string, string> = {};
    for (const { id, secret_sealed } of sealedSecrets(new SqlRunner(source))) {
      try {
        secrets[id] = this.box.open(secret_sealed);
      } catch {
        // Unreadable here already (a key replaced by hand): it moves sealed as it is, and its
        // sends fail on the target as they do here, until an admin rotates it.
        this.log.warn('webhook_secret_unreadable_in_move', { webhook: id });
      }
    }
    return secrets;
  }

  reseal(stagedDb: string, secrets: Record<string, string>): boolean {
    const sqlite = new Database(stagedDb, { fileMustExist: true });
    try {
      const db = new SqlRunner(sqlite);
      return db.transaction(() => {
        for (const [id, secret] of Object.entries(secrets)) {
          if (!setSealedSecret(db, id, this.box.seal(secret))) throw new Error(`webhook ${id} is not in the copy`);
        }
        return countWebhooks(db) > 0;
      });
    } finally {
      sqlite.close();
    }
  }

  arrived(tenantId: string): void {
    this.tenants.add(tenantId);
  }

  left(tenantId: string): void {
    this.tenants.removeUnless(tenantId, () => false);
  }
}
