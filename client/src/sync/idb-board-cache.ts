// The board cache in IndexedDB: one database per user and workspace (so
// another account on the same browser never opens it), one row per project
// key. Deleted whole at logout.
import { fromStored, toStored, type BoardCache, type StoredBoard } from './board-cache.ts';
import { committed, done, lazyDatabase } from './idb.ts';

const STORE = 'boards';

export interface IdbBoardCacheOptions {
  databaseName: string;
  indexedDB?: IDBFactory;
}

export function makeIdbBoardCache(options: IdbBoardCacheOptions): BoardCache {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const db = lazyDatabase(factory, options.databaseName, 1, (database) => {
    database.createObjectStore(STORE, { keyPath: 'projectKey' });
  });
  const write = async (change: (store: IDBObjectStore) => void) => {
    const tx = (await db()).transaction(STORE, 'readwrite');
    change(tx.objectStore(STORE));
    await committed(tx);
  };

  return {
    async load(projectKey) {
      const tx = (await db()).transaction(STORE, 'readonly');
      return fromStored(await done(tx.objectStore(STORE).get(projectKey) as IDBRequest<StoredBoard | undefined>));
    },
    save: (snapshot) => write((store) => store.put(toStored(snapshot))),
    forget: (projectKey) => write((store) => store.delete(projectKey)),
    async clear() {
      // Deleting the database (not just its rows) leaves no trace of which projects were open.
      // An open connection closes itself on `versionchange` (idb.ts), so the delete is not blocked by this page.
      await done(factory.deleteDatabase(options.databaseName) as IDBRequest<unknown>);
    },
  };
}
