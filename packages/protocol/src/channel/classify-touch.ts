import type { Campaign, Touch, TouchKind } from '../event.js';
import { CLICK_IDS } from './click-ids.js';
import { hostOf, lower, sameSite, sourceList } from './host.js';
import { SEARCH_SOURCES, SHOPPING_SOURCES, SOCIAL_SOURCES, VIDEO_SOURCES } from './sources.js';

/** What `classifyTouch` reads: a landing URL's campaign (see `parseCampaign`) plus its referrer. */
export interface ClassifyInput extends Campaign {
  /** `document.referrer`: a URL or a bare host. */
  referrer?: string;
  /** Host of the landing page; a referrer from the same site is not a referral. */
  landingHost?: string;
}

const isSearch = sourceList(SEARCH_SOURCES);
const isSocial = sourceList(SOCIAL_SOURCES);
const isVideo = sourceList(VIDEO_SOURCES);
const isShopping = sourceList(SHOPPING_SOURCES);

/**
 * GA4's default channel groups in their order, each with its touch kind (paid and display channels are ads);
 * `classifyTouch` tests their rules in the same order. One string, because it ships in the script tag.
 */
// Pure: computed at load, so without the mark every bundle that imports anything from the protocol (the
// SDK's lean core entry, for its uuid) would keep the table, and the source lists with it.
const CHANNELS = /* @__PURE__ */ (
  'Direct:direct,Cross-network:ad,Paid Shopping:ad,Paid Search:ad,Paid Social:ad,Paid Video:ad,Display:ad,' +
  'Paid Other:ad,Organic Shopping:shopping,Organic Social:social,Organic Video:video,Organic Search:search,' +
  'Referral:referral,Email:email,Affiliates:affiliate,Audio:audio,SMS:sms,Mobile Push Notifications:push,' +
  'Unassigned:other'
)
  .split(',')
  .map((entry) => entry.split(':') as [channel: string, kind: TouchKind]);

/** `email`, `e-mail`, `e_mail` or `e mail`. */
const EMAIL = /^e[-_ ]?mail$/;

/**
 * Classifies where a visit came from into a GA4 default channel group (`Paid Search`, `Organic Social`,
 * `Email`, `Direct`, `Referral`, …, else `Unassigned`) and a touch kind (`ad` for every paid channel,
 * `social`, `search`, `email`, `referral`, `direct`, …). Case-insensitive; first matching rule wins.
 *
 * Source and medium come from the campaign; a click id fills whichever is missing (`gclid` → google / cpc,
 * `fbclid` → facebook / paid, see `CLICK_IDS`), so a click id is paid evidence unless a medium says
 * otherwise. Without source and medium they come from the referrer, as GA4 does: a search engine gives
 * `organic`, any other site `referral` (so a social network lands in `Organic Social`); no referrer, or one
 * from the landing site itself, is `(direct)` / `(none)`: Direct unless a campaign name says more.
 *
 * @example classifyTouch({ referrer: 'https://www.google.com/' }) // → { kind: 'search', channel: 'Organic Search', source: 'google', medium: 'organic', … }
 * @see https://support.google.com/analytics/answer/9756891
 */
export function classifyTouch(input: ClassifyInput): Touch {
  const { referrer, landingHost, ...touch }: Partial<Touch> & ClassifyInput = input;
  const landing = hostOf(landingHost);
  let host = hostOf(referrer);
  if (host && landing && sameSite(host, landing)) host = undefined;
  if (host) touch.referrerHost = host;
  // Index access, not destructuring: a name like `constructor` finds no click id and must not throw.
  const implied = CLICK_IDS[touch.clickId?.name.toLowerCase() as string] ?? [];
  let source = touch.source || implied[0];
  let medium = touch.medium || implied[1];
  // A campaign name alone is not nothing: leave it to the campaign rules (else Unassigned).
  if (!source && !medium && (host || !touch.campaign)) {
    const engine = host && isSearch(host);
    source = engine || host || '(direct)';
    medium = engine ? 'organic' : host ? 'referral' : '(none)';
  }
  // Assigned even when empty, then deleted: keeps the keys' order (the touch is sent as JSON).
  touch.source = source;
  touch.medium = medium;
  if (!source) delete touch.source;
  if (!medium) delete touch.medium;
  const s = lower(source);
  const m = lower(medium);
  const c = lower(touch.campaign);
  // GA4's paid medium pattern.
  const paid = /^(.*cp.*|ppc|retargeting|paid.*)$/.test(m);
  const shopping = isShopping(s) || /^(.*(([^a-df-z]|^)shop|shopping).*)$/.test(c);
  const search = isSearch(s);
  const social = isSocial(s);
  const video = isVideo(s);
  // The rules of CHANNELS, in its order; the first that holds names the channel.
  const [channel, kind] =
    CHANNELS[
      [
        /* Direct */ s === '(direct)' && /^(\(none\)|\(not set\)|)$/.test(m),
        /* Cross-network */ c.includes('cross-network'),
        /* Paid Shopping */ paid && shopping,
        /* Paid Search */ paid && search,
        /* Paid Social */ paid && social,
        /* Paid Video */ paid && video,
        /* Display */ /^(display|banner|expandable|interstitial|cpm)$/.test(m),
        /* Paid Other */ paid,
        /* Organic Shopping */ shopping,
        // Social mediums: social, social-network, social-media, social network, social media, sm.
        /* Organic Social */ social || /^(social([- ](network|media))?|sm)$/.test(m),
        /* Organic Video */ video || m.includes('video'),
        /* Organic Search */ search || m === 'organic',
        /* Referral */ /^(referral|app|link)$/.test(m),
        /* Email */ EMAIL.test(s) || EMAIL.test(m),
        /* Affiliates */ m === 'affiliate',
        /* Audio */ m === 'audio',
        /* SMS */ s === 'sms' || m === 'sms',
        /* Mobile Push Notifications */ /push$|mobile|notification/.test(m) || s === 'firebase',
        /* Unassigned */ true,
      ].findIndex(Boolean)
    ]!;
  touch.channel = channel;
  touch.paid = kind === 'ad';
  touch.kind = kind;
  return touch as Touch;
}
