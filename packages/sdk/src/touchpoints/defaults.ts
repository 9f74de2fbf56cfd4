import { linkDomains } from '../link-domains.js';
import type { Features } from '../tracker.js';
import type { TouchpointPlugin } from './plugin.js';
import { ads } from './ads.js';
import { campaign, type CampaignOptions } from './campaign.js';
import { journal, type JournalOptions } from './journal.js';
import { dedupeOrders } from './order-dedup.js';
import { pages, type PagesOptions } from './pages.js';
import { shares } from './shares.js';
import { surveys } from './survey.js';
import { vitals } from './vitals.js';

/** Per default capture plugin: `false` turns it off; an object passes it options (and keeps it on). */
export interface AutocaptureSettings {
  /** Page views on load and SPA navigations (`{ spa: false }` keeps only the load). @default true */
  pages?: boolean | PagesOptions;
  /** Landing touchpoint and the session's campaign (`{ stripParams: true }`). @default true */
  campaign?: boolean | CampaignOptions;
  /** First / last non-direct / recent touches attached to conversions. @default true */
  journal?: boolean | JournalOptions;
  /** `data-tp-ad` impressions (viewability) and clicks, plus `trackAd()`. @default true */
  ads?: boolean;
  /** Share link and `data-tp-share` clicks. @default true */
  shares?: boolean;
  /** `survey()` and `howDidYouHear()`. @default true */
  surveys?: boolean;
  /** LCP, INP, CLS, FCP, TTFB per page. @default true */
  vitals?: boolean;
}

/** Which default capture plugins to run: `false` turns all off; an object turns single ones off by name. */
export type AutocaptureOptions = boolean | AutocaptureSettings;

// Order matters: campaign strips the address bar before pages records the landing page, and its enrich
// adds the touchpoint that journal then reads.
const FACTORIES: {
  [K in keyof AutocaptureSettings]-?: (options: never, notReferrers: string[]) => TouchpointPlugin;
} = {
  campaign,
  journal,
  pages,
  ads,
  shares,
  surveys,
  vitals,
};

/**
 * The capture plugins the tracker runs by default (and the full script-tag build contains), in order:
 * campaign, journal, pages, ads, shares, surveys, vitals.
 *
 * `notReferrers` are hosts whose visits are no referrals: the tracker passes its `linkDomains` (the site's
 * other domains) and `ignoreReferrers` (payment pages and the like).
 *
 * @throws when `options` names a plugin that does not exist.
 * @example defaultPlugins({ ads: false, campaign: { stripParams: true } })
 */
export function defaultPlugins(
  options: AutocaptureOptions = true,
  notReferrers: string[] = [],
): TouchpointPlugin[] {
  const settings = (options === true ? {} : options) as Record<string, unknown>;
  for (const name in settings)
    if (!(name in FACTORIES))
      throw new Error(
        `[touchpoint] createTracker: autocapture.${name} is not a capture plugin. Use one of ${Object.keys(FACTORIES).join(', ')}.`,
      );
  // `false` has no keys: the loop above passes it, and it runs none.
  return options === false
    ? []
    : Object.entries(FACTORIES).flatMap(([name, factory]) => {
        const setting = settings[name] ?? true;
        return setting === false
          ? []
          : (factory as (o: unknown, notReferrers: string[]) => TouchpointPlugin)(
              setting === true ? {} : setting,
              notReferrers,
            );
      });
}

/**
 * What the full builds (npm `createTracker`, `touchpoint.min.js`) add to the core tracker. Always, whatever
 * `autocapture` says: repeated-order-id dedup as the first middleware (a reloaded "thank you" page must not
 * count a purchase twice) and cross-domain links (`linkDomains`, first plugin, so an adopted id is on the
 * landing page). Then the default capture plugins `autocapture` selects.
 */
export const fullFeatures: Features = (o, host, identity) => ({
  plugins: [
    linkDomains(o.linkDomains, identity),
    ...defaultPlugins(o.autocapture, [...o.linkDomains, ...o.ignoreReferrers]),
  ],
  middleware: [dedupeOrders(host, o.endpoint)],
});
