/**
 * RFC 9562 UUID version 7: 48 bits of Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps queue order and database indexes cheap. Within one millisecond a counter in the random
 * field keeps ids made by this process strictly increasing.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
 */
let lastMs = 0;
let sequence = 0;

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i + 0x100).toString(16).slice(1));

// Random bytes are drawn 64 ids at a time: one `getRandomValues` call costs about as much as the rest of
// recording an event on the browser's main thread, and most of it is per call, not per byte. Each id
// uses 10: 2 to start the counter, 8 for the variant and the last 62 random bits.
const POOL_IDS = 64;
const pool = new Uint8Array(10 * POOL_IDS);
let poolNext = POOL_IDS;

/** Makes a uuid v7 string (lower case). Uses `crypto.getRandomValues`, present in browsers and Node 20. */
export function uuidv7(now: number = Date.now()): string {
  if (poolNext === POOL_IDS) {
    crypto.getRandomValues(pool);
    poolNext = 0;
  }
  const r = 10 * poolNext++;
  if (now > lastMs) {
    lastMs = now;
    // Start each millisecond's 12-bit counter in its lower half so it has room to grow.
    sequence = ((pool[r]! & 0x07) << 8) | pool[r + 1]!;
  } else if (++sequence > 0xfff) {
    // Counter overflow: borrow the next millisecond, as RFC 9562 §6.2 allows.
    lastMs++;
    sequence = 0;
  }
  const ms = Math.floor(lastMs).toString(16).padStart(12, '0');
  let tail = HEX[0x80 | (pool[r + 2]! & 0x3f)]!;
  for (let i = r + 3; i < r + 10; i++) tail += HEX[pool[i]!];
  return `${ms.slice(0, 8)}-${ms.slice(8)}-${(0x7000 | sequence).toString(16)}-${tail.slice(0, 4)}-${tail.slice(4)}`;
}

/** Reads the creation time (epoch ms) back out of a uuid v7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
