// The drafts store over device storage (drafts.ts, device-storage.ts): a
// draft worth keeping is written, one back where it started is forgotten, and
// storage the browser refuses reads as empty instead of breaking the page.
import { describe, expect, it } from 'vitest';
import { makeDeviceStorage } from './device-storage.ts';
import { makeDraftStore } from './drafts.ts';

/** The part of Storage the device storage uses, over a Map. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    get length() {
      return data.size;
    },
  } as Storage;
}

describe('drafts store', () => {
  it('DRAFT-4 keeps a draft per owner until it is not worth keeping, saved or discarded', () => {
    const storage = memoryStorage();
    const device = makeDeviceStorage(() => storage);
    const ada = makeDraftStore(device, { tenantId: 't1', userId: 'ada' });
    const bob = makeDraftStore(device, { tenantId: 't1', userId: 'bob' });
    const base = { version: 2, text: 'Saved' };

    ada.write('i1', 'description', { text: 'Saved, more', base });
    ada.write('i1', 'comment', { text: 'Half' });
    expect(ada.read('i1', 'description')).toEqual({ text: 'Saved, more', base });
    expect(bob.read('i1', 'description')).toBeNull();
    expect(ada.read('i2', 'description')).toBeNull();

    // Typed back to where it started: nothing to keep.
    ada.write('i1', 'description', { text: 'Saved', base });
    expect(ada.read('i1', 'description')).toBeNull();
    ada.discard('i1', 'comment');
    expect(ada.read('i1', 'comment')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('DRAFT-5 storage the browser refuses reads as empty and takes no writes, without throwing', () => {
    const refused = makeDeviceStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const drafts = makeDraftStore(refused, { tenantId: 't1', userId: 'ada' });
    expect(() => drafts.write('i1', 'comment', { text: 'x' })).not.toThrow();
    expect(drafts.read('i1', 'comment')).toBeNull();
    expect(makeDeviceStorage(() => null).get('k')).toBeNull();
  });
});
