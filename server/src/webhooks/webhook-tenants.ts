// Which tenants have webhooks: what the delivery worker visits. Kept in a
// small file of its own beside the tenant folders, shared by every instance
// on the data folder, because queued deliveries live in tenant files that may
// not be open (after a restart, or when another instance wrote them) and
// opening every tenant to look would cost as many files as there are tenants.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqlRunner, makeBuilder } from '../storage/sql.ts';

interface RegistrySchema {
  webhook_tenants: { tenant_id: string };
}

const q = makeBuilder<RegistrySchema>();

export class WebhookTenants {
  private readonly db: SqlRunner;
  private known: string[] = [];

  constructor(dataDir: string) {
    // The folder name cannot be a tenant id (those start with [a-z0-9]).
    const dir = join(dataDir, '_webhooks');
    mkdirSync(dir, { recursive: true });
    const sqlite = new Database(join(dir, 'tenants.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.exec('CREATE TABLE IF NOT EXISTS webhook_tenants (tenant_id TEXT PRIMARY KEY) WITHOUT ROWID');
    this.db = new SqlRunner(sqlite);
    this.refresh();
  }

  /** As last read; this instance's own additions at once, other instances' at the next refresh. */
  get tenants(): readonly string[] {
    return this.known;
  }

  refresh(): readonly string[] {
    this.known = this.db.all(q.selectFrom('webhook_tenants').select('tenant_id').orderBy('tenant_id')).map((r) => r.tenant_id);
    return this.known;
  }

  /** Call after the webhook is committed in the tenant file (see `removeUnless`). */
  add(tenantId: string): void {
    this.db.run(q.insertInto('webhook_tenants').values({ tenant_id: tenantId }).onConflict((oc) => oc.doNothing()));
    if (!this.known.includes(tenantId)) this.known = [...this.known, tenantId];
  }

  /**
   * Takes the tenant off unless `hasWebhooks` says it has some again. Asked
   * under this file's write lock: an instance adding a webhook meanwhile adds
   * the tenant after committing it, so either this sees the webhook, or that
   * addition waits for the lock and lands after the removal.
   */
  removeUnless(tenantId: string, hasWebhooks: () => boolean): void {
    this.db.transaction(() => {
      if (!hasWebhooks()) this.db.run(q.deleteFrom('webhook_tenants').where('tenant_id', '=', tenantId));
    });
    this.refresh();
  }

  close(): void {
    this.db.sqlite.close();
  }
}
