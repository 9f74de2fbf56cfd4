/**
 * Browsers cap the bodies of all in-flight `keepalive` requests of a page at 64 KiB together; a request
 * over the cap fails outright.
 *
 * @see https://fetch.spec.whatwg.org/#http-network-or-cache-fetch (step "inflightKeepaliveBytes")
 */
export const KEEPALIVE_BUDGET_BYTES = 64 * 1024;

/** Accounts for the bytes of this page's keepalive requests still in flight. */
export interface KeepaliveBudget {
  available(): number;
  /** Takes `bytes` from the budget; false (and nothing taken) when they do not fit. */
  reserve(bytes: number): boolean;
  release(bytes: number): void;
}

export function keepaliveBudget(total = KEEPALIVE_BUDGET_BYTES): KeepaliveBudget {
  let inFlight = 0;
  return {
    available: () => total - inFlight,
    reserve(bytes) {
      if (bytes > total - inFlight) return false;
      inFlight += bytes;
      return true;
    },
    release(bytes) {
      inFlight = Math.max(0, inFlight - bytes);
    },
  };
}
