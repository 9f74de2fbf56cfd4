/**
 * Who a device (anonymous id) belongs to at a given time. Links come from `identify` events (and events that
 * carry a `userId`) and from collector clicks whose landing page names another device (`tp_click`). An event
 * that carries its own `userId` belongs to that user whatever the links say.
 *
 * The rule for one anonymous id seen with two users (a shared device): each event belongs to the user of the
 * latest link at or before it; events before the first link belong to the first user, retroactively. Two users
 * are never merged into one person. A device without links is its own person.
 */
export interface IdentityResolver {
  /** Links `anon` to a user from time `ts` on (an `identify` event). */
  identify(anon: number, ts: number, userId: string): void;
  /**
   * Notes an event of `anon` that carried `userId`. Only the earliest such event per device and user becomes a
   * link, so memory grows with device–user pairs, not events, and arrival order does not matter.
   */
  seen(anon: number, ts: number, userId: string): void;
  /** Makes `anon` follow `target` (another device) from time `ts` on. */
  alias(anon: number, ts: number, target: number): void;
  /** The person key of `anon` at time `ts`. */
  personOf(anon: number, ts: number): string;
}

/** Person keys: `user:<user id>`, or `anon:<anonymous id>` for a device never identified. */
export const USER_KEY = 'user:';
export const ANON_KEY = 'anon:';

type Link = { ts: number; user?: string; target?: number };

/** Deepest chain of device aliases followed (a click device → landing device → user). */
const MAX_ALIAS_DEPTH = 4;

export function createIdentityResolver(anonName: (anon: number) => string): IdentityResolver {
  const links = new Map<number, Link[]>();
  const sorted = new Set<number>();
  const push = (anon: number, link: Link) => {
    const list = links.get(anon);
    if (!list) links.set(anon, [link]);
    else list.push(link);
    sorted.delete(anon);
  };
  const earliest = new Map<string, Link>();
  const seen = (anon: number, ts: number, user: string) => {
    const key = `${anon}\u0001${user}`;
    const link = earliest.get(key);
    if (!link) {
      const fresh = { ts, user };
      earliest.set(key, fresh);
      push(anon, fresh);
    } else if (ts < link.ts) {
      link.ts = ts;
      sorted.delete(anon);
    }
  };
  const linkAt = (anon: number, ts: number): Link | undefined => {
    const list = links.get(anon);
    if (!list) return undefined;
    if (!sorted.has(anon)) {
      // Ties broken by user id then target device id so the result does not depend on input order.
      list.sort(
        (a, b) =>
          a.ts - b.ts ||
          cmp(a.user ?? '', b.user ?? '') ||
          cmp(
            a.target === undefined ? '' : anonName(a.target),
            b.target === undefined ? '' : anonName(b.target),
          ),
      );
      sorted.add(anon);
    }
    let lo = 0;
    let hi = list.length - 1;
    let found = 0; // before the first link: the first link, retroactively
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.ts <= ts) ((found = mid), (lo = mid + 1));
      else hi = mid - 1;
    }
    return list[found];
  };
  const unlinked: string[] = []; // person key of devices without links, made once per device
  const personOf = (anon: number, ts: number, depth = 0): string => {
    const link = linkAt(anon, ts);
    if (!link) return (unlinked[anon] ??= ANON_KEY + anonName(anon));
    if (link.user !== undefined) return USER_KEY + link.user;
    return depth < MAX_ALIAS_DEPTH ? personOf(link.target!, ts, depth + 1) : ANON_KEY + anonName(anon);
  };
  return {
    identify: (anon, ts, user) => push(anon, { ts, user }),
    seen,
    alias: (anon, ts, target) => push(anon, { ts, target }),
    personOf: (anon, ts) => personOf(anon, ts),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
