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
// recording an event on the browser's main thread, and most of it is per call, not per byte.
const POOL_IDS = 64;
const pool = new Uint8Array(16 * POOL_IDS);
let poolNext = POOL_IDS;

/** Makes a uuid v7 string (lower case). Uses `crypto.getRandomValues`, present in browsers and Node 20. */
export function uuidv7(now: number = Date.now()): string {
  if (poolNext === POOL_IDS) {
    crypto.getRandomValues(pool);
    poolNext = 0;
  }
  const bytes = pool.subarray(16 * poolNext, 16 * ++poolNext);
  if (now > lastMs) {
    lastMs = now;
    // Start each millisecond's 12-bit counter in its lower half so it has room to grow.
    sequence = ((bytes[6]! & 0x07) << 8) | bytes[7]!;
  } else {
    sequence++;
    if (sequence > 0xfff) {
      // Counter overflow: borrow the next millisecond, as RFC 9562 §6.2 allows.
      lastMs++;
      sequence = 0;
    }
    now = lastMs;
  }
  const ms = now;
  bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
  bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
  bytes[2] = (ms >>> 24) & 0xff;
  bytes[3] = (ms >>> 16) & 0xff;
  bytes[4] = (ms >>> 8) & 0xff;
  bytes[5] = ms & 0xff;
  bytes[6] = 0x70 | ((sequence >>> 8) & 0x0f);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += HEX[bytes[i]!];
    if (i === 3 || i === 5 || i === 7 || i === 9) out += '-';
  }
  return out;
}

/** Reads the creation time (epoch ms) back out of a uuid v7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
