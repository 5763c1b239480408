// The few promise wrappers the IndexedDB stores share (the outbox, the board
// cache): the plain indexedDB API, no library.

export const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

export const committed = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/**
 * Opens `name` at `version`, creating its stores in `upgrade`, and hands back
 * a getter that opens it once and again after a failure (private mode or a
 * full quota may clear up by the next call).
 */
export function lazyDatabase(factory: IDBFactory, name: string, version: number, upgrade: (db: IDBDatabase) => void): () => Promise<IDBDatabase> {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => upgrade(request.result);
    return done(request).then((db) => {
      // Another tab upgrading the schema, or deleting the database at logout: let it, and reopen on the next call.
      db.onversionchange = () => {
        db.close();
        database = null;
      };
      return db;
    });
  };
  return () => {
    database ??= open().catch((err: unknown) => {
      database = null;
      throw err;
    });
    return database;
  };
}
