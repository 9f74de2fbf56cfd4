import type { ConsentState } from './options';

/** localStorage key of the visitor's explicit choice (kept after a denial so it is respected). */
export const CONSENT_KEY = 'tp_consent';

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
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(CONSENT_KEY);
  } catch {
    // no storage: no stored choice
  }
  if (stored === 'granted' || stored === 'denied') return stored;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  if (o.respectGlobalPrivacyControl && nav.globalPrivacyControl === true) return 'denied';
  if (o.respectDoNotTrack && nav.doNotTrack === '1') return 'denied';
  return o.consent;
}

/** Remembers an explicit choice (`pending` forgets it). */
export function storeConsent(state: ConsentState): void {
  try {
    if (state === 'pending') localStorage.removeItem(CONSENT_KEY);
    else localStorage.setItem(CONSENT_KEY, state);
  } catch {
    // not stored: the site's consent tool calls again on the next page
  }
}
