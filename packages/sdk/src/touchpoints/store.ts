import { local } from '../local-storage.js';
import type { TrackerHost } from './plugin.js';

/**
 * Tiny JSON-in-localStorage helpers for the capture plugins' own state (session campaign, journal, seen
 * order ids). Storage can be missing, full or blocked (private modes, sandboxed iframes): reads then give
 * undefined and writes are skipped, so a plugin keeps working from memory for the page's life.
 */

/** Prefix of every key the capture plugins write; the tracker removes `tp_*` keys when consent is denied. */
export const STORE_PREFIX = 'tp_';

/**
 * Reads and parses `tp_<key>`; `fallback` when absent, unreadable, not JSON, or not the fallback's kind (a
 * list for a list, a plain object for an object): another script may have written the key, and the plugins
 * update their state in place.
 */
export function load<T extends object>(key: string, fallback: T): T {
  try {
    // Absent (null) or storage failing (undefined, which JSON.parse refuses): the fallback.
    const value = JSON.parse(local('getItem', STORE_PREFIX + key) as string);
    if (value?.constructor == fallback.constructor) return value;
  } catch {
    // not JSON
  }
  return fallback;
}

/**
 * Writes `tp_<key>` as JSON; returns false when storage refused it. Nothing is written while the host
 * reports a consent state other than `granted` (a host without `consent()` allows it).
 */
export function save(key: string, value: unknown, host?: Pick<TrackerHost, 'consent'>): boolean {
  const consent = host?.consent?.();
  if (consent && consent !== 'granted') return false;
  try {
    localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}
