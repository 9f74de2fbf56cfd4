import { classifyTouch, parseCampaign, type Campaign, type Touch } from '@touchpoint/protocol';
import { listed } from '../link-domains.js';
import { withoutParams } from '../without-params.js';
import type { TouchpointPlugin, TrackerHost } from './plugin.js';
import { load, save } from './store.js';

/** Options of {@link campaign}. */
export interface CampaignOptions {
  /**
   * After reading them, remove `utm_*`, `tp_email` and `tp_click` from the address bar with
   * `history.replaceState`, so shared or bookmarked links don't carry the campaign on. Ad click ids
   * (`gclid`, …) stay: other tags on the page may need them.
   * @default false
   */
  stripParams?: boolean;
}

/** Storage key of the session's campaign: `{ sid, campaign, touched }`. */
const STATE_KEY = 'campaign';
const STRIP = /^(utm_.+|tp_email|tp_click)$/i;

interface State {
  sid: string;
  campaign: Campaign;
  /** The session's visit already has its touchpoint. */
  touched?: boolean;
}

/**
 * Reads the landing URL's campaign (`utm_*`, click ids, `tp_email`) and referrer, classifies the arrival
 * with `classifyTouch`, and:
 * - adds `touchpoint` to the `page` event that starts a visit (the first page of a session, Direct
 *   included, or a landing from somewhere else inside a running session: a new ad click, an email link;
 *   not a reload or a Back to a page already counted);
 * - keeps the session's campaign and adds it as `campaign` to every event of that session.
 *
 * Paid arrivals (a paid medium or a click id) are `kind: 'ad'` touches, email links `email`, social
 * networks `social` (`paid` tells organic from paid), and so on; see `classifyTouch`. `notReferrers` lists
 * hosts (and their subdomains) whose visits are no referral: the site's other domains (the tracker's
 * `linkDomains`) and its `ignoreReferrers` (payment pages).
 */
export function campaign(options: CampaignOptions = {}, notReferrers: string[] = []): TouchpointPlugin {
  // The landing URL's campaign and touch, until the document's first page event.
  let landing: Campaign | undefined;
  let landingTouch: Touch | undefined;
  let state: State | undefined;
  let host: TrackerHost | undefined;
  // This document is a reload or a Back/Forward (not from bfcache): its URL and referrer are those of an
  // arrival already counted, unless a new session starts with it.
  let again = false;
  // State not yet written (storage waits for consent): retried on every event and when the page is
  // hidden or left, so a consent given on this page still keeps the session's campaign for the next one.
  let dirty = false;
  const persist = (): void => {
    if (dirty) dirty = !save(STATE_KEY, state, host);
  };

  return {
    name: 'campaign',
    start(h) {
      host = h;
      state = load<Partial<State>>(STATE_KEY, {}) as State;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      again = /^(reload|back_forward)$/.test(navigation?.type);
      landing = parseCampaign(location.href);
      const referrer = document.referrer;
      landingTouch = classifyTouch({
        ...landing,
        // From another of the site's domains or a payment page: a hop inside the visit, like one from this host.
        referrer: listed(referrer && new URL(referrer).hostname, notReferrers) ? '' : referrer,
        landingHost: location.hostname,
      });
      if (options.stripParams) {
        const href = withoutParams(location.href, STRIP);
        if (href !== location.href) history.replaceState(history.state, '', href);
      }
    },
    // Nothing to undo (start() reads the landing afresh; a stopped tracker records nothing).
    stop() {},
    flush: persist,
    enrich(event) {
      if (state?.sid !== event.sessionId) {
        // A session this tab joined (another tab's, see TrackerHost.joined) continues this tab's visit.
        state =
          state && host?.joined?.(state.sid)
            ? { ...state, sid: event.sessionId }
            : { sid: event.sessionId, campaign: landing ?? {} };
        dirty = true;
      }
      if (event.type === 'page') {
        let touch: Touch | undefined;
        // The site's tabs share a session (after a logout in one, or a timeout in all): one that touched it
        // first stored that, and this tab's page adds no second touch (its own landing still may).
        if (!state.touched) {
          const stored = load<Partial<State>>(STATE_KEY, {});
          if (stored.sid === state.sid) state.touched = stored.touched;
        }
        if (landingTouch) {
          // The first page of this document: its arrival counts unless it is an internal (direct) hop or
          // the same arrival again.
          if (!state.touched || (landingTouch.kind !== 'direct' && !again)) touch = landingTouch;
          landing = landingTouch = undefined;
        } else if (!state.touched) {
          // A session that started on a later page (timed out while the app stayed open).
          touch = classifyTouch({ referrer: event.page.referrer, landingHost: location.hostname });
        }
        if (touch) {
          event.touchpoint = touch;
          state.touched = true;
          dirty = true;
        }
      }
      persist();
      for (const _ in state.campaign) {
        event.campaign ??= state.campaign;
        break;
      }
    },
  };
}
