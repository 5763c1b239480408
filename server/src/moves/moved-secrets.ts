// What a move carries besides the file and its attachments: secrets each cell
// seals with a key of its own (today the webhooks', DATA_DIR/_keys), and the
// cell's list of tenants that have any (docs/DESIGN.md decision 60). The
// source opens them, they cross in the clear on the cells' internal HTTP
// under the cluster secret, as the file itself does, and the target seals
// them again into the staged copy before it is installed. webhooks/ keeps
// them; server.ts hands them to the moves.
import type Database from 'better-sqlite3';

export interface MovedSecrets {
  /** The tenant's secrets in the clear, by id, from the source's own file. */
  read(source: Database.Database): Record<string, string>;
  /** Seals `secrets` with this cell's key into the staged copy; whether the copy has any to keep. */
  reseal(stagedDb: string, secrets: Record<string, string>): boolean;
  /** The tenant's file is installed on this cell (with secrets to keep). */
  arrived(tenantId: string): void;
  /** The tenant's file left this cell: its folder was set aside. */
  left(tenantId: string): void;
}
