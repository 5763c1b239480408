// localStorage as the app uses it for what one person keeps on this device
// (drafts, a column's quick-add type). Storage that is missing or refused
// (privacy settings, a full quota) reads as empty and drops writes: the page
// goes on working, it only forgets sooner.

export interface DeviceStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** `storage` is asked for at every call: reading `window.localStorage` itself throws where it is refused. */
export function makeDeviceStorage(storage: () => Storage | null = () => window.localStorage): DeviceStorage {
  const attempt = <T>(use: (s: Storage) => T, otherwise: T): T => {
    try {
      const s = storage();
      return s ? use(s) : otherwise;
    } catch {
      return otherwise;
    }
  };
  return {
    get: (key) => attempt((s) => s.getItem(key), null),
    set: (key, value) => attempt((s) => s.setItem(key, value), undefined),
    remove: (key) => attempt((s) => s.removeItem(key), undefined),
  };
}
