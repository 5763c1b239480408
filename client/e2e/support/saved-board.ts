// The board copy the web client saved on the device (sync/idb-board-cache.ts),
// read from the page's IndexedDB without creating the database.
import type { Page } from 'playwright-core';
import type { Session } from '../../../server/test/support/accounts.ts';
import { pb } from '../../../shared/proto.ts';

export interface SavedBoard {
  seq: number;
  board: ReturnType<typeof pb.Board.decode>;
}

/** The board saved for project `key` by `who` in this page's origin, or null when there is none. */
export async function savedBoard(page: Page, who: Session, key: string): Promise<SavedBoard | null> {
  const row = await page.evaluate(
    async ({ name, key }) => {
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return null;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      try {
        if (!db.objectStoreNames.contains('boards')) return null;
        const stored = await new Promise<{ seq: number; boardBytes: Uint8Array } | undefined>((resolve, reject) => {
          const r = db.transaction('boards').objectStore('boards').get(key);
          r.onsuccess = () => resolve(r.result as { seq: number; boardBytes: Uint8Array } | undefined);
          r.onerror = () => reject(r.error);
        });
        return stored ? { seq: stored.seq, bytes: Array.from(stored.boardBytes) } : null;
      } finally {
        db.close();
      }
    },
    { name: `tandem-boards-${who.tenantId}-${who.user.id}`, key },
  );
  return row ? { seq: Number(row.seq), board: pb.Board.decode(Uint8Array.from(row.bytes)) } : null;
}
