/**
 * Source lists for the channel rules, kept as versioned data. Bump {@link CHANNEL_SOURCES_VERSION} whenever a
 * list changes: stored touches keep the channel they were given, so a report that mixes versions can say so.
 *
 * Each entry is a source name or host without a `www.`, `m.`, `l.`, `lm.` or `mobile.` prefix (those are
 * stripped first). A source matches an entry when it equals it or starts with `entry.` (so `google` covers
 * `google`, `www.google.com` and `google.co.uk`, but not `docs.google.com`). Entries are lower-case
 * letters, digits, `-` and `.`, and within a list no entry starts with another one followed by a dot (so a
 * source matches at most one entry of each list; `sources.test.ts` checks both).
 * Lists are space-separated strings because they ship inside the 8 KB script tag.
 *
 * @see https://support.google.com/analytics/answer/9756891 (GA4 default channel group)
 */

/** Version of the source lists below (date of the last change). */
export const CHANNEL_SOURCES_VERSION = '2026-11-23';

/** Search engines (GA4 "search sites"). */
export const SEARCH_SOURCES =
  'google bing yahoo search.yahoo duckduckgo baidu yandex ya ecosia naver ' +
  'search.naver ask aol search.aol seznam qwant startpage search.brave sogou so daum ' +
  'coccoc dogpile kagi perplexity';

/** Social networks (GA4 "social sites"). */
export const SOCIAL_SOURCES =
  'facebook fb meta instagram ig linkedin lnkd.in ' +
  'twitter t.co x pinterest pin.it reddit out.reddit old.reddit tiktok snapchat threads tumblr ' +
  'quora vk weibo bsky mastodon discord whatsapp web.whatsapp telegram t.me line ' +
  'messenger wechat xing yelp nextdoor';

/** Video sites (GA4 "video sites"). */
export const VIDEO_SOURCES =
  'youtube youtu.be vimeo twitch dailymotion wistia netflix hulu disneyplus bilibili rumble';

/** Shopping sites (GA4 "shopping sites"). */
export const SHOPPING_SOURCES =
  'amazon ebay etsy walmart shopping.google aliexpress alibaba rakuten mercadolibre target ' +
  'bestbuy idealo shopzilla pricegrabber zalando temu shein';
