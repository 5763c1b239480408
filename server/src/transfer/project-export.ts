// One export as a series of parts for a streamed answer. It reads through a
// connection of its own holding one read transaction from the first part to
// the last: every page sees the same moment of the project, and a WAL reader
// never blocks the writes that go on meanwhile on the server's connection.
import type { TenantDb } from '../tenancy/tenant-db.ts';
import { findProject } from '../storage/projects.ts';
import type { ExportFormat } from './export-formats.ts';
import { ProjectItems } from './export-items.ts';

export interface ExportParts {
  /** The next part of the body; null after the last. */
  next(): string | null;
  /** Ends the read transaction and closes the connection; call it however the export ended. */
  close(): void;
}

export function exportParts(snapshot: TenantDb, projectId: string, format: ExportFormat, now: number): ExportParts {
  let items: ProjectItems | null = null;
  let first = true;
  let ended = false;
  return {
    next() {
      if (ended) return null;
      if (items === null) {
        // DEFERRED: the first read below fixes the snapshot.
        snapshot.sqlite.exec('BEGIN');
        const project = findProject(snapshot, projectId);
        if (!project) throw new Error(`project ${projectId} is not in the snapshot`);
        items = new ProjectItems(snapshot, project, format.comments);
        return format.head(items, now);
      }
      const page = items.nextPage();
      if (page !== null) {
        const part = format.page(items, page, first);
        first = false;
        return part;
      }
      ended = true;
      return format.tail() || null;
    },
    close() {
      if (!snapshot.sqlite.open) return;
      if (snapshot.sqlite.inTransaction) snapshot.sqlite.exec('ROLLBACK');
      snapshot.close({ checkpoint: false });
    },
  };
}
