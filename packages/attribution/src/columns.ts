/** Growable typed-array columns: compact storage for millions of records (about 45 bytes each). */
export interface Columns {
  length: number;
  anon: Int32Array;
  ts: Float64Array;
  /** Record type, see `RecordType`. */
  type: Uint8Array;
  /** Interned channel, or a negative marker (`PLAIN_PAGE`, `CLICK_LANDING`). */
  channel: Int32Array;
  kind: Uint8Array;
  /** Hash of the session id — only compared for equality. */
  session: Int32Array;
  /** Last activity time of the session a page started (pages). */
  end: Float64Array;
  /** Conversion value. */
  value: Float64Array;
  /** Interned user id the event itself carried, or -1. */
  user: Int32Array;
  /** Index into a side table (conversion details, survey channel, click id), or -1. */
  extra: Int32Array;
}

/** `activity`: an event that is nothing else here (track, vitals, identify…) but keeps its session alive. */
export const RecordType = { page: 0, touch: 1, conversion: 2, survey: 3, activity: 4 } as const;
/** Channel marker: a page without a landing touch (Direct if it starts a session). */
export const PLAIN_PAGE = -1;
/** Channel marker: the landing page of a click the collector recorded (the click is the touch). */
export const CLICK_LANDING = -2;

const INITIAL_CAPACITY = 1024;

export function createColumns(): Columns {
  return allocate(INITIAL_CAPACITY, undefined);
}

/** Makes room for one more record, doubling capacity when full. */
export function grow(c: Columns): Columns {
  if (c.length < c.anon.length) return c;
  return allocate(c.anon.length * 2, c);
}

function allocate(capacity: number, from: Columns | undefined): Columns {
  const make = <T extends Int32Array | Float64Array | Uint8Array>(ctor: new (n: number) => T, old?: T): T => {
    const array = new ctor(capacity);
    if (old) array.set(old);
    return array;
  };
  return {
    length: from?.length ?? 0,
    anon: make(Int32Array, from?.anon),
    ts: make(Float64Array, from?.ts),
    type: make(Uint8Array, from?.type),
    channel: make(Int32Array, from?.channel),
    kind: make(Uint8Array, from?.kind),
    session: make(Int32Array, from?.session),
    end: make(Float64Array, from?.end),
    value: make(Float64Array, from?.value),
    extra: make(Int32Array, from?.extra),
    user: make(Int32Array, from?.user),
  };
}

/** FNV-1a hash of a string, for cheap equality checks of session ids. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Touch classes by their code in the `kind` column. */
export const KIND_CODES = ['visit', 'click', 'impression'] as const;
export const KIND = { visit: 0, click: 1, impression: 2 } as const;
export const KIND_MASK = 3;
/** `kind` bit of a page that carries the SDK's landing touch (always a touch, even mid-session). */
export const LANDING_BIT = 4;
/** `kind` bit of a page that starts a session on its device (set by `markSessionStarts`). */
export const SESSION_START_BIT = 8;
