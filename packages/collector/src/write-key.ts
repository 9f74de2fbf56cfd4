import { timingSafeEqual } from 'node:crypto';

/** Constant-time membership test, so a key cannot be guessed byte by byte from response times. */
export function writeKeyAllowed(key: string | undefined, keys: readonly string[]): boolean {
  if (keys.length === 0) return true;
  if (!key) return false;
  const given = Buffer.from(key);
  let match = false;
  for (const candidate of keys) {
    const expected = Buffer.from(candidate);
    if (expected.length === given.length && timingSafeEqual(expected, given)) match = true;
  }
  return match;
}
