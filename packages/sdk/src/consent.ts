import { DELIVERY_ONLY } from './build-flags.js';
import { local } from './local-storage.js';
import type { ConsentState } from './options.js';

/** localStorage key of the visitor's explicit choice (kept after a denial so it is respected). */
export const CONSENT_KEY = 'tp_consent';

/** The consent states, in the order the `consent` option's error message lists them. */
export const CONSENT_STATES: ConsentState[] = ['granted', 'pending', 'denied'];

/**
 * The consent state a page starts in: the visitor's stored explicit choice, else a browser privacy signal
 * (GPC by default, DNT if asked) as a denial, else the site's configured default.
 *
 * @see https://globalprivacycontrol.github.io/gpc-spec/
 */
export function initialConsent(o: {
  consent: ConsentState;
  respectGlobalPrivacyControl: boolean;
  respectDoNotTrack: boolean;
}): ConsentState {
  const stored = local('getItem', CONSENT_KEY);
  if (stored === 'granted' || stored === 'denied') return stored;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (o.respectGlobalPrivacyControl && nav.globalPrivacyControl === true) return 'denied';
  if (!DELIVERY_ONLY && o.respectDoNotTrack && nav.doNotTrack === '1') return 'denied';
  return o.consent;
}

/**
 * Remembers an explicit choice (`pending` forgets it). Not stored (no storage): the site's consent tool
 * calls again on the next page.
 */
export function storeConsent(state: ConsentState): void {
  local(state === 'pending' ? 'removeItem' : 'setItem', CONSENT_KEY, state);
}
