// The browser's outbox: queued writes in IndexedDB, so an edit made offline
// (or sent just before a reload) is replayed by the next page. One object
// store keyed by message id, with an index on insertion order.
import type { Outbox, OutboxEntry } from '../../../shared/sdk/outbox.ts';
import { committed, done, lazyDatabase } from './idb.ts';

const STORE = 'outbox';
const ORDER_INDEX = 'by_order';

interface Row extends OutboxEntry {
  /** Insertion order: a counter, not createdAt, which two writes in one millisecond share. */
  order: number;
}

export interface IdbOutboxOptions {
  /** One database per signed-in user and workspace: a shared device must not replay someone else's edits. */
  databaseName: string;
  /** Injected in tests; the page's global otherwise. */
  indexedDB?: IDBFactory;
}

export function makeIdbOutbox(options: IdbOutboxOptions): Outbox {
  const db = lazyDatabase(options.indexedDB ?? globalThis.indexedDB, options.databaseName, 1, (database) => {
    const store = database.createObjectStore(STORE, { keyPath: 'messageId' });
    store.createIndex(ORDER_INDEX, 'order', { unique: false });
  });

  return {
    async load() {
      const tx = (await db()).transaction(STORE, 'readonly');
      const rows = await done(tx.objectStore(STORE).index(ORDER_INDEX).getAll() as IDBRequest<Row[]>);
      return rows.map(({ order: _order, ...entry }) => entry);
    },

    async put(entry) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      // Read and write in one transaction, so two tabs cannot take the same order.
      const known = await done(store.get(entry.messageId) as IDBRequest<Row | undefined>);
      let order = known?.order;
      if (order === undefined) {
        const cursor = await done(store.index(ORDER_INDEX).openCursor(null, 'prev'));
        order = cursor ? (cursor.value as Row).order + 1 : 1;
      }
      // A plain Uint8Array: Node's Buffer subclass (or a view into a larger buffer) does not clone as one.
      const frameBytes = new Uint8Array(entry.frameBytes);
      store.put({ ...entry, frameBytes, order } satisfies Row);
      await committed(tx);
    },

    async delete(messageId) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(messageId);
      await committed(tx);
    },
  };
}
