/**
 * RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps queue order and database indexes cheap. Within one millisecond a counter in the random
 * field keeps ids made by this process strictly increasing.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
 */
let lastMs = 0;
let sequence = 0;

// Random bits are drawn 64 ids at a time: one `getRandomValues` call costs about as much as the rest of
// recording an event on the browser's main thread, and most of it is per call, not per byte. Each id
// uses 5 words: 1 to start the counter, 4 for the variant and the last 62 random bits.
const POOL_WORDS = 5 * 64;
const pool = new Uint16Array(POOL_WORDS);
let next = POOL_WORDS;

// Numbers up to 2^30 take V8's fast path to hex; 32-bit words would take the slow path, twice the time.
const hex = (n: number): string => n.toString(16);
const word = (): string => hex(pool[next++]! | 0x10000).slice(1);

/** Makes a uuid v7 string (lower case). Uses `crypto.getRandomValues`, present in browsers and Node 20. */
export function uuidv7(now: number = Date.now()): string {
  if (next > POOL_WORDS - 5) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  now = Math.floor(now);
  if (now > lastMs) {
    lastMs = now;
    // Start each millisecond's 12-bit counter in its lower half so it has room to grow.
    sequence = pool[next++]! & 0x7ff;
  } else if (++sequence > 0xfff) {
    // Counter overflow: borrow the next millisecond, as RFC 9562 §6.2 allows.
    lastMs++;
    sequence = 0;
  }
  const ms = hex(lastMs).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-${hex(0x7000 | sequence)}-${hex(0x8000 | (pool[next++]! & 0x3fff))}-${word()}${word()}${word()}`;
}

/** Reads the creation time (epoch ms) back out of a uuid v7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
