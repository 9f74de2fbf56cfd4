import { vi } from 'vitest';

/**
 * Holds back the success of the next `indexedDB.open` (fake-indexeddb) until `release()`: the database is
 * open, but the queue does not know yet, as with a denial that comes while the open is under way.
 * `afterSuccess` runs right after the queue's own success handler, before any later task (a
 * `versionchange`). Test-only; undo with `restore()`.
 */
export function gateNextOpen(afterSuccess: () => void = () => {}) {
  const realOpen = indexedDB.open.bind(indexedDB);
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let gated = false;
  const open = vi.spyOn(indexedDB, 'open').mockImplementation((name: string) => {
    const request = realOpen(name);
    if (gated) return request;
    gated = true;
    return new Proxy(request, {
      set(target, key, value: (event: Event) => void) {
        if (key === 'onsuccess')
          target.onsuccess = (event) =>
            void gate.then(() => {
              value.call(target, event);
              afterSuccess();
            });
        else Reflect.set(target, key, value, target);
        return true;
      },
      get: (target, key) => Reflect.get(target, key, target),
    });
  });
  return { opened: () => open.mock.calls.length > 0, release, restore: () => open.mockRestore() };
}
