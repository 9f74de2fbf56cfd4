/**
 * `localStorage[method](...args)` for storage that may be missing or throwing (private modes, sandboxed
 * frames, storage blocked or full): a failure gives undefined, so the caller keeps working from memory.
 *
 * @example local('setItem', 'tp_uid', 'u1'); local('getItem', 'tp_uid') // 'u1', or null/undefined
 */
export function local(
  method: 'getItem' | 'setItem' | 'removeItem',
  ...args: string[]
): string | null | undefined {
  try {
    return (localStorage[method] as (...a: string[]) => string | null)(...args);
  } catch {
    return undefined;
  }
}
